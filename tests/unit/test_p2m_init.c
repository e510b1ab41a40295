// SPDX-License-Identifier: GPL-2.0-only
/*
 * p2m life cycle and argument checks: root level and concatenation per IPA
 * size, teardown giving every table page back, ranges and types refused.
 */
#include "harness.h"
#include "test_p2m.h"
#include <asm/fake.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define VMID 7

struct geometry {
	unsigned int ipa_bits;
	unsigned int root_level;
	unsigned int root_pages;
};

/* Level 1 with up to 16 concatenated tables (<= 43 bits), else level 0. */
static const struct geometry geometries[] = {
	{ 32, 1, 1 }, { 33, 1, 1 }, { 36, 1, 1 }, { 39, 1, 1 }, { 40, 1, 2 },
	{ 41, 1, 4 }, { 42, 1, 8 }, { 43, 1, 16 }, { 44, 0, 1 }, { 47, 0, 1 },
	{ 48, 0, 1 },
};

static void test_init_geometry(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(geometries); i++) {
		const struct geometry *g = &geometries[i];
		uint64_t before = page_alloc_free_count();
		struct p2m p2m;

		CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, g->ipa_bits, VMID), 0);
		CU_ASSERT_EQUAL(p2m.ipa_bits, g->ipa_bits);
		CU_ASSERT_EQUAL(p2m.root_level, g->root_level);
		CU_ASSERT_EQUAL(p2m.root_pages, g->root_pages);
		CU_ASSERT_EQUAL(p2m.vmid, VMID);
		CU_ASSERT_EQUAL(p2m.table_pages, g->root_pages);
		CU_ASSERT(IS_ALIGNED(pa_val(p2m.root), g->root_pages * PAGE_SIZE));
		CU_ASSERT_EQUAL(page_alloc_free_count(), before - g->root_pages);
		for (unsigned int t = 0; t < P2M_TYPE_COUNT; t++)
			CU_ASSERT_EQUAL(p2m.mapped[t], 0);
		for (uint64_t e = 0; e < 512ULL * g->root_pages; e++)
			CU_ASSERT_EQUAL(p2mt_root_entry(&p2m, e), 0);
		p2m_teardown(&p2m);
		CU_ASSERT_EQUAL(p2m.table_pages, 0);
		CU_ASSERT_EQUAL(page_alloc_free_count(), before);
	}
}

static void test_init_bad_bits(void)
{
	static const unsigned int bad[] = { 0, 12, 31, 49, 52, 64, 1000 };
	uint64_t before = page_alloc_free_count();
	struct p2m p2m;

	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		CU_ASSERT_EQUAL(p2m_init(&p2m, bad[i], VMID), -EINVAL);
		CU_ASSERT_EQUAL(page_alloc_free_count(), before);
		/* A p2m whose init failed refuses everything and tears down quietly. */
		CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(0), 1, P2M_RAM_RW), -EINVAL);
		CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(0), NULL, NULL), P2M_INVALID);
		p2m_teardown(&p2m);
	}
}

/* The last root table of a concatenation holds the top of the IPA space. */
static void test_init_concatenated_root(void)
{
	const uint64_t top = (1ULL << (42 - PAGE_SHIFT)) - 1;  /* last gfn of 42 bits */
	uint64_t d;
	struct p2m p2m;

	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, 42, VMID), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(top), mfn_init(0x1234), 1, P2M_RAM_RW), 0);
	for (uint64_t e = 0; e < 512ULL * 8 - 1; e++)
		CU_ASSERT_EQUAL(p2mt_root_entry(&p2m, e), 0);
	d = p2mt_root_entry(&p2m, 512ULL * 8 - 1);
	CU_ASSERT((d & T_VALID) && (d & T_TABLE));
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(top), NULL, NULL), P2M_RAM_RW);
	p2mt_check_counters(&p2m);
	p2m_teardown(&p2m);
}

