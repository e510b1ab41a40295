// SPDX-License-Identifier: GPL-2.0-only
/*
 * vGIC interrupt state: lookup, pending and signalled predicates, the
 * per-vCPU pending list (highest priority first, ties by INTID), injection.
 * Locking and the LR hand-off of pending state: see private.h.
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

struct vgic_irq *vgic_get_irq(struct domain *d, struct vcpu *owner, uint32_t intid)
{
	if (intid < VGIC_NR_PRIVATE)
		return owner ? &owner->vgic.priv[intid] : NULL;
	if (intid - VGIC_NR_PRIVATE < d->vgic.nr_spis)
		return &d->vgic.spis[intid - VGIC_NR_PRIVATE];
	return NULL;
}

static bool lr_pending(const struct vcpu *t, const struct vgic_irq *irq)
{
	return irq->in_lr && (t->vgic.lr[irq->lr] & ICH_LR_STATE_PENDING);
}

/* Pending outside any LR: the latch, or a level input that is high. */
static bool latched_or_level(const struct vgic_irq *irq)
{
	return irq->pending_latch || (!irq->edge && irq->line_level);
}

bool vgic_irq_pending(const struct vcpu *t, const struct vgic_irq *irq)
{
	return latched_or_level(irq) || lr_pending(t, irq);
}

bool vgic_irq_may_signal(const struct domain *d, const struct vgic_irq *irq)
{
	if (!irq->enabled)
		return false;
	if (irq->intid < VGIC_NR_PRIVATE)
		return true;
	return __atomic_load_n(&d->vgic.ctlr, __ATOMIC_RELAXED) & GICD_CTLR_ENABLE_GRP1;
}

bool vgic_irq_signalled(const struct domain *d, const struct vcpu *t, const struct vgic_irq *irq)
{
	return vgic_irq_may_signal(d, irq) && vgic_irq_pending(t, irq);
}

/* True if a goes before b on a pending list. */
static bool goes_before(const struct vgic_irq *a, const struct vgic_irq *b)
{
	if (a->priority != b->priority)
		return a->priority < b->priority;
	return a->intid < b->intid;
}

static void enqueue(struct vcpu *t, struct vgic_irq *irq)
{
	struct vgic_irq **pp = &t->vgic.pending;

	while (*pp && !goes_before(irq, *pp))
		pp = &(*pp)->next;
	irq->next = *pp;
	*pp = irq;
	irq->queued = true;
}

void vgic_irq_dequeue(struct vcpu *t, struct vgic_irq *irq)
{
	struct vgic_irq **pp = &t->vgic.pending;

	if (!irq->queued)
		return;
	while (*pp != irq)
		pp = &(*pp)->next;
	*pp = irq->next;
	irq->next = NULL;
	irq->queued = false;
}

bool vgic_irq_update(struct vcpu *t, struct vgic_irq *irq)
{
	bool wants;

	if (!t)
		return false;
	wants = !irq->in_lr && (irq->active || (irq->enabled && latched_or_level(irq)));
	/* Re-inserted even if queued already: its priority may have changed. */
	vgic_irq_dequeue(t, irq);
	if (wants)
		enqueue(t, irq);
	return vgic_irq_signalled(t->domain, t, irq);
}

void vgic_irq_set_pending(struct vcpu *t, struct vgic_irq *irq, bool pending)
{
	irq->pending_latch = pending;
	/* Clearing also takes back a pending state already handed to an LR. */
	if (!pending && irq->in_lr)
		t->vgic.lr[irq->lr] &= ~ICH_LR_STATE_PENDING;
}

void vgic_irq_set_active(struct vcpu *t, struct vgic_irq *irq, bool active)
{
	irq->active = active;
}

/* Applies an input change to an interrupt whose locks are held; true: kick t. */
static bool drive(struct vcpu *t, struct vgic_irq *irq, bool level)
{
	if (irq->edge) {
		if (!level)
			return false;
		irq->pending_latch = true;
	} else {
		irq->line_level = level;
		/* The LR image may be stale (the guest deactivated it): see sync_one(). */
		if (level && irq->hw_intid && irq->in_lr)
			irq->hw_refired = true;
	}
	return vgic_irq_update(t, irq) && level;
}

/*
 * An edge already latched and waiting outside the list registers takes a
 * new edge as the same one (edges coalesce while pending, GICv3 spec 4.1.1),
 * and whoever latched it already kicked: nothing to do, no lock taken. Read
 * without the lock: if the flush is taking it into an LR right now, that
 * delivery still comes after the caller's writes (the event bits).
 */
static bool edge_already_latched(const struct vgic_irq *irq)
{
	return irq->edge && __atomic_load_n(&irq->pending_latch, __ATOMIC_ACQUIRE) &&
	       !__atomic_load_n(&irq->in_lr, __ATOMIC_ACQUIRE);
}

static int inject_private(struct domain *d, struct vcpu *v, uint32_t intid, bool level)
{
	unsigned long flags;
	bool kick;

	if (!v || v->domain != d)
		return -EINVAL;
	if (level && edge_already_latched(&v->vgic.priv[intid]))
		return 0;
	flags = spin_lock_irqsave(&v->vgic.lock);
	kick = drive(v, &v->vgic.priv[intid], level);
	spin_unlock_irqrestore(&v->vgic.lock, flags);
	if (kick)
		vcpu_kick(v);
	return 0;
}

static int inject_spi(struct domain *d, uint32_t intid, bool level)
{
	struct vgic_irq *irq = vgic_get_irq(d, NULL, intid);
	unsigned long dflags, flags;
	struct vcpu *t;
	bool kick;

	if (!irq)
		return -EINVAL;
	dflags = spin_lock_irqsave(&d->vgic.lock);
	t = vgic_lock_target(d, irq, &flags);
	kick = drive(t, irq, level);
	vgic_unlock_target(t, flags);
	spin_unlock_irqrestore(&d->vgic.lock, dflags);
	if (kick)
		vcpu_kick(t);
	return 0;
}

int vgic_inject(struct domain *d, struct vcpu *v, uint32_t intid, bool level)
{
	if (intid < VGIC_NR_PRIVATE)
		return inject_private(d, v, intid, level);
	return inject_spi(d, intid, level);
}

static bool any_signalled_in_lrs(struct vcpu *v)
{
	for (unsigned int i = 0; i < v->vgic.nr_lr; i++) {
		const struct vgic_irq *irq;
		uint32_t intid = (uint32_t)(v->vgic.lr[i] & ICH_LR_VINTID_MASK);

		if (!(v->vgic.lr[i] & ICH_LR_STATE_MASK))
			continue;
		irq = vgic_get_irq(v->domain, v, intid);
		if (irq && irq->in_lr && irq->lr == i && vgic_irq_signalled(v->domain, v, irq))
			return true;
	}
	return false;
}

bool vgic_vcpu_pending(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&v->vgic.lock);
	bool found = any_signalled_in_lrs(v);

	for (const struct vgic_irq *irq = v->vgic.pending; irq && !found; irq = irq->next)
		found = vgic_irq_signalled(v->domain, v, irq);
	spin_unlock_irqrestore(&v->vgic.lock, flags);
	return found;
}
