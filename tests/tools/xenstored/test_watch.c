// SPDX-License-Identifier: GPL-2.0-only
/* Watches: the initial event, events for the node and below, rm, specials. */
#include <string.h>

#include "harness.h"

static void test_initial_event(void)
{
	struct xt_msg rep;

	xt_call(xt_dom0, XS_WATCH, 0, S("/w\0tok"), &rep);
	CU_ASSERT(rep.hdr.type == XS_WATCH && !strcmp(rep.body, "OK"));
	CU_ASSERT(xt_take_event(xt_dom0, "/w", "tok"));
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
	/* the same path and token twice is refused, another token is not */
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("/w\0tok")), "EEXIST");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("/w\0tok2")), "");
	CU_ASSERT(xt_take_event(xt_dom0, "/w", "tok2"));
}

static void test_write_fires(void)
{
	struct xt_client *other = xt_client(0);

	xt_do(other, XS_WATCH, 0, S("/w\0t"));
	xt_take_event(other, "/w", "t");
	xt_write(xt_dom0, 0, "/w", "1");
	xt_write(xt_dom0, 0, "/w/a/b", "2");
	xt_write(xt_dom0, 0, "/wx", "3");	/* a sibling with a common prefix */
	xt_path_op(xt_dom0, XS_MKDIR, 0, "/w/m");
	xt_do(xt_dom0, XS_SET_PERMS, 0, S("/w\0r0"));
	xt_drain(other);
	CU_ASSERT(xt_take_event(other, "/w", "t"));
	CU_ASSERT(xt_take_event(other, "/w/a/b", "t"));
	CU_ASSERT(xt_take_event(other, "/w/m", "t"));
	CU_ASSERT(xt_take_event(other, "/w", "t"));
	CU_ASSERT_EQUAL(other->nev, 0);
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
}

static void test_rm_fires(void)
{
	xt_write(xt_dom0, 0, "/r/a/b", "1");
	xt_do(xt_dom0, XS_WATCH, 0, S("/r/a/b\0deep"));
	xt_do(xt_dom0, XS_WATCH, 0, S("/r\0top"));
	xt_take_event(xt_dom0, "/r/a/b", "deep");
	xt_take_event(xt_dom0, "/r", "top");
	xt_path_op(xt_dom0, XS_RM, 0, "/r/a");
	CU_ASSERT(xt_take_event(xt_dom0, "/r/a", "top"));
	CU_ASSERT(xt_take_event(xt_dom0, "/r/a/b", "deep"));
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
	/* removing nothing fires nothing */
	xt_path_op(xt_dom0, XS_RM, 0, "/r/a");
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
}

static void test_unwatch(void)
{
	xt_do(xt_dom0, XS_WATCH, 0, S("/u\0t"));
	xt_take_event(xt_dom0, "/u", "t");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_UNWATCH, 0, S("/u\0t")), "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_UNWATCH, 0, S("/u\0t")), "ENOENT");
	xt_write(xt_dom0, 0, "/u", "1");
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
}

static void test_reset_watches(void)
{
	xt_do(xt_dom0, XS_WATCH, 0, S("/a\0t"));
	xt_do(xt_dom0, XS_WATCH, 0, S("/b\0t"));
	xt_dom0->nev = 0;
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RESET_WATCHES, 0, S("")), "");
	xt_write(xt_dom0, 0, "/a", "1");
	xt_write(xt_dom0, 0, "/b", "1");
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_UNWATCH, 0, S("/a\0t")), "ENOENT");
}

static void test_relative_watch(void)
{
	struct xt_client *g = xt_client(4);

	xt_write(xt_dom0, 0, "/local/domain/4", "");
	xt_do(xt_dom0, XS_SET_PERMS, 0, S("/local/domain/4\0n4"));
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_WATCH, 0, S("device\0dev")), "");
	CU_ASSERT(xt_take_event(g, "device", "dev"));
	xt_write(xt_dom0, 0, "/local/domain/4/device/vif/0", "x");
	xt_drain(g);
	CU_ASSERT(xt_take_event(g, "device/vif/0", "dev"));
	CU_ASSERT_EQUAL(g->nev, 0);
}

static void test_events_need_read(void)
{
	struct xt_client *g = xt_client(5);

	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_WATCH, 0, S("/hidden\0h")), "");
	CU_ASSERT(xt_take_event(g, "/hidden", "h"));
	xt_write(xt_dom0, 0, "/hidden/x", "1");
	xt_drain(g);
	CU_ASSERT_EQUAL(g->nev, 0);
	xt_do(xt_dom0, XS_SET_PERMS, 0, S("/hidden/x\0r0"));
	xt_drain(g);
	CU_ASSERT(xt_take_event(g, "/hidden/x", "h"));
}

static void test_special_paths(void)
{
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("@introduceDomain\0i")), "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("@releaseDomain\0r")), "");
	CU_ASSERT(xt_take_event(xt_dom0, "@introduceDomain", "i"));
	CU_ASSERT(xt_take_event(xt_dom0, "@releaseDomain", "r"));
	xt_write(xt_dom0, 0, "/anything", "1");
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("3\0" "4096\0" "5")), "");
	CU_ASSERT(xt_take_event(xt_dom0, "@introduceDomain", "i"));
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("3")), "");
	CU_ASSERT(xt_take_event(xt_dom0, "@releaseDomain", "r"));
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("@other\0o")), "EINVAL");
}

static const struct xt_case cases[] = {
	{ "initial event", test_initial_event },
	{ "write, mkdir, set_perms fire for the node and below", test_write_fires },
	{ "rm fires above and below", test_rm_fires },
	{ "unwatch", test_unwatch },
	{ "reset_watches", test_reset_watches },
	{ "relative watch gets relative paths", test_relative_watch },
	{ "events only for readable nodes", test_events_need_read },
	{ "@introduceDomain and @releaseDomain", test_special_paths },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_watch = { "watch", cases };
