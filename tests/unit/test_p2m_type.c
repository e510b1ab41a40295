// SPDX-License-Identifier: GPL-2.0-only
/*
 * p2m_change_type: only mappings of the old type change, blocks are split at
 * the edges of the range only, each changed valid entry is broken first, and
 * the count of pages changed is returned.
 */
#include "harness.h"
#include "test_p2m.h"
#include <asm/fake.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define VMID     11
#define IPA_BITS 40                /* root at level 1, 2 concatenated tables */
#define G1       (600 * T_PAGES_1G)  /* in the second root table */
#define M1       (3 * T_PAGES_1G)

static struct p2m p2m;
static uint64_t free_at_start;

static void begin(void)
{
	free_at_start = page_alloc_free_count();
	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, IPA_BITS, VMID), 0);
	fake_hooks_reset();
}

static void end(void)
{
	p2mt_check_counters(&p2m);
	p2m_teardown(&p2m);
	CU_ASSERT_EQUAL(page_alloc_free_count(), free_at_start);
}

static void expect(uint64_t gfn, enum p2m_type t, uint64_t mfn, unsigned int order)
{
	mfn_t m = mfn_init(~0ULL);
	unsigned int o = ~0U;

	CU_ASSERT_EQUAL(p2m_lookup(&p2m, gfn_init(gfn), &m, &o), t);
	CU_ASSERT_EQUAL(mfn_val(m), mfn);
	CU_ASSERT_EQUAL(o, order);
}

/*
 * RAM_RW -> RAM_RO over [100, 1686) of a 1 GiB block: the 2 MiB pieces at
 * both edges become pages, the two in between stay 2 MiB blocks.
 */
static void test_retype_inside_block(void)
{
	const uint64_t start = 100, end_off = 100 + 3 * T_PAGES_2M + 50;
	uint64_t d;

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(G1 + start), end_off - start, P2M_RAM_RW,
					P2M_RAM_RO), (int64_t)(end_off - start));
	expect(G1, P2M_RAM_RW, M1, 0);
	expect(G1 + start - 1, P2M_RAM_RW, M1 + start - 1, 0);
	expect(G1 + start, P2M_RAM_RO, M1 + start, 0);
	expect(G1 + T_PAGES_2M - 1, P2M_RAM_RO, M1 + T_PAGES_2M - 1, 0);
	expect(G1 + T_PAGES_2M, P2M_RAM_RO, M1 + T_PAGES_2M, T_ORDER_2M);
	expect(G1 + 3 * T_PAGES_2M - 1, P2M_RAM_RO, M1 + 3 * T_PAGES_2M - 1, T_ORDER_2M);
	expect(G1 + 3 * T_PAGES_2M, P2M_RAM_RO, M1 + 3 * T_PAGES_2M, 0);
	expect(G1 + end_off - 1, P2M_RAM_RO, M1 + end_off - 1, 0);
	expect(G1 + end_off, P2M_RAM_RW, M1 + end_off, 0);
	expect(G1 + 4 * T_PAGES_2M, P2M_RAM_RW, M1 + 4 * T_PAGES_2M, T_ORDER_2M);
	expect(G1 + T_PAGES_1G - 1, P2M_RAM_RW, M1 + T_PAGES_1G - 1, T_ORDER_2M);
	CU_ASSERT_EQUAL(p2m.table_pages, 2 + 1 + 2);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RO], end_off - start);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], T_PAGES_1G - (end_off - start));
	/* 3 splits + 2 blocks by VMID, the pages one by one. */
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 5);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, (T_PAGES_2M - start) + (end_off - 3 * T_PAGES_2M));
	d = p2m_raw_entry(&p2m, gfn_init(G1 + T_PAGES_2M), NULL);
	CU_ASSERT_EQUAL(T_S2AP(d), T_S2AP_RO);
	CU_ASSERT_EQUAL(T_SW(d), P2M_RAM_RO);
	CU_ASSERT_EQUAL(T_MEMATTR(d), T_MEMATTR_NORMAL);
	d = p2m_raw_entry(&p2m, gfn_init(G1 + start), NULL);
	CU_ASSERT_EQUAL(T_S2AP(d), T_S2AP_RO);
	CU_ASSERT_EQUAL(T_OA(d), (M1 + start) << PAGE_SHIFT);
	end();
}

