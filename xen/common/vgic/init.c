// SPDX-License-Identifier: GPL-2.0-only
/*
 * Setting up and tearing down the vGIC of a domain and of its vCPUs, with
 * the reset values: everything disabled, inactive, not pending, priority 0,
 * Group 1; SGIs and the event-channel PPI edge-triggered (fixed), other PPIs
 * and SPIs level-sensitive (the guest may change them through
 * GICR_ICFGR1/GICD_ICFGR); SPIs routed to
 * vCPU 0 (IROUTER 0); distributor disabled; redistributors asleep
 * (GICR_WAKER.ProcessorSleep = 1, as on hardware).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/xmalloc.h>

#include "private.h"

int vgic_domain_init(struct domain *d, unsigned int nr_spis)
{
	unsigned int n = (unsigned int)ALIGN_UP(nr_spis, 32);
	struct vgic_irq *spis = NULL;

	if (nr_spis > VGIC_MAX_SPIS)
		return -EINVAL;
	if (n && !(spis = xzalloc_array(struct vgic_irq, n)))
		return -ENOMEM;
	for (unsigned int i = 0; i < n; i++)
		spis[i].intid = VGIC_NR_PRIVATE + i;
	spin_lock_init(&d->vgic.lock);
	d->vgic.ctlr = GICD_CTLR_ARE | GICD_CTLR_DS;
	d->vgic.nr_spis = n;
	d->vgic.spis = spis;
	return 0;
}

/* Drops every SPI from t's pending list and LRs (t's lock held). */
static void forget_spis(struct vcpu *t)
{
	struct vgic_irq **pp = &t->vgic.pending;

	while (*pp) {
		if ((*pp)->intid >= VGIC_NR_PRIVATE)
			*pp = (*pp)->next;
		else
			pp = &(*pp)->next;
	}
	for (unsigned int i = 0; i < t->vgic.nr_lr; i++)
		if ((t->vgic.lr[i] & ICH_LR_VINTID_MASK) >= VGIC_NR_PRIVATE)
			t->vgic.lr[i] = 0;
}

void vgic_domain_destroy(struct domain *d)
{
	unsigned long dflags = spin_lock_irqsave(&d->vgic.lock);

	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *t = d->vcpus[i];
		unsigned long flags;

		if (!t)
			continue;
		flags = spin_lock_irqsave(&t->vgic.lock);
		forget_spis(t);
		spin_unlock_irqrestore(&t->vgic.lock, flags);
	}
	xfree(d->vgic.spis);
	d->vgic.spis = NULL;
	d->vgic.nr_spis = 0;
	spin_unlock_irqrestore(&d->vgic.lock, dflags);
}

void vgic_vcpu_init(struct vcpu *v, unsigned int nr_lr)
{
	struct vgic_cpu *c = &v->vgic;

	memset(c, 0, sizeof(*c));
	spin_lock_init(&c->lock);
	for (unsigned int i = 0; i < VGIC_NR_PRIVATE; i++) {
		c->priv[i].intid = i;
		c->priv[i].target = (uint16_t)v->id;
		c->priv[i].edge = i < VGIC_NR_SGIS || i == VGIC_EVTCHN_INTID;
	}
	c->nr_lr = MIN(nr_lr, VGIC_MAX_LRS);
	c->hcr = ICH_HCR_EN;
	c->sleeping = true;
}

int vgic_link_hw_spi(struct domain *d, uint32_t intid)
{
	struct vgic_irq *irq;
	unsigned long flags;

	if (intid < VGIC_NR_PRIVATE)
		return -EINVAL;
	irq = vgic_get_irq(d, NULL, intid);
	if (!irq)
		return -EINVAL;
	flags = spin_lock_irqsave(&d->vgic.lock);
	irq->hw_intid = intid;
	spin_unlock_irqrestore(&d->vgic.lock, flags);
	return 0;
}
