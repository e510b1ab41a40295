// SPDX-License-Identifier: GPL-2.0-only
/* Node operations as dom0: READ, WRITE, MKDIR, RM, DIRECTORY(_PART), GET_PERMS. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static void expect_value(const char *path, const char *want)
{
	char *v = NULL;

	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, path, &v), "");
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_STRING_EQUAL(v, want);
	free(v);
}

static void test_write_read(void)
{
	struct xt_msg rep;

	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/a/b/c", "hello"), "");
	expect_value("/a/b/c", "hello");
	expect_value("/a/b", "");
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/a/b/c", "x"), "");
	expect_value("/a/b/c", "x");
	/* the reply carries the value without a terminator */
	xt_call(xt_dom0, XS_READ, 0, S("/a/b/c"), &rep);
	CU_ASSERT(rep.hdr.type == XS_READ && rep.hdr.len == 1 && rep.hdr.tx_id == 0);
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/nope", NULL), "ENOENT");
	CU_ASSERT_EQUAL(xsd_store_nodes(xt_st), 4);
}

static void test_write_binary(void)
{
	struct xt_msg rep;

	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WRITE, 0, W("/bin\0a\0b")), "");
	xt_call(xt_dom0, XS_READ, 0, S("/bin"), &rep);
	CU_ASSERT(rep.hdr.len == 3 && !memcmp(rep.body, "a\0b", 3));
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WRITE, 0, W("/empty\0")), "");
	xt_call(xt_dom0, XS_READ, 0, S("/empty"), &rep);
	CU_ASSERT(rep.hdr.type == XS_READ && rep.hdr.len == 0);
}

static void test_mkdir(void)
{
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_MKDIR, 0, "/d/e"), "");
	expect_value("/d/e", "");
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/d/e", "v"), "");
	/* an existing node is left alone */
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_MKDIR, 0, "/d/e"), "");
	expect_value("/d/e", "v");
}

static void test_rm(void)
{
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/r/x/y", "1"), "");
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/r/z", "2"), "");
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_RM, 0, "/r"), "");
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/r/x/y", NULL), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/r", NULL), "ENOENT");
	CU_ASSERT_EQUAL(xsd_store_nodes(xt_st), 1);
	/* a missing leaf is fine, a missing parent is not */
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_RM, 0, "/r"), "");
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_RM, 0, "/r/x/y"), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_RM, 0, "/"), "EINVAL");
}

static void test_directory(void)
{
	struct xt_msg rep;

	xt_call(xt_dom0, XS_DIRECTORY, 0, S("/"), &rep);
	CU_ASSERT(rep.hdr.type == XS_DIRECTORY && rep.hdr.len == 0);
	xt_write(xt_dom0, 0, "/dir/one", "1");
	xt_write(xt_dom0, 0, "/dir/two", "2");
	xt_write(xt_dom0, 0, "/dir/two/deep", "3");
	xt_call(xt_dom0, XS_DIRECTORY, 0, S("/dir"), &rep);
	CU_ASSERT(rep.hdr.len == 8 && !memcmp(rep.body, "one\0two\0", 8));
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_DIRECTORY, 0, "/none"), "ENOENT");
}

static void test_directory_part(void)
{
	struct xt_msg rep;
	char name[80];
	size_t at;

	xt_write(xt_dom0, 0, "/p/aa", "");
	xt_write(xt_dom0, 0, "/p/bbb", "");
	xt_call(xt_dom0, XS_DIRECTORY_PART, 0, S("/p\0" "0"), &rep);
	CU_ASSERT_FATAL(rep.hdr.type == XS_DIRECTORY_PART);
	at = strlen(rep.body) + 1;	/* the generation */
	CU_ASSERT(rep.hdr.len == at + 8 && !memcmp(rep.body + at, "aa\0bbb\0\0", 8));
	xt_call(xt_dom0, XS_DIRECTORY_PART, 0, S("/p\0" "3"), &rep);
	at = strlen(rep.body) + 1;
	CU_ASSERT(rep.hdr.len == at + 5 && !memcmp(rep.body + at, "bbb\0\0", 5));
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_DIRECTORY_PART, 0, S("/p\0" "1")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_DIRECTORY_PART, 0, S("/p\0" "99")), "EINVAL");
	/* a long listing comes in parts */
	for (int i = 0; i < 200; i++) {
		snprintf(name, sizeof(name), "/big/child-with-a-rather-long-name-%03d", i);
		xt_write(xt_dom0, 0, name, "");
	}
	xt_call(xt_dom0, XS_DIRECTORY_PART, 0, S("/big\0" "0"), &rep);
	CU_ASSERT(rep.hdr.type == XS_DIRECTORY_PART && rep.hdr.len <= XENSTORE_PAYLOAD_MAX);
	CU_ASSERT(rep.body[rep.hdr.len - 2] != '\0');	/* not complete yet */
}

static void test_directory_too_big(void)
{
	char name[80];

	for (int i = 0; i < 200; i++) {
		snprintf(name, sizeof(name), "/big/child-with-a-rather-long-name-%03d", i);
		xt_write(xt_dom0, 0, name, "");
	}
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_DIRECTORY, 0, "/big"), "E2BIG");
}

static void test_get_perms(void)
{
	struct xt_msg rep;

	xt_call(xt_dom0, XS_GET_PERMS, 0, S("/"), &rep);
	CU_ASSERT(rep.hdr.type == XS_GET_PERMS && rep.hdr.len == 3 && !strcmp(rep.body, "n0"));
	xt_write(xt_dom0, 0, "/gp", "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/gp\0" "b3\0" "r5")), "");
	xt_call(xt_dom0, XS_GET_PERMS, 0, S("/gp"), &rep);
	CU_ASSERT(rep.hdr.len == 6 && !memcmp(rep.body, "b3\0r5\0", 6));
	/* children inherit their parent's permissions */
	xt_write(xt_dom0, 0, "/gp/kid", "");
	xt_call(xt_dom0, XS_GET_PERMS, 0, S("/gp/kid"), &rep);
	CU_ASSERT(rep.hdr.len == 6 && !memcmp(rep.body, "b3\0r5\0", 6));
}

static void test_relative(void)
{
	struct xt_client *g = xt_client(7);

	xt_write(xt_dom0, 0, "/local/domain/7", "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/local/domain/7\0" "n7")), "");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "data/x", "rel"), "");
	expect_value("/local/domain/7/data/x", "rel");
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "name", "dom0"), "");
	expect_value("/local/domain/0/name", "dom0");
}

static const struct xt_case cases[] = {
	{ "write and read", test_write_read },
	{ "values are bytes", test_write_binary },
	{ "mkdir", test_mkdir },
	{ "rm is recursive", test_rm },
	{ "directory", test_directory },
	{ "directory_part", test_directory_part },
	{ "directory too big", test_directory_too_big },
	{ "get_perms and inheritance", test_get_perms },
	{ "relative paths", test_relative },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_ops = { "ops", cases };
