// SPDX-License-Identifier: GPL-2.0-only
/* vGIC save/load records, and tearing a domain's vGIC down. */
#include "test_vgic.h"
#include <string.h>

#define NR_SPIS 64
#define F_EN    VGIC_IRQ_F_ENABLED

/* vCPU 1 of d gets a mix: enabled, pending, active in an LR, level, edge, priorities. */
static void dirty_vcpu(struct domain *d)
{
	struct vcpu *v = d->vcpus[1];

	v->vgic.vmcr = 0xf0000001;
	v->vgic.ap1r[0] = 0x1;
	gicr_wr(d, 1, T_GICR_WAKER, 4, 0);
	gicr_wr(d, 1, T_GICR_ICFGR1, 4, 0x2UL << (2 * (31 - 16)));   /* PPI 31 edge */
	gicr_wr(d, 1, T_GICR_IPRIORITYR, 4, 0x10203040);
	gicr_wr(d, 1, T_GICR_IPRIORITYR + 28, 4, 0x88a0b0c0);
	gicr_wr(d, 1, T_GICR_ISENABLER0, 4, 0x8800000f);
	vgic_inject(d, v, 0, true);      /* SGI 0: handled into active below */
	vgic_inject(d, v, 2, true);      /* SGI 2: pending, in an LR */
	vgic_inject(d, v, 9, true);      /* SGI 9: pending, disabled */
	vgic_inject(d, v, 27, true);     /* level PPI: line high */
	vgic_inject(d, v, 31, true);     /* edge PPI */
	vgic_flush_lrs(v);
	guest_ack(v, 0);
	vgic_sync_lrs(v);
}

static void dirty_dist(struct domain *d)
{
	vt_dist_enable(d);
	gicd_wr(d, T_GICD_ISENABLER + 4, 4, 0xf0f0000f);
	gicd_wr(d, T_GICD_ICFGR + 8, 4, 0xa0);
	gicd_wr(d, T_GICD_IPRIORITYR + 32, 4, 0x20304050);
	gicd_wr(d, T_GICD_IROUTER + 8 * 33, 8, vgic_vcpu_affinity(1));
	gicd_wr(d, T_GICD_IROUTER + 8 * 34, 8, vgic_vcpu_affinity(2));
	gicd_wr(d, T_GICD_IROUTER + 8 * 90, 8, 1UL << 31);
	vgic_inject(d, NULL, 32, true);
	vgic_inject(d, NULL, 34, true);
	vgic_inject(d, NULL, 35, true);
	vgic_inject(d, NULL, 90, true);
	vgic_flush_lrs(d->vcpus[2]);
	guest_ack(d->vcpus[2], 34);
	vgic_sync_lrs(d->vcpus[2]);
}

static void test_vcpu_round_trip(void)
{
	struct domain *a = vt_domain(2, NR_SPIS), *b = vt_domain(2, NR_SPIS);
	struct vgic_vcpu_state s1, s2;

	dirty_vcpu(a);
	vgic_save_vcpu(a->vcpus[1], &s1);
	CU_ASSERT_EQUAL(s1.version, VGIC_STATE_VERSION);
	CU_ASSERT_EQUAL(s1.priv[0].flags, F_EN | VGIC_IRQ_F_ACTIVE | VGIC_IRQ_F_EDGE);
	CU_ASSERT_EQUAL(s1.priv[2].flags, F_EN | VGIC_IRQ_F_PENDING | VGIC_IRQ_F_EDGE);
	CU_ASSERT_EQUAL(s1.priv[9].flags, VGIC_IRQ_F_PENDING | VGIC_IRQ_F_EDGE);
	CU_ASSERT_EQUAL(s1.priv[27].flags, F_EN | VGIC_IRQ_F_LEVEL);
	CU_ASSERT_EQUAL(s1.priv[31].flags, F_EN | VGIC_IRQ_F_PENDING | VGIC_IRQ_F_EDGE);
	CU_ASSERT_EQUAL(s1.priv[3].priority, 0x10);
	CU_ASSERT_EQUAL(s1.priv[31].priority, 0x88);

	CU_ASSERT_EQUAL(vgic_load_vcpu(b->vcpus[1], &s1), 0);
	vgic_save_vcpu(b->vcpus[1], &s2);
	CU_ASSERT_EQUAL(memcmp(&s1, &s2, sizeof(s1)), 0);
	CU_ASSERT_EQUAL(gicr_rd(b, 1, T_GICR_WAKER, 4), 0);
	/* The pending list is rebuilt: the next flush gives the same LR contents. */
	vgic_flush_lrs(a->vcpus[1]);
	vgic_flush_lrs(b->vcpus[1]);
	for (uint32_t intid = 0; intid < 32; intid++)
		CU_ASSERT_EQUAL(lr_state_of(a->vcpus[1], intid), lr_state_of(b->vcpus[1], intid));
	CU_ASSERT_EQUAL(lr_state_of(b->vcpus[1], 0), ICH_LR_STATE_ACTIVE);
	CU_ASSERT_EQUAL(a->vcpus[1]->vgic.hcr, b->vcpus[1]->vgic.hcr);
	vt_free(a);
	vt_free(b);
}

