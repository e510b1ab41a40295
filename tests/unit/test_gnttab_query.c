// SPDX-License-Identifier: GPL-2.0-only
/*
 * The single-struct commands (query_size, setup_table, set_version,
 * get_version) with their permission rules, the unsupported commands, and
 * the dispatcher's argument checks.
 */
#include "harness.h"
#include "test_gnttab.h"
#include <asm/fake.h>
#include <string.h>
#include <xen/errno.h>

static int16_t query(struct domain *caller, domid_t dom, struct gnttab_query_size *op)
{
	*op = (struct gnttab_query_size){ .dom = dom, .status = 1 };
	CU_ASSERT_EQUAL(gt_op(caller, GNTTABOP_query_size, op, 1), 0);
	return op->status;
}

static void test_query_size(void)
{
	struct gnttab_query_size op;

	gt_begin();
	CU_ASSERT_EQUAL(query(gt_d[1], DOMID_SELF, &op), GNTST_okay);
	CU_ASSERT_EQUAL(op.nr_frames, 1);
	CU_ASSERT_EQUAL(op.max_nr_frames, GT_FRAMES);
	CU_ASSERT_EQUAL(gnttab_map_frame(gt_d[1], 2, gfn_init(GT_FRAME_GFN + 2)), 0);
	CU_ASSERT_EQUAL(query(gt_d[1], 1, &op), GNTST_okay);
	CU_ASSERT_EQUAL(op.nr_frames, 3);
	CU_ASSERT_EQUAL(query(gt_d[2], 1, &op), GNTST_permission_denied);
	CU_ASSERT_EQUAL(op.nr_frames, 0);
	CU_ASSERT_EQUAL(query(gt_d[0], 1, &op), GNTST_okay);
	CU_ASSERT_EQUAL(op.nr_frames, 3);
	CU_ASSERT_EQUAL(query(gt_d[0], GT_NO_DOMID, &op), GNTST_bad_domain);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_query_size, &op, 2), -EINVAL);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_query_size, &op, 0), -EINVAL);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_query_size, NULL, 1), -EFAULT);
	gt_end();
}

static int16_t setup(struct domain *caller, domid_t dom, uint32_t nr, uint64_t *list)
{
	struct gnttab_setup_table op = {
		.dom = dom, .nr_frames = nr, .status = 1, .frame_list = (uint64_t)(uintptr_t)list,
	};

	CU_ASSERT_EQUAL(gt_op(caller, GNTTABOP_setup_table, &op, 1), 0);
	return op.status;
}

static void test_setup_table(void)
{
	uint64_t list[GT_FRAMES + 1];

	gt_begin();
	memset(list, 0xaa, sizeof(list));
	/* Grows the table; frames not mapped in the physmap read as ~0 (Xen's INVALID_GFN). */
	CU_ASSERT_EQUAL(setup(gt_d[1], DOMID_SELF, 2, list), GNTST_okay);
	CU_ASSERT_EQUAL(list[0], GT_FRAME_GFN);
	CU_ASSERT_EQUAL(list[1], ~0ULL);
	CU_ASSERT_EQUAL(list[2], 0xaaaaaaaaaaaaaaaaULL);
	CU_ASSERT_EQUAL(gnttab_nr_frames(gt_d[1]), 2);
	CU_ASSERT_EQUAL(setup(gt_d[1], 1, GT_FRAMES + 1, list), GNTST_general_error);
	CU_ASSERT_EQUAL(gnttab_nr_frames(gt_d[1]), 2);
	CU_ASSERT_EQUAL(setup(gt_d[2], 1, 1, list), GNTST_permission_denied);
	CU_ASSERT_EQUAL(setup(gt_d[0], 1, GT_FRAMES, list), GNTST_okay);
	CU_ASSERT_EQUAL(gnttab_nr_frames(gt_d[1]), GT_FRAMES);
	CU_ASSERT_EQUAL(setup(gt_d[0], GT_NO_DOMID, 1, list), GNTST_bad_domain);
	CU_ASSERT_EQUAL(setup(gt_d[1], DOMID_SELF, 1, NULL), GNTST_bad_virt_addr);
	CU_ASSERT_EQUAL(setup(gt_d[1], DOMID_SELF, 0, NULL), GNTST_okay);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_setup_table, list, 2), -EINVAL);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_setup_table, NULL, 1), -EFAULT);
	gt_end();
}

