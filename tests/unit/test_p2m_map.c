// SPDX-License-Identifier: GPL-2.0-only
/*
 * p2m_map / p2m_unmap / p2m_lookup / p2m_raw_entry: leaf sizes, descriptor
 * attributes per type, break-before-make as seen through the TLB flush
 * hooks, block splitting, table freeing and the counters.
 */
#include "harness.h"
#include "test_p2m.h"
#include <asm/fake.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define VMID     3
#define IPA_BITS 39                /* root at level 1, one table */
#define G1       (5 * T_PAGES_1G)  /* a 1 GiB-aligned gfn */
#define M1       (9 * T_PAGES_1G)  /* a 1 GiB-aligned mfn */

static struct p2m p2m;
static uint64_t free_at_start;

static void begin(void)
{
	free_at_start = page_alloc_free_count();
	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, IPA_BITS, VMID), 0);
	fake_hooks_reset();
}

/* Counters exact, then every table page back. */
static void end(void)
{
	p2mt_check_counters(&p2m);
	p2m_teardown(&p2m);
	CU_ASSERT_EQUAL(page_alloc_free_count(), free_at_start);
}

static unsigned int flushes(void)
{
	return fake_tlb_flush_ipa + fake_tlb_flush_vmid;
}

/* gfn maps to mfn with type t through a leaf of this order. */
static void expect(uint64_t gfn, enum p2m_type t, uint64_t mfn, unsigned int order)
{
	mfn_t m = mfn_init(~0ULL);
	unsigned int o = ~0U;

	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(gfn), &m, &o), t);
	CU_ASSERT_EQUAL(mfn_val(m), mfn);
	CU_ASSERT_EQUAL(o, order);
}

static void expect_none(uint64_t gfn)
{
	mfn_t m = mfn_init(42);
	unsigned int o = 42;

	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(gfn), &m, &o), P2M_INVALID);
	CU_ASSERT_EQUAL(mfn_val(m), 42);
	CU_ASSERT_EQUAL(o, 42);
	CU_ASSERT_EQUAL(p2m_raw_entry(&p2m, gfn_init(gfn), NULL), 0);
}

static unsigned int raw_level(uint64_t gfn)
{
	unsigned int level = ~0U;

	p2m_raw_entry(&p2m, gfn_init(gfn), &level);
	return level;
}

static void test_single_page(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(5), mfn_init(0x1234), 1, P2M_RAM_RW), 0);
	expect(5, P2M_RAM_RW, 0x1234, 0);
	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(5), NULL, NULL), P2M_RAM_RW);
	CU_ASSERT_EQUAL(raw_level(5), 3);
	expect_none(4);
	expect_none(6);
	expect_none(5 + T_PAGES_2M);
	CU_ASSERT_EQUAL(p2m.table_pages, 3);   /* root, level 2, level 3 */
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 1);
	CU_ASSERT_EQUAL(flushes(), 0);         /* nothing was valid before */
	end();
}

static void test_block_2m(void)
{
	const uint64_t g = 3 * T_PAGES_2M, m = 7 * T_PAGES_2M;

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g), mfn_init(m), T_PAGES_2M, P2M_RAM_RW), 0);
	expect(g, P2M_RAM_RW, m, T_ORDER_2M);
	expect(g + 7, P2M_RAM_RW, m + 7, T_ORDER_2M);
	expect(g + T_PAGES_2M - 1, P2M_RAM_RW, m + T_PAGES_2M - 1, T_ORDER_2M);
	expect_none(g - 1);
	expect_none(g + T_PAGES_2M);
	CU_ASSERT_EQUAL(raw_level(g + 100), 2);
	CU_ASSERT_FALSE(!!(p2m_raw_entry(&p2m, gfn_init(g), NULL) & T_TABLE));  /* a block */
	CU_ASSERT_EQUAL(p2m.table_pages, 2);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_2M);
	end();
}

static void test_block_1g(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	expect(G1, P2M_RAM_RW, M1, T_ORDER_1G);
	expect(G1 + 12345, P2M_RAM_RW, M1 + 12345, T_ORDER_1G);
	expect_none(G1 - 1);
	expect_none(G1 + T_PAGES_1G);
	CU_ASSERT_EQUAL(raw_level(G1 + 1), 1);
	CU_ASSERT_EQUAL(T_OA(p2m_raw_entry(&p2m, gfn_init(G1), NULL)), M1 << PAGE_SHIFT);
	CU_ASSERT_FALSE(!!(p2m_raw_entry(&p2m, gfn_init(G1), NULL) & T_TABLE));
	CU_ASSERT_EQUAL(p2m.table_pages, 1);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_1G);
	end();
}

