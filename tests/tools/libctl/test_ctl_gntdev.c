// SPDX-License-Identifier: GPL-2.0-only
/* Grant mappings (ctl_gnttab_map/unmap) over the fake gntdev of test_ctl_fake.c. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "libctl_test.h"
#include "ctl_int.h"
#include "test_ctl_fake.h"

static const uint32_t refs[] = { 7, 8, 12 };

static void check_page(const char *p, size_t i, const char *want)
{
	CU_ASSERT_STRING_EQUAL(p + i * CTL_PAGE_SIZE, want);
}

/* Each grant's page, in order, through one contiguous mapping. */
static void test_map(void)
{
	struct fake f;
	char *p;

	fake_open(&f);
	p = ctl_gnttab_map(f.h, 3, refs, 3, true);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(f.gnt_live, 1);
	CU_ASSERT_TRUE(f.gnt_writable);
	check_page(p, 0, "d3 ref 7");
	check_page(p, 1, "d3 ref 8");
	check_page(p, 2, "d3 ref 12");
	p[3 * CTL_PAGE_SIZE - 1] = 1;
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p, 3), 0);
	CU_ASSERT_EQUAL(f.gnt_live, 0);
	p = ctl_gnttab_map(f.h, 5, &refs[2], 1, false);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_FALSE(f.gnt_writable);
	check_page(p, 0, "d5 ref 12");
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p, 1), 0);
	fake_close(&f);
}

/* The second grant fails: the message names it, nothing stays mapped. */
static void test_map_grant_error(void)
{
	struct fake f;
	char *p;

	fake_open(&f);
	f.gnt_fail_ref = 8;
	f.gnt_fail_err = -EACCES;
	errno = 0;
	CU_ASSERT_PTR_NULL(ctl_gnttab_map(f.h, 3, refs, 3, true));
	CU_ASSERT_EQUAL(errno, EACCES);
	CU_ASSERT_EQUAL(f.gnt_live, 0);
	lt_msg_is(ctl_errmsg(f.h), "gntdev map d3 ref 8: Permission denied");
	p = ctl_gnttab_map(f.h, 3, refs, 1, true);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p, 1), 0);
	fake_close(&f);
}

static void test_map_no_device(void)
{
	struct fake f;

	fake_open(&f);
	f.gnt_open_err = -ENOENT;
	CU_ASSERT_PTR_NULL(ctl_gnttab_map(f.h, 3, refs, 2, false));
	CU_ASSERT_EQUAL(errno, ENOENT);
	lt_msg_is(ctl_errmsg(f.h), "gntdev map d3 ref 7: open /dev/xen/gntdev: No such file or "
		  "directory (is xen-gntdev loaded?)");
	fake_close(&f);
}

static void test_map_no_grants(void)
{
	struct fake f;

	fake_open(&f);
	errno = 0;
	CU_ASSERT_PTR_NULL(ctl_gnttab_map(f.h, 3, refs, 0, true));
	CU_ASSERT_EQUAL(errno, EINVAL);
	lt_msg_is(ctl_errmsg(f.h), "gntdev map d3: 0 grants is not a valid count");
	CU_ASSERT_PTR_NULL(ctl_gnttab_map(f.h, 3, NULL, 1, true));
	CU_ASSERT_EQUAL(errno, EINVAL);
	CU_ASSERT_EQUAL(f.gnt_live, 0);
	fake_close(&f);
}

/* Only what ctl_gnttab_map gave, with its count, unmaps; once. */
static void test_unmap_unknown(void)
{
	char buf[64], want[128];
	struct fake f;
	char *p;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, buf, 1), -EINVAL);
	snprintf(want, sizeof(want), "gntdev unmap %p (1 grants): not a grant mapping of this "
		 "handle", (void *)buf);
	lt_msg_is(ctl_errmsg(f.h), want);
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, NULL, 1), -EINVAL);
	p = ctl_gnttab_map(f.h, 3, refs, 2, true);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p, 0), -EINVAL);
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p, 1), -EINVAL);
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p + CTL_PAGE_SIZE, 1), -EINVAL);
	CU_ASSERT_EQUAL(f.gnt_live, 1);
	check_page(p, 1, "d3 ref 8");
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p, 2), 0);
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(f.h, p, 2), -EINVAL);
	CU_ASSERT_EQUAL(f.gnt_live, 0);
	fake_close(&f);
}

static void test_no_grant_hooks(void)
{
	struct ctl_backend b = fake_backend;
	struct ctl_handle *h;
	struct fake f = { 0 };
	int x;

	b.map_grant = NULL;
	b.unmap_grant = NULL;
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&b, &f, &h, NULL), 0);
	errno = 0;
	CU_ASSERT_PTR_NULL(ctl_gnttab_map(h, 1, refs, 1, true));
	CU_ASSERT_EQUAL(errno, EOPNOTSUPP);
	lt_msg_is(ctl_errmsg(h), "gntdev map d1 ref 7: the backend cannot map grants");
	CU_ASSERT_EQUAL(ctl_gnttab_unmap(h, &x, 1), -EOPNOTSUPP);
	CU_ASSERT_EQUAL(f.gnt_live, 0);
	ctl_close(h);
}

static const struct tt_case cases[] = {
	{ "map grants", test_map },
	{ "map: a grant fails", test_map_grant_error },
	{ "map: no gntdev device", test_map_no_device },
	{ "map: no grants", test_map_no_grants },
	{ "unmap: not a mapping", test_unmap_unknown },
	{ "no grant hooks", test_no_grant_hooks },
	{ NULL, NULL },
};

const struct tt_suite lt_ctl_gntdev_suite = { "ctl_gntdev", cases };
