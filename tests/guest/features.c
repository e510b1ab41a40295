// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPU and firmware a guest sees: ID registers hide what the hypervisor
 * does not switch (SVE, SME, MTE, pointer authentication, AMU, MPAM, the
 * PMU, AArch32), unknown hypercalls return -ENOSYS, unknown SMCCC calls
 * NOT_SUPPORTED, and an hvc with a foreign immediate is undefined.
 * Field positions: Arm ARM D24.2 (ID_AA64PFR0/PFR1/ISAR1/DFR0/ZFR0_EL1).
 */
#include "lib/guest.h"

#define ENOSYS_XEN          38
#define HCALL_UNUSED        63        /* no such hypercall */
#define HCALL_MEMORY_OP     12        /* not implemented yet: -ENOSYS */
#define SMCCC_VERSION       0x80000000U
#define SMCCC_ARCH_FEATURES 0x80000001U
#define PSCI_FEATURES       0x8400000aU
#define PSCI_UNKNOWN_FN     0xc400001fU
#define SMCCC_1_1           0x10001
#define PSCI_1_1            0x10001
#define EC_UNKNOWN          0x00
#define ESR_EC_SHIFT        26

struct id_field {
	const char *what;
	unsigned int shift;
	uint64_t want;
};

#define F4(reg, shift)  (((reg) >> (shift)) & 0xf)

static void check_fields(const char *reg, uint64_t val, const struct id_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (F4(val, f[i].shift) != f[i].want)
			guest_fail("%s.%s = %lu, expected %lu", reg, f[i].what,
				   (unsigned long)F4(val, f[i].shift), (unsigned long)f[i].want);
}

static void check_id_registers(void)
{
	static const struct id_field pfr0[] = {
		{ "EL0", 0, 1 }, { "EL1", 4, 1 }, { "SVE", 32, 0 }, { "MPAM", 40, 0 },
		{ "AMU", 44, 0 },
	};
	static const struct id_field pfr1[] = { { "MTE", 8, 0 }, { "SME", 24, 0 } };
	static const struct id_field isar1[] = {
		{ "APA", 4, 0 }, { "API", 8, 0 }, { "GPA", 24, 0 }, { "GPI", 28, 0 },
	};
	static const struct id_field dfr0[] = { { "PMUVer", 8, 0 } };

	check_fields("ID_AA64PFR0_EL1", read_sysreg(id_aa64pfr0_el1), pfr0, ARRAY_SIZE(pfr0));
	check_fields("ID_AA64PFR1_EL1", read_sysreg(id_aa64pfr1_el1), pfr1, ARRAY_SIZE(pfr1));
	check_fields("ID_AA64ISAR1_EL1", read_sysreg(id_aa64isar1_el1), isar1, ARRAY_SIZE(isar1));
	check_fields("ID_AA64DFR0_EL1", read_sysreg(id_aa64dfr0_el1), dfr0, ARRAY_SIZE(dfr0));
	if (read_sysreg(S3_0_C0_C4_4) != 0)
		guest_fail("ID_AA64ZFR0_EL1 is not 0");
	guest_info("ID registers hide SVE, SME, MTE, PAuth, AMU, MPAM, PMU and AArch32");
}

static void expect_call(const char *what, long got, long want)
{
	if (got != want)
		guest_fail("%s returned %ld, expected %ld", what, got, want);
}

static void check_calls(void)
{
	struct fault_info fi;

	expect_call("hypercall 63", xen_hypercall(HCALL_UNUSED, 0, 0, 0), -ENOSYS_XEN);
	expect_call("memory_op", xen_hypercall(HCALL_MEMORY_OP, 0, 0, 0), -ENOSYS_XEN);
	expect_call("PSCI_VERSION", psci_call(0x84000000U, 0, 0, 0), PSCI_1_1);
	expect_call("SMCCC_VERSION", psci_call(SMCCC_VERSION, 0, 0, 0), SMCCC_1_1);
	expect_call("SMCCC_ARCH_FEATURES", psci_call(SMCCC_ARCH_FEATURES, 0, 0, 0),
		    PSCI_NOT_SUPPORTED);
	expect_call("PSCI_FEATURES(CPU_ON)", psci_call(PSCI_FEATURES, PSCI_0_2_FN64_CPU_ON, 0, 0),
		    PSCI_SUCCESS);
	expect_call("an unknown PSCI function", psci_call(PSCI_UNKNOWN_FN, 0, 0, 0),
		    PSCI_NOT_SUPPORTED);
	fault_expect();
	asm volatile("hvc #0x1234" : : : "memory", "x0", "x1", "x2", "x3");
	if (!fault_taken(&fi))
		guest_fail("hvc #0x1234 did not raise an undefined instruction");
	if ((fi.esr >> ESR_EC_SHIFT) != EC_UNKNOWN)
		guest_fail("hvc #0x1234 gave ESR 0x%lx, expected EC 0 (unknown)",
			   (unsigned long)fi.esr);
	guest_info("unknown hypercalls: -ENOSYS; unknown SMCCC: NOT_SUPPORTED; bad hvc: undefined");
}

const char guest_name[] = "features";

void guest_main(void)
{
	if (!platform.xen) {
		guest_info("no hypervisor node: nothing to check");
		return;
	}
	check_id_registers();
	check_calls();
}
