// SPDX-License-Identifier: GPL-2.0-only
/*
 * The emulated distributor: GICD_* at GUEST_GICD_BASE (GICv3 spec 12.9).
 *
 * Affinity routing is always on (GICD_CTLR.ARE RAO/WI) with a single
 * Security state (DS RAO/WI), so every interrupt is Group 1 and the
 * registers for INTIDs 0-31 are RAZ/WI here: those live in each vCPU's
 * redistributor (redist.c).
 *
 * GICD_IIDR (12.9.18) = 0x5800043b: Implementer 0x43b (JEP106 code of Arm,
 * as KVM's vGIC also reports), Revision 0, Variant 0, ProductID 0x58 ('X'),
 * a product ID no real GIC uses, so that guests apply no hardware erratum
 * workaround keyed on IIDR.
 */
#include <xen/lib.h>

#include "private.h"

/* Register offsets from GUEST_GICD_BASE (GICv3 spec 12.8, table 12-25). */
#define GICD_CTLR           0x0000      /* 12.9.4 */
#define GICD_TYPER          0x0004      /* 12.9.38 */
#define GICD_IIDR           0x0008      /* 12.9.18 */
#define GICD_TYPER2         0x000c      /* 12.9.39: RAZ (no vPE or nASSGI support) */
#define GICD_IGROUPR        0x0080      /* 12.9.15 */
#define GICD_ISENABLER      0x0100      /* 12.9.31 */
#define GICD_ICENABLER      0x0180      /* 12.9.5 */
#define GICD_ISPENDR        0x0200      /* 12.9.33 */
#define GICD_ICPENDR        0x0280      /* 12.9.8 */
#define GICD_ISACTIVER      0x0300      /* 12.9.29 */
#define GICD_ICACTIVER      0x0380      /* 12.9.3 */
#define GICD_BITS_SIZE      0x0080      /* 32 registers of one bit per INTID */
#define GICD_IPRIORITYR     0x0400      /* 12.9.19: one byte per INTID */
#define GICD_IPRIORITYR_SIZE 0x0400
#define GICD_ICFGR          0x0c00      /* 12.9.9: two bits per INTID */
#define GICD_ICFGR_SIZE     0x0100
#define GICD_IROUTER_SPI    0x6100      /* 12.9.22: GICD_IROUTER<32>, 8 bytes per SPI */
#define GICD_IROUTER_END    0x7fe0      /* after GICD_IROUTER<1019> */

/* GICD_TYPER fields (12.9.38). */
#define GICD_TYPER_ITLINES_SHIFT 0      /* ITLinesNumber: 32 * (N + 1) INTIDs */
#define GICD_TYPER_IDBITS_SHIFT  19     /* IDbits: INTID bits - 1 */
#define VGIC_INTID_BITS          10     /* INTIDs up to 1019; no LPIs */

static uint64_t ctlr_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	return __atomic_load_n(&m->d->vgic.ctlr, __ATOMIC_RELAXED);
}

/* Vcpus holding an SPI that is signalled now (dist lock held). */
static uint64_t spi_holders(struct domain *d)
{
	uint64_t mask = 0;

	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *t = d->vcpus[i];
		unsigned long flags;

		if (!t)
			continue;
		flags = spin_lock_irqsave(&t->vgic.lock);
		for (struct vgic_irq *irq = t->vgic.pending; irq; irq = irq->next)
			if (irq->intid >= VGIC_NR_PRIVATE && vgic_irq_signalled(d, t, irq))
				mask |= BIT(i);
		spin_unlock_irqrestore(&t->vgic.lock, flags);
	}
	return mask;
}

static void ctlr_write(struct vgic_mmio *m, uint32_t off, unsigned int size, uint64_t val)
{
	struct domain *d = m->d;
	unsigned long flags = spin_lock_irqsave(&d->vgic.lock);
	uint32_t ctlr = GICD_CTLR_ARE | GICD_CTLR_DS | ((uint32_t)val & GICD_CTLR_ENABLE_GRP1);
	bool enabling = (ctlr & ~d->vgic.ctlr) & GICD_CTLR_ENABLE_GRP1;

	__atomic_store_n(&d->vgic.ctlr, ctlr, __ATOMIC_RELAXED);
	if (enabling)
		m->kick |= spi_holders(d);
	spin_unlock_irqrestore(&d->vgic.lock, flags);
}

