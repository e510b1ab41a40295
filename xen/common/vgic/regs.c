// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the distributor and redistributor register files have in common:
 * table-driven decoding, and the registers with one field per INTID (a bit,
 * two bits or a byte each), whose semantics are the same in both (GICv3
 * spec 12.9 and 12.11). Locking: see private.h.
 */
#include <xen/lib.h>

#include "private.h"

/* ---- Per-INTID fields ---- */

static uint32_t get_one(const struct domain *d, const struct vcpu *t, const struct vgic_irq *irq)
{
	return 1;                   /* GICD_IGROUPR, GICR_IGROUPR0: RAO/WI, all Group 1 */
}

static uint32_t get_enabled(const struct domain *d, const struct vcpu *t,
			    const struct vgic_irq *irq)
{
	return irq->enabled;
}

static void put_enable(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	irq->enabled = true;
}

static void put_disable(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	irq->enabled = false;
}

static uint32_t get_pending(const struct domain *d, const struct vcpu *t,
			    const struct vgic_irq *irq)
{
	return vgic_irq_pending(t, irq);
}

static void put_set_pending(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	vgic_irq_set_pending(t, irq, true);
}

static void put_clear_pending(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	vgic_irq_set_pending(t, irq, false);
}

static uint32_t get_active(const struct domain *d, const struct vcpu *t,
			   const struct vgic_irq *irq)
{
	return irq->active;
}

static void put_set_active(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	vgic_irq_set_active(t, irq, true);
}

static void put_clear_active(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	vgic_irq_set_active(t, irq, false);
}

static uint32_t get_priority(const struct domain *d, const struct vcpu *t,
			     const struct vgic_irq *irq)
{
	return irq->priority;
}

static void put_priority(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	irq->priority = (uint8_t)field & VGIC_PRIO_MASK;
}

/* GICD_ICFGR/GICR_ICFGR<n> Int_config (12.9.9): bit 1 = edge-triggered, bit 0 RES0. */
#define ICFGR_EDGE          2U

static uint32_t get_config(const struct domain *d, const struct vcpu *t,
			   const struct vgic_irq *irq)
{
	if (irq->intid == VGIC_EVTCHN_INTID)
		return irq->cfg_written_edge ? ICFGR_EDGE : 0;
	return irq->edge ? ICFGR_EDGE : 0;
}

static void put_config(struct vcpu *t, struct vgic_irq *irq, uint32_t field)
{
	/*
	 * SGIs: always edge, read-only. The event PPI is delivered as an edge
	 * (raised on each 0 -> 1 of evtchn_upcall_pending) whatever the guest
	 * configures; the register still reads back what it wrote.
	 */
	if (irq->intid == VGIC_EVTCHN_INTID)
		irq->cfg_written_edge = field & ICFGR_EDGE;
	else if (irq->intid >= VGIC_NR_SGIS)
		irq->edge = field & ICFGR_EDGE;
}

const struct vgic_field vgic_igroupr = { 1, false, get_one, NULL };
const struct vgic_field vgic_isenabler = { 1, true, get_enabled, put_enable };
const struct vgic_field vgic_icenabler = { 1, true, get_enabled, put_disable };
const struct vgic_field vgic_ispendr = { 1, true, get_pending, put_set_pending };
const struct vgic_field vgic_icpendr = { 1, true, get_pending, put_clear_pending };
const struct vgic_field vgic_isactiver = { 1, true, get_active, put_set_active };
const struct vgic_field vgic_icactiver = { 1, true, get_active, put_clear_active };
const struct vgic_field vgic_ipriorityr = { 8, false, get_priority, put_priority };
const struct vgic_field vgic_icfgr = { 2, false, get_config, put_config };

/* ---- Locks for a register access ---- */

/* SPIs: the distributor's lock is held for the whole access. */
static unsigned long lock_bank(struct vgic_mmio *m)
{
	return m->owner ? 0 : spin_lock_irqsave(&m->d->vgic.lock);
}

