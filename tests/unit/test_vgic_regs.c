// SPDX-License-Identifier: GPL-2.0-only
/* vGIC register files: reset values, RAZ/WI, access widths, per-INTID registers. */
#include "test_vgic.h"

static void test_dist_id_registers(void)
{
	struct domain *d = vt_domain(1, 64);

	/* ITLinesNumber 2: 96 INTIDs; IDbits 9: 10-bit INTIDs; no LPIs or MBIs. */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_TYPER, 4), 2U | 9U << 19);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_TYPER2, 4), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IIDR, 4), 0x5800043bU);
	CU_ASSERT_EQUAL((gicd_rd(d, T_PIDR2, 4) >> 4) & 0xf, 3);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_CTLR, 4), T_CTLR_ARE_DS);
	vt_free(d);
}

static void test_dist_typer_spi_counts(void)
{
	static const unsigned int asked[] = { 0, 1, 32, 40, 960 };
	static const unsigned int lines[] = { 0, 1, 1, 2, 30 };

	for (unsigned int i = 0; i < ARRAY_SIZE(asked); i++) {
		struct domain *d = vt_domain(1, asked[i]);

		CU_ASSERT_EQUAL(d->vgic.nr_spis, lines[i] * 32);
		CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_TYPER, 4) & 0x1f, lines[i]);
		vt_free(d);
	}
}

static void test_domain_init_rejects_too_many_spis(void)
{
	struct domain *d = calloc(1, sizeof(*d));
	size_t before = fake_xmalloc_in_use();

	CU_ASSERT_EQUAL(vgic_domain_init(d, VGIC_MAX_SPIS + 1), -EINVAL);
	CU_ASSERT_PTR_NULL(d->vgic.spis);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), before);
	free(d);
}

static void test_redist_typer_per_vcpu(void)
{
	struct domain *d = vt_domain(20, 32);

	for (unsigned int n = 0; n < 20; n++) {
		uint64_t typer = gicr_rd(d, n, T_GICR_TYPER, 8);
		uint64_t aff = vgic_vcpu_affinity(n);

		CU_ASSERT_EQUAL(aff, (uint64_t)(n / 16) << 8 | (n % 16));
		CU_ASSERT_EQUAL(typer >> 32, (n / 16) << 8 | (n % 16));   /* Aff3.Aff2.Aff1.Aff0 */
		CU_ASSERT_EQUAL((typer >> 8) & 0xffff, n);               /* Processor_Number */
		CU_ASSERT_EQUAL(!!(typer & (1U << 4)), n == 19);         /* Last */
		CU_ASSERT_EQUAL(typer & 0x3, 0);                         /* no PLPIS, VLPIS */
		/* 32-bit halves of the 64-bit register. */
		CU_ASSERT_EQUAL(gicr_rd(d, n, T_GICR_TYPER, 4), typer & 0xffffffffU);
		CU_ASSERT_EQUAL(gicr_rd(d, n, T_GICR_TYPER + 4, 4), typer >> 32);
		CU_ASSERT_EQUAL(gicr_rd(d, n, T_GICR_IIDR, 4), 0x5800043bU);
		CU_ASSERT_EQUAL((gicr_rd(d, n, T_PIDR2, 4) >> 4) & 0xf, 3);
	}
	vt_free(d);
}

static void test_redist_beyond_vcpus(void)
{
	struct domain *d = vt_domain(2, 32);
	uint64_t val = 1;

	CU_ASSERT_EQUAL(vgic_mmio_redist(d->vcpus[0], 2 * GUEST_GICR_STRIDE, 4, false, &val),
			-EINVAL);
	CU_ASSERT_EQUAL(vgic_mmio_redist(d->vcpus[1], GUEST_GICR_SIZE - 4, 4, true, &val),
			-EINVAL);
	CU_ASSERT_EQUAL(vgic_mmio_redist(d->vcpus[1], 2 * GUEST_GICR_STRIDE - 4, 4, false, &val),
			0);
	vt_free(d);
}

static void test_unknown_offsets_raz_wi(void)
{
	static const uint64_t gicd[] = { 0x10, 0x40, 0xd00, 0xe00, 0xf00, 0x6000, 0x60f8,
					 0x7fe0, 0xfffc, GUEST_GICD_SIZE, GUEST_GICD_SIZE + 0x100 };
	static const uint64_t gicr[] = { T_GICR_CTLR, 0x10, 0x70, 0x78, T_SGI, T_SGI + 0x104,
					 T_SGI + 0x420, T_SGI + 0xc08, T_SGI + 0xd00, 0x1fffc };
	struct domain *d = vt_domain(2, 32);

	for (unsigned int i = 0; i < ARRAY_SIZE(gicd); i++) {
		gicd_wr(d, gicd[i], 4, 0xffffffff);
		CU_ASSERT_EQUAL(gicd_rd(d, gicd[i], 4), 0);
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(gicr); i++) {
		gicr_wr(d, 1, gicr[i], 4, 0xffffffff);
		CU_ASSERT_EQUAL(gicr_rd(d, 1, gicr[i], 4), 0);
	}
	/* Nothing any of that touched. */
	for (unsigned int i = 0; i < VGIC_NR_PRIVATE; i++)
		CU_ASSERT_FALSE(d->vcpus[1]->vgic.priv[i].enabled);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_CTLR, 4), T_CTLR_ARE_DS);
	vt_free(d);
}

