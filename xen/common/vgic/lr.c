// SPDX-License-Identifier: GPL-2.0-only
/*
 * The list registers: flush (before entering a vCPU) fills the LR images
 * from its pending list, highest priority first; sync (after leaving it)
 * folds what the guest did to them back into the interrupts' state.
 *
 * An LR in use stays with its interrupt until the guest is done with it
 * (state 00 at sync); flush only refreshes it (new edge, priority, active
 * written through ISACTIVER/ICACTIVER) or takes back a pending-only
 * interrupt that was disabled or cleared meanwhile. Level-sensitive
 * interrupts get ICH_LR.EOI so that the guest's EOI makes the vCPU exit and
 * sync resamples the line.
 *
 * A hardware-linked interrupt (hw_intid set by the arch, e.g. the virtual
 * timer's PPI) gets ICH_LR.HW and its physical INTID instead: the guest's
 * deactivation deactivates the physical interrupt, and the physical GIC keeps
 * its level, so when the guest is done with it the line counts as low until
 * the hardware fires (and the arch injects) again. Such an interrupt is never
 * pending and active in an LR at once. Locking: see private.h.
 */
#include <xen/lib.h>

#include "private.h"

void vgic_lr_release(struct vcpu *t, struct vgic_irq *irq)
{
	t->vgic.lr[irq->lr] = 0;
	irq->in_lr = false;
	irq->lr = 0;
}

/* The interrupt owning LR slot i of v, or NULL; clears an image no interrupt owns. */
static struct vgic_irq *lr_irq(struct vcpu *v, unsigned int i)
{
	uint64_t lr = v->vgic.lr[i];
	struct vgic_irq *irq;

	if (!lr)
		return NULL;
	irq = vgic_get_irq(v->domain, v, (uint32_t)(lr & ICH_LR_VINTID_MASK));
	if (irq && irq->target == v->id && irq->in_lr && irq->lr == i)
		return irq;
	v->vgic.lr[i] = 0;
	return NULL;
}

/* ICH_LR<n>_EL2.pINTID [44:32] when HW = 1 (GICv3 spec 12.5.9). */
#define ICH_LR_PINTID_MASK  0x1fffUL

/* ICH_LR<n>_EL2 image (GICv3 spec 12.5.9) for irq in the given state. */
static uint64_t lr_image(const struct vgic_irq *irq, uint64_t state)
{
	uint64_t lr = irq->intid | ICH_LR_GROUP1 | state;

	lr |= (uint64_t)(irq->priority & VGIC_PRIO_MASK) << ICH_LR_PRIO_SHIFT;
	if (irq->hw_intid)
		lr |= ICH_LR_HW | (irq->hw_intid & ICH_LR_PINTID_MASK) << ICH_LR_PINTID_SHIFT;
	else if (!irq->edge)
		lr |= ICH_LR_EOI;
	return lr;
}

/* State bits to give an LR now; an edge's pending latch is handed over to it. */
static uint64_t lr_state(struct vgic_irq *irq)
{
	uint64_t active = irq->active ? ICH_LR_STATE_ACTIVE : 0;

	/* Level: pending again only after the guest's EOI; hardware: never both. */
	if (irq->active && (!irq->edge || irq->hw_intid))
		return active;
	if (!irq->edge)
		return irq->pending_latch || irq->line_level ? ICH_LR_STATE_PENDING : 0;
	if (!irq->pending_latch)
		return active;
	irq->pending_latch = false;
	return active | ICH_LR_STATE_PENDING;
}

/* Brings an LR in use up to date with its interrupt's state, or frees it. */
static void refresh_lr(struct vcpu *v, struct vgic_irq *irq)
{
	uint64_t *lr = &v->vgic.lr[irq->lr];
	uint64_t state;

	if (irq->edge && (*lr & ICH_LR_STATE_PENDING))
		irq->pending_latch = true;      /* back from the LR; handed over again below */
	state = lr_state(irq);
	if (!irq->active && !vgic_irq_may_signal(v->domain, irq)) {
		if (irq->edge && state)
			irq->pending_latch = true;
		state = 0;
	}
	if (state) {
		*lr = lr_image(irq, state);
		return;
	}
	vgic_lr_release(v, irq);
	vgic_irq_update(v, irq);
}