static void test_dist_round_trip(void)
{
	struct domain *a = vt_domain(3, NR_SPIS), *b = vt_domain(3, NR_SPIS);
	struct vgic_irq_state s1[NR_SPIS], s2[NR_SPIS];
	uint32_t c1, c2;

	dirty_dist(a);
	vgic_save_dist(a, &c1, s1);
	CU_ASSERT_EQUAL(c1, T_CTLR_ARE_DS | T_CTLR_GRP1);
	CU_ASSERT_EQUAL(s1[2].target, 2);
	CU_ASSERT_EQUAL(s1[2].flags, VGIC_IRQ_F_ENABLED | VGIC_IRQ_F_ACTIVE | VGIC_IRQ_F_EDGE);
	CU_ASSERT_EQUAL(s1[58].flags, VGIC_IRQ_F_LEVEL);
	CU_ASSERT_EQUAL(s1[3].flags, VGIC_IRQ_F_ENABLED | VGIC_IRQ_F_PENDING | VGIC_IRQ_F_EDGE);
	CU_ASSERT_EQUAL(s1[58].irouter, 1UL << 31);

	CU_ASSERT_EQUAL(vgic_load_dist(b, c1, s1, NR_SPIS), 0);
	vgic_save_dist(b, &c2, s2);
	CU_ASSERT_EQUAL(c1, c2);
	CU_ASSERT_EQUAL(memcmp(s1, s2, sizeof(s1)), 0);
	CU_ASSERT_EQUAL(gicd_rd(b, T_GICD_IROUTER + 8 * 33, 8), vgic_vcpu_affinity(1));
	/* Rebuilt on the right vCPUs: 34 active on vCPU 2, 35 pending on vCPU 0. */
	vgic_flush_lrs(b->vcpus[0]);
	vgic_flush_lrs(b->vcpus[2]);
	CU_ASSERT_EQUAL(lr_state_of(b->vcpus[2], 34), ICH_LR_STATE_ACTIVE);
	CU_ASSERT_EQUAL(lr_state_of(b->vcpus[0], 35), ICH_LR_STATE_PENDING);
	CU_ASSERT_EQUAL(lr_state_of(b->vcpus[0], 32), ICH_LR_STATE_PENDING);
	vt_free(a);
	vt_free(b);
}

/* Loads a corrupted copy of a good vCPU record; nothing may change. */
static void expect_vcpu_rejected(void (*corrupt)(struct vgic_vcpu_state *))
{
	struct domain *d = vt_domain(2, NR_SPIS);
	struct vgic_vcpu_state good, bad, before, after;
	struct vgic_irq *pending;

	dirty_vcpu(d);
	vgic_save_vcpu(d->vcpus[1], &before);
	pending = d->vcpus[1]->vgic.pending;
	good = before;
	good.priv[9].flags |= VGIC_IRQ_F_ENABLED;
	good.sleeping = 1;
	bad = good;
	corrupt(&bad);
	CU_ASSERT_EQUAL(vgic_load_vcpu(d->vcpus[1], &bad), -EINVAL);
	vgic_save_vcpu(d->vcpus[1], &after);
	CU_ASSERT_EQUAL(memcmp(&before, &after, sizeof(before)), 0);
	CU_ASSERT_PTR_EQUAL(d->vcpus[1]->vgic.pending, pending);
	CU_ASSERT_EQUAL(vgic_load_vcpu(d->vcpus[1], &good), 0);   /* the good one loads */
	vt_free(d);
}

static void bad_version(struct vgic_vcpu_state *s)
{
	s->version = VGIC_STATE_VERSION + 1;
}

static void bad_intid(struct vgic_vcpu_state *s)
{
	s->priv[31].intid = 30;
}

static void bad_priority(struct vgic_vcpu_state *s)
{
	s->priv[20].priority = 0x81;     /* low bits the vGIC does not implement */
}

static void bad_flags(struct vgic_vcpu_state *s)
{
	s->priv[20].flags |= 0x80;
}

static void bad_sgi_level(struct vgic_vcpu_state *s)
{
	s->priv[15].flags &= (uint8_t)~VGIC_IRQ_F_EDGE;
}

static void bad_target(struct vgic_vcpu_state *s)
{
	s->priv[31].target = 0;          /* another vCPU's interrupt */
}

static void bad_sleeping(struct vgic_vcpu_state *s)
{
	s->sleeping = 2;
}

static void test_vcpu_bad_records_rejected(void)
{
	expect_vcpu_rejected(bad_version);
	expect_vcpu_rejected(bad_intid);
	expect_vcpu_rejected(bad_priority);
	expect_vcpu_rejected(bad_flags);
	expect_vcpu_rejected(bad_sgi_level);
	expect_vcpu_rejected(bad_target);
	expect_vcpu_rejected(bad_sleeping);
}

struct dist_record {
	uint32_t ctlr;
	unsigned int n;
	struct vgic_irq_state spi[NR_SPIS];
};