static void test_dist_private_registers_raz_wi(void)
{
	struct domain *d = vt_domain(1, 32);

	/* With ARE = 1, the distributor's registers for INTIDs 0-31 are RAZ/WI. */
	gicd_wr(d, T_GICD_ISENABLER, 4, 0xffffffff);
	gicd_wr(d, T_GICD_ISPENDR, 4, 0xffffffff);
	gicd_wr(d, T_GICD_IPRIORITYR, 4, 0x80808080);
	gicd_wr(d, T_GICD_ICFGR + 4, 4, 0xaaaaaaaa);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISENABLER, 4), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR, 4), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR, 4), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ICFGR, 4), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IGROUPR, 4), 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISENABLER0, 4), 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ISPENDR0, 4), 0);
	vt_free(d);
}

static void test_wrong_width_or_alignment_raz_wi(void)
{
	struct domain *d = vt_domain(1, 32);

	gicd_wr(d, T_GICD_ISENABLER + 4, 2, 0xffff);         /* halfword */
	gicd_wr(d, T_GICD_ISENABLER + 4, 1, 0xff);           /* byte */
	gicd_wr(d, T_GICD_ISENABLER + 4, 8, ~0UL);           /* doubleword */
	gicd_wr(d, T_GICD_ISENABLER + 6, 4, ~0UL);           /* unaligned */
	gicd_wr(d, T_GICD_CTLR, 8, T_CTLR_GRP1);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISENABLER + 4, 4), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_CTLR, 4), T_CTLR_ARE_DS);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_TYPER, 2), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_TYPER, 8), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_TYPER, 3), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_TYPER, 16), 0);
	vt_free(d);
}

static void test_ctlr(void)
{
	struct domain *d = vt_domain(1, 32);

	gicd_wr(d, T_GICD_CTLR, 4, 0xffffffff);   /* only EnableGrp1 sticks; ARE, DS RAO */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_CTLR, 4), T_CTLR_ARE_DS | T_CTLR_GRP1);
	gicd_wr(d, T_GICD_CTLR, 4, 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_CTLR, 4), T_CTLR_ARE_DS);
	vt_free(d);
}

static void test_igroupr_rao_wi(void)
{
	struct domain *d = vt_domain(1, 40);   /* rounded up to 64 SPIs: INTIDs 32..95 */

	gicd_wr(d, T_GICD_IGROUPR + 4, 4, 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IGROUPR + 4, 4), 0xffffffff);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IGROUPR + 8, 4), 0xffffffff);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IGROUPR + 12, 4), 0);
	gicr_wr(d, 0, T_GICR_IGROUPR0, 4, 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_IGROUPR0, 4), 0xffffffff);
	vt_free(d);
}

/* Set/clear register pairs, one bit at a time: set shows in both, clear removes it. */
static void bits_round_trip(struct domain *d, bool dist, uint64_t set, uint64_t clear)
{
	for (unsigned int bit = 0; bit < 32; bit++) {
		uint64_t s = dist ? set + 4 : set, c = dist ? clear + 4 : clear;

		if (dist) {
			gicd_wr(d, s, 4, 1UL << bit);
			CU_ASSERT_EQUAL(gicd_rd(d, s, 4), 1UL << bit);
			CU_ASSERT_EQUAL(gicd_rd(d, c, 4), 1UL << bit);
			gicd_wr(d, c, 4, 1UL << bit);
			CU_ASSERT_EQUAL(gicd_rd(d, s, 4), 0);
		} else {
			gicr_wr(d, 1, s, 4, 1UL << bit);
			CU_ASSERT_EQUAL(gicr_rd(d, 1, s, 4), 1UL << bit);
			CU_ASSERT_EQUAL(gicr_rd(d, 1, c, 4), 1UL << bit);
			CU_ASSERT_EQUAL(gicr_rd(d, 0, s, 4), 0);   /* another vCPU's banked copy */
			gicr_wr(d, 1, c, 4, 1UL << bit);
			CU_ASSERT_EQUAL(gicr_rd(d, 1, s, 4), 0);
		}
	}
}

