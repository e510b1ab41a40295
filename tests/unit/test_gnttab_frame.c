// SPDX-License-Identifier: GPL-2.0-only
/*
 * grant_table_init() limits and gnttab_map_frame() (XENMAPSPACE_grant_table):
 * growing, zeroed frames, moving a frame to another gfn, and failures that
 * leave the table and the physmap as they were.
 */
#include "harness.h"
#include "test_gnttab.h"
#include <asm/fake.h>
#include <public/memory.h>
#include <string.h>
#include <xen/errno.h>
#include <xen/page_alloc.h>

#define F0 GT_FRAME_GFN

static void test_init_limits(void)
{
	struct domain *d;
	uint64_t free0 = page_alloc_free_count();
	size_t bytes0 = fake_xmalloc_in_use();

	d = ut_domain_create(5, 1, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_EQUAL(grant_table_init(d, 0, 1), -EINVAL);
	CU_ASSERT_EQUAL(grant_table_init(d, 65, 1), -EINVAL);
	CU_ASSERT_EQUAL(grant_table_init(d, 1, (1U << 18) + 1), -EINVAL);
	CU_ASSERT_PTR_NULL(d->grant_table);
	CU_ASSERT_EQUAL(grant_table_init(d, 64, 1U << 18), 0);
	CU_ASSERT_EQUAL(gnttab_nr_frames(d), 1);
	CU_ASSERT_EQUAL(gnttab_max_frames(d), 64);
	CU_ASSERT_EQUAL(grant_table_init(d, 1, 1), -EINVAL);   /* already has one */
	grant_table_destroy(d);
	CU_ASSERT_EQUAL(gnttab_nr_frames(d), 0);
	grant_table_destroy(d);                                  /* nothing left: harmless */
	ut_domain_destroy(d);
	CU_ASSERT_EQUAL(page_alloc_free_count(), free0);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), bytes0);
}

static void test_init_nomem(void)
{
	struct domain *d = ut_domain_create(5, 1, 0);
	size_t bytes0 = fake_xmalloc_in_use();

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	gt_exhaust();
	CU_ASSERT_EQUAL(grant_table_init(d, 4, 4), -ENOMEM);
	CU_ASSERT_PTR_NULL(d->grant_table);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), bytes0);
	gt_restore();
	ut_domain_destroy(d);
}

static void test_map_and_grow(void)
{
	struct domain *d;
	uint8_t *p;

	gt_begin();
	d = gt_d[1];
	CU_ASSERT_EQUAL(gt_type(d, F0), P2M_RAM_RW);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 3, gfn_init(F0 + 3)), 0);
	CU_ASSERT_EQUAL(gnttab_nr_frames(d), 4);
	CU_ASSERT_EQUAL(gt_type(d, F0 + 3), P2M_RAM_RW);
	CU_ASSERT_EQUAL(gt_type(d, F0 + 1), P2M_INVALID);    /* grown, not mapped */
	p = gt_ptr(d, F0 + 3);
	for (unsigned int i = 0; i < PAGE_SIZE; i++)
		CU_ASSERT_EQUAL_FATAL(p[i], 0);
	/* Entries of frame 3 are refs 1536..2047. */
	gt_grant(d, 1536, 2, UT_RAM_GFN, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, 1536, GT_MAP_GFN, GNTMAP_host_map, NULL, NULL), 0);
	gt_end();
}

/* Mapping a frame elsewhere drops its old gfn; its contents stay. */
static void test_move(void)
{
	struct domain *d;
	uint64_t mfn;

	gt_begin();
	d = gt_d[1];
	gt_grant(d, 3, 2, UT_RAM_GFN, GTF_permit_access);
	mfn = gt_mfn(d, F0);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 0, gfn_init(F0 + 10)), 0);
	CU_ASSERT_EQUAL(gt_type(d, F0), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_mfn(d, F0 + 10), mfn);
	CU_ASSERT_EQUAL(((struct grant_entry_v1 *)gt_ptr(d, F0 + 10))[3].domid, 2);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 0, gfn_init(F0 + 10)), 0);   /* same place again */
	CU_ASSERT_EQUAL(gt_mfn(d, F0 + 10), mfn);
	/* If the guest put something else at the old gfn, it stays. */
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 1, gfn_init(F0 + 10)), 0);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 0, gfn_init(F0)), 0);
	CU_ASSERT_NOT_EQUAL(gt_mfn(d, F0 + 10), mfn);
	CU_ASSERT_EQUAL(gt_type(d, F0 + 10), P2M_RAM_RW);
	CU_ASSERT_EQUAL(gt_mfn(d, F0), mfn);
	gt_end();
}

static void test_map_frame_errors(void)
{
	struct domain *d;
	grant_handle_t h;

	gt_begin();
	d = gt_d[1];
	CU_ASSERT_EQUAL(gnttab_map_frame(d, GT_FRAMES, gfn_init(F0 + 1)), -EINVAL);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, XENMAPIDX_grant_table_status, gfn_init(F0 + 1)),
			-EINVAL);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, XENMAPIDX_grant_table_status | 1, gfn_init(F0 + 1)),
			-EINVAL);
	CU_ASSERT_EQUAL(gt_type(d, F0 + 1), P2M_INVALID);
	/* Outside the IPA space: not even grown. */
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 2, gfn_init(1ULL << 28)), -EINVAL);
	CU_ASSERT_EQUAL(gnttab_nr_frames(d), 1);
	/* Over a grant mapping: refused, the mapping stays. */
	gt_grant(gt_d[2], 0, 1, UT_RAM_GFN, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(d, 2, 0, GT_MAP_GFN, GNTMAP_host_map, &h, NULL), 0);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 1, gfn_init(GT_MAP_GFN)), -EBUSY);
	CU_ASSERT_EQUAL(gt_type(d, GT_MAP_GFN), P2M_GRANT_RW);
	CU_ASSERT_EQUAL(gnttab_nr_frames(d), 1);
	CU_ASSERT_EQUAL(gt_unmap(d, h, GT_MAP_GFN), 0);
	/* No memory for the new frames: not grown, nothing mapped. */
	gt_exhaust();
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 3, gfn_init(F0 + 3)), -ENOMEM);
	gt_restore();
	CU_ASSERT_EQUAL(gnttab_nr_frames(d), 1);
	CU_ASSERT_EQUAL(gt_type(d, F0 + 3), P2M_INVALID);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 3, gfn_init(F0 + 3)), 0);
	gt_end();
}

/* A destroyed table leaves no frame in the owner's physmap. */
static void test_destroy_unmaps_frames(void)
{
	struct domain *d;

	gt_begin();
	d = gt_d[1];
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 1, gfn_init(F0 + 1)), 0);
	grant_table_destroy(d);
	CU_ASSERT_EQUAL(gt_type(d, F0), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_type(d, F0 + 1), P2M_INVALID);
	CU_ASSERT_EQUAL(gnttab_map_frame(d, 0, gfn_init(F0)), -EINVAL);
	CU_ASSERT_EQUAL(gnttab_nr_frames(d), 0);
	CU_ASSERT_EQUAL(gnttab_max_frames(d), 0);
	gt_end();
}

UT_SUITE(gnttab_frame, "gnttab_frame", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_init_limits), UT_CASE(test_init_nomem), UT_CASE(test_map_and_grow),
	 UT_CASE(test_move), UT_CASE(test_map_frame_errors), UT_CASE(test_destroy_unmaps_frames))
