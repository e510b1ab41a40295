// SPDX-License-Identifier: GPL-2.0-only
/*
 * vGIC delivery: injection, LR flush/sync, priority order, overflow, level
 * vs edge, hardware-linked interrupts.
 */
#include "test_vgic.h"

#define SPI(n) (32U + (n))

/* Enabled edge SPIs with the given priorities, pending, distributor on. */
static struct domain *edge_spis(const uint8_t *prio, unsigned int n)
{
	struct domain *d = vt_domain(1, 64);

	vt_dist_enable(d);
	for (unsigned int i = 0; i < n; i++) {
		vt_spi_edge(d, SPI(i));
		vt_priority(d, 0, SPI(i), prio[i]);
		vt_enable(d, 0, SPI(i));
		CU_ASSERT_EQUAL(vgic_inject(d, NULL, SPI(i), true), 0);
	}
	return d;
}

static void test_inject_invalid_intids(void)
{
	struct domain *d = vt_domain(2, 64), *other = vt_domain(1, 32);

	CU_ASSERT_EQUAL(vgic_inject(d, NULL, SPI(64), true), -EINVAL);
	CU_ASSERT_EQUAL(vgic_inject(d, NULL, 1020, true), -EINVAL);
	CU_ASSERT_EQUAL(vgic_inject(d, NULL, 0xffffffff, true), -EINVAL);
	CU_ASSERT_EQUAL(vgic_inject(d, NULL, 27, true), -EINVAL);       /* private: needs a vCPU */
	CU_ASSERT_EQUAL(vgic_inject(d, other->vcpus[0], 27, true), -EINVAL);
	CU_ASSERT_EQUAL(vgic_inject(d, d->vcpus[1], 27, true), 0);
	CU_ASSERT_EQUAL(vgic_inject(d, NULL, SPI(63), true), 0);
	CU_ASSERT_EQUAL(vgic_inject(d, d->vcpus[1], SPI(63), true), 0);   /* v ignored */
	vt_free(d);
	vt_free(other);
}

static void test_flush_fields_and_priority_order(void)
{
	static const uint8_t prio[] = { 0xa0, 0x20, 0x60 };
	struct domain *d = edge_spis(prio, 3);
	struct vcpu *v = d->vcpus[0];

	/* A level PPI too, priority 0x47 (stored as 0x40). */
	vt_priority(d, 0, 27, 0x47);
	vt_enable(d, 0, 27);
	CU_ASSERT_EQUAL(vgic_inject(d, v, 27, true), 0);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[0]), SPI(1));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[1]), 27);
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[2]), SPI(2));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[3]), SPI(0));
	CU_ASSERT_EQUAL(v->vgic.lr[0], ICH_LR_STATE_PENDING | ICH_LR_GROUP1 |
				       0x20UL << ICH_LR_PRIO_SHIFT | SPI(1));
	CU_ASSERT_EQUAL(v->vgic.lr[1], ICH_LR_STATE_PENDING | ICH_LR_GROUP1 | ICH_LR_EOI |
				       0x40UL << ICH_LR_PRIO_SHIFT | 27);
	CU_ASSERT_EQUAL(v->vgic.hcr, ICH_HCR_EN);
	CU_ASSERT_PTR_NULL(v->vgic.pending);
	vt_free(d);
}

static void test_equal_priority_by_intid(void)
{
	static const uint8_t prio[] = { 0x80, 0x80, 0x10, 0x80 };
	struct domain *d = vt_domain(1, 64);
	struct vcpu *v = d->vcpus[0];

	vt_dist_enable(d);
	/* Injected in descending INTID order: the list must still sort them. */
	for (int i = 3; i >= 0; i--) {
		vt_spi_edge(d, SPI(i));
		vt_priority(d, 0, SPI(i), prio[i]);
		vt_enable(d, 0, SPI(i));
		vgic_inject(d, NULL, SPI(i), true);
	}
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[0]), SPI(2));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[1]), SPI(0));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[2]), SPI(1));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[3]), SPI(3));
	vt_free(d);
}

