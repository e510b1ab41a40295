// SPDX-License-Identifier: GPL-2.0-only
/* Calls into the firmware's PSCI over the conduit the DT names (SMCCC, DEN 0028). */
#include <asm/psci.h>
#include <xen/lib.h>

static enum psci_conduit conduit;

static uint64_t smccc_call(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x0 asm("x0") = fn;
	register uint64_t x1 asm("x1") = a1;
	register uint64_t x2 asm("x2") = a2;
	register uint64_t x3 asm("x3") = a3;

	if (conduit == PSCI_CONDUIT_SMC)
		asm volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	else
		asm volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) : : "memory");
	return x0;
}

void psci_init(const struct bootinfo *bi)
{
	conduit = bi->psci.conduit;
}

uint32_t psci_version(void)
{
	return (uint32_t)smccc_call(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
}

int64_t psci_cpu_on(uint64_t mpidr, paddr_t entry, uint64_t context)
{
	return (int64_t)smccc_call(PSCI_0_2_FN64_CPU_ON, mpidr, pa_val(entry), context);
}

const char *psci_strerror(int64_t err)
{
	static const char *const names[] = {
		"SUCCESS", "NOT_SUPPORTED", "INVALID_PARAMETERS", "DENIED", "ALREADY_ON",
		"ON_PENDING", "INTERNAL_FAILURE", "NOT_PRESENT", "DISABLED", "INVALID_ADDRESS",
	};

	return (err <= 0 && -err < (int64_t)ARRAY_SIZE(names)) ? names[-err] : "unknown error";
}

void psci_system_off(void)
{
	smccc_call(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		asm volatile("wfi");
}
