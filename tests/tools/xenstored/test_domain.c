// SPDX-License-Identifier: GPL-2.0-only
/* INTRODUCE, RELEASE, GET_DOMAIN_PATH, IS_DOMAIN_INTRODUCED. */
#include <string.h>

#include "harness.h"

static void test_domain_path(void)
{
	struct xt_client *g = xt_client(12);
	struct xt_msg rep;

	xt_call(xt_dom0, XS_GET_DOMAIN_PATH, 0, S("12"), &rep);
	CU_ASSERT(rep.hdr.type == XS_GET_DOMAIN_PATH && rep.hdr.len == 17);
	CU_ASSERT_STRING_EQUAL(rep.body, "/local/domain/12");
	xt_call(g, XS_GET_DOMAIN_PATH, 0, S("0"), &rep);
	CU_ASSERT_STRING_EQUAL(rep.body, "/local/domain/0");
}

static const char *introduced(const char *domid)
{
	static struct xt_msg rep;

	xt_call(xt_dom0, XS_IS_DOMAIN_INTRODUCED, 0, domid, strlen(domid) + 1, &rep);
	CU_ASSERT(rep.hdr.type == XS_IS_DOMAIN_INTRODUCED && rep.hdr.len == 2);
	return rep.body;
}

static void test_introduce_release(void)
{
	CU_ASSERT_STRING_EQUAL(introduced("0"), "T");
	CU_ASSERT_STRING_EQUAL(introduced("3"), "F");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("3\0" "786432\0" "1")), "");
	CU_ASSERT_STRING_EQUAL(introduced("3"), "T");
	/* again with the same ring and channel: a no-op; different: EINVAL */
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("3\0" "786432\0" "1")), "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("3\0" "786433\0" "1")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("3\0" "786432\0" "2")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("3")), "");
	CU_ASSERT_STRING_EQUAL(introduced("3"), "F");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("3")), "ENOENT");
}

static void test_release_drops_state(void)
{
	struct xt_client *g = xt_client(4);

	xt_do(xt_dom0, XS_INTRODUCE, 0, S("4\0" "1\0" "1"));
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_WATCH, 0, S("/x\0t")), "");
	xt_take_event(g, "/x", "t");
	CU_ASSERT(xt_tx_start(g) != 0);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("4")), "");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_UNWATCH, 0, S("/x\0t")), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_TRANSACTION_END, 1, S("F")), "ENOENT");
}

static const struct xt_case cases[] = {
	{ "get_domain_path", test_domain_path },
	{ "introduce, is_domain_introduced, release", test_introduce_release },
	{ "release drops the domain's watches and transactions", test_release_drops_state },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_domain = { "domain", cases };