static void expect_dist_rejected(void (*corrupt)(struct dist_record *))
{
	struct domain *d = vt_domain(3, NR_SPIS);
	static struct dist_record good, bad, before, after;
	struct vgic_irq *pending[3];

	dirty_dist(d);
	vgic_save_dist(d, &before.ctlr, before.spi);
	for (unsigned int i = 0; i < 3; i++)
		pending[i] = d->vcpus[i]->vgic.pending;
	good = before;
	good.n = NR_SPIS;
	good.spi[7].flags |= VGIC_IRQ_F_PENDING;
	good.spi[7].target = 1;
	bad = good;
	corrupt(&bad);
	CU_ASSERT_EQUAL(vgic_load_dist(d, bad.ctlr, bad.spi, bad.n), -EINVAL);
	vgic_save_dist(d, &after.ctlr, after.spi);
	CU_ASSERT_EQUAL(before.ctlr, after.ctlr);
	CU_ASSERT_EQUAL(memcmp(before.spi, after.spi, sizeof(before.spi)), 0);
	for (unsigned int i = 0; i < 3; i++)
		CU_ASSERT_PTR_EQUAL(d->vcpus[i]->vgic.pending, pending[i]);
	CU_ASSERT_EQUAL(vgic_load_dist(d, good.ctlr, good.spi, good.n), 0);
	vt_free(d);
}

static void dist_bad_count(struct dist_record *r)
{
	r->n = NR_SPIS - 32;
}

static void dist_bad_ctlr(struct dist_record *r)
{
	r->ctlr |= 1U << 8;
}

static void dist_bad_intid(struct dist_record *r)
{
	r->spi[63].intid = 63;
}

static void dist_bad_target(struct dist_record *r)
{
	r->spi[40].target = 3;           /* the domain has vCPUs 0-2 */
}

static void dist_bad_irouter(struct dist_record *r)
{
	r->spi[40].irouter = 1UL << 40;  /* RES0 */
}

static void dist_bad_priority(struct dist_record *r)
{
	r->spi[10].priority = 0x07;
}

static void test_dist_bad_records_rejected(void)
{
	expect_dist_rejected(dist_bad_count);
	expect_dist_rejected(dist_bad_ctlr);
	expect_dist_rejected(dist_bad_intid);
	expect_dist_rejected(dist_bad_target);
	expect_dist_rejected(dist_bad_irouter);
	expect_dist_rejected(dist_bad_priority);
}

static void test_load_into_fresh_vcpu_delivers(void)
{
	struct domain *d = vt_domain(1, NR_SPIS);
	struct vgic_vcpu_state s;

	vgic_save_vcpu(d->vcpus[0], &s);
	s.priv[12].flags |= VGIC_IRQ_F_ENABLED | VGIC_IRQ_F_PENDING;
	s.priv[12].priority = 0x40;
	CU_ASSERT_FALSE(vgic_vcpu_pending(d->vcpus[0]));
	CU_ASSERT_EQUAL(vgic_load_vcpu(d->vcpus[0], &s), 0);
	CU_ASSERT_TRUE(vgic_vcpu_pending(d->vcpus[0]));
	vgic_flush_lrs(d->vcpus[0]);
	CU_ASSERT_EQUAL(lr_state_of(d->vcpus[0], 12), ICH_LR_STATE_PENDING);
	vt_free(d);
}

static void test_destroy_frees_and_forgets_spis(void)
{
	size_t start = fake_xmalloc_in_use();
	struct domain *d = vt_domain(2, VGIC_MAX_SPIS);

	CU_ASSERT(fake_xmalloc_in_use() > start);
	vt_dist_enable(d);
	for (uint32_t intid = 32; intid < 40; intid++) {
		vt_enable(d, 0, intid);
		vgic_inject(d, NULL, intid, true);
	}
	vt_enable(d, 0, 3);
	vgic_inject(d, d->vcpus[0], 3, true);
	vgic_flush_lrs(d->vcpus[0]);          /* 4 in LRs, 5 on the pending list */
	vgic_domain_destroy(d);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), start);
	CU_ASSERT_PTR_NULL(d->vgic.spis);
	CU_ASSERT_EQUAL(d->vgic.nr_spis, 0);
	for (struct vgic_irq *irq = d->vcpus[0]->vgic.pending; irq; irq = irq->next)
		CU_ASSERT(irq->intid < 32);
	for (unsigned int i = 0; i < VT_NR_LR; i++)
		CU_ASSERT(lr_intid(d->vcpus[0]->vgic.lr[i]) < 32);
	CU_ASSERT_EQUAL(lr_state_of(d->vcpus[0], 3), ICH_LR_STATE_PENDING);
	vgic_domain_destroy(d);               /* twice is harmless */
	vt_free(d);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), start);
}

UT_SUITE(vgic_state_suite, "vgic_state", NULL, NULL,
	 UT_CASE(test_vcpu_round_trip),
	 UT_CASE(test_dist_round_trip),
	 UT_CASE(test_vcpu_bad_records_rejected),
	 UT_CASE(test_dist_bad_records_rejected),
	 UT_CASE(test_load_into_fresh_vcpu_delivers),
	 UT_CASE(test_destroy_frees_and_forgets_spis))