static void test_set_clear_registers(void)
{
	struct domain *d = vt_domain(2, 32);

	bits_round_trip(d, true, T_GICD_ISENABLER, T_GICD_ICENABLER);
	bits_round_trip(d, true, T_GICD_ISPENDR, T_GICD_ICPENDR);
	bits_round_trip(d, true, T_GICD_ISACTIVER, T_GICD_ICACTIVER);
	bits_round_trip(d, false, T_GICR_ISENABLER0, T_GICR_ICENABLER0);
	bits_round_trip(d, false, T_GICR_ISPENDR0, T_GICR_ICPENDR0);
	bits_round_trip(d, false, T_GICR_ISACTIVER0, T_GICR_ICACTIVER0);
	vt_free(d);
}

static void test_set_clear_leave_other_bits(void)
{
	struct domain *d = vt_domain(1, 32);

	gicd_wr(d, T_GICD_ISENABLER + 4, 4, 0x0000ffff);
	gicd_wr(d, T_GICD_ISENABLER + 4, 4, 0x00ff0000);   /* writing 0s changes nothing */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISENABLER + 4, 4), 0x00ffffff);
	gicd_wr(d, T_GICD_ICENABLER + 4, 4, 0x0000f0f0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ICENABLER + 4, 4), 0x00ff0f0f);
	/* Beyond the domain's SPIs: RAZ/WI. */
	gicd_wr(d, T_GICD_ISENABLER + 8, 4, 0xffffffff);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISENABLER + 8, 4), 0);
	vt_free(d);
}

static void test_level_pending_follows_line_and_latch(void)
{
	struct domain *d = vt_domain(1, 32);

	CU_ASSERT_EQUAL(vgic_inject(d, NULL, 40, true), 0);   /* level SPI, line high */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR + 4, 4), 1U << 8);
	gicd_wr(d, T_GICD_ICPENDR + 4, 4, 1U << 8);             /* the line is still high */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR + 4, 4), 1U << 8);
	CU_ASSERT_EQUAL(vgic_inject(d, NULL, 40, false), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR + 4, 4), 0);
	gicd_wr(d, T_GICD_ISPENDR + 4, 4, 1U << 8);             /* latched, line low */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR + 4, 4), 1U << 8);
	gicd_wr(d, T_GICD_ICPENDR + 4, 4, 1U << 8);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ISPENDR + 4, 4), 0);
	vt_free(d);
}

static void test_priority_widths_and_mask(void)
{
	struct domain *d = vt_domain(2, 32);

	gicd_wr(d, T_GICD_IPRIORITYR + 32, 4, 0x4030a0ff);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR + 32, 4), 0x4030a0f8);   /* 5 bits kept */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR + 33, 1), 0xa0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR + 35, 1), 0x40);
	gicd_wr(d, T_GICD_IPRIORITYR + 34, 1, 0x17);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR + 32, 4), 0x4010a0f8);
	gicd_wr(d, T_GICD_IPRIORITYR + 32, 2, 0);                 /* halfword: ignored */
	gicd_wr(d, T_GICD_IPRIORITYR + 32, 8, 0);                 /* doubleword: ignored */
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR + 32, 4), 0x4010a0f8);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR + 32, 2), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IPRIORITYR + 33, 4), 0);  /* unaligned */
	/* Redistributor: SGIs and PPIs, per vCPU. */
	gicr_wr(d, 1, T_GICR_IPRIORITYR + 28, 4, 0x08101820);
	gicr_wr(d, 1, T_GICR_IPRIORITYR + 3, 1, 0xe7);
	CU_ASSERT_EQUAL(gicr_rd(d, 1, T_GICR_IPRIORITYR + 28, 4), 0x08101820);
	CU_ASSERT_EQUAL(gicr_rd(d, 1, T_GICR_IPRIORITYR + 31, 1), 0x08);
	CU_ASSERT_EQUAL(gicr_rd(d, 1, T_GICR_IPRIORITYR, 4), 0xe0000000);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_IPRIORITYR + 28, 4), 0);
	CU_ASSERT_EQUAL(d->vcpus[1]->vgic.priv[3].priority, 0xe0);
	vt_free(d);
}

