/* SPDX-License-Identifier: GPL-2.0-only */
/* PSCI client for the hypervisor (Arm DEN 0022F.b). */
#ifndef ASM_PSCI_H
#define ASM_PSCI_H

#include <xen/bootinfo.h>

#define PSCI_0_2_FN_PSCI_VERSION   0x84000000U
#define PSCI_0_2_FN64_CPU_ON       0xc4000003U
#define PSCI_0_2_FN_SYSTEM_OFF     0x84000008U

#define PSCI_SUCCESS               0
#define PSCI_NOT_SUPPORTED         (-1)
#define PSCI_INVALID_PARAMETERS    (-2)
#define PSCI_DENIED                (-3)
#define PSCI_ALREADY_ON            (-4)
#define PSCI_ON_PENDING            (-5)
#define PSCI_INTERNAL_FAILURE      (-6)
#define PSCI_NOT_PRESENT           (-7)
#define PSCI_DISABLED              (-8)
#define PSCI_INVALID_ADDRESS       (-9)

void psci_init(const struct bootinfo *bi);
uint32_t psci_version(void);
int64_t psci_cpu_on(uint64_t mpidr, paddr_t entry, uint64_t context);
const char *psci_strerror(int64_t err);
void __noreturn psci_system_off(void);

#endif /* ASM_PSCI_H */
