// SPDX-License-Identifier: GPL-2.0-only
/*
 * GNTTABOP_map_grant_ref and unmap_grant_ref that succeed: the mapper's p2m,
 * the answer (handle, dev_bus_addr), the GTF bits in the granter's entry,
 * data seen through the mapping both ways, pins of several mappings, batches.
 */
#include "harness.h"
#include "test_gnttab.h"
#include <string.h>
#include <xen/errno.h>

#define REF    5
#define RAM    (UT_RAM_GFN + 3)   /* the granter's page */
#define AT     GT_MAP_GFN         /* where the mapper maps it */

static void test_map_rw(void)
{
	struct domain *g, *m;
	grant_handle_t h;
	uint64_t bus;
	char *gp, *mp;

	gt_begin();
	g = gt_d[1];
	m = gt_d[2];
	gt_grant(g, REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(m, 1, REF, AT, GNTMAP_host_map, &h, &bus), GNTST_okay);
	CU_ASSERT_EQUAL(h, 0);
	CU_ASSERT_EQUAL(bus, gt_mfn(g, RAM) << PAGE_SHIFT);
	CU_ASSERT_EQUAL(gt_type(m, AT), P2M_GRANT_RW);
	CU_ASSERT_EQUAL(gt_mfn(m, AT), gt_mfn(g, RAM));
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access | GTF_reading | GTF_writing);
	gp = gt_ptr(g, RAM);
	mp = gt_ptr(m, AT);
	strcpy(mp, "from the mapper");
	CU_ASSERT_STRING_EQUAL(gp, "from the mapper");
	strcpy(gp + 100, "from the granter");
	CU_ASSERT_STRING_EQUAL(mp + 100, "from the granter");
	CU_ASSERT_EQUAL(gt_unmap(m, h, AT), GNTST_okay);
	CU_ASSERT_EQUAL(gt_type(m, AT), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_type(g, RAM), P2M_RAM_RW);
	CU_ASSERT_STRING_EQUAL(gp, "from the mapper");
	gt_end();
}

static void test_map_ro(void)
{
	struct domain *g, *m;
	grant_handle_t h;

	gt_begin();
	g = gt_d[1];
	m = gt_d[2];
	gt_grant(g, REF, 2, RAM, GTF_permit_access | GTF_readonly);
	CU_ASSERT_EQUAL(gt_map(m, 1, REF, AT, GNTMAP_host_map | GNTMAP_readonly, &h, NULL),
			GNTST_okay);
	CU_ASSERT_EQUAL(gt_type(m, AT), P2M_GRANT_RO);
	CU_ASSERT_EQUAL(gt_mfn(m, AT), gt_mfn(g, RAM));
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access | GTF_readonly | GTF_reading);
	CU_ASSERT_EQUAL(gt_unmap(m, h, AT), GNTST_okay);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access | GTF_readonly);
	gt_end();
}

/* Read-only and writable mappings of one entry: GTF bits follow the pins. */
static void test_pins(void)
{
	struct domain *g, *m;
	grant_handle_t ro, rw1, rw2;

	gt_begin();
	g = gt_d[1];
	m = gt_d[2];
	gt_grant(g, REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(m, 1, REF, AT, GNTMAP_host_map | GNTMAP_readonly, &ro, NULL), 0);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access | GTF_reading);
	CU_ASSERT_EQUAL(gt_map(m, 1, REF, AT + 1, GNTMAP_host_map, &rw1, NULL), 0);
	CU_ASSERT_EQUAL(gt_map(m, 1, REF, AT + 2, GNTMAP_host_map, &rw2, NULL), 0);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access | GTF_reading | GTF_writing);
	CU_ASSERT(ro != rw1 && rw1 != rw2 && ro != rw2);
	CU_ASSERT_EQUAL(gt_unmap(m, rw1, AT + 1), 0);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access | GTF_reading | GTF_writing);
	CU_ASSERT_EQUAL(gt_unmap(m, rw2, AT + 2), 0);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access | GTF_reading);
	CU_ASSERT_EQUAL(gt_type(m, AT), P2M_GRANT_RO);
	CU_ASSERT_EQUAL(gt_unmap(m, ro, AT), 0);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access);
	gt_end();
}

