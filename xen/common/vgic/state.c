// SPDX-License-Identifier: GPL-2.0-only
/*
 * Save and load records (struct vgic_vcpu_state, struct vgic_irq_state) for
 * save/restore and migration. A load checks every field before it changes
 * anything, so a rejected record leaves the vGIC as it was; an accepted one
 * rebuilds the pending lists (interrupts go back into LRs at the next flush).
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

#define IRQ_F_ALL (VGIC_IRQ_F_ENABLED | VGIC_IRQ_F_PENDING | VGIC_IRQ_F_LEVEL | \
		   VGIC_IRQ_F_ACTIVE | VGIC_IRQ_F_EDGE)
#define CTLR_ALL  (GICD_CTLR_ENABLE_GRP1 | GICD_CTLR_ARE | GICD_CTLR_DS)

/* ---- Saving ---- */

/* irq's record; t is its target, whose lock is held. */
static void save_irq(const struct vcpu *t, const struct vgic_irq *irq, struct vgic_irq_state *s)
{
	uint64_t lr = irq->in_lr ? t->vgic.lr[irq->lr] : 0;
	/* An edge's pending state may be in its LR; a level's LR state comes from the line. */
	bool pending = irq->edge ? vgic_irq_pending(t, irq) : irq->pending_latch;
	bool active = irq->active || (lr & ICH_LR_STATE_ACTIVE);

	s->intid = irq->intid;
	s->priority = irq->priority;
	s->flags = (uint8_t)((irq->enabled ? VGIC_IRQ_F_ENABLED : 0) |
			     (pending ? VGIC_IRQ_F_PENDING : 0) |
			     (irq->line_level ? VGIC_IRQ_F_LEVEL : 0) |
			     (active ? VGIC_IRQ_F_ACTIVE : 0) | (irq->edge ? VGIC_IRQ_F_EDGE : 0));
	s->target = irq->target;
	s->irouter = irq->irouter;
}

void vgic_save_vcpu(struct vcpu *v, struct vgic_vcpu_state *out)
{
	unsigned long flags = spin_lock_irqsave(&v->vgic.lock);

	memset(out, 0, sizeof(*out));
	out->version = VGIC_STATE_VERSION;
	out->sleeping = v->vgic.sleeping;
	out->vmcr = v->vgic.vmcr;
	memcpy(out->ap1r, v->vgic.ap1r, sizeof(out->ap1r));
	for (unsigned int i = 0; i < VGIC_NR_PRIVATE; i++)
		save_irq(v, &v->vgic.priv[i], &out->priv[i]);
	spin_unlock_irqrestore(&v->vgic.lock, flags);
}

void vgic_save_dist(struct domain *d, uint32_t *ctlr, struct vgic_irq_state *out)
{
	unsigned long dflags = spin_lock_irqsave(&d->vgic.lock), flags;

	*ctlr = d->vgic.ctlr;
	for (unsigned int i = 0; i < d->vgic.nr_spis; i++) {
		struct vgic_irq *irq = &d->vgic.spis[i];
		struct vcpu *t = vgic_lock_target(d, irq, &flags);

		memset(&out[i], 0, sizeof(out[i]));
		save_irq(t, irq, &out[i]);
		vgic_unlock_target(t, flags);
	}
	spin_unlock_irqrestore(&d->vgic.lock, dflags);
}

/* ---- Checking ---- */

static bool irq_record_ok(const struct vgic_irq_state *s, uint32_t intid)
{
	if (s->intid != intid || (s->priority & ~VGIC_PRIO_MASK) || (s->flags & ~IRQ_F_ALL))
		return false;
	return intid >= VGIC_NR_SGIS || (s->flags & VGIC_IRQ_F_EDGE);   /* SGIs: edge */
}

static bool vcpu_record_ok(const struct vcpu *v, const struct vgic_vcpu_state *in)
{
	if (in->version != VGIC_STATE_VERSION || in->sleeping > 1)
		return false;
	for (unsigned int i = 0; i < VGIC_NR_PRIVATE; i++)
		if (!irq_record_ok(&in->priv[i], i) || in->priv[i].target != v->id)
			return false;
	return true;
}