static uint64_t typer_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	return (m->d->vgic.nr_spis / 32) << GICD_TYPER_ITLINES_SHIFT |
	       (VGIC_INTID_BITS - 1) << GICD_TYPER_IDBITS_SHIFT;
}

static uint64_t iidr_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	return VGIC_IIDR;
}

static uint64_t pidr2_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	return VGIC_PIDR2;
}

static struct vgic_irq *irouter_irq(struct vgic_mmio *m, uint32_t off)
{
	return vgic_get_irq(m->d, NULL, VGIC_NR_PRIVATE + (off - GICD_IROUTER_SPI) / 8);
}

static uint64_t irouter_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	struct vgic_irq *irq = irouter_irq(m, off);
	unsigned long flags;
	uint64_t val;

	if (!irq)
		return 0;
	flags = spin_lock_irqsave(&m->d->vgic.lock);
	val = irq->irouter;
	spin_unlock_irqrestore(&m->d->vgic.lock, flags);
	return vgic_reg64_read(val, off, size);
}

static void irouter_write(struct vgic_mmio *m, uint32_t off, unsigned int size, uint64_t val)
{
	struct vgic_irq *irq = irouter_irq(m, off);
	unsigned long flags;

	if (!irq)
		return;
	flags = spin_lock_irqsave(&m->d->vgic.lock);
	val = vgic_reg64_write(irq->irouter, off, size, val) & (VGIC_AFF_MASK | GICD_IROUTER_IRM);
	__atomic_store_n(&irq->irouter, val, __ATOMIC_RELAXED);
	m->kick |= vgic_spi_retarget(m->d, irq);
	spin_unlock_irqrestore(&m->d->vgic.lock, flags);
}

#define BITS_REG(base, f) { base, (base) + GICD_BITS_SIZE, VGIC_SZ(4), &(f), NULL, NULL }

static const struct vgic_reg dist_regs[] = {
	{ GICD_CTLR, GICD_CTLR + 4, VGIC_SZ(4), NULL, ctlr_read, ctlr_write },
	{ GICD_TYPER, GICD_TYPER + 4, VGIC_SZ(4), NULL, typer_read, NULL },
	{ GICD_IIDR, GICD_IIDR + 4, VGIC_SZ(4), NULL, iidr_read, NULL },
	BITS_REG(GICD_IGROUPR, vgic_igroupr),
	BITS_REG(GICD_ISENABLER, vgic_isenabler),
	BITS_REG(GICD_ICENABLER, vgic_icenabler),
	BITS_REG(GICD_ISPENDR, vgic_ispendr),
	BITS_REG(GICD_ICPENDR, vgic_icpendr),
	BITS_REG(GICD_ISACTIVER, vgic_isactiver),
	BITS_REG(GICD_ICACTIVER, vgic_icactiver),
	{ GICD_IPRIORITYR, GICD_IPRIORITYR + GICD_IPRIORITYR_SIZE, VGIC_SZ(1) | VGIC_SZ(4),
	  &vgic_ipriorityr, NULL, NULL },
	{ GICD_ICFGR, GICD_ICFGR + GICD_ICFGR_SIZE, VGIC_SZ(4), &vgic_icfgr, NULL, NULL },
	/* 64-bit registers take 64-bit and 32-bit accesses (12.1.3). */
	{ GICD_IROUTER_SPI, GICD_IROUTER_END, VGIC_SZ(4) | VGIC_SZ(8), NULL, irouter_read,
	  irouter_write },
	{ VGIC_PIDR2_OFFSET, VGIC_PIDR2_OFFSET + 4, VGIC_SZ(4), NULL, pidr2_read, NULL },
};

int vgic_mmio_dist(struct vcpu *v, uint64_t offset, unsigned int size, bool write, uint64_t *val)
{
	struct vgic_mmio m = { .d = v->domain, .owner = NULL, .kick = 0 };

	if (offset >= GUEST_GICD_SIZE) {
		if (!write)
			*val = 0;
		return 0;
	}
	vgic_mmio_access(&m, dist_regs, ARRAY_SIZE(dist_regs), (uint32_t)offset, size, write, val);
	return 0;
}