/* A block the range covers whole changes in place: no split, one VMID flush. */
static void test_retype_whole_block(void)
{
	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(G1), mfn_init(M1), T_PAGES_1G, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(G1), T_PAGES_1G, P2M_RAM_RW, P2M_RAM_RO),
			(int64_t)T_PAGES_1G);
	expect(G1 + 9, P2M_RAM_RO, M1 + 9, T_ORDER_1G);
	CU_ASSERT_EQUAL(p2m.table_pages, 2);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 1);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 0);
	/* Back again: the same block, the RW attributes. */
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(0), 1ULL << (IPA_BITS - PAGE_SHIFT),
					P2M_RAM_RO, P2M_RAM_RW), (int64_t)T_PAGES_1G);
	CU_ASSERT_EQUAL(T_S2AP(p2m_raw_entry(&p2m, gfn_init(G1), NULL)), T_S2AP_RW);
	end();
}

/* Other types and holes are left alone, and not split. */
static void test_retype_only_matching(void)
{
	const uint64_t g = 8 * T_PAGES_2M;
	uint64_t tables;

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g), mfn_init(g), T_PAGES_2M, P2M_MMIO_DIRECT), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g + T_PAGES_2M), mfn_init(0), 10, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g + T_PAGES_2M + 20), mfn_init(20), 10,
				P2M_GRANT_RW), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(g + 3 * T_PAGES_2M), mfn_init(0), T_PAGES_2M,
				P2M_RAM_RW), 0);
	tables = p2m.table_pages;
	fake_hooks_reset();
	/* From the middle of the MMIO block to the middle of the last RAM block. */
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(g + 7), 3 * T_PAGES_2M, P2M_RAM_RW,
					P2M_RAM_RO), 10 + 7);
	expect(g, P2M_MMIO_DIRECT, g, T_ORDER_2M);               /* not split */
	expect(g + T_PAGES_2M + 9, P2M_RAM_RO, 9, 0);
	expect(g + T_PAGES_2M + 25, P2M_GRANT_RW, 25, 0);
	expect(g + 3 * T_PAGES_2M + 6, P2M_RAM_RO, 6, 0);
	expect(g + 3 * T_PAGES_2M + 7, P2M_RAM_RW, 7, 0);
	CU_ASSERT_EQUAL(p2m.table_pages, tables + 1);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RO], 17);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_MMIO_DIRECT], T_PAGES_2M);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa, 17);
	CU_ASSERT_EQUAL(fake_tlb_flush_vmid, 1);                 /* the one split */

	/* Nothing of the old type: nothing happens. */
	fake_hooks_reset();
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(0), 1ULL << 28, P2M_FOREIGN_RW,
					P2M_RAM_RO), 0);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(g), T_PAGES_1G, P2M_RAM_RW, P2M_RAM_RW),
			0);
	CU_ASSERT_EQUAL(fake_tlb_flush_ipa + fake_tlb_flush_vmid, 0);
	CU_ASSERT_EQUAL(p2m.table_pages, tables + 1);
	end();
}

/* Each type's attributes follow a change of type, MMIO included. */
static void test_retype_attributes(void)
{
	uint64_t d;

	begin();
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(3), mfn_init(3), 1, P2M_RAM_RW), 0);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(3), 1, P2M_RAM_RW, P2M_MMIO_DIRECT), 1);
	d = p2m_raw_entry(&p2m, gfn_init(3), NULL);
	CU_ASSERT_EQUAL(T_MEMATTR(d), T_MEMATTR_DEVICE);
	CU_ASSERT(!!(d & T_XN));
	CU_ASSERT_EQUAL(T_SW(d), P2M_MMIO_DIRECT);
	CU_ASSERT_EQUAL(p2m_change_type(&p2m, gfn_init(3), 1, P2M_MMIO_DIRECT, P2M_GRANT_RO), 1);
	d = p2m_raw_entry(&p2m, gfn_init(3), NULL);
	CU_ASSERT_EQUAL(T_MEMATTR(d), T_MEMATTR_NORMAL);
	CU_ASSERT_FALSE(!!(d & T_XN));
	CU_ASSERT_EQUAL(T_S2AP(d), T_S2AP_RO);
	CU_ASSERT_EQUAL(T_SW(d), P2M_GRANT_RO);
	CU_ASSERT(!!(d & T_AF));
	CU_ASSERT_EQUAL(T_OA(d), 3ULL << PAGE_SHIFT);
	end();
}

UT_SUITE(p2m_type_suite, "p2m_change_type", p2mt_suite_init, p2mt_suite_cleanup,
	 UT_CASE(test_retype_inside_block),
	 UT_CASE(test_retype_whole_block),
	 UT_CASE(test_retype_only_matching),
	 UT_CASE(test_retype_attributes))
