// SPDX-License-Identifier: GPL-2.0-only
/*
 * GNTTABOP_map_grant_ref misuse: each failure's status (Xen on Arm's), and
 * nothing changed: the mapper's p2m, the granter's entry bits, the maptrack
 * (the next good map still gets handle 0).
 */
#include "harness.h"
#include "test_gnttab.h"
#include <xen/page_alloc.h>

#define REF    5
#define RAM    (UT_RAM_GFN + 3)
#define AT     GT_MAP_GFN

/* Nothing of a failed map remains, and a good map still works (handle 0). */
static void expect_intact(struct domain *g, grant_ref_t ref, uint16_t flags, uint64_t at)
{
	grant_handle_t h;

	CU_ASSERT_EQUAL(gt_type(gt_d[2], at), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_flags(g, ref), flags);
	gt_grant(gt_d[1], 0, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, 0, AT + 100, GNTMAP_host_map, &h, NULL), GNTST_okay);
	CU_ASSERT_EQUAL(h, 0);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT + 100), GNTST_okay);
}

/* Maps (dom, ref) from domain 2 at AT with flags: status, then the checks above. */
static void expect_map(domid_t dom, grant_ref_t ref, uint32_t flags, int16_t status)
{
	CU_ASSERT_EQUAL(gt_map(gt_d[2], dom, ref, AT, flags, NULL, NULL), status);
}

static void test_flags(void)
{
	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	/* Neither host nor device mapping: Xen says bad_gntref. */
	expect_map(1, REF, 0, GNTST_bad_gntref);
	expect_map(1, REF, GNTMAP_readonly, GNTST_bad_gntref);
	/* Device, application and PTE mappings are not for auto-translated guests. */
	expect_map(1, REF, GNTMAP_device_map, GNTST_general_error);
	expect_map(1, REF, GNTMAP_host_map | GNTMAP_device_map, GNTST_general_error);
	expect_map(1, REF, GNTMAP_host_map | GNTMAP_application_map, GNTST_general_error);
	expect_map(1, REF, GNTMAP_host_map | GNTMAP_contains_pte, GNTST_general_error);
	expect_intact(gt_d[1], REF, GTF_permit_access, AT);
	gt_end();
}

static void test_bad_domain(void)
{
	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	expect_map(GT_NO_DOMID, REF, GNTMAP_host_map, GNTST_bad_domain);
	/* map_grant_ref looks the granter up by id: DOMID_SELF is no domain. */
	expect_map(DOMID_SELF, REF, GNTMAP_host_map, GNTST_bad_domain);
	expect_map(DOMID_XEN, REF, GNTMAP_host_map, GNTST_bad_domain);
	expect_intact(gt_d[1], REF, GTF_permit_access, AT);
	gt_end();
}

static void test_bad_ref(void)
{
	gt_begin();
	/* One frame: refs 0..511. */
	expect_map(1, 512, GNTMAP_host_map, GNTST_bad_gntref);
	expect_map(1, UINT32_MAX, GNTMAP_host_map, GNTST_bad_gntref);
	expect_intact(gt_d[1], REF, 0, AT);
	gt_end();
}

/* The entry does not grant this access to the mapper: general_error, entry untouched. */
static void test_entry_refuses(void)
{
	struct {
		domid_t to;
		uint16_t flags;
		uint32_t map;
	} bad[] = {
		{ 0, GTF_permit_access, GNTMAP_host_map },                  /* granted to dom0 */
		{ 2, GTF_invalid, GNTMAP_host_map },                        /* not granted */
		{ 2, GTF_invalid | GTF_readonly, GNTMAP_host_map | GNTMAP_readonly },
		{ 2, GTF_accept_transfer, GNTMAP_host_map },
		{ 2, GTF_transitive, GNTMAP_host_map },
		{ 2, GTF_permit_access | GTF_sub_page, GNTMAP_host_map },   /* no sub-page maps */
		{ 2, GTF_permit_access | GTF_readonly, GNTMAP_host_map },   /* write-pin of r/o */
	};

	gt_begin();
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		gt_grant(gt_d[1], REF, bad[i].to, RAM, bad[i].flags);
		expect_map(1, REF, bad[i].map, GNTST_general_error);
		CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), bad[i].flags);
		CU_ASSERT_EQUAL(gt_type(gt_d[2], AT), P2M_INVALID);
	}
	expect_intact(gt_d[1], REF, GTF_permit_access | GTF_readonly, AT);
	gt_end();
}

/* The granted frame must be the granter's own RAM: else bad_page and the bits undone. */
static void test_bad_page(void)
{
	grant_handle_t h;

	gt_begin();
	/* Nothing mapped at the frame. */
	gt_grant(gt_d[1], REF, 2, GT_HOLE_GFN, GTF_permit_access);
	expect_map(1, REF, GNTMAP_host_map, GNTST_bad_page);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	/* A frame the granter itself has mapped by grant (from domain 0). */
	gt_grant(gt_d[0], REF, 1, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[1], 0, REF, AT, GNTMAP_host_map, &h, NULL), 0);
	gt_grant(gt_d[1], REF + 1, 2, AT, GTF_permit_access);
	expect_map(1, REF + 1, GNTMAP_host_map, GNTST_bad_page);
	expect_map(1, REF + 1, GNTMAP_host_map | GNTMAP_readonly, GNTST_bad_page);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF + 1), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[1], h, AT), 0);
	expect_intact(gt_d[1], REF + 1, GTF_permit_access, AT);
	gt_end();
}