/* Once pinned, the granter's later changes to the entry do not matter (as Xen). */
static void test_pinned_entry_changed(void)
{
	struct domain *g, *m;
	grant_handle_t h1, h2;

	gt_begin();
	g = gt_d[1];
	m = gt_d[2];
	gt_grant(g, REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(m, 1, REF, AT, GNTMAP_host_map, &h1, NULL), 0);
	gt_entry(g, REF)->frame = (uint32_t)(RAM + 1);
	CU_ASSERT_EQUAL(gt_map(m, 1, REF, AT + 1, GNTMAP_host_map, &h2, NULL), 0);
	CU_ASSERT_EQUAL(gt_mfn(m, AT + 1), gt_mfn(g, RAM));
	CU_ASSERT_EQUAL(gt_unmap(m, h1, AT), 0);
	CU_ASSERT_EQUAL(gt_unmap(m, h2, AT + 1), 0);
	CU_ASSERT_EQUAL(gt_flags(g, REF), GTF_permit_access);
	gt_end();
}

/* A domain may map its own grant (Xen looks the domain up by id, itself included). */
static void test_map_self(void)
{
	struct domain *d;
	grant_handle_t h;

	gt_begin();
	d = gt_d[1];
	gt_grant(d, REF, 1, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(d, 1, REF, AT, GNTMAP_host_map, &h, NULL), GNTST_okay);
	CU_ASSERT_EQUAL(gt_mfn(d, AT), gt_mfn(d, RAM));
	CU_ASSERT_EQUAL(gt_type(d, AT), P2M_GRANT_RW);
	CU_ASSERT_EQUAL(gt_unmap(d, h, AT), GNTST_okay);
	CU_ASSERT_EQUAL(gt_flags(d, REF), GTF_permit_access);
	gt_end();
}

/* The hardware domain maps from two granters; entries in a second frame. */
static void test_two_granters(void)
{
	grant_ref_t far = 600;   /* in frame 1 */
	grant_handle_t h1, h2;

	gt_begin();
	CU_ASSERT_EQUAL(gnttab_map_frame(gt_d[2], 1, gfn_init(GT_FRAME_GFN + 1)), 0);
	gt_grant(gt_d[1], REF, 0, RAM, GTF_permit_access);
	gt_grant(gt_d[2], far, 0, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[0], 1, REF, AT, GNTMAP_host_map, &h1, NULL), 0);
	CU_ASSERT_EQUAL(gt_map(gt_d[0], 2, far, AT + 1, GNTMAP_host_map, &h2, NULL), 0);
	CU_ASSERT_EQUAL(gt_mfn(gt_d[0], AT), gt_mfn(gt_d[1], RAM));
	CU_ASSERT_EQUAL(gt_mfn(gt_d[0], AT + 1), gt_mfn(gt_d[2], RAM));
	CU_ASSERT_EQUAL(gt_flags(gt_d[2], far), GTF_permit_access | GTF_reading | GTF_writing);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[0], h2, AT + 1), 0);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[0], h1, AT), 0);
	gt_end();
}