static unsigned int free_lr(const struct vcpu *v, unsigned int from)
{
	while (from < v->vgic.nr_lr && v->vgic.lr[from])
		from++;
	return from;
}

/* Moves queued signalled interrupts into free LRs; true if some did not fit. */
static bool fill_lrs(struct vcpu *v)
{
	struct vgic_irq *irq, *next;
	unsigned int slot = 0;

	for (irq = v->vgic.pending; irq; irq = next) {
		next = irq->next;
		if (!irq->active && !vgic_irq_may_signal(v->domain, irq))
			continue;
		slot = free_lr(v, slot);
		if (slot == v->vgic.nr_lr)
			return true;
		vgic_irq_dequeue(v, irq);
		irq->in_lr = true;
		irq->lr = (uint8_t)slot;
		v->vgic.lr[slot] = lr_image(irq, lr_state(irq));
	}
	return false;
}

void vgic_flush_lrs(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&v->vgic.lock);
	bool left;

	for (unsigned int i = 0; i < v->vgic.nr_lr; i++) {
		struct vgic_irq *irq = lr_irq(v, i);

		if (irq)
			refresh_lr(v, irq);
	}
	left = fill_lrs(v);
	v->vgic.hcr = (v->vgic.hcr & ~ICH_HCR_UIE) | ICH_HCR_EN | (left ? ICH_HCR_UIE : 0);
	spin_unlock_irqrestore(&v->vgic.lock, flags);
}

/* Folds LR slot of irq back into its state; true if the guest is done with it. */
static bool sync_one(struct vcpu *v, struct vgic_irq *irq)
{
	uint64_t state = v->vgic.lr[irq->lr] & ICH_LR_STATE_MASK;

	irq->active = state & ICH_LR_STATE_ACTIVE;
	/* Acknowledged: a level interrupt's ISPENDR latch goes (4.1.2). */
	if (!irq->edge && state != ICH_LR_STATE_PENDING)
		irq->pending_latch = false;
	if (state)
		return false;
	/*
	 * The physical GIC resamples the line: what the LR held is done. Only an
	 * assertion that came in after the guest deactivated it (the physical
	 * interrupt fired again before this sync) still stands.
	 */
	if (irq->hw_intid) {
		irq->line_level = irq->hw_refired;
		irq->hw_refired = false;
	}
	vgic_lr_release(v, irq);
	vgic_irq_update(v, irq);     /* a level line still high, or a new edge: queued again */
	return true;
}

static bool route_changed(const struct domain *d, const struct vgic_irq *irq)
{
	if (irq->intid < VGIC_NR_PRIVATE)
		return false;
	return vgic_route(d, __atomic_load_n(&irq->irouter, __ATOMIC_RELAXED)) != irq->target;
}

void vgic_sync_lrs(struct vcpu *v)
{
	struct vgic_irq *moved[VGIC_MAX_LRS];
	unsigned int nr_moved = 0;
	unsigned long flags = spin_lock_irqsave(&v->vgic.lock);

	for (unsigned int i = 0; i < v->vgic.nr_lr; i++) {
		struct vgic_irq *irq = lr_irq(v, i);

		if (irq && sync_one(v, irq) && route_changed(v->domain, irq))
			moved[nr_moved++] = irq;
	}
	spin_unlock_irqrestore(&v->vgic.lock, flags);
	/* Routed elsewhere while in an LR: moves now (dist lock first, so ours is dropped). */
	for (unsigned int i = 0; i < nr_moved; i++)
		vgic_spi_follow_route(v->domain, moved[i]);
}
