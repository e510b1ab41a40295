/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * PSCI (Arm DEN 0022) over the conduit the DT's /psci node names (HVC #0
 * under the hypervisor and on QEMU at EL1), SMC Calling Convention (DEN 0028).
 */
#ifndef GUEST_PSCI_H
#define GUEST_PSCI_H

#include <xen/types.h>

/* DEN 0022D chapter 5, "PSCI functions": IDs; the SMC64 forms for calls taking addresses. */
#define PSCI_0_2_FN_VERSION            0x84000000U
#define PSCI_0_2_FN_CPU_OFF            0x84000002U
#define PSCI_0_2_FN64_CPU_ON           0xC4000003U
#define PSCI_0_2_FN64_AFFINITY_INFO    0xC4000004U
#define PSCI_0_2_FN_SYSTEM_OFF         0x84000008U

/* DEN 0022D, "Return error codes": a signed 32-bit value in w0. */
#define PSCI_SUCCESS                   0
#define PSCI_NOT_SUPPORTED             (-1)
#define PSCI_INVALID_PARAMETERS        (-2)
#define PSCI_DENIED                    (-3)
#define PSCI_ALREADY_ON                (-4)
#define PSCI_ON_PENDING                (-5)

/* DEN 0022D, AFFINITY_INFO: the state of the target. */
#define PSCI_AFFINITY_ON               0
#define PSCI_AFFINITY_OFF              1
#define PSCI_AFFINITY_ON_PENDING       2

/* VERSION: major in bits [31:16], minor in [15:0]. */
#define PSCI_VERSION_MAJOR_SHIFT       16
#define PSCI_VERSION_MINOR_MASK        0xffff

/* One call: function ID in x0, arguments in x1..x3; the int32 result from w0. */
long psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3);

long psci_version(void);
long psci_cpu_on(uint64_t mpidr, uint64_t entry, uint64_t context_id);
long psci_cpu_off(void);
long psci_affinity_info(uint64_t mpidr);
void psci_system_off(void);

#endif /* GUEST_PSCI_H */