static void test_set_version(void)
{
	struct {
		uint32_t ask;
		long rc;
	} cases[] = { { 1, 0 }, { 2, -ENOSYS }, { 0, -EINVAL }, { 3, -EINVAL } };
	struct gnttab_set_version op;

	gt_begin();
	for (unsigned int i = 0; i < ARRAY_SIZE(cases); i++) {
		op.version = cases[i].ask;
		CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_set_version, &op, 1), cases[i].rc);
		CU_ASSERT_EQUAL(op.version, 1);   /* Xen writes the version in force back */
	}
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_set_version, NULL, 1), -EFAULT);
	gt_end();
}

static long get_version(struct domain *caller, domid_t dom, uint32_t *version)
{
	struct gnttab_get_version op = { .dom = dom, .version = 99 };
	long rc = gt_op(caller, GNTTABOP_get_version, &op, 1);

	*version = op.version;
	return rc;
}

static void test_get_version(void)
{
	uint32_t v;

	gt_begin();
	CU_ASSERT_EQUAL(get_version(gt_d[1], DOMID_SELF, &v), 0);
	CU_ASSERT_EQUAL(v, 1);
	CU_ASSERT_EQUAL(get_version(gt_d[0], 2, &v), 0);
	CU_ASSERT_EQUAL(v, 1);
	CU_ASSERT_EQUAL(get_version(gt_d[1], 2, &v), -EPERM);
	CU_ASSERT_EQUAL(v, 99);
	CU_ASSERT_EQUAL(get_version(gt_d[0], GT_NO_DOMID, &v), -ESRCH);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_get_version, NULL, 1), -EFAULT);
	gt_end();
}

/* Unsupported commands (v2, transfer, cache flush...): -ENOSYS; malformed calls: -EINVAL. */
static void test_dispatch(void)
{
	const uint64_t nosys[] = {
		GNTTABOP_dump_table, GNTTABOP_transfer, GNTTABOP_unmap_and_replace,
		GNTTABOP_get_status_frames, GNTTABOP_swap_grant_ref, GNTTABOP_cache_flush, 13, 4095,
		GNTTABOP_cache_flush | (1U << 12),
	};
	struct gnttab_query_size op = { .dom = DOMID_SELF };
	struct domain *bare;

	gt_begin();
	for (unsigned int i = 0; i < ARRAY_SIZE(nosys); i++)
		CU_ASSERT_EQUAL(gt_op(gt_d[1], nosys[i], &op, 1), -ENOSYS);
	/* Continuation bits (never handed out) and oversized batches. */
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_query_size | (1U << 12), &op, 1), -EINVAL);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_map_grant_ref, &op, 4097), -EINVAL);
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_copy, &op, 0x80000000U), -EINVAL);
	/* cmd and count are 32-bit, as Xen's prototype: upper register bits are ignored. */
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_query_size | (1ULL << 32), &op, 1 | (1ULL << 32)),
			0);
	CU_ASSERT_EQUAL(op.status, GNTST_okay);
	/* An empty batch does nothing. */
	CU_ASSERT_EQUAL(gt_op(gt_d[1], GNTTABOP_map_grant_ref, NULL, 0), 0);
	/* A domain without a grant table has no grant_table_op. */
	bare = ut_domain_create(3, 1, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(bare);
	CU_ASSERT_EQUAL(gt_op(bare, GNTTABOP_query_size, &op, 1), -ENOSYS);
	ut_domain_destroy(bare);
	gt_end();
}

UT_SUITE(gnttab_query, "gnttab_query", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_query_size), UT_CASE(test_setup_table), UT_CASE(test_set_version),
	 UT_CASE(test_get_version), UT_CASE(test_dispatch))