/* An mfn aligned to less than the gfn limits the leaf size. */
static void test_block_needs_aligned_mfn(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1 + T_PAGES_2M), T_PAGES_1G,
				P2M_RAM_RW), 0);
	expect(G1, P2M_RAM_RW, M1 + T_PAGES_2M, T_ORDER_2M);
	expect(G1 + T_PAGES_1G - 1, P2M_RAM_RW, M1 + T_PAGES_1G + T_PAGES_2M - 1, T_ORDER_2M);
	CU_ASSERT_EQUAL(p2m.table_pages, 2);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(G1), T_PAGES_1G), 0);

	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(T_PAGES_2M), mfn_init(1025), T_PAGES_2M,
				P2M_RAM_RW), 0);
	for (uint64_t i = 0; i < T_PAGES_2M; i += 73)
		expect(T_PAGES_2M + i, P2M_RAM_RW, 1025 + i, 0);
	CU_ASSERT_EQUAL(raw_level(T_PAGES_2M), 3);
	CU_ASSERT_EQUAL(p2m.table_pages, 3);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_2M);
	end();
}

/* A range with ragged edges: pages, then 2 MiB blocks, a 1 GiB block, blocks, pages. */
static void test_biggest_leaf_each_position(void)
{
	const uint64_t g = G1 - 2 * T_PAGES_2M - 3, m = M1 - 2 * T_PAGES_2M - 3;
	const uint64_t n = 3 + 2 * T_PAGES_2M + T_PAGES_1G + T_PAGES_2M + 5;

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g), mfn_init(m), n, P2M_RAM_RW), 0);
	expect(g, P2M_RAM_RW, m, 0);
	expect(g + 2, P2M_RAM_RW, m + 2, 0);
	expect(g + 3, P2M_RAM_RW, m + 3, T_ORDER_2M);
	expect(G1 - 1, P2M_RAM_RW, M1 - 1, T_ORDER_2M);
	expect(G1, P2M_RAM_RW, M1, T_ORDER_1G);
	expect(G1 + T_PAGES_1G, P2M_RAM_RW, M1 + T_PAGES_1G, T_ORDER_2M);
	expect(g + n - 5, P2M_RAM_RW, m + n - 5, 0);
	expect(g + n - 1, P2M_RAM_RW, m + n - 1, 0);
	expect_none(g - 1);
	expect_none(g + n);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], n);
	/* root, 2 level-2 tables, 2 level-3 tables */
	CU_ASSERT_EQUAL(p2m.table_pages, 5);
	end();
}

struct attrs {
	enum p2m_type type;
	unsigned int memattr, s2ap;
	bool xn;
};

static const struct attrs type_attrs[] = {
	{ P2M_RAM_RW, T_MEMATTR_NORMAL, T_S2AP_RW, false },
	{ P2M_RAM_RO, T_MEMATTR_NORMAL, T_S2AP_RO, false },
	{ P2M_MMIO_DIRECT, T_MEMATTR_DEVICE, T_S2AP_RW, true },
	{ P2M_GRANT_RW, T_MEMATTR_NORMAL, T_S2AP_RW, false },
	{ P2M_GRANT_RO, T_MEMATTR_NORMAL, T_S2AP_RO, false },
	{ P2M_FOREIGN_RW, T_MEMATTR_NORMAL, T_S2AP_RW, false },
	{ P2M_MAGIC, T_MEMATTR_NORMAL, T_S2AP_RW, false },
};

static void check_leaf(uint64_t d, const struct attrs *a, uint64_t mfn, bool page)
{
	CU_ASSERT(!!(d & T_VALID));
	CU_ASSERT_EQUAL(!!(d & T_TABLE), page);
	CU_ASSERT_EQUAL(T_OA(d), mfn << PAGE_SHIFT);
	CU_ASSERT_EQUAL(T_MEMATTR(d), a->memattr);
	CU_ASSERT_EQUAL(T_S2AP(d), a->s2ap);
	CU_ASSERT_EQUAL(!!(d & T_XN), a->xn);
	CU_ASSERT(!!(d & T_AF));
	CU_ASSERT_EQUAL(T_SW(d), a->type);
	if (a->memattr == T_MEMATTR_NORMAL)
		CU_ASSERT_EQUAL(T_SH(d), T_SH_INNER);
	/* Nothing else: bits [63:59], [53:48] and [11] are zero. */
	CU_ASSERT_EQUAL(d & 0xf83f000000000800ULL, 0);
}