/* Mapping the whole IPA space of a 32-bit p2m takes the 4 root entries as 1 GiB blocks. */
static void test_init_whole_space(void)
{
	const uint64_t all = 1ULL << (32 - PAGE_SHIFT);
	unsigned int order = 0;
	mfn_t mfn;
	struct p2m p2m;

	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, 32, VMID), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(0), all, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 1);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], all);
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(all - 1), &mfn, &order), P2M_RAM_RW);
	CU_ASSERT_EQUAL(mfn_val(mfn), all - 1);
	CU_ASSERT_EQUAL(order, T_ORDER_1G);
	CU_ASSERT_EQUAL(p2m_raw_entry(&p2m, gfn_init(all - 1), NULL), p2mt_root_entry(&p2m, 3));
	CU_ASSERT_EQUAL(p2mt_root_entry(&p2m, 4), 0);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(0), all), 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 0);
	p2mt_check_counters(&p2m);
	p2m_teardown(&p2m);
}

static void test_range_checks(void)
{
	const uint64_t limit = 1ULL << (36 - PAGE_SHIFT);
	unsigned int level = 99;
	struct p2m p2m;

	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, 36, VMID), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(limit), mfn_init(0), 1, P2M_RAM_RW), -EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(limit - 1), mfn_init(0), 2, P2M_RAM_RW), -EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(1), mfn_init(0), UINT64_MAX, P2M_RAM_RW), -EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(UINT64_MAX), mfn_init(0), 2, P2M_RAM_RW), -EINVAL);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(limit - 1), 2), -EINVAL);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(UINT64_MAX), 2), -EINVAL);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(limit), 1, P2M_RAM_RW, P2M_RAM_RO),
			-EINVAL);
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(limit), NULL, NULL), P2M_INVALID);
	CU_ASSERT_EQUAL(p2m_raw_entry(&p2m, gfn_init(limit), &level), 0);
	CU_ASSERT_EQUAL(level, 1);
	/* Output addresses have 48 bits. */
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(1ULL << 36), 1, P2M_RAM_RW), -EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init((1ULL << 36) - 1), 2, P2M_RAM_RW),
			-EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(UINT64_MAX), 1, P2M_RAM_RW), -EINVAL);
	/* The last page of each space is fine, and so is an empty range. */
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(limit - 1), mfn_init((1ULL << 36) - 1), 1,
				P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(limit), mfn_init(0), 0, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(limit), 0), 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 1);
	p2mt_check_counters(&p2m);
	p2m_teardown(&p2m);
}

static void test_type_checks(void)
{
	struct p2m p2m;

	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, 40, VMID), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(0), 1, P2M_INVALID), -EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(0), 1, P2M_TYPE_COUNT), -EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(0), 1, (enum p2m_type)-1), -EINVAL);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(0), 1, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(0), 1, P2M_INVALID, P2M_RAM_RO), -EINVAL);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(0), 1, P2M_RAM_RW, P2M_INVALID), -EINVAL);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(0), 1, P2M_RAM_RW, P2M_TYPE_COUNT),
			-EINVAL);
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(0), NULL, NULL), P2M_RAM_RW);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 1);
	p2m_teardown(&p2m);
}

/* Teardown frees every table (never the memory mapped) and flushes the VMID. */
static void test_teardown_frees_tables(void)
{
	uint64_t before = page_alloc_free_count();
	struct p2m p2m;

	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, 48, VMID), 0);
	for (uint64_t i = 0; i < 16; i++)   /* one L1, L2 and L3 table each */
		CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(i << 27 | 5), mfn_init(i), 1, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(1ULL << 18), mfn_init(1ULL << 18), 1ULL << 18,
				P2M_MMIO_DIRECT), 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 1 + 16 * 3);
	CU_ASSERT_EQUAL(page_alloc_free_count(), before - p2m.table_pages);
	p2mt_check_counters(&p2m);
	fake_hooks_reset();
	p2m_teardown(&p2m);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 1);
	CU_ASSERT_EQUAL(p2m.table_pages, 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_MMIO_DIRECT], 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), before);
	p2m_teardown(&p2m);
	CU_ASSERT_EQUAL(page_alloc_free_count(), before);
}

UT_SUITE(p2m_init_suite, "p2m_init", p2mt_suite_init, p2mt_suite_cleanup,
	 UT_CASE(test_init_geometry),
	 UT_CASE(test_init_bad_bits),
	 UT_CASE(test_init_concatenated_root),
	 UT_CASE(test_init_whole_space),
	 UT_CASE(test_range_checks),
	 UT_CASE(test_type_checks),
	 UT_CASE(test_teardown_frees_tables))