static void test_icfgr(void)
{
	struct domain *d = vt_domain(1, 32);

	/* SGIs: always edge, read-only. */
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ICFGR0, 4), 0xaaaaaaaa);
	gicr_wr(d, 0, T_GICR_ICFGR0, 4, 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ICFGR0, 4), 0xaaaaaaaa);
	/* PPIs: level at reset, configurable; bit 0 of each field RES0. */
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ICFGR1, 4), 0);
	gicr_wr(d, 0, T_GICR_ICFGR1, 4, 0xffffffff);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ICFGR1, 4), 0xaaaaaaaa);
	gicr_wr(d, 0, T_GICR_ICFGR1, 4, 0x80000000);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_ICFGR1, 4), 0x80000000);
	CU_ASSERT_TRUE(d->vcpus[0]->vgic.priv[31].edge);
	CU_ASSERT_FALSE(d->vcpus[0]->vgic.priv[30].edge);
	/* SPIs. */
	gicd_wr(d, T_GICD_ICFGR + 8, 4, 0x0000000b);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_ICFGR + 8, 4), 0x0000000a);
	CU_ASSERT_TRUE(d->vgic.spis[0].edge);
	CU_ASSERT_TRUE(d->vgic.spis[1].edge);
	CU_ASSERT_FALSE(d->vgic.spis[2].edge);
	gicd_wr(d, T_GICD_ICFGR + 12, 4, 0x80000000);
	CU_ASSERT_TRUE(d->vgic.spis[31].edge);
	vt_free(d);
}

static void test_irouter_widths(void)
{
	struct domain *d = vt_domain(4, 32);
	uint64_t r33 = T_GICD_IROUTER + 8 * 33;

	CU_ASSERT_EQUAL(gicd_rd(d, r33, 8), 0);
	gicd_wr(d, r33, 8, 0x0000000500030201UL);
	CU_ASSERT_EQUAL(gicd_rd(d, r33, 8), 0x0000000500030201UL);
	CU_ASSERT_EQUAL(gicd_rd(d, r33, 4), 0x00030201);
	CU_ASSERT_EQUAL(gicd_rd(d, r33 + 4, 4), 0x05);
	gicd_wr(d, r33 + 4, 4, 0x07);                          /* upper half: Aff3 */
	CU_ASSERT_EQUAL(gicd_rd(d, r33, 8), 0x0000000700030201UL);
	gicd_wr(d, r33, 4, 0x00000003);                        /* lower half */
	CU_ASSERT_EQUAL(gicd_rd(d, r33, 8), 0x0000000700000003UL);
	/* RES0 bits stay 0; IRM [31] is kept. */
	gicd_wr(d, r33, 8, ~0UL);
	CU_ASSERT_EQUAL(gicd_rd(d, r33, 8), 0x000000ff80ffffffUL);
	/* Byte and halfword accesses, unaligned ones: RAZ/WI. */
	gicd_wr(d, r33, 1, 0);
	gicd_wr(d, r33, 2, 0);
	gicd_wr(d, r33 + 2, 4, 0);
	CU_ASSERT_EQUAL(gicd_rd(d, r33, 8), 0x000000ff80ffffffUL);
	CU_ASSERT_EQUAL(gicd_rd(d, r33, 1), 0);
	CU_ASSERT_EQUAL(gicd_rd(d, r33 + 4, 8), 0);
	/* IROUTER of an SPI the domain does not have. */
	gicd_wr(d, T_GICD_IROUTER + 8 * 64, 8, 1);
	CU_ASSERT_EQUAL(gicd_rd(d, T_GICD_IROUTER + 8 * 64, 8), 0);
	vt_free(d);
}

static void test_waker(void)
{
	struct domain *d = vt_domain(2, 32);

	CU_ASSERT_EQUAL(gicr_rd(d, 1, T_GICR_WAKER, 4), 0x6);   /* asleep at reset */
	gicr_wr(d, 1, T_GICR_WAKER, 4, 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 1, T_GICR_WAKER, 4), 0);
	CU_ASSERT_EQUAL(gicr_rd(d, 0, T_GICR_WAKER, 4), 0x6);
	gicr_wr(d, 1, T_GICR_WAKER, 4, 0x2);
	CU_ASSERT_EQUAL(gicr_rd(d, 1, T_GICR_WAKER, 4), 0x6);
	vt_free(d);
}

UT_SUITE(vgic_regs_suite, "vgic_regs", NULL, NULL,
	 UT_CASE(test_dist_id_registers),
	 UT_CASE(test_dist_typer_spi_counts),
	 UT_CASE(test_domain_init_rejects_too_many_spis),
	 UT_CASE(test_redist_typer_per_vcpu),
	 UT_CASE(test_redist_beyond_vcpus),
	 UT_CASE(test_unknown_offsets_raz_wi),
	 UT_CASE(test_dist_private_registers_raz_wi),
	 UT_CASE(test_wrong_width_or_alignment_raz_wi),
	 UT_CASE(test_ctlr),
	 UT_CASE(test_igroupr_rao_wi),
	 UT_CASE(test_set_clear_registers),
	 UT_CASE(test_set_clear_leave_other_bits),
	 UT_CASE(test_level_pending_follows_line_and_latch),
	 UT_CASE(test_priority_widths_and_mask),
	 UT_CASE(test_icfgr),
	 UT_CASE(test_irouter_widths),
	 UT_CASE(test_waker))
