// SPDX-License-Identifier: GPL-2.0-only
/* PSCI wrappers (see psci.h). */
#include <xen/lib.h>
#include "platform.h"
#include "psci.h"

/* SMCCC (DEN 0028), "Register use in AArch64 SMC and HVC calls": x4..x17 may be clobbered. */
#define SMCCC_CALL(insn, x0, x1, x2, x3)                                       \
	asm volatile(insn : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)             \
		     :                                                         \
		     : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", \
		       "x13", "x14", "x15", "x16", "x17", "memory")

long psci_call(uint32_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 asm("x0") = fn;
	register uint64_t x1 asm("x1") = a1;
	register uint64_t x2 asm("x2") = a2;
	register uint64_t x3 asm("x3") = a3;

	if (platform.psci == PSCI_CONDUIT_HVC)
		SMCCC_CALL("hvc #0", x0, x1, x2, x3);
	else if (platform.psci == PSCI_CONDUIT_SMC)
		SMCCC_CALL("smc #0", x0, x1, x2, x3);
	else
		return PSCI_NOT_SUPPORTED;
	return (int32_t)x0;
}

long psci_version(void)
{
	return psci_call(PSCI_0_2_FN_VERSION, 0, 0, 0);
}

long psci_cpu_on(uint64_t mpidr, uint64_t entry, uint64_t context_id)
{
	return psci_call(PSCI_0_2_FN64_CPU_ON, mpidr, entry, context_id);
}

long psci_cpu_off(void)
{
	return psci_call(PSCI_0_2_FN_CPU_OFF, 0, 0, 0);
}

/* Lowest affinity level 0: the state of exactly this vCPU. */
long psci_affinity_info(uint64_t mpidr)
{
	return psci_call(PSCI_0_2_FN64_AFFINITY_INFO, mpidr, 0, 0);
}

void psci_system_off(void)
{
	psci_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}
