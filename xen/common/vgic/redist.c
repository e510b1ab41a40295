// SPDX-License-Identifier: GPL-2.0-only
/*
 * The emulated redistributors: one per vCPU at GUEST_GICR_BASE + n *
 * GUEST_GICR_STRIDE, an RD_base frame then an SGI_base frame (GICv3 spec
 * 12.10 and 12.11). A vCPU may access any vCPU's redistributor. No LPIs:
 * GICR_CTLR, GICR_PROPBASER, GICR_PENDBASER and the rest are RAZ/WI.
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

/* RD_base frame (12.10, table 12-27). */
#define GICR_IIDR           0x0004      /* 12.11.16 */
#define GICR_TYPER          0x0008      /* 12.11.37, 64-bit */
#define GICR_WAKER          0x0014      /* 12.11.39 */

/* SGI_base frame, at RD_base + 64 KiB (12.10, table 12-28). */
#define GICR_SGI_BASE       0x10000
#define GICR_IGROUPR0       (GICR_SGI_BASE + 0x0080)     /* 12.11.13 */
#define GICR_ISENABLER0     (GICR_SGI_BASE + 0x0100)     /* 12.11.28 */
#define GICR_ICENABLER0     (GICR_SGI_BASE + 0x0180)     /* 12.11.6 */
#define GICR_ISPENDR0       (GICR_SGI_BASE + 0x0200)     /* 12.11.30 */
#define GICR_ICPENDR0       (GICR_SGI_BASE + 0x0280)     /* 12.11.9 */
#define GICR_ISACTIVER0     (GICR_SGI_BASE + 0x0300)     /* 12.11.26 */
#define GICR_ICACTIVER0     (GICR_SGI_BASE + 0x0380)     /* 12.11.4 */
#define GICR_IPRIORITYR     (GICR_SGI_BASE + 0x0400)     /* 12.11.18: 0x400-0x41f */
#define GICR_ICFGR0         (GICR_SGI_BASE + 0x0c00)     /* 12.11.7: SGIs, RO edge */
#define GICR_ICFGR1         (GICR_SGI_BASE + 0x0c04)     /* 12.11.8: PPIs */

/* GICR_TYPER fields (12.11.37). */
#define GICR_TYPER_LAST            (1UL << 4)   /* last redistributor of the region */
#define GICR_TYPER_PROC_NUM_SHIFT  8            /* Processor_Number [23:8] */
#define GICR_TYPER_AFF_SHIFT       32           /* Affinity: Aff3.Aff2.Aff1.Aff0 */

/* GICR_WAKER fields (12.11.39). */
#define GICR_WAKER_PROCESSOR_SLEEP (1U << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1U << 2)

static uint64_t iidr_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	return VGIC_IIDR;
}

static uint64_t pidr2_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	return VGIC_PIDR2;
}

static uint64_t typer_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	unsigned int id = m->owner->id;
	uint64_t mpidr = vgic_vcpu_affinity(id);
	/* MPIDR layout (Aff3 at [39:32]) to the packed Aff3.Aff2.Aff1.Aff0. */
	uint64_t aff = (mpidr & 0xffffffUL) | ((mpidr >> VGIC_AFF3_SHIFT) & 0xff) << 24;
	uint64_t typer = aff << GICR_TYPER_AFF_SHIFT | (uint64_t)id << GICR_TYPER_PROC_NUM_SHIFT;

	if (id == m->d->nr_vcpus - 1)
		typer |= GICR_TYPER_LAST;
	return vgic_reg64_read(typer, off, size);
}

static uint64_t waker_read(struct vgic_mmio *m, uint32_t off, unsigned int size)
{
	unsigned long flags = spin_lock_irqsave(&m->owner->vgic.lock);
	bool sleeping = m->owner->vgic.sleeping;

	spin_unlock_irqrestore(&m->owner->vgic.lock, flags);
	/* ChildrenAsleep follows ProcessorSleep at once: nothing to quiesce. */
	return sleeping ? GICR_WAKER_PROCESSOR_SLEEP | GICR_WAKER_CHILDREN_ASLEEP : 0;
}

static void waker_write(struct vgic_mmio *m, uint32_t off, unsigned int size, uint64_t val)
{
	unsigned long flags = spin_lock_irqsave(&m->owner->vgic.lock);

	m->owner->vgic.sleeping = val & GICR_WAKER_PROCESSOR_SLEEP;
	spin_unlock_irqrestore(&m->owner->vgic.lock, flags);
}

#define BITS_REG0(base, f) { base, (base) + 4, VGIC_SZ(4), &(f), NULL, NULL }

static const struct vgic_reg redist_regs[] = {
	{ GICR_IIDR, GICR_IIDR + 4, VGIC_SZ(4), NULL, iidr_read, NULL },
	/* 64-bit registers take 64-bit and 32-bit accesses (12.1.3). */
	{ GICR_TYPER, GICR_TYPER + 8, VGIC_SZ(4) | VGIC_SZ(8), NULL, typer_read, NULL },
	{ GICR_WAKER, GICR_WAKER + 4, VGIC_SZ(4), NULL, waker_read, waker_write },
	{ VGIC_PIDR2_OFFSET, VGIC_PIDR2_OFFSET + 4, VGIC_SZ(4), NULL, pidr2_read, NULL },
	BITS_REG0(GICR_IGROUPR0, vgic_igroupr),
	BITS_REG0(GICR_ISENABLER0, vgic_isenabler),
	BITS_REG0(GICR_ICENABLER0, vgic_icenabler),
	BITS_REG0(GICR_ISPENDR0, vgic_ispendr),
	BITS_REG0(GICR_ICPENDR0, vgic_icpendr),
	BITS_REG0(GICR_ISACTIVER0, vgic_isactiver),
	BITS_REG0(GICR_ICACTIVER0, vgic_icactiver),
	{ GICR_IPRIORITYR, GICR_IPRIORITYR + VGIC_NR_PRIVATE, VGIC_SZ(1) | VGIC_SZ(4),
	  &vgic_ipriorityr, NULL, NULL },
	{ GICR_ICFGR0, GICR_ICFGR1 + 4, VGIC_SZ(4), &vgic_icfgr, NULL, NULL },
};

int vgic_mmio_redist(struct vcpu *v, uint64_t offset, unsigned int size, bool write, uint64_t *val)
{
	struct domain *d = v->domain;
	uint64_t n = offset / GUEST_GICR_STRIDE;
	struct vgic_mmio m = { .d = d, .owner = NULL, .kick = 0 };

	if (n >= d->nr_vcpus || !d->vcpus[n]) {
		if (!write)
			*val = 0;
		return -EINVAL;
	}
	m.owner = d->vcpus[n];
	vgic_mmio_access(&m, redist_regs, ARRAY_SIZE(redist_regs),
			 (uint32_t)(offset % GUEST_GICR_STRIDE), size, write, val);
	return 0;
}