static bool spi_record_ok(const struct domain *d, const struct vgic_irq_state *s, uint32_t intid)
{
	if (!irq_record_ok(s, intid) || (s->irouter & ~(VGIC_AFF_MASK | GICD_IROUTER_IRM)))
		return false;
	return s->target < d->nr_vcpus && d->vcpus[s->target];
}

/* ---- Loading ---- */

/* Takes irq off t's pending list and LRs (t's lock held, or t NULL). */
static void detach(struct vcpu *t, struct vgic_irq *irq)
{
	if (!t)
		return;
	vgic_irq_dequeue(t, irq);
	if (irq->in_lr)
		vgic_lr_release(t, irq);
}

static void load_irq(struct vgic_irq *irq, const struct vgic_irq_state *s)
{
	irq->priority = s->priority;
	irq->enabled = s->flags & VGIC_IRQ_F_ENABLED;
	irq->pending_latch = s->flags & VGIC_IRQ_F_PENDING;
	irq->line_level = s->flags & VGIC_IRQ_F_LEVEL;
	irq->active = s->flags & VGIC_IRQ_F_ACTIVE;
	irq->edge = s->flags & VGIC_IRQ_F_EDGE;
	irq->target = s->target;
	irq->irouter = s->irouter;
}

int vgic_load_vcpu(struct vcpu *v, const struct vgic_vcpu_state *in)
{
	unsigned long flags;

	if (!vcpu_record_ok(v, in))
		return -EINVAL;
	flags = spin_lock_irqsave(&v->vgic.lock);
	for (unsigned int i = 0; i < VGIC_NR_PRIVATE; i++) {
		detach(v, &v->vgic.priv[i]);
		load_irq(&v->vgic.priv[i], &in->priv[i]);
		vgic_irq_update(v, &v->vgic.priv[i]);
	}
	v->vgic.sleeping = in->sleeping;
	v->vgic.vmcr = in->vmcr;
	memcpy(v->vgic.ap1r, in->ap1r, sizeof(v->vgic.ap1r));
	spin_unlock_irqrestore(&v->vgic.lock, flags);
	return 0;
}

/* Loads one SPI (dist lock held): off its old vCPU, onto its new one. */
static bool load_spi(struct domain *d, struct vgic_irq *irq, const struct vgic_irq_state *s)
{
	unsigned long flags;
	struct vcpu *t = vgic_lock_target(d, irq, &flags);
	bool kick;

	detach(t, irq);
	vgic_unlock_target(t, flags);
	load_irq(irq, s);
	t = vgic_lock_target(d, irq, &flags);
	kick = vgic_irq_update(t, irq);
	vgic_unlock_target(t, flags);
	return kick;
}

int vgic_load_dist(struct domain *d, uint32_t ctlr, const struct vgic_irq_state *in, unsigned int n)
{
	uint32_t new_ctlr = GICD_CTLR_ARE | GICD_CTLR_DS | (ctlr & GICD_CTLR_ENABLE_GRP1);
	unsigned long flags;
	uint64_t kick = 0;

	if (n != d->vgic.nr_spis || (ctlr & ~CTLR_ALL))
		return -EINVAL;
	for (unsigned int i = 0; i < n; i++)
		if (!spi_record_ok(d, &in[i], VGIC_NR_PRIVATE + i))
			return -EINVAL;
	flags = spin_lock_irqsave(&d->vgic.lock);
	__atomic_store_n(&d->vgic.ctlr, new_ctlr, __ATOMIC_RELAXED);
	for (unsigned int i = 0; i < n; i++)
		if (load_spi(d, &d->vgic.spis[i], &in[i]))
			kick |= BIT(in[i].target);
	spin_unlock_irqrestore(&d->vgic.lock, flags);
	vgic_kick_mask(d, kick);
	return 0;
}