static void test_lr_overflow_and_uie(void)
{
	static const uint8_t prio[] = { 0x50, 0x10, 0x60, 0x30, 0x20, 0x40 };
	struct domain *d = edge_spis(prio, 6);
	struct vcpu *v = d->vcpus[0];

	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 4);
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[0]), SPI(1));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[1]), SPI(4));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[2]), SPI(3));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[3]), SPI(5));
	CU_ASSERT_EQUAL(v->vgic.hcr, ICH_HCR_EN | ICH_HCR_UIE);
	CU_ASSERT_TRUE(vgic_vcpu_pending(v));

	/* Still full after a sync with nothing done: the waiting two stay out. */
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_find(v, SPI(0)), -1);
	CU_ASSERT_EQUAL(v->vgic.hcr, ICH_HCR_EN | ICH_HCR_UIE);

	for (unsigned int i = 1; i < 6; i += 1)
		if (lr_find(v, SPI(i)) >= 0)
			guest_handle(v, SPI(i));
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 2);
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[0]), SPI(0));
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[1]), SPI(2));
	CU_ASSERT_EQUAL(v->vgic.hcr, ICH_HCR_EN);

	guest_handle(v, SPI(0));
	guest_handle(v, SPI(2));
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	CU_ASSERT_FALSE(vgic_vcpu_pending(v));
	vt_free(d);
}

static void test_level_stays_while_line_high(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_dist_enable(d);
	vt_enable(d, 0, SPI(3));
	vgic_inject(d, NULL, SPI(3), true);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, SPI(3)), ICH_LR_STATE_PENDING);
	CU_ASSERT_NOT_EQUAL(v->vgic.lr[lr_find(v, SPI(3))] & ICH_LR_EOI, 0);

	/* Acknowledged with the line still high: active only, not pending again yet. */
	guest_ack(v, SPI(3));
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, SPI(3)), ICH_LR_STATE_ACTIVE);

	/* EOI with the line high: pending again. */
	guest_eoi(v, SPI(3));
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, SPI(3)), ICH_LR_STATE_PENDING);

	/* The device lowers the line while the guest handles it: gone after EOI. */
	guest_ack(v, SPI(3));
	vgic_sync_lrs(v);
	fake_hooks_reset();
	vgic_inject(d, NULL, SPI(3), false);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 0);     /* nothing new to take */
	vgic_flush_lrs(v);
	guest_eoi(v, SPI(3));
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR + 4, 4), 0);
	vt_free(d);
}

static void test_level_lowered_before_ack_is_withdrawn(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_enable(d, 0, 30);
	vgic_inject(d, v, 30, true);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, 30), ICH_LR_STATE_PENDING);
	vgic_sync_lrs(v);
	vgic_inject(d, v, 30, false);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	CU_ASSERT_FALSE(vgic_vcpu_pending(v));
	vt_free(d);
}

static void test_level_latch_goes_on_acknowledge(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_enable(d, 0, 22);
	gicr_wr(d, 0, T_GICR_ISPENDR0, 4, 1U << 22);   /* level PPI, line low, latched */
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, 22), ICH_LR_STATE_PENDING);
	CU_ASSERT_NOT_EQUAL(v->vgic.lr[lr_find(v, 22)] & ICH_LR_EOI, 0);
	guest_ack(v, 22);
	vgic_sync_lrs(v);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISPENDR0, 4), 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISACTIVER0, 4), 1U << 22);
	guest_eoi(v, 22);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	vt_free(d);
}

static void test_edge_delivered_once(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_enable(d, 0, 5);
	vgic_inject(d, v, 5, true);
	vgic_inject(d, v, 5, true);   /* merged: still one pending */
	vgic_inject(d, v, 5, false);  /* an edge has no "low" */
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 1);
	CU_ASSERT_EQUAL(lr_state_of(v, 5), ICH_LR_STATE_PENDING);
	CU_ASSERT_EQUAL(v->vgic.lr[lr_find(v, 5)] & ICH_LR_EOI, 0);
	guest_handle(v, 5);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISPENDR0, 4), 0);
	vt_free(d);
}

static void test_edge_reinjected_while_active(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_enable(d, 0, 5);
	vgic_inject(d, v, 5, true);
	vgic_flush_lrs(v);
	guest_ack(v, 5);
	/* Injected while the guest runs its handler (before the sync). */
	vgic_inject(d, v, 5, true);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, v);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, 5), ICH_LR_STATE_PENDING | ICH_LR_STATE_ACTIVE);
	CU_ASSERT_EQUAL(lr_count(v), 1);
	/* The guest EOIs the first; the second is then taken as usual. */
	v->vgic.lr[lr_find(v, 5)] &= ~ICH_LR_STATE_ACTIVE;
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, 5), ICH_LR_STATE_PENDING);
	guest_handle(v, 5);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	vt_free(d);
}