/* A batch: every op runs and has its own status; the call returns 0. */
static void test_batch(void)
{
	struct gnttab_map_grant_ref ops[3] = {
		{ .host_addr = AT << PAGE_SHIFT, .flags = GNTMAP_host_map, .ref = REF, .dom = 1 },
		{ .host_addr = (AT + 1) << PAGE_SHIFT, .flags = GNTMAP_host_map, .ref = 9999, .dom = 1 },
		{ .host_addr = (AT + 2) << PAGE_SHIFT, .flags = GNTMAP_host_map, .ref = REF, .dom = 1 },
	};
	struct gnttab_unmap_grant_ref un[2];

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_map_grant_ref, ops, 3), 0);
	CU_ASSERT_EQUAL(ops[0].status, GNTST_okay);
	CU_ASSERT_EQUAL(ops[1].status, GNTST_bad_gntref);
	CU_ASSERT_EQUAL(ops[2].status, GNTST_okay);
	CU_ASSERT_EQUAL(ops[0].handle, 0);
	CU_ASSERT_EQUAL(ops[2].handle, 1);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + 1), P2M_INVALID);
	un[0] = (struct gnttab_unmap_grant_ref){ .host_addr = ops[0].host_addr, .handle = 0 };
	un[1] = (struct gnttab_unmap_grant_ref){ .host_addr = ops[2].host_addr, .handle = 1 };
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, un, 2), 0);
	CU_ASSERT_EQUAL(un[0].status, GNTST_okay);
	CU_ASSERT_EQUAL(un[1].status, GNTST_okay);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	gt_end();
}

/* Freed handles are reused; unmap with the machine address as dev_bus_addr. */
static void test_handle_reuse(void)
{
	struct gnttab_unmap_grant_ref un = { .host_addr = AT << PAGE_SHIFT };
	grant_handle_t h;
	uint64_t bus;

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	for (unsigned int i = 0; i < 3; i++) {
		CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT, GNTMAP_host_map, &h, &bus), 0);
		CU_ASSERT_EQUAL(h, 0);
		un.handle = h;
		un.dev_bus_addr = bus;
		CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, &un, 1), 0);
		CU_ASSERT_EQUAL(un.status, GNTST_okay);
	}
	gt_end();
}

/* The map answer is written back whole; the unmap answer is the status alone. */
static void test_written_back(void)
{
	struct gnttab_unmap_grant_ref un;
	grant_handle_t h;

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT, GNTMAP_host_map, &h, NULL), 0);
	un = (struct gnttab_unmap_grant_ref){ .host_addr = AT << PAGE_SHIFT, .handle = h,
					      .status = 7, .pad = 0xabcd };
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, &un, 1), 0);
	CU_ASSERT_EQUAL(un.status, GNTST_okay);
	CU_ASSERT_EQUAL(un.pad, 0xabcd);
	CU_ASSERT_EQUAL(un.host_addr, AT << PAGE_SHIFT);
	gt_end();
}

/* gnttab_mfn_pinned(): true exactly while a mapping holds the granter's frame. */
static void test_mfn_pinned(void)
{
	mfn_t mfn, other;
	grant_handle_t h;

	gt_begin();
	mfn = mfn_init(gt_mfn(gt_d[1], RAM));
	other = mfn_init(gt_mfn(gt_d[1], RAM + 1));
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_FALSE(gnttab_mfn_pinned(gt_d[1], mfn));
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT, GNTMAP_host_map | GNTMAP_readonly, &h, NULL), 0);
	CU_ASSERT_TRUE(gnttab_mfn_pinned(gt_d[1], mfn));
	CU_ASSERT_FALSE(gnttab_mfn_pinned(gt_d[1], other));
	CU_ASSERT_FALSE(gnttab_mfn_pinned(gt_d[2], mfn));   /* the mapper's table holds no pin */
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT), 0);
	CU_ASSERT_FALSE(gnttab_mfn_pinned(gt_d[1], mfn));
	gt_end();
}

UT_SUITE(gnttab_map, "gnttab_map", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_map_rw), UT_CASE(test_map_ro), UT_CASE(test_pins),
	 UT_CASE(test_pinned_entry_changed), UT_CASE(test_map_self), UT_CASE(test_two_granters),
	 UT_CASE(test_batch), UT_CASE(test_handle_reuse), UT_CASE(test_written_back),
	 UT_CASE(test_mfn_pinned))
