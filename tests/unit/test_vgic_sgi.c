// SPDX-License-Identifier: GPL-2.0-only
/* vGIC SGIs: guest writes to ICC_SGI1R_EL1 (GICv3 spec 12.2.22). */
#include "test_vgic.h"

/* ICC_SGI1R_EL1 fields. */
#define T_SGI1R_INTID(n)   ((uint64_t)(n) << 24)
#define T_SGI1R_AFF1(n)    ((uint64_t)(n) << 16)
#define T_SGI1R_AFF2(n)    ((uint64_t)(n) << 32)
#define T_SGI1R_IRM        (1UL << 40)
#define T_SGI1R_RS(n)      ((uint64_t)(n) << 44)
#define T_SGI1R_AFF3(n)    ((uint64_t)(n) << 48)

/* Bit n set if vCPU n has SGI intid pending. */
static uint64_t pending_on(struct domain *d, uint32_t intid)
{
	uint64_t mask = 0;

	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		if (gicr_rd(d, i, T_GICR_ISPENDR0, 4) & (1U << intid))
			mask |= 1UL << i;
	return mask;
}

static struct domain *sgi_domain(unsigned int nr_vcpus, uint32_t intid)
{
	struct domain *d = vt_domain(nr_vcpus, 32);

	for (unsigned int i = 0; i < nr_vcpus; i++)
		vt_enable(d, i, intid);
	fake_hooks_reset();
	return d;
}

static void test_target_list(void)
{
	struct domain *d = sgi_domain(4, 5);

	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(5) | 0xa);   /* vCPUs 1 and 3 */
	CU_ASSERT_EQUAL(pending_on(d, 5), 0xa);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 2);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[3]);
	vgic_flush_lrs(d->vcpus[1]);
	CU_ASSERT_EQUAL(lr_state_of(d->vcpus[1], 5), ICH_LR_STATE_PENDING);
	/* To itself, and to a vCPU that does not exist (Aff0 = 7). */
	vgic_sgi1r(d->vcpus[2], T_SGI1R_INTID(5) | 1U << 2 | 1U << 7);
	CU_ASSERT_EQUAL(pending_on(d, 5), 0xe);
	vt_free(d);
}

static void test_irm_broadcast_to_others(void)
{
	struct domain *d = sgi_domain(4, 15);

	/* IRM: every vCPU but the sender, whatever the target list says. */
	vgic_sgi1r(d->vcpus[2], T_SGI1R_INTID(15) | T_SGI1R_IRM | 0x4);
	CU_ASSERT_EQUAL(pending_on(d, 15), 0xb);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 3);
	vt_free(d);
}

static void test_aff1_cluster(void)
{
	struct domain *d = sgi_domain(20, 1);

	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(1) | T_SGI1R_AFF1(1) | 1U << 2);
	CU_ASSERT_EQUAL(pending_on(d, 1), 1UL << 18);
	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(1) | T_SGI1R_AFF1(1) | 1U << 5);   /* vCPU 21: none */
	CU_ASSERT_EQUAL(pending_on(d, 1), 1UL << 18);
	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(1) | T_SGI1R_AFF1(0) | 0x8001);
	CU_ASSERT_EQUAL(pending_on(d, 1), 1UL << 18 | 1UL << 15 | 1UL << 0);
	vt_free(d);
}

static void test_unmatched_affinity_sends_nothing(void)
{
	struct domain *d = sgi_domain(20, 2);

	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(2) | T_SGI1R_RS(1) | 0xffff);   /* Aff0 16..31 */
	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(2) | T_SGI1R_AFF2(1) | 0xffff);
	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(2) | T_SGI1R_AFF3(1) | 0xffff);
	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(2) | T_SGI1R_AFF1(2) | 0xffff);
	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(2));                           /* empty list */
	CU_ASSERT_EQUAL(pending_on(d, 2), 0);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 0);
	vt_free(d);
}

static void test_disabled_sgi_latched_without_kick(void)
{
	struct domain *d = vt_domain(2, 32);

	vgic_sgi1r(d->vcpus[0], T_SGI1R_INTID(3) | 0x2);
	CU_ASSERT_EQUAL(pending_on(d, 3), 0x2);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 0);
	vt_enable(d, 1, 3);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[1]);
	vt_free(d);
}

UT_SUITE(vgic_sgi_suite, "vgic_sgi", NULL, NULL,
	 UT_CASE(test_target_list),
	 UT_CASE(test_irm_broadcast_to_others),
	 UT_CASE(test_aff1_cluster),
	 UT_CASE(test_unmatched_affinity_sends_nothing),
	 UT_CASE(test_disabled_sgi_latched_without_kick))