static void test_disabled_held_until_enabled(void)
{
	struct domain *d = vt_domain(2, 32);
	struct vcpu *v = d->vcpus[1];

	vgic_inject(d, v, 20, true);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 0);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	CU_ASSERT_FALSE(vgic_vcpu_pending(v));
	CU_ASSERT_EQUAL(gicr_rd(d, 1, T_GICR_ISPENDR0, 4), 1U << 20);
	vt_enable(d, 1, 20);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 1);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, v);
	CU_ASSERT_TRUE(vgic_vcpu_pending(v));
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, 20), ICH_LR_STATE_PENDING);
	vt_free(d);
}

static void test_disable_withdraws_pending_lr(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_enable(d, 0, 7);
	vgic_inject(d, v, 7, true);
	vgic_flush_lrs(v);
	vgic_sync_lrs(v);
	gicr_wr(d, 0, T_GICR_ICENABLER0, 4, 1U << 7);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISPENDR0, 4), 1U << 7);   /* still pending */
	vt_enable(d, 0, 7);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, 7), ICH_LR_STATE_PENDING);
	/* Cleared through ICPENDR while in the LR: withdrawn too. */
	vgic_sync_lrs(v);
	gicr_wr(d, 0, T_GICR_ICPENDR0, 4, 1U << 7);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISPENDR0, 4), 0);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	vt_free(d);
}

static void test_distributor_disabled_holds_spis(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_enable(d, 0, SPI(0));
	vt_enable(d, 0, 27);
	vgic_inject(d, NULL, SPI(0), true);
	vgic_inject(d, v, 27, true);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_find(v, SPI(0)), -1);
	CU_ASSERT_EQUAL(lr_state_of(v, 27), ICH_LR_STATE_PENDING);   /* PPIs: no distributor */
	CU_ASSERT_EQUAL(v->vgic.hcr, ICH_HCR_EN);                    /* nothing deliverable waits */
	fake_hooks_reset();
	vt_dist_enable(d);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, v);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, SPI(0)), ICH_LR_STATE_PENDING);
	/* Disabled again: a pending-only SPI is withdrawn from its LR. */
	gicd_wr(d, T_GICD_CTLR, 4, 0);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_find(v, SPI(0)), -1);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR + 4, 4), 1U << 0);   /* still pending */
	vt_free(d);
}

static void test_active_via_isactiver(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	gicr_wr(d, 0, T_GICR_ISACTIVER0, 4, 1U << 9);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, 9), ICH_LR_STATE_ACTIVE);
	CU_ASSERT_FALSE(vgic_vcpu_pending(v));
	vgic_sync_lrs(v);
	gicr_wr(d, 0, T_GICR_ICACTIVER0, 4, 1U << 9);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	vt_free(d);
}

static void test_priority_change_reorders(void)
{
	static const uint8_t prio[] = { 0x10, 0x20, 0x30, 0x40, 0x50 };
	struct domain *d = edge_spis(prio, 5);
	struct vcpu *v = d->vcpus[0];

	vt_priority(d, 0, SPI(4), 0x00);   /* last becomes first */
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_intid(v->vgic.lr[0]), SPI(4));
	CU_ASSERT_EQUAL(lr_find(v, SPI(3)), -1);
	CU_ASSERT_EQUAL(v->vgic.hcr, ICH_HCR_EN | ICH_HCR_UIE);
	vt_free(d);
}

/* A hardware-linked interrupt, as the arch sets up the virtual timer's PPI. */
static void test_hw_linked_level(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];
	uint64_t lr;

	vt_enable(d, 0, VGIC_VTIMER_INTID);
	v->vgic.priv[VGIC_VTIMER_INTID].hw_intid = VGIC_VTIMER_INTID;
	vgic_inject(d, v, VGIC_VTIMER_INTID, true);
	vgic_flush_lrs(v);
	lr = v->vgic.lr[lr_find(v, VGIC_VTIMER_INTID)];
	CU_ASSERT_EQUAL(lr, ICH_LR_STATE_PENDING | ICH_LR_GROUP1 | ICH_LR_HW |
			    (uint64_t)VGIC_VTIMER_INTID << ICH_LR_PINTID_SHIFT | VGIC_VTIMER_INTID);
	guest_ack(v, VGIC_VTIMER_INTID);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, VGIC_VTIMER_INTID), ICH_LR_STATE_ACTIVE);
	/* Deactivated by the guest: the physical GIC owns the level, nothing is resampled. */
	guest_eoi(v, VGIC_VTIMER_INTID);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_count(v), 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISPENDR0, 4), 0);
	/* Fires again: delivered again. */
	vgic_inject(d, v, VGIC_VTIMER_INTID, true);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, VGIC_VTIMER_INTID), ICH_LR_STATE_PENDING);
	vt_free(d);
}

