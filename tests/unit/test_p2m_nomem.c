// SPDX-License-Identifier: GPL-2.0-only
/*
 * The p2m when the page allocator runs dry: -ENOMEM, with what was mapped
 * before still mapped, blocks that could not be split left whole, no table
 * page lost and the counters exact.
 */
#include "harness.h"
#include "test_p2m.h"
#include <asm/fake.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define VMID      5
#define POOL      KiB(128)         /* a tiny pool: about 30 pages */
#define MAX_HOG   64
#define G1        (2 * T_PAGES_1G)
#define M1        (7 * T_PAGES_1G)

static struct p2m p2m;
static mfn_t hog[MAX_HOG];
static unsigned int nr_hog;
static uint64_t free_at_start;

/* Takes or gives back pages until exactly n are free. */
static void set_free(uint64_t n)
{
	while (page_alloc_free_count() > n) {
		CU_ASSERT_FATAL(nr_hog < MAX_HOG);
		CU_ASSERT_EQUAL_FATAL(alloc_pages(0, &hog[nr_hog]), 0);
		nr_hog++;
	}
	while (page_alloc_free_count() < n && nr_hog)
		CU_ASSERT_EQUAL(free_pages(hog[--nr_hog], 0), 0);
	CU_ASSERT_EQUAL_FATAL(page_alloc_free_count(), n);
}

static void begin(unsigned int ipa_bits)
{
	nr_hog = 0;
	p2mt_pool_init(POOL);
	free_at_start = page_alloc_free_count();
	CU_ASSERT_FATAL(free_at_start > 16 && free_at_start < MAX_HOG);
	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, ipa_bits, VMID), 0);
	fake_hooks_reset();
}

static void end(void)
{
	p2mt_check_counters(&p2m);
	while (nr_hog)
		CU_ASSERT_EQUAL(free_pages(hog[--nr_hog], 0), 0);
	p2m_teardown(&p2m);
	CU_ASSERT_EQUAL(page_alloc_free_count(), free_at_start);
	p2mt_pool_fini();
}

static void expect(uint64_t gfn, enum p2m_type t, uint64_t mfn, unsigned int order)
{
	mfn_t m = mfn_init(~0ULL);
	unsigned int o = ~0U;

	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(gfn), &m, &o), t);
	CU_ASSERT_EQUAL(mfn_val(m), mfn);
	CU_ASSERT_EQUAL(o, order);
}

static void test_nomem_init(void)
{
	struct p2m other;

	begin(39);
	set_free(0);
	CU_ASSERT_EQUAL(p2m_init(&other, 39, VMID + 1), -ENOMEM);
	set_free(1);
	CU_ASSERT_EQUAL(p2m_init(&other, 40, VMID + 1), -ENOMEM);  /* 2 root pages */
	CU_ASSERT_EQUAL(page_alloc_free_count(), 1);
	CU_ASSERT_EQUAL(p2m_init(&other, 39, VMID + 1), 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), 0);
	p2m_teardown(&other);
	CU_ASSERT_EQUAL(page_alloc_free_count(), 1);
	end();
}

/* A range running into a missing table: the part before it stays mapped. */
static void test_nomem_map_keeps_earlier(void)
{
	begin(39);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(1000), 1, P2M_RAM_RW), 0);
	set_free(0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(510), mfn_init(2000), 4, P2M_RAM_RW), -ENOMEM);
	expect(0, P2M_RAM_RW, 1000, 0);
	expect(510, P2M_RAM_RW, 2000, 0);
	expect(511, P2M_RAM_RW, 2001, 0);
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(512), NULL, NULL), P2M_INVALID);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 3);
	CU_ASSERT_EQUAL(p2m.table_pages, 3);
	p2mt_check_counters(&p2m);
	/* Blocks need no table: they still work. */
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	set_free(1);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(510), mfn_init(2000), 4, P2M_RAM_RW), 0);
	expect(513, P2M_RAM_RW, 2003, 0);
	end();
}

/* A table made for a mapping that then failed deeper is not left behind empty. */
static void test_nomem_no_empty_table_left(void)
{
	begin(39);
	set_free(1);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(5), mfn_init(5), 1, P2M_RAM_RW), -ENOMEM);
	CU_ASSERT_EQUAL(p2m.table_pages, 1);
	CU_ASSERT_EQUAL(page_alloc_free_count(), 1);
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(5), NULL, NULL), P2M_INVALID);
	CU_ASSERT_EQUAL(p2m_raw_entry(&p2m, gfn_init(5), NULL), 0);
	p2mt_check_counters(&p2m);
	end();
}

/* A block that cannot be split stays whole; a half-done split still maps it all. */
static void test_nomem_unmap_split(void)
{
	const uint64_t hole = G1 + T_PAGES_2M + 3;

	begin(39);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	set_free(0);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(hole), 1), -ENOMEM);
	expect(hole, P2M_RAM_RW, M1 + T_PAGES_2M + 3, T_ORDER_1G);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid + fake_tlb_flush_ipa, 0);
	p2mt_check_counters(&p2m);

	set_free(1);   /* enough for the level-2 table, not the level-3 one */
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(hole), 1), -ENOMEM);
	expect(hole, P2M_RAM_RW, M1 + T_PAGES_2M + 3, T_ORDER_2M);
	expect(G1 + T_PAGES_1G - 1, P2M_RAM_RW, M1 + T_PAGES_1G - 1, T_ORDER_2M);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_1G);
	p2mt_check_counters(&p2m);

	set_free(1);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(hole), 1), 0);
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(hole), NULL, NULL), P2M_INVALID);
	expect(hole + 1, P2M_RAM_RW, M1 + T_PAGES_2M + 4, 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_1G - 1);
	end();
}

static void test_nomem_change_type(void)
{
	begin(39);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	set_free(0);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(G1 + 1), 10, P2M_RAM_RW, P2M_RAM_RO),
			-ENOMEM);
	expect(G1 + 1, P2M_RAM_RW, M1 + 1, T_ORDER_1G);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_1G);
	/* Blocks covered whole need no table. */
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(G1), T_PAGES_1G, P2M_RAM_RW, P2M_RAM_RO),
			(int64_t)T_PAGES_1G);
	set_free(2);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(G1 + 1), 10, P2M_RAM_RO, P2M_RAM_RW), 10);
	expect(G1 + 1, P2M_RAM_RW, M1 + 1, 0);
	expect(G1 + 11, P2M_RAM_RO, M1 + 11, 0);
	end();
}

UT_SUITE(p2m_nomem_suite, "p2m_nomem", NULL, p2mt_suite_cleanup,
	 UT_CASE(test_nomem_init),
	 UT_CASE(test_nomem_map_keeps_earlier),
	 UT_CASE(test_nomem_no_empty_table_left),
	 UT_CASE(test_nomem_unmap_split),
	 UT_CASE(test_nomem_change_type))
