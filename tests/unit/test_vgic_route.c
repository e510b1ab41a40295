// SPDX-License-Identifier: GPL-2.0-only
/* vGIC SPI routing through GICD_IROUTER: targets, fallbacks, moves, kicks. */
#include "test_vgic.h"

#define SPI(n) (32U + (n))

static void test_spi_routing(void)
{
	struct domain *d = vt_domain(4, 32);

	vt_dist_enable(d);
	vt_enable(d, 0, SPI(1));
	gicd_wr(d, T_GICD_IROUTER + 8 * SPI(1), 8, vgic_vcpu_affinity(2));
	fake_hooks_reset();
	vgic_inject(d, NULL, SPI(1), true);
	CU_ASSERT_EQUAL(fake_vcpu_kicks, 1);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[2]);
	vgic_flush_lrs(d->vcpus[0]);
	vgic_flush_lrs(d->vcpus[2]);
	CU_ASSERT_EQUAL(lr_count(d->vcpus[0]), 0);
	CU_ASSERT_EQUAL(lr_state_of(d->vcpus[2], SPI(1)), ICH_LR_STATE_PENDING);
	CU_ASSERT_TRUE(vgic_vcpu_pending(d->vcpus[2]));
	CU_ASSERT_FALSE(vgic_vcpu_pending(d->vcpus[0]));
	vt_free(d);
}

static void test_spi_route_fallbacks(void)
{
	struct domain *d = vt_domain(4, 32);

	vt_dist_enable(d);
	vt_enable(d, 0, SPI(2));
	/* No vCPU has Aff0 = 9, nor Aff2 = 1: vCPU 0. */
	gicd_wr(d, T_GICD_IROUTER + 8 * SPI(2), 8, 9);
	vgic_inject(d, NULL, SPI(2), true);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[0]);
	gicd_wr(d, T_GICD_ICPENDR + 4, 4, 1U << 2);
	gicd_wr(d, T_GICD_IROUTER + 8 * SPI(2), 8, 1UL << 16 | 3);
	vgic_inject(d, NULL, SPI(2), true);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[0]);
	/* Interrupt_Routing_Mode 1 (any PE): vCPU 0, whatever the affinity. */
	gicd_wr(d, T_GICD_ICPENDR + 4, 4, 1U << 2);
	gicd_wr(d, T_GICD_IROUTER + 8 * SPI(2), 8, 1UL << 31 | 3);
	vgic_inject(d, NULL, SPI(2), true);
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[0]);
	vgic_flush_lrs(d->vcpus[0]);
	CU_ASSERT_EQUAL(lr_state_of(d->vcpus[0], SPI(2)), ICH_LR_STATE_PENDING);
	vt_free(d);
}

static void test_reroute_pending_spi_moves_and_kicks(void)
{
	struct domain *d = vt_domain(4, 32);

	vt_dist_enable(d);
	vgic_inject(d, NULL, SPI(4), true);   /* level, line high, still disabled */
	vt_enable(d, 0, SPI(4));
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[0]);
	gicd_wr(d, T_GICD_IROUTER + 8 * SPI(4), 8, vgic_vcpu_affinity(3));
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, d->vcpus[3]);
	CU_ASSERT_PTR_NULL(d->vcpus[0]->vgic.pending);
	vgic_flush_lrs(d->vcpus[0]);
	vgic_flush_lrs(d->vcpus[3]);
	CU_ASSERT_EQUAL(lr_count(d->vcpus[0]), 0);
	CU_ASSERT_EQUAL(lr_state_of(d->vcpus[3], SPI(4)), ICH_LR_STATE_PENDING);
	vt_free(d);
}

static void test_reroute_while_in_lr_waits_for_eoi(void)
{
	struct domain *d = vt_domain(4, 32);
	struct vcpu *v0 = d->vcpus[0], *v1 = d->vcpus[1];

	vt_dist_enable(d);
	vt_enable(d, 0, SPI(5));
	vgic_inject(d, NULL, SPI(5), true);   /* level */
	vgic_flush_lrs(v0);
	guest_ack(v0, SPI(5));
	gicd_wr(d, T_GICD_IROUTER + 8 * SPI(5), 8, vgic_vcpu_affinity(1));
	/* Its LR keeps it until the guest is done: EOI on vCPU 0. */
	vgic_sync_lrs(v0);
	vgic_flush_lrs(v0);
	CU_ASSERT_EQUAL(lr_state_of(v0, SPI(5)), ICH_LR_STATE_ACTIVE);
	fake_hooks_reset();
	guest_eoi(v0, SPI(5));
	vgic_sync_lrs(v0);                    /* line still high: now pending on vCPU 1 */
	CU_ASSERT_PTR_EQUAL(fake_last_kicked, v1);
	vgic_flush_lrs(v0);
	vgic_flush_lrs(v1);
	CU_ASSERT_EQUAL(lr_count(v0), 0);
	CU_ASSERT_EQUAL(lr_state_of(v1, SPI(5)), ICH_LR_STATE_PENDING);
	vt_free(d);
}

UT_SUITE(vgic_route_suite, "vgic_routing", NULL, NULL,
	 UT_CASE(test_spi_routing),
	 UT_CASE(test_spi_route_fallbacks),
	 UT_CASE(test_reroute_pending_spi_moves_and_kicks),
	 UT_CASE(test_reroute_while_in_lr_waits_for_eoi))