/* Read-only RAM may be granted for reading only; a write upgrade is refused. */
static void test_ro_ram(void)
{
	grant_handle_t h;

	gt_begin();
	CU_ASSERT_EQUAL(p2m_change_type(&gt_d[1]->p2m, gfn_init(RAM), 1, P2M_RAM_RW, P2M_RAM_RO), 1);
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	expect_map(1, REF, GNTMAP_host_map, GNTST_bad_page);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT, GNTMAP_host_map | GNTMAP_readonly, &h, NULL), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT + 1, GNTMAP_host_map, NULL, NULL),
			GNTST_bad_page);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access | GTF_reading);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + 1), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT), 0);
	CU_ASSERT_EQUAL(p2m_change_type(&gt_d[1]->p2m, gfn_init(RAM), 1, P2M_RAM_RO, P2M_RAM_RW), 1);
	expect_intact(gt_d[1], REF, GTF_permit_access, AT);
	gt_end();
}

/* host_addr outside the IPA space, or already mapped: general_error (Xen's create failure). */
static void test_bad_host_addr(void)
{
	uint64_t outside = 1ULL << (40 - PAGE_SHIFT);   /* ut_domain: 40-bit IPA */
	grant_handle_t h;

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, outside, GNTMAP_host_map, NULL, NULL),
			GNTST_general_error);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	/* Over the mapper's own RAM: refused, the RAM stays. */
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, UT_RAM_GFN, GNTMAP_host_map, NULL, NULL),
			GNTST_general_error);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], UT_RAM_GFN), P2M_RAM_RW);
	/* Over another grant mapping: refused, that mapping stays. */
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT + 1, GNTMAP_host_map, &h, NULL), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT + 1, GNTMAP_host_map | GNTMAP_readonly, NULL,
			       NULL), GNTST_general_error);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + 1), P2M_GRANT_RW);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT + 1), 0);
	expect_intact(gt_d[1], REF, GTF_permit_access, AT);
	gt_end();
}

/* One mapper per entry at a time (Xen): another domain is refused while pinned. */
static void test_pinned_by_other(void)
{
	grant_handle_t h;

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT, GNTMAP_host_map, &h, NULL), 0);
	gt_entry(gt_d[1], REF)->domid = 0;   /* the granter rewrites it meanwhile */
	CU_ASSERT_EQUAL(gt_map(gt_d[0], 1, REF, AT, GNTMAP_host_map, NULL, NULL),
			GNTST_general_error);
	CU_ASSERT_EQUAL(gt_type(gt_d[0], AT), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[0], 1, REF, AT, GNTMAP_host_map, &h, NULL), 0);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[0], h, AT), 0);
	gt_end();
}

static void test_maptrack_full(void)
{
	grant_handle_t h[GT_MAPTRACK];

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	for (unsigned int i = 0; i < GT_MAPTRACK; i++) {
		CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT + i, GNTMAP_host_map, &h[i], NULL), 0);
		CU_ASSERT_EQUAL(h[i], i);
	}
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT + GT_MAPTRACK, GNTMAP_host_map, NULL, NULL),
			GNTST_no_device_space);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + GT_MAPTRACK), P2M_INVALID);
	/* Checked before the ref (Xen's order). */
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, 9999, AT + GT_MAPTRACK, GNTMAP_host_map, NULL, NULL),
			GNTST_no_device_space);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h[3], AT + 3), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT + 3, GNTMAP_host_map, &h[3], NULL), 0);
	CU_ASSERT_EQUAL(h[3], 3);
	for (unsigned int i = 0; i < GT_MAPTRACK; i++)
		CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h[i], AT + i), 0);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	gt_end();
}

/* A domain whose maptrack holds nothing cannot map at all. */
static void test_no_maptrack(void)
{
	struct domain *d;
	uint64_t free0 = page_alloc_free_count();

	gt_begin();
	d = ut_domain_create(3, 1, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_EQUAL(grant_table_init(d, 1, 0), 0);
	gt_grant(gt_d[1], REF, 3, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(d, 1, REF, AT, GNTMAP_host_map, NULL, NULL), GNTST_no_device_space);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	grant_table_destroy(d);
	ut_domain_destroy(d);
	gt_end();
	CU_ASSERT_EQUAL(page_alloc_free_count(), free0);
}

/* The mapper's p2m needs a table page and none is left: undone, general_error. */
static void test_p2m_nomem(void)
{
	uint64_t far = GT_MAP_GFN + (1ULL << 18);   /* a new 1 GiB region: new tables */

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	gt_exhaust();
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, far, GNTMAP_host_map, NULL, NULL),
			GNTST_general_error);
	gt_restore();
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	expect_intact(gt_d[1], REF, GTF_permit_access, far);
	gt_end();
}

/* A granter whose table is gone (being destroyed) is no granter. */
static void test_granter_destroyed(void)
{
	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	grant_table_destroy(gt_d[1]);
	expect_map(1, REF, GNTMAP_host_map, GNTST_bad_domain);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT), P2M_INVALID);
	gt_end();
}

UT_SUITE(gnttab_maperr, "gnttab_map_errors", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_flags), UT_CASE(test_bad_domain), UT_CASE(test_bad_ref),
	 UT_CASE(test_entry_refuses), UT_CASE(test_bad_page), UT_CASE(test_ro_ram),
	 UT_CASE(test_bad_host_addr), UT_CASE(test_pinned_by_other), UT_CASE(test_maptrack_full),
	 UT_CASE(test_no_maptrack), UT_CASE(test_p2m_nomem), UT_CASE(test_granter_destroyed))
