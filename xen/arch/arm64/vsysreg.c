// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trapped MSR/MRS (EC 0x18, Arm ARM D24.2.40 "ISS encoding for an exception
 * from MSR, MRS, or System instruction execution"): a table of descriptors
 * sorted by encoding, found by binary search. Anything not in it is an
 * undefined instruction for the guest.
 *
 * Guests see sanitized ID registers (HCR_EL2.TID3): features whose state the
 * hypervisor does not switch (SVE, SME, MTE, pointer authentication, AMU,
 * MPAM, the PMU) and AArch32 are hidden, so every guest sees the same CPU.
 */
#include <asm/vcpu.h>
#include <xen/lib.h>

/* ISS fields. */
#define ISS_DIR_READ   (1UL << 0)
#define ISS_RT(iss)    (((iss) >> 5) & 0x1f)
/* The encoding bits of the ISS, in place: Op0[21:20] Op2[19:17] Op1[16:14] CRn[13:10] CRm[4:1]. */
#define ISS_KEY_MASK   0x3ffc1eU
#define ISS_KEY(iss)   ((uint32_t)(iss) & ISS_KEY_MASK)
#define KEY(op0, op1, crn, crm, op2) \
	((uint32_t)(op0) << 20 | (uint32_t)(op2) << 17 | (uint32_t)(op1) << 14 | \
	 (uint32_t)(crn) << 10 | (uint32_t)(crm) << 1)
#define KEY_OP0(k)     (((k) >> 20) & 3)
#define KEY_OP1(k)     (((k) >> 14) & 7)
#define KEY_CRN(k)     (((k) >> 10) & 0xf)
#define KEY_CRM(k)     (((k) >> 1) & 0xf)
#define KEY_ICC_SGI1R  KEY(3, 0, 12, 11, 5)   /* ICC_SGI1R_EL1, GICv3 spec 12.2.22 */

typedef bool (*sysreg_fn)(struct vcpu *v, bool write, uint64_t *val, uint64_t arg);

struct sysreg_desc {
	uint32_t key;
	const char *name;
	sysreg_fn fn;
	uint64_t arg;
};

/* ID register fields hidden from guests (Arm ARM D24.2.x field positions). */
#define PFR0_EL0_SHIFT      0
#define PFR0_EL1_SHIFT      4
#define PFR0_SVE_SHIFT      32
#define PFR0_MPAM_SHIFT     40
#define PFR0_AMU_SHIFT      44
#define PFR1_MTE_SHIFT      8
#define PFR1_SME_SHIFT      24
#define ISAR1_APA_SHIFT     4
#define ISAR1_API_SHIFT     8
#define ISAR1_GPA_SHIFT     24
#define ISAR1_GPI_SHIFT     28
#define ISAR2_GPA3_SHIFT    8
#define ISAR2_APA3_SHIFT    12
#define DFR0_PMUVER_SHIFT   8
#define FIELD4(shift)       (0xfUL << (shift))
#define AARCH64_ONLY        1UL    /* ID_AA64PFR0.EL0/EL1 = 1: AArch64 only */

static uint64_t set_field(uint64_t reg, unsigned int shift, uint64_t value)
{
	return (reg & ~FIELD4(shift)) | (value << shift);
}

/* The ID registers guests read through, some with fields hidden. */
enum id_reg { ID_PFR0, ID_PFR1, ID_DFR0, ID_ISAR0, ID_ISAR1, ID_ISAR2, ID_MMFR0, ID_MMFR1,
	      ID_MMFR2 };

static uint64_t id_raw(enum id_reg r)
{
	switch (r) {
	case ID_PFR0: return read_sysreg(id_aa64pfr0_el1);
	case ID_PFR1: return read_sysreg(id_aa64pfr1_el1);
	case ID_DFR0: return read_sysreg(id_aa64dfr0_el1);
	case ID_ISAR0: return read_sysreg(id_aa64isar0_el1);
	case ID_ISAR1: return read_sysreg(id_aa64isar1_el1);
	case ID_ISAR2: return read_sysreg(S3_0_C0_C6_2);
	case ID_MMFR0: return read_sysreg(id_aa64mmfr0_el1);
	case ID_MMFR1: return read_sysreg(id_aa64mmfr1_el1);
	case ID_MMFR2: return read_sysreg(id_aa64mmfr2_el1);
	default: return 0;
	}
}

