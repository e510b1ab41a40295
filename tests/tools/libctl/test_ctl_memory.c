// SPDX-License-Identifier: GPL-2.0-only
/* populate_physmap batching and all-or-nothing; foreign maps and their errors. */
#include <errno.h>
#include <string.h>

#include "libctl_test.h"
#include "ctl_int.h"
#include "test_ctl_fake.h"

#define BATCH 512     /* extents per populate hypercall (one page of gfns) */
#define RAM   0x40000ULL

static void check_res(const struct fake_call *c, uint64_t cmd, uint32_t domid, uint64_t first,
		      uint64_t nr, unsigned int order)
{
	CU_ASSERT_EQUAL(c->nr, __HYPERVISOR_memory_op);
	CU_ASSERT_EQUAL(c->args[0], cmd);
	CU_ASSERT_EQUAL(c->u.res.domid, domid);
	CU_ASSERT_EQUAL(c->u.res.nr_extents, nr);
	CU_ASSERT_EQUAL(c->u.res.extent_order, order);
	CU_ASSERT_EQUAL(c->first_gfn, first);
	CU_ASSERT_EQUAL(c->last_gfn, first + ((nr - 1) << order));
}

static void test_populate_batches(void)
{
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_populate(f.h, 3, RAM, 8, 0), 0);
	CU_ASSERT_EQUAL(f.ncalls, 1);
	check_res(&f.calls[0], XENMEM_populate_physmap, 3, RAM, 8, 0);
	f.ncalls = 0;
	CU_ASSERT_EQUAL(ctl_populate(f.h, 3, RAM, 1000, 9), 0);
	CU_ASSERT_EQUAL_FATAL(f.ncalls, 2);
	check_res(&f.calls[0], XENMEM_populate_physmap, 3, RAM, BATCH, 9);
	check_res(&f.calls[1], XENMEM_populate_physmap, 3, RAM + ((uint64_t)BATCH << 9), 488, 9);
	CU_ASSERT_EQUAL(f.populated, 1008);
	fake_close(&f);
}

/* The hypervisor runs out in the second batch: everything added is given back. */
static void test_populate_partial_rolls_back(void)
{
	struct fake f;

	fake_open(&f);
	f.populate_limit = BATCH + 100;
	CU_ASSERT_EQUAL(ctl_populate(f.h, 4, RAM, 2 * BATCH, 0), -ENOMEM);
	CU_ASSERT_EQUAL(f.populated, 0);
	CU_ASSERT_EQUAL_FATAL(f.ncalls, 4);
	check_res(&f.calls[2], XENMEM_decrease_reservation, 4, RAM, BATCH, 0);
	check_res(&f.calls[3], XENMEM_decrease_reservation, 4, RAM + BATCH, 100, 0);
	lt_msg_is(ctl_errmsg(f.h), "populate_physmap d4: 612 of 1024 extents (order 0) at gfn "
		  "0x40000, given back: the hypervisor is out of memory");
	fake_close(&f);
}

static void test_populate_error_rolls_back(void)
{
	struct fake f;

	fake_open(&f);
	f.fail_rc = -EPERM;
	f.fail_at = 1;
	CU_ASSERT_EQUAL(ctl_populate(f.h, 4, RAM, BATCH + 1, 0), -EPERM);
	CU_ASSERT_EQUAL(f.populated, 0);
	CU_ASSERT_EQUAL_FATAL(f.ncalls, 3);
	check_res(&f.calls[2], XENMEM_decrease_reservation, 4, RAM, BATCH, 0);
	lt_msg_is(ctl_errmsg(f.h), "populate_physmap d4: 512 of 513 extents (order 0) at gfn "
		  "0x40000, given back: Operation not permitted");
	fake_close(&f);
}

static void test_populate_bad_range(void)
{
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_populate(f.h, 4, RAM, 0, 0), -EINVAL);
	CU_ASSERT_EQUAL(ctl_populate(f.h, 4, UINT64_MAX - 1, 4, 0), -EINVAL);
	CU_ASSERT_EQUAL(ctl_populate(f.h, 4, RAM, 1, 40), -EINVAL);
	CU_ASSERT_EQUAL(f.ncalls, 0);
	lt_msg_is(ctl_errmsg(f.h), "populate_physmap d4: 1 extents of order 40 at gfn 0x40000 is "
		  "not a valid range");
	fake_close(&f);
}

static void test_map_foreign(void)
{
	struct fake f;
	char *p;

	fake_open(&f);
	p = ctl_map_foreign_range(f.h, 3, RAM, 4, true);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	p[4 * CTL_PAGE_SIZE - 1] = 1;
	CU_ASSERT_EQUAL(ctl_unmap_foreign(f.h, p, 4), 0);
	CU_ASSERT_EQUAL(f.maps, 1);
	CU_ASSERT_EQUAL(f.unmaps, 1);
	CU_ASSERT_EQUAL(ctl_unmap_foreign(f.h, NULL, 4), -EINVAL);
	fake_close(&f);
}

/* One frame fails: nothing stays mapped and the message names that frame. */
static void test_map_foreign_frame_error(void)
{
	static const uint64_t gfns[] = { 0x1000, 0x1001, 0x1002, 0x2000 };
	struct fake f;

	fake_open(&f);
	f.map_fail_index = 2;
	f.map_fail_err = -EINVAL;
	CU_ASSERT_PTR_NULL(ctl_map_foreign(f.h, 3, gfns, 4, false));
	CU_ASSERT_EQUAL(f.maps, 1);
	CU_ASSERT_EQUAL(f.unmaps, 1);
	lt_msg_is(ctl_errmsg(f.h), "map_foreign d3: frame 2 of 4 (gfn 0x1002): Invalid argument");
	f.map_fail_all = true;
	f.map_fail_err = -EPERM;
	CU_ASSERT_PTR_NULL(ctl_map_foreign(f.h, 3, gfns, 4, false));
	lt_msg_is(ctl_errmsg(f.h), "map_foreign d3: frame 0 of 4 (gfn 0x1000): Operation not "
		  "permitted");
	CU_ASSERT_PTR_NULL(ctl_map_foreign(f.h, 3, gfns, 0, false));
	lt_msg_is(ctl_errmsg(f.h), "map_foreign d3: no frames");
	fake_close(&f);
}

static void test_no_map_hooks(void)
{
	struct ctl_backend b = fake_backend;
	struct ctl_handle *h;
	struct fake f = { 0 };

	b.map_foreign = NULL;
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&b, &f, &h, NULL), 0);
	CU_ASSERT_PTR_NULL(ctl_map_foreign_range(h, 1, RAM, 1, true));
	lt_msg_is(ctl_errmsg(h), "map_foreign d1: the backend cannot map foreign frames");
	ctl_close(h);
}

static const struct tt_case cases[] = {
	{ "populate in batches", test_populate_batches },
	{ "populate partial: rolled back", test_populate_partial_rolls_back },
	{ "populate error: rolled back", test_populate_error_rolls_back },
	{ "populate bad range", test_populate_bad_range },
	{ "map foreign", test_map_foreign },
	{ "map foreign frame error", test_map_foreign_frame_error },
	{ "map foreign without hooks", test_no_map_hooks },
	{ NULL, NULL },
};

const struct tt_suite lt_ctl_memory_suite = { "ctl_memory", cases };
