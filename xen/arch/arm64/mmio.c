// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stage-2 data aborts: an access to an emulated device is decoded from the
 * syndrome (Arm ARM D24.2.40, "ISS encoding for an exception from a Data
 * Abort": ISV, SAS, SSE, SRT, SF, WnR) and handed to the handler of that IPA
 * range; anything else is an abort for the guest, logged with a rate limit.
 */
#include <asm/vcpu.h>
#include <xen/lib.h>

#define ISS_ISV          (1UL << 24)
#define ISS_SAS(iss)     (((iss) >> 22) & 3)
#define ISS_SSE          (1UL << 21)
#define ISS_SRT(iss)     (((iss) >> 16) & 0x1f)
#define ISS_SF           (1UL << 15)
#define ISS_WNR          (1UL << 6)
#define HPFAR_FIPA_MASK  0x00000ffffffffff0UL   /* FIPA[47:12] in bits [43:4] */
#define HPFAR_FIPA_SHIFT 8
#define XZR              31
#define ABORT_LOG_BURST  10

typedef int (*mmio_fn)(struct vcpu *v, uint64_t off, unsigned int size, bool write, uint64_t *val);

struct mmio_region {
	uint64_t base;
	uint64_t size;
	mmio_fn fn;
};

static const struct mmio_region regions[] = {
	{ GUEST_GICD_BASE, GUEST_GICD_SIZE, vgic_mmio_dist },
	{ GUEST_GICR_BASE, GUEST_GICR_SIZE, vgic_mmio_redist },
};

static unsigned int aborts_logged;

static uint64_t fault_ipa(uint64_t far)
{
	uint64_t hpfar = read_sysreg(hpfar_el2);

	return ((hpfar & HPFAR_FIPA_MASK) << HPFAR_FIPA_SHIFT) | (far & ~PAGE_MASK);
}

static const struct mmio_region *find_region(uint64_t ipa)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(regions); i++)
		if (ipa - regions[i].base < regions[i].size)
			return &regions[i];
	return NULL;
}

static void log_abort(struct vcpu *v, uint64_t ipa, uint64_t esr)
{
	if (aborts_logged >= ABORT_LOG_BURST)
		return;
	if (++aborts_logged == ABORT_LOG_BURST)
		printk_level(LOG_WARN, "further guest abort messages suppressed\n");
	printk_level(LOG_WARN, "d%uv%u: %s of unmapped IPA 0x%lx at PC 0x%lx: abort injected\n",
		     v->domain->id, v->id, (esr & ISS_WNR) ? "write" : "read",
		     (unsigned long)ipa, (unsigned long)v->arch.regs.elr);
}

/* Sign- or zero-extends a loaded value as the syndrome says. */
static uint64_t extend(uint64_t val, unsigned int size, uint64_t esr)
{
	unsigned int bits = 8U << size;

	if (bits < 64)
		val &= (1UL << bits) - 1;
	if ((esr & ISS_SSE) && bits < 64 && (val & (1UL << (bits - 1))))
		val |= ~((1UL << bits) - 1);
	if (!(esr & ISS_SF))
		val &= 0xffffffffUL;
	return val;
}

static bool emulate(struct vcpu *v, const struct mmio_region *r, uint64_t ipa, uint64_t esr)
{
	unsigned int size = ISS_SAS(esr), rt = ISS_SRT(esr);
	bool write = esr & ISS_WNR;
	uint64_t val = (write && rt != XZR) ? v->arch.regs.x[rt] : 0;

	if (!(esr & ISS_ISV))
		return false;
	if (r->fn(v, ipa - r->base, 1U << size, write, &val))
		return false;
	if (!write && rt != XZR)
		v->arch.regs.x[rt] = extend(val, size, esr);
	advance_pc(v);
	return true;
}

void guest_dabt(struct vcpu *v, uint64_t esr, uint64_t far)
{
	uint64_t ipa = fault_ipa(far);
	const struct mmio_region *r = find_region(ipa);

	if (r && emulate(v, r, ipa, esr))
		return;
	log_abort(v, ipa, esr);
	inject_dabt(v, far);
}