static void test_attributes_per_type(void)
{
	begin();
	for (unsigned int i = 0; i < ARRAY_SIZE(type_attrs); i++) {
		const struct attrs *a = &type_attrs[i];
		uint64_t page = 100 + i, block = (10 + i) * T_PAGES_2M;

		CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(page), mfn_init(0x800 + i), 1, a->type), 0);
		CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(block), mfn_init(block), T_PAGES_2M,
					a->type), 0);
		CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(page), NULL, NULL), a->type);
		check_leaf(p2m_raw_entry(&p2m, gfn_init(page), NULL), a, 0x800 + i, true);
		check_leaf(p2m_raw_entry(&p2m, gfn_init(block + 1), NULL), a, block, false);
		CU_ASSERT_EQUAL(p2m.mapped[a->type], 1 + T_PAGES_2M);
	}
	end();
}

/* Replacing a valid leaf breaks it first: the TLBs are flushed; a fresh one is not. */
static void test_replace_flushes(void)
{
	const uint64_t b = 4 * T_PAGES_2M;

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(9), mfn_init(90), 1, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(b), mfn_init(b), T_PAGES_2M, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(flushes(), 0);

	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(9), mfn_init(91), 1, P2M_GRANT_RO), 0);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 1);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 0);
	expect(9, P2M_GRANT_RO, 91, 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_2M);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_GRANT_RO], 1);

	/* Mapping the same again changes nothing and flushes nothing. */
	fake_hooks_reset();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(9), mfn_init(91), 1, P2M_GRANT_RO), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(b), mfn_init(b), T_PAGES_2M, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(b + 5), mfn_init(b + 5), 3, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(flushes(), 0);
	expect(b + 5, P2M_RAM_RW, b + 5, T_ORDER_2M);

	/* A block is flushed by VMID. */
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(b), mfn_init(2 * b), T_PAGES_2M, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 1);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 0);
	expect(b + 1, P2M_RAM_RW, 2 * b + 1, T_ORDER_2M);

	/* Next to an existing page, in the same table: no flush. */
	fake_hooks_reset();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(10), mfn_init(100), 1, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(flushes(), 0);
	end();
}

/* A block over pages: the table goes (flushed by VMID, freed), counters follow. */
static void test_block_replaces_table(void)
{
	const uint64_t g = 6 * T_PAGES_2M;
	uint64_t tables;

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g + 1), mfn_init(1), 10, P2M_MMIO_DIRECT), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g + 100), mfn_init(1), 10, P2M_RAM_RO), 0);
	tables = p2m.table_pages;
	fake_hooks_reset();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g), mfn_init(g), T_PAGES_2M, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 1);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 0);
	CU_ASSERT_EQUAL(p2m.table_pages, tables - 1);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_MMIO_DIRECT], 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RO], 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_2M);
	expect(g + 1, P2M_RAM_RW, g + 1, T_ORDER_2M);

	/* And 1 GiB over a level-2 table holding blocks and a level-3 table. */
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g + T_PAGES_2M + 3), mfn_init(7), 1, P2M_MAGIC), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(M1), T_PAGES_1G, P2M_RAM_RO), 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 1);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_MAGIC], 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RO], T_PAGES_1G);
	expect(g + T_PAGES_2M + 3, P2M_RAM_RO, M1 + g + T_PAGES_2M + 3, T_ORDER_1G);
	end();
}

/* One page out of a 1 GiB block: split to 2 MiB blocks, one of them to pages. */
static void test_unmap_splits_1g(void)
{
	const uint64_t hole = G1 + 1000;   /* in the second 2 MiB of the block */

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	fake_hooks_reset();
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(hole), 1), 0);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 2);   /* both splits */
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 1);    /* the page */
	expect_none(hole);
	expect(hole - 1, P2M_RAM_RW, M1 + 999, 0);
	expect(hole + 1, P2M_RAM_RW, M1 + 1001, 0);
	expect(G1 + T_PAGES_2M, P2M_RAM_RW, M1 + T_PAGES_2M, 0);
	expect(G1 + 2 * T_PAGES_2M - 1, P2M_RAM_RW, M1 + 2 * T_PAGES_2M - 1, 0);
	expect(G1, P2M_RAM_RW, M1, T_ORDER_2M);
	expect(G1 + T_PAGES_2M - 1, P2M_RAM_RW, M1 + T_PAGES_2M - 1, T_ORDER_2M);
	expect(G1 + 2 * T_PAGES_2M, P2M_RAM_RW, M1 + 2 * T_PAGES_2M, T_ORDER_2M);
	expect(G1 + T_PAGES_1G - 1, P2M_RAM_RW, M1 + T_PAGES_1G - 1, T_ORDER_2M);
	CU_ASSERT_EQUAL(raw_level(hole + 1), 3);
	CU_ASSERT_EQUAL(raw_level(G1), 2);
	CU_ASSERT_EQUAL(p2m.table_pages, 3);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_1G - 1);
	/* The split kept the block's attributes. */
	check_leaf(p2m_raw_entry(&p2m, gfn_init(hole + 1), NULL), &type_attrs[0], M1 + 1001, true);
	check_leaf(p2m_raw_entry(&p2m, gfn_init(G1), NULL), &type_attrs[0], M1, false);
	end();
}

