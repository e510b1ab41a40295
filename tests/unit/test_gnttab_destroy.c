// SPDX-License-Identifier: GPL-2.0-only
/*
 * grant_table_destroy(): a destroyed granter's pages vanish from every
 * mapper's p2m and their handles die; a destroyed mapper's pins and GTF
 * bits leave the granters' entries; no page or byte is left behind (gt_end).
 */
#include "harness.h"
#include "test_gnttab.h"

#define RAM  (UT_RAM_GFN + 3)
#define AT   GT_MAP_GFN

/*
 * Domain 1 grants pages RAM..RAM+3 to m as refs first..first+3; m maps each
 * at AT+0..3, writable and read-only in turn.
 */
static void map_four(struct domain *m, grant_ref_t first, grant_handle_t h[4])
{
	for (grant_ref_t r = 0; r < 4; r++) {
		uint32_t ro = r & 1 ? GNTMAP_readonly : 0;

		gt_grant(gt_d[1], first + r, m->id, RAM + r, GTF_permit_access);
		CU_ASSERT_EQUAL(gt_map(m, 1, first + r, AT + r, GNTMAP_host_map | ro, &h[r], NULL), 0);
	}
}

static void test_destroy_granter(void)
{
	grant_handle_t h0[4], h2[4], h;

	gt_begin();
	map_four(gt_d[0], 0, h0);
	CU_ASSERT_EQUAL(gt_map(gt_d[0], 1, 0, AT + 10, GNTMAP_host_map, NULL, NULL), 0);
	map_four(gt_d[2], 4, h2);   /* the same pages, by other entries */
	grant_table_destroy(gt_d[1]);
	for (unsigned int r = 0; r < 4; r++) {
		CU_ASSERT_EQUAL(gt_type(gt_d[0], AT + r), P2M_INVALID);
		CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + r), P2M_INVALID);
		CU_ASSERT_EQUAL(gt_unmap(gt_d[0], h0[r], AT + r), GNTST_bad_handle);
		CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h2[r], AT + r), GNTST_bad_handle);
	}
	CU_ASSERT_EQUAL(gt_type(gt_d[0], AT + 10), P2M_INVALID);
	/* The mappers' maptracks are free again: domain 0 still maps from domain 2. */
	gt_grant(gt_d[2], 0, 0, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[0], 2, 0, AT, GNTMAP_host_map, &h, NULL), 0);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[0], h, AT), 0);
	gt_end();
}

static void test_destroy_mapper(void)
{
	grant_handle_t h[4];

	gt_begin();
	map_four(gt_d[2], 0, h);
	grant_table_destroy(gt_d[2]);
	for (grant_ref_t r = 0; r < 4; r++) {
		CU_ASSERT_EQUAL(gt_flags(gt_d[1], r), GTF_permit_access);
		CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + r), P2M_INVALID);
		/* Unpinned: another domain may map it now. */
		gt_grant(gt_d[1], r, 0, RAM + r, GTF_permit_access);
		CU_ASSERT_EQUAL(gt_map(gt_d[0], 1, r, AT + r, GNTMAP_host_map, &h[r], NULL), 0);
	}
	gt_end();
}

/* Mappings both ways between two domains and of a domain's own grants. */
static void test_destroy_tangle(void)
{
	grant_handle_t h;

	gt_begin();
	gt_grant(gt_d[1], 0, 2, RAM, GTF_permit_access);
	gt_grant(gt_d[2], 0, 1, RAM, GTF_permit_access);
	gt_grant(gt_d[1], 1, 1, RAM + 1, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, 0, AT, GNTMAP_host_map, &h, NULL), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[1], 2, 0, AT, GNTMAP_host_map, &h, NULL), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[1], 1, 1, AT + 1, GNTMAP_host_map, &h, NULL), 0);
	grant_table_destroy(gt_d[1]);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_type(gt_d[1], AT), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_type(gt_d[1], AT + 1), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_flags(gt_d[2], 0), GTF_permit_access);
	gt_end();
}

/* Destroying every table while all map each other: what gt_end checks is enough. */
static void test_destroy_all_mapped(void)
{
	gt_begin();
	for (domid_t g = 0; g < 3; g++) {
		for (domid_t m = 0; m < 3; m++) {
			grant_ref_t ref = (grant_ref_t)(m + 10);

			gt_grant(gt_d[g], ref, m, RAM + m, GTF_permit_access);
			CU_ASSERT_EQUAL(gt_map(gt_d[m], g, ref, AT + g * 3 + m, GNTMAP_host_map, NULL,
					       NULL), 0);
		}
	}
	gt_end();
}

/* Mappings of one entry made and removed in a mixed order, then revoked: none survives. */
static void test_destroy_after_churn(void)
{
	grant_handle_t h[5];

	gt_begin();
	gt_grant(gt_d[1], 0, 2, RAM, GTF_permit_access);
	for (unsigned int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, 0, AT + i, GNTMAP_host_map, &h[i], NULL), 0);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h[1], AT + 1), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, 0, AT + 4, GNTMAP_host_map, &h[4], NULL), 0);
	CU_ASSERT_EQUAL(h[4], h[1]);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h[0], AT), 0);
	grant_table_destroy(gt_d[1]);
	for (unsigned int i = 0; i < 5; i++)
		CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + i), P2M_INVALID);
	gt_end();
}

/* Three mappings of one entry, the middle one removed, then revoked: none survives. */
static void test_destroy_after_middle_unmap(void)
{
	grant_handle_t h[3];

	gt_begin();
	gt_grant(gt_d[1], 0, 2, RAM, GTF_permit_access);
	for (unsigned int i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, 0, AT + i, GNTMAP_host_map, &h[i], NULL), 0);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h[1], AT + 1), 0);
	grant_table_destroy(gt_d[1]);
	for (unsigned int i = 0; i < 3; i++)
		CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + i), P2M_INVALID);
	gt_end();
}

UT_SUITE(gnttab_destroy, "gnttab_destroy", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_destroy_granter), UT_CASE(test_destroy_mapper), UT_CASE(test_destroy_tangle),
	 UT_CASE(test_destroy_all_mapped), UT_CASE(test_destroy_after_churn),
	 UT_CASE(test_destroy_after_middle_unmap))