/* Fields cleared from each register (0: passed through as the hardware has it). */
static const uint64_t id_hidden[] = {
	[ID_PFR0] = FIELD4(PFR0_SVE_SHIFT) | FIELD4(PFR0_MPAM_SHIFT) | FIELD4(PFR0_AMU_SHIFT),
	[ID_PFR1] = FIELD4(PFR1_MTE_SHIFT) | FIELD4(PFR1_SME_SHIFT),
	[ID_DFR0] = FIELD4(DFR0_PMUVER_SHIFT),
	[ID_ISAR1] = FIELD4(ISAR1_APA_SHIFT) | FIELD4(ISAR1_API_SHIFT) | FIELD4(ISAR1_GPA_SHIFT) |
		     FIELD4(ISAR1_GPI_SHIFT),
	[ID_ISAR2] = FIELD4(ISAR2_GPA3_SHIFT) | FIELD4(ISAR2_APA3_SHIFT),
};

/* What a guest reads for r: computed once at boot (vsysreg_init). */
static uint64_t id_sanitized(enum id_reg r)
{
	uint64_t v = id_raw(r) & ~(r < ARRAY_SIZE(id_hidden) ? id_hidden[r] : 0);

	if (r == ID_PFR0) {
		v = set_field(v, PFR0_EL0_SHIFT, AARCH64_ONLY);
		v = set_field(v, PFR0_EL1_SHIFT, AARCH64_ONLY);
	}
	return v;
}

/* A placeholder until vsysreg_init replaces it with id_cached and the value. */
static bool id_reg(struct vcpu *v, bool w, uint64_t *val, uint64_t a)
{
	(void)v, (void)w, (void)val, (void)a;
	return false;
}

/* Read as zero, writes ignored (hidden features, AArch32 ID registers, the PMU). */
static bool raz_wi(struct vcpu *v, bool w, uint64_t *val, uint64_t a)
{
	(void)v, (void)a;
	if (!w)
		*val = 0;
	return true;
}

/* Read as zero; a write is undefined (ID registers). */
static bool raz_ro(struct vcpu *v, bool w, uint64_t *val, uint64_t a)
{
	(void)v, (void)a;
	if (!w)
		*val = 0;
	return !w;
}

static bool sgi1r(struct vcpu *v, bool w, uint64_t *val, uint64_t a)
{
	(void)a;
	if (w)
		vgic_sgi1r(v, *val);
	return w;
}

static bool ptimer(struct vcpu *v, bool w, uint64_t *val, uint64_t a)
{
	return ptimer_access(v, (unsigned int)a, w, val);
}

/* Sorted by key and ID values cached at boot (vsysreg_init). */
static struct sysreg_desc sysregs[] = {
	{ KEY(1, 0, 7, 6, 2), "DC ISW", raz_wi, 0 },     /* set/way: no-op (see docs) */
	{ KEY(1, 0, 7, 10, 2), "DC CSW", raz_wi, 0 },
	{ KEY(1, 0, 7, 14, 2), "DC CISW", raz_wi, 0 },
	{ KEY(3, 0, 0, 4, 0), "ID_AA64PFR0_EL1", id_reg, ID_PFR0 },
	{ KEY(3, 0, 0, 4, 1), "ID_AA64PFR1_EL1", id_reg, ID_PFR1 },
	{ KEY(3, 0, 0, 4, 4), "ID_AA64ZFR0_EL1", raz_ro, 0 },
	{ KEY(3, 0, 0, 4, 5), "ID_AA64SMFR0_EL1", raz_ro, 0 },
	{ KEY(3, 0, 0, 5, 0), "ID_AA64DFR0_EL1", id_reg, ID_DFR0 },
	{ KEY(3, 0, 0, 5, 1), "ID_AA64DFR1_EL1", raz_ro, 0 },
	{ KEY(3, 0, 0, 5, 4), "ID_AA64AFR0_EL1", raz_ro, 0 },
	{ KEY(3, 0, 0, 5, 5), "ID_AA64AFR1_EL1", raz_ro, 0 },
	{ KEY(3, 0, 0, 6, 0), "ID_AA64ISAR0_EL1", id_reg, ID_ISAR0 },
	{ KEY(3, 0, 0, 6, 1), "ID_AA64ISAR1_EL1", id_reg, ID_ISAR1 },
	{ KEY(3, 0, 0, 6, 2), "ID_AA64ISAR2_EL1", id_reg, ID_ISAR2 },
	{ KEY(3, 0, 0, 7, 0), "ID_AA64MMFR0_EL1", id_reg, ID_MMFR0 },
	{ KEY(3, 0, 0, 7, 1), "ID_AA64MMFR1_EL1", id_reg, ID_MMFR1 },
	{ KEY(3, 0, 0, 7, 2), "ID_AA64MMFR2_EL1", id_reg, ID_MMFR2 },
	{ KEY(3, 0, 9, 14, 1), "PMINTENSET_EL1", raz_wi, 0 },
	{ KEY(3, 0, 9, 14, 2), "PMINTENCLR_EL1", raz_wi, 0 },
	{ KEY_ICC_SGI1R, "ICC_SGI1R_EL1", sgi1r, 0 },   /* reads; writes take sgi1r_write_fast */
	{ KEY(3, 0, 12, 11, 6), "ICC_ASGI1R_EL1", raz_wi, 0 },
	{ KEY(3, 0, 12, 11, 7), "ICC_SGI0R_EL1", raz_wi, 0 },
	{ KEY(3, 3, 14, 2, 0), "CNTP_TVAL_EL0", ptimer, 2 },
	{ KEY(3, 3, 14, 2, 1), "CNTP_CTL_EL0", ptimer, 0 },
	{ KEY(3, 3, 14, 2, 2), "CNTP_CVAL_EL0", ptimer, 1 },
};