/*
 * The guest deactivates a hardware-linked level interrupt (its LR goes
 * invalid) and the still-high line fires again before the vCPU exits: the
 * new assertion arrives while the stale LR image still says in_lr. Sync must
 * not take it for the one the LR consumed, or the physical interrupt stays
 * active for ever (a device's INTx goes silent).
 */
static void test_hw_linked_level_refires_before_sync(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	vt_enable(d, 0, VGIC_VTIMER_INTID);
	v->vgic.priv[VGIC_VTIMER_INTID].hw_intid = VGIC_VTIMER_INTID;
	vgic_inject(d, v, VGIC_VTIMER_INTID, true);
	vgic_flush_lrs(v);
	guest_handle(v, VGIC_VTIMER_INTID);           /* deactivated, LR now invalid */
	vgic_inject(d, v, VGIC_VTIMER_INTID, true);   /* fires again, not synced yet */
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, VGIC_VTIMER_INTID), ICH_LR_STATE_PENDING);
	CU_ASSERT_TRUE(vgic_vcpu_pending(v));
	vt_free(d);
}

static void test_hw_linked_edge_never_pending_and_active(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	gicr_wr(d, 0, T_GICR_ICFGR1, 4, 0x2U << 2 * (VGIC_EVTCHN_INTID - 16));   /* edge */
	vt_enable(d, 0, VGIC_EVTCHN_INTID);
	v->vgic.priv[VGIC_EVTCHN_INTID].hw_intid = 90;
	vgic_inject(d, v, VGIC_EVTCHN_INTID, true);
	vgic_flush_lrs(v);
	guest_ack(v, VGIC_EVTCHN_INTID);
	vgic_sync_lrs(v);
	vgic_inject(d, v, VGIC_EVTCHN_INTID, true);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, VGIC_EVTCHN_INTID), ICH_LR_STATE_ACTIVE);
	CU_ASSERT_EQUAL((v->vgic.lr[lr_find(v, VGIC_EVTCHN_INTID)] >> ICH_LR_PINTID_SHIFT) & 0x1fff,
			90);
	guest_eoi(v, VGIC_EVTCHN_INTID);
	vgic_sync_lrs(v);
	vgic_flush_lrs(v);
	CU_ASSERT_EQUAL(lr_state_of(v, VGIC_EVTCHN_INTID), ICH_LR_STATE_PENDING);   /* the second */
	vt_free(d);
}

static void test_vcpu_pending(void)
{
	struct domain *d = vt_domain(1, 32);
	struct vcpu *v = d->vcpus[0];

	CU_ASSERT_FALSE(vgic_vcpu_pending(v));
	vgic_inject(d, v, 3, true);
	CU_ASSERT_FALSE(vgic_vcpu_pending(v));   /* disabled */
	vt_enable(d, 0, 3);
	CU_ASSERT_TRUE(vgic_vcpu_pending(v));    /* queued */
	vgic_flush_lrs(v);
	CU_ASSERT_TRUE(vgic_vcpu_pending(v));    /* pending in an LR */
	guest_ack(v, 3);
	vgic_sync_lrs(v);
	CU_ASSERT_FALSE(vgic_vcpu_pending(v));   /* active only */
	vgic_inject(d, v, 3, true);
	CU_ASSERT_TRUE(vgic_vcpu_pending(v));    /* pending again behind the active one */
	vt_free(d);
}

UT_SUITE(vgic_lr_suite, "vgic_delivery", NULL, NULL,
	 UT_CASE(test_inject_invalid_intids),
	 UT_CASE(test_flush_fields_and_priority_order),
	 UT_CASE(test_equal_priority_by_intid),
	 UT_CASE(test_lr_overflow_and_uie),
	 UT_CASE(test_level_stays_while_line_high),
	 UT_CASE(test_level_lowered_before_ack_is_withdrawn),
	 UT_CASE(test_level_latch_goes_on_acknowledge),
	 UT_CASE(test_edge_delivered_once),
	 UT_CASE(test_edge_reinjected_while_active),
	 UT_CASE(test_disabled_held_until_enabled),
	 UT_CASE(test_disable_withdraws_pending_lr),
	 UT_CASE(test_distributor_disabled_holds_spis),
	 UT_CASE(test_active_via_isactiver),
	 UT_CASE(test_priority_change_reorders),
	 UT_CASE(test_hw_linked_level),
	 UT_CASE(test_hw_linked_level_refires_before_sync), UT_CASE(test_hw_linked_edge_never_pending_and_active),
	 UT_CASE(test_vcpu_pending))
