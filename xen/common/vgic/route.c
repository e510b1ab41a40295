// SPDX-License-Identifier: GPL-2.0-only
/*
 * vCPU affinity, SPI routing (GICD_IROUTER), taking an interrupt's target
 * lock, and kicks. Locking: see private.h.
 *
 * Interrupt_Routing_Mode 1 ("any PE", 1 of N) delivers to vCPU 0; an
 * affinity that names no vCPU of the domain falls back to vCPU 0 too.
 */
#include <xen/lib.h>

#include "private.h"

/* Xen's scheme: 16 vCPUs per cluster, Aff0 = id % 16, Aff1 = id / 16. */
#define AFF0_PER_AFF1       16

uint64_t vgic_vcpu_affinity(unsigned int vcpu_id)
{
	uint64_t aff0 = vcpu_id % AFF0_PER_AFF1;
	uint64_t aff1 = (vcpu_id / AFF0_PER_AFF1) & 0xff;

	return aff0 << VGIC_AFF0_SHIFT | aff1 << VGIC_AFF1_SHIFT;
}

int vgic_affinity_to_vcpu(const struct domain *d, uint64_t aff)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		if (d->vcpus[i] && vgic_vcpu_affinity(i) == (aff & VGIC_AFF_MASK))
			return (int)i;
	return -1;
}

unsigned int vgic_route(const struct domain *d, uint64_t irouter)
{
	int id;

	if (irouter & GICD_IROUTER_IRM)
		return 0;
	id = vgic_affinity_to_vcpu(d, irouter);
	return id < 0 ? 0 : (unsigned int)id;
}

struct vcpu *vgic_lock_target(struct domain *d, struct vgic_irq *irq, unsigned long *flags)
{
	struct vcpu *t = irq->target < d->nr_vcpus ? d->vcpus[irq->target] : NULL;

	if (t)
		*flags = spin_lock_irqsave(&t->vgic.lock);
	return t;
}

void vgic_unlock_target(struct vcpu *t, unsigned long flags)
{
	if (t)
		spin_unlock_irqrestore(&t->vgic.lock, flags);
}

uint64_t vgic_spi_retarget(struct domain *d, struct vgic_irq *irq)
{
	unsigned int to = vgic_route(d, irq->irouter);
	unsigned long flags;
	struct vcpu *t;
	bool kick;

	if (to == irq->target)
		return 0;
	t = vgic_lock_target(d, irq, &flags);
	if (irq->in_lr) {
		/* Its LR owns it until the guest is done: sync calls vgic_spi_follow_route. */
		vgic_unlock_target(t, flags);
		return 0;
	}
	if (t)
		vgic_irq_dequeue(t, irq);
	irq->target = (uint16_t)to;
	vgic_unlock_target(t, flags);

	t = vgic_lock_target(d, irq, &flags);
	kick = vgic_irq_update(t, irq);
	vgic_unlock_target(t, flags);
	return kick ? BIT(to) : 0;
}

void vgic_spi_follow_route(struct domain *d, struct vgic_irq *irq)
{
	unsigned long flags = spin_lock_irqsave(&d->vgic.lock);
	uint64_t kick = vgic_spi_retarget(d, irq);

	spin_unlock_irqrestore(&d->vgic.lock, flags);
	vgic_kick_mask(d, kick);
}

void vgic_kick_mask(struct domain *d, uint64_t mask)
{
	for (unsigned int i = 0; i < d->nr_vcpus && mask; i++, mask >>= 1)
		if ((mask & 1) && d->vcpus[i])
			vcpu_kick(d->vcpus[i]);
}