static void unlock_bank(struct vgic_mmio *m, unsigned long flags)
{
	if (!m->owner)
		spin_unlock_irqrestore(&m->d->vgic.lock, flags);
}

static struct vcpu *lock_irq(struct vgic_mmio *m, struct vgic_irq *irq, unsigned long *flags)
{
	if (!m->owner)
		return vgic_lock_target(m->d, irq, flags);
	*flags = spin_lock_irqsave(&m->owner->vgic.lock);
	return m->owner;
}

/* ---- Field registers ---- */

static uint64_t field_read(struct vgic_mmio *m, const struct vgic_field *f, uint32_t first,
			   unsigned int n)
{
	unsigned long bflags = lock_bank(m), flags;
	uint64_t val = 0;

	for (unsigned int i = 0; i < n; i++) {
		struct vgic_irq *irq = vgic_get_irq(m->d, m->owner, first + i);
		struct vcpu *t;

		if (!irq)
			continue;
		t = lock_irq(m, irq, &flags);
		val |= (uint64_t)f->get(m->d, t, irq) << (i * f->width);
		vgic_unlock_target(t, flags);
	}
	unlock_bank(m, bflags);
	return val;
}

static void field_write(struct vgic_mmio *m, const struct vgic_field *f, uint32_t first,
			unsigned int n, uint64_t val)
{
	unsigned long bflags = lock_bank(m), flags;
	uint32_t mask = (1U << f->width) - 1;

	for (unsigned int i = 0; i < n; i++) {
		struct vgic_irq *irq = vgic_get_irq(m->d, m->owner, first + i);
		uint32_t field = (uint32_t)(val >> (i * f->width)) & mask;
		struct vcpu *t;

		if (!irq || !f->put || (f->ones_act && !field))
			continue;
		t = lock_irq(m, irq, &flags);
		f->put(t, irq, field);
		if (vgic_irq_update(t, irq))
			m->kick |= BIT(t->id);
		vgic_unlock_target(t, flags);
	}
	unlock_bank(m, bflags);
}

/* ---- Decoding ---- */

uint64_t vgic_reg64_read(uint64_t reg, uint32_t off, unsigned int size)
{
	if (size == 8)
		return reg;
	return (reg >> ((off & 4) * 8)) & 0xffffffffUL;
}

uint64_t vgic_reg64_write(uint64_t reg, uint32_t off, unsigned int size, uint64_t val)
{
	unsigned int shift = (off & 4) * 8;

	if (size == 8)
		return val;
	return (reg & ~(0xffffffffUL << shift)) | (val & 0xffffffffUL) << shift;
}

static const struct vgic_reg *find_reg(const struct vgic_reg *regs, size_t nr, uint32_t off)
{
	for (size_t i = 0; i < nr; i++)
		if (off >= regs[i].start && off < regs[i].end)
			return &regs[i];
	return NULL;
}

static void reg_access(struct vgic_mmio *m, const struct vgic_reg *r, uint32_t off,
		       unsigned int size, bool write, uint64_t *val)
{
	const struct vgic_field *f = r->field;

	if (f) {
		uint32_t first = (off - r->start) * 8 / f->width;
		unsigned int n = size * 8 / f->width;

		if (write)
			field_write(m, f, first, n, *val);
		else
			*val = field_read(m, f, first, n);
	} else if (write) {
		if (r->write)
			r->write(m, off, size, *val);
	} else if (r->read) {
		*val = r->read(m, off, size);
	}
}

void vgic_mmio_access(struct vgic_mmio *m, const struct vgic_reg *regs, size_t nr, uint32_t off,
		      unsigned int size, bool write, uint64_t *val)
{
	const struct vgic_reg *r = find_reg(regs, nr, off);

	if (!write)
		*val = 0;
	if (!r || size > 8 || !(r->sizes & VGIC_SZ(size)) || !IS_ALIGNED(off, size))
		return;
	reg_access(m, r, off, size, write, val);
	vgic_kick_mask(m->d, m->kick);
	m->kick = 0;
}
