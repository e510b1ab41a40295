// SPDX-License-Identifier: GPL-2.0-only
/*
 * GNTTABOP_unmap_grant_ref misuse: double unmap, handles that were never
 * given or belong to another domain, wrong host_addr or dev_bus_addr; each
 * with Xen's status and the mapping left as it was.
 */
#include "harness.h"
#include "test_gnttab.h"
#include <asm/fake.h>
#include <xen/errno.h>

#define REF    5
#define RAM    (UT_RAM_GFN + 3)
#define AT     GT_MAP_GFN

/* Domain 2 maps domain 1's REF at AT: the handle. */
static grant_handle_t mapped(void)
{
	grant_handle_t h = ~0U;

	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, AT, GNTMAP_host_map, &h, NULL), GNTST_okay);
	return h;
}

static void expect_still_mapped(void)
{
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT), P2M_GRANT_RW);
	CU_ASSERT_EQUAL(gt_mfn(gt_d[2], AT), gt_mfn(gt_d[1], RAM));
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access | GTF_reading | GTF_writing);
}

static void test_double_unmap(void)
{
	grant_handle_t h;

	gt_begin();
	h = mapped();
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT), GNTST_okay);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT), GNTST_bad_handle);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	gt_end();
}

static void test_bad_handles(void)
{
	grant_handle_t h;

	gt_begin();
	h = mapped();
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h + 1, AT), GNTST_bad_handle);      /* never given */
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], GT_MAPTRACK, AT), GNTST_bad_handle); /* beyond the maptrack */
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], UINT32_MAX, AT), GNTST_bad_handle);
	/* Handles are per domain: domain 0 holds no handle 0. */
	CU_ASSERT_EQUAL(gt_unmap(gt_d[0], h, AT), GNTST_bad_handle);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[1], h, AT), GNTST_bad_handle);
	expect_still_mapped();
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT), GNTST_okay);
	gt_end();
}

/* host_addr must name the mapping (as Xen on Arm: general_error); 0 names none. */
static void test_host_addr(void)
{
	grant_handle_t h;

	gt_begin();
	h = mapped();
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT + 1), GNTST_general_error);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, RAM), GNTST_general_error);
	expect_still_mapped();
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, 0), GNTST_okay);
	expect_still_mapped();
	/* The page offset of host_addr is ignored, as Xen's gaddr_to_gfn() does. */
	{
		struct gnttab_unmap_grant_ref un = { .host_addr = (AT << PAGE_SHIFT) + 0x123,
						     .handle = h };

		CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, &un, 1), 0);
		CU_ASSERT_EQUAL(un.status, GNTST_okay);
	}
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT), P2M_INVALID);
	gt_end();
}

/* A non-zero dev_bus_addr must be the frame's machine address. */
static void test_dev_bus_addr(void)
{
	struct gnttab_unmap_grant_ref un = { .host_addr = AT << PAGE_SHIFT };

	gt_begin();
	un.handle = mapped();
	un.dev_bus_addr = (gt_mfn(gt_d[1], RAM) + 1) << PAGE_SHIFT;
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, &un, 1), 0);
	CU_ASSERT_EQUAL(un.status, GNTST_general_error);
	expect_still_mapped();
	un.dev_bus_addr = gt_mfn(gt_d[1], RAM) << PAGE_SHIFT;
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, &un, 1), 0);
	CU_ASSERT_EQUAL(un.status, GNTST_okay);
	gt_end();
}

/* Unmapping a granter's mapping leaves the granter's later revocation free to succeed. */
static void test_entry_revocable_after(void)
{
	struct grant_entry_v1 *e;
	uint16_t old;
	grant_handle_t h;

	gt_begin();
	h = mapped();
	e = gt_entry(gt_d[1], REF);
	old = GTF_permit_access;
	/* What a guest's gnttab_end_foreign_access does: fails while in use. */
	CU_ASSERT_FALSE(__atomic_compare_exchange_n(&e->flags, &old, 0, false, __ATOMIC_SEQ_CST,
						    __ATOMIC_SEQ_CST));
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, AT), GNTST_okay);
	old = GTF_permit_access;
	CU_ASSERT_TRUE(__atomic_compare_exchange_n(&e->flags, &old, 0, false, __ATOMIC_SEQ_CST,
						   __ATOMIC_SEQ_CST));
	gt_end();
}

/* Faults: the ops before the bad one are done; -EFAULT. */
static void test_fault(void)
{
	struct gnttab_unmap_grant_ref un[2] = {
		{ .host_addr = AT << PAGE_SHIFT, .handle = 0 },
		{ .host_addr = AT << PAGE_SHIFT, .handle = 0 },
	};

	gt_begin();
	CU_ASSERT_EQUAL(mapped(), 0);
	fake_guest_bad_lo = (uint64_t)(uintptr_t)&un[1];
	fake_guest_bad_hi = fake_guest_bad_lo + sizeof(un[1]);
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, un, 2), -EFAULT);
	CU_ASSERT_EQUAL(un[0].status, GNTST_okay);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT), P2M_INVALID);
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_unmap_grant_ref, NULL, 1), -EFAULT);
	gt_end();
}

static void test_map_fault(void)
{
	struct gnttab_map_grant_ref op[2] = {
		{ .host_addr = AT << PAGE_SHIFT, .flags = GNTMAP_host_map, .ref = REF, .dom = 1 },
		{ .host_addr = (AT + 1) << PAGE_SHIFT, .flags = GNTMAP_host_map, .ref = REF, .dom = 1 },
	};

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	fake_guest_bad_lo = (uint64_t)(uintptr_t)&op[1];
	fake_guest_bad_hi = fake_guest_bad_lo + sizeof(op[1]);
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_map_grant_ref, op, 2), -EFAULT);
	CU_ASSERT_EQUAL(op[0].status, GNTST_okay);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT), P2M_GRANT_RW);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], AT + 1), P2M_INVALID);
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], op[0].handle, AT), GNTST_okay);
	gt_end();
}

UT_SUITE(gnttab_unmap, "gnttab_unmap", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_double_unmap), UT_CASE(test_bad_handles), UT_CASE(test_host_addr),
	 UT_CASE(test_dev_bus_addr), UT_CASE(test_entry_revocable_after), UT_CASE(test_fault),
	 UT_CASE(test_map_fault))