static const struct sysreg_desc *find(uint32_t key)
{
	size_t lo = 0, hi = ARRAY_SIZE(sysregs);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sysregs[mid].key == key)
			return &sysregs[mid];
		if (sysregs[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Whole ranges handled alike: the AArch32 ID space and the PMU. */
static sysreg_fn range_handler(uint32_t key)
{
	uint32_t op0 = KEY_OP0(key), op1 = KEY_OP1(key), crn = KEY_CRN(key), crm = KEY_CRM(key);

	if (op0 == 3 && op1 == 0 && crn == 0 && crm >= 1 && crm <= 7)
		return raz_ro;     /* ID space: reserved and AArch32 registers read 0 */
	if (op0 == 3 && op1 == 3 && (crn == 9 || (crn == 14 && crm >= 8)))
		return raz_wi;     /* PMU, trapped by MDCR_EL2.TPM */
	return NULL;
}

/* An ID register whose (sanitized) value was read once at boot: arg holds it. */
static bool id_cached(struct vcpu *v, bool w, uint64_t *val, uint64_t a)
{
	(void)v;
	if (!w)
		*val = a;
	return !w;
}

static void sort_table(void)
{
	for (size_t i = 1; i < ARRAY_SIZE(sysregs); i++) {
		struct sysreg_desc d = sysregs[i];
		size_t j = i;

		for (; j > 0 && sysregs[j - 1].key > d.key; j--)
			sysregs[j] = sysregs[j - 1];
		sysregs[j] = d;
	}
	for (size_t i = 1; i < ARRAY_SIZE(sysregs); i++)
		if (sysregs[i - 1].key == sysregs[i].key)
			panic("vsysreg: %s and %s have the same encoding", sysregs[i - 1].name,
			      sysregs[i].name);
}

/* Boot CPU, before any guest runs: every CPU is the same, so one read serves all. */
void vsysreg_init(void);
void vsysreg_init(void)
{
	sort_table();
	for (size_t i = 0; i < ARRAY_SIZE(sysregs); i++) {
		if (sysregs[i].fn != id_reg)
			continue;
		sysregs[i].arg = id_sanitized((enum id_reg)sysregs[i].arg);
		sysregs[i].fn = id_cached;
	}
}

/*
 * ICC_SGI1R_EL1 writes are every IPI a guest sends (the only trapped register
 * an SMP guest writes all the time): handled before the table search.
 */
static bool sgi1r_write_fast(struct vcpu *v, uint64_t esr)
{
	unsigned int rt = ISS_RT(esr);

	if (ISS_KEY(esr) != KEY_ICC_SGI1R || (esr & ISS_DIR_READ))
		return false;
	vgic_sgi1r(v, rt == 31 ? 0 : v->arch.regs.x[rt]);
	advance_pc(v);
	return true;
}

void vsysreg_trap(struct vcpu *v, uint64_t esr)
{
	uint32_t key = ISS_KEY(esr);
	const struct sysreg_desc *d;

	if (sgi1r_write_fast(v, esr))
		return;
	d = find(key);
	sysreg_fn fn = d ? d->fn : range_handler(key);
	bool read = esr & ISS_DIR_READ;
	unsigned int rt = ISS_RT(esr);
	uint64_t val = rt == 31 ? 0 : v->arch.regs.x[rt];

	if (!fn || !fn(v, !read, &val, d ? d->arg : 0)) {
		inject_undef(v);
		return;
	}
	if (read && rt != 31)
		v->arch.regs.x[rt] = val;
	advance_pc(v);
}