static void test_unmap_holes(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(0), 3 * T_PAGES_1G), 0);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(77), 1), 0);
	CU_ASSERT_EQUAL(flushes(), 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 1);

	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(10), mfn_init(10), 5, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(20), mfn_init(20), 5, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(12), 10), 0);   /* 12..21 */
	expect(11, P2M_RAM_RW, 11, 0);
	expect_none(12);
	expect_none(21);
	expect(22, P2M_RAM_RW, 22, 0);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 5);   /* only the pages that were mapped */
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 5);
	p2mt_check_counters(&p2m);
	end();
}

/* Emptied tables are freed at once (their parent entry broken, the VMID flushed). */
static void test_unmap_frees_empty_tables(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(5), mfn_init(5), 1, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(T_PAGES_2M + 5), mfn_init(5), 1, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 4);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(5), 1), 0);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 1);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 1);  /* the level-3 table's entry */
	CU_ASSERT_EQUAL(p2m.table_pages, 3);
	p2mt_check_counters(&p2m);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(T_PAGES_2M), T_PAGES_2M), 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 1);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), free_at_start - 1);
	end();
}

/* Unmapping across a block boundary: the covered block goes whole, the other is split. */
static void test_unmap_across_blocks(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(0), mfn_init(0), 4 * T_PAGES_2M, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(T_PAGES_2M - 1), T_PAGES_2M + 2), 0);
	expect(T_PAGES_2M - 2, P2M_RAM_RW, T_PAGES_2M - 2, 0);
	expect_none(T_PAGES_2M - 1);
	expect_none(T_PAGES_2M);
	expect_none(2 * T_PAGES_2M);
	expect(2 * T_PAGES_2M + 1, P2M_RAM_RW, 2 * T_PAGES_2M + 1, 0);
	expect(3 * T_PAGES_2M, P2M_RAM_RW, 3 * T_PAGES_2M, T_ORDER_2M);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 4 * T_PAGES_2M - T_PAGES_2M - 2);
	CU_ASSERT_EQUAL(p2m.table_pages, 4);
	end();
}

/* The counters stay exact through a sequence mixing every kind of change. */
static void test_counters_sequence(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1 + 3), mfn_init(1), 2, P2M_MMIO_DIRECT), 0);
	p2mt_check_counters(&p2m);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1 + T_PAGES_2M), mfn_init(0), T_PAGES_2M,
				P2M_GRANT_RW), 0);
	p2mt_check_counters(&p2m);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(G1 + 2), 3 * T_PAGES_2M), 0);
	p2mt_check_counters(&p2m);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_1G - 3 * T_PAGES_2M);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_MMIO_DIRECT], 0);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_GRANT_RW], 0);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(G1), 2, P2M_RAM_RW, P2M_MAGIC), 2);
	p2mt_check_counters(&p2m);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_MAGIC], 2);
	CU_ASSERT_EQUAL(p2m_unmap(&p2m, gfn_init(G1), T_PAGES_1G), 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 1);
	end();
}

UT_SUITE(p2m_map_suite, "p2m_map", p2mt_suite_init, p2mt_suite_cleanup,
	 UT_CASE(test_single_page),
	 UT_CASE(test_block_2m),
	 UT_CASE(test_block_1g),
	 UT_CASE(test_block_needs_aligned_mfn),
	 UT_CASE(test_biggest_leaf_each_position),
	 UT_CASE(test_attributes_per_type),
	 UT_CASE(test_replace_flushes),
	 UT_CASE(test_block_replaces_table),
	 UT_CASE(test_unmap_splits_1g),
	 UT_CASE(test_unmap_holes),
	 UT_CASE(test_unmap_frees_empty_tables),
	 UT_CASE(test_unmap_across_blocks),
	 UT_CASE(test_counters_sequence))
