// SPDX-License-Identifier: GPL-2.0-only
/*
 * Software-generated interrupts: the guest's writes to ICC_SGI1R_EL1 (GICv3
 * spec 12.2.22). With GICD_TYPER.RSS = 0 and Aff0 = vCPU id % 16, only
 * RangeSelector 0 can name a vCPU. The sender's own lock is never held
 * while a target's is taken (each target is injected through vgic_inject).
 */
#include <xen/lib.h>

#include "private.h"

/* ICC_SGI1R_EL1 fields (12.2.22). */
#define SGI1R_TARGETS_SHIFT 0       /* TargetList [15:0]: bit n = Aff0 of RS * 16 + n */
#define SGI1R_TARGETS_BITS  16
#define SGI1R_AFF1_SHIFT    16      /* Aff1 [23:16] */
#define SGI1R_INTID_SHIFT   24      /* INTID [27:24] */
#define SGI1R_AFF2_SHIFT    32      /* Aff2 [39:32] */
#define SGI1R_IRM           (1UL << 40)   /* 1: every PE but the sender */
#define SGI1R_RS_SHIFT      44      /* RangeSelector [47:44] */
#define SGI1R_AFF3_SHIFT    48      /* Aff3 [55:48] */

/* vCPUs the target list names (bit n = vCPU n). */
static uint64_t listed_vcpus(const struct domain *d, uint64_t value)
{
	uint64_t cluster = FIELD_GET(value, SGI1R_AFF1_SHIFT, 8) << VGIC_AFF1_SHIFT |
			   FIELD_GET(value, SGI1R_AFF2_SHIFT, 8) << VGIC_AFF2_SHIFT |
			   FIELD_GET(value, SGI1R_AFF3_SHIFT, 8) << VGIC_AFF3_SHIFT;
	uint64_t aff0_base = FIELD_GET(value, SGI1R_RS_SHIFT, 4) * SGI1R_TARGETS_BITS;
	uint64_t list = FIELD_GET(value, SGI1R_TARGETS_SHIFT, SGI1R_TARGETS_BITS), mask = 0;

	/* Only the bits set: a guest usually names one or two vCPUs. */
	for (; list; list &= list - 1) {
		unsigned int n = (unsigned int)__builtin_ctzll(list);
		int id = vgic_affinity_to_vcpu(d, cluster | (aff0_base + n) << VGIC_AFF0_SHIFT);

		if (id >= 0)
			mask |= BIT(id);
	}
	return mask;
}

static uint64_t all_but(const struct domain *d, unsigned int self)
{
	uint64_t mask = 0;

	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		if (d->vcpus[i] && i != self)
			mask |= BIT(i);
	return mask;
}

void vgic_sgi1r(struct vcpu *v, uint64_t value)
{
	struct domain *d = v->domain;
	uint32_t intid = (uint32_t)FIELD_GET(value, SGI1R_INTID_SHIFT, 4);
	uint64_t targets = value & SGI1R_IRM ? all_but(d, v->id) : listed_vcpus(d, value);

	for (; targets; targets &= targets - 1) {
		unsigned int i = (unsigned int)__builtin_ctzll(targets);

		if (i < d->nr_vcpus)
			vgic_inject(d, d->vcpus[i], intid, true);
	}
}
