// SPDX-License-Identifier: GPL-2.0-only
/* Permissions: dom0 is privileged, guests get what the node's entries allow. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static void test_guest_denied_then_allowed(void)
{
	struct xt_client *g = xt_client(3);
	char *v = NULL;

	xt_write(xt_dom0, 0, "/secret", "s");
	CU_ASSERT_STRING_EQUAL(xt_read(g, 0, "/secret", NULL), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/secret", "x"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_RM, 0, "/secret"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_DIRECTORY, 0, "/"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_GET_PERMS, 0, "/secret"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/secret\0" "n0\0" "r3")), "");
	CU_ASSERT_STRING_EQUAL(xt_read(g, 0, "/secret", &v), "");
	CU_ASSERT_STRING_EQUAL(v, "s");
	free(v);
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/secret", "x"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/secret\0" "n0\0" "b3")), "");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/secret", "x"), "");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_RM, 0, "/secret"), "");
}

static void test_default_entry(void)
{
	struct xt_client *g = xt_client(4), *h = xt_client(5);

	xt_write(xt_dom0, 0, "/pub", "p");
	/* first entry: owner dom0, everybody else may read; dom5 explicitly not */
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/pub\0" "r0\0" "n5")), "");
	CU_ASSERT_STRING_EQUAL(xt_read(g, 0, "/pub", NULL), "");
	CU_ASSERT_STRING_EQUAL(xt_read(h, 0, "/pub", NULL), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/pub", "x"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/pub\0" "w0")), "");
	CU_ASSERT_STRING_EQUAL(xt_read(g, 0, "/pub", NULL), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/pub", "x"), "");
}

static void test_owner(void)
{
	struct xt_client *g = xt_client(6), *h = xt_client(8);
	struct xt_msg rep;

	xt_write(xt_dom0, 0, "/local/domain/6", "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/local/domain/6\0" "n6")), "");
	/* the owner has every right, others the default */
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/local/domain/6/k", "v"), "");
	CU_ASSERT_STRING_EQUAL(xt_read(h, 0, "/local/domain/6/k", NULL), "EACCES");
	xt_call(g, XS_GET_PERMS, 0, S("/local/domain/6/k"), &rep);
	CU_ASSERT(rep.hdr.len == 3 && !strcmp(rep.body, "n6"));
	/* the owner shares its node but cannot give it away */
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_SET_PERMS, 0, S("/local/domain/6/k\0" "n6\0" "r8")), "");
	CU_ASSERT_STRING_EQUAL(xt_read(h, 0, "/local/domain/6/k", NULL), "");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_SET_PERMS, 0, S("/local/domain/6/k\0" "n8")), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_do(h, XS_SET_PERMS, 0, S("/local/domain/6/k\0" "b8")), "EACCES");
}

static void test_guest_creates_owned(void)
{
	struct xt_client *g = xt_client(9);
	struct xt_msg rep;

	xt_write(xt_dom0, 0, "/shared", "");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/shared/x", "1"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_MKDIR, 0, "/shared/x"), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/shared\0" "w0")), "");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "/shared/x/y", "1"), "");
	xt_call(xt_dom0, XS_GET_PERMS, 0, S("/shared/x/y"), &rep);
	CU_ASSERT(rep.hdr.len == 3 && !strcmp(rep.body, "w9"));
}

static void test_privileged_only_ops(void)
{
	struct xt_client *g = xt_client(2);

	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_INTRODUCE, 0, S("5\0" "100\0" "3")), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_RELEASE, 0, S("5")), "EACCES");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_CONTROL, 0, S("print\0x")), "EACCES");
}

static void test_bad_perm_strings(void)
{
	char *before;

	xt_write(xt_dom0, 0, "/bp", "");
	before = xt_dump();
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/bp\0" "x0")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/bp\0" "r")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/bp\0" "r-1")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/bp\0" "r1x")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/bp\0" "r99999999999")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/bp\0" "")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/bp")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, W("/bp\0" "r0")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/none\0" "r0")), "ENOENT");
	{
		char *after = xt_dump();

		CU_ASSERT_STRING_EQUAL(before, after);
		free(after);
	}
	free(before);
}

static const struct xt_case cases[] = {
	{ "guest denied, then allowed after SET_PERMS", test_guest_denied_then_allowed },
	{ "first entry is the default", test_default_entry },
	{ "owner rights", test_owner },
	{ "nodes a guest creates are its own", test_guest_creates_owned },
	{ "privileged-only operations", test_privileged_only_ops },
	{ "bad permission strings", test_bad_perm_strings },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_perms = { "perms", cases };
