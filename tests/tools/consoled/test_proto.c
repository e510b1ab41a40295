// SPDX-License-Identifier: GPL-2.0-only
/* The attach protocol: request lines, good and bad, and replies. */
#include <string.h>

#include "consoled_test.h"
#include "proto.h"

static char err[CONS_PROTO_ERR_MAX];

static int parse(const char *line, uint32_t *domid)
{
	err[0] = '\0';
	return cons_proto_parse(line, strlen(line), domid, err, sizeof(err));
}

static void test_good(void)
{
	uint32_t domid = 0;

	CU_ASSERT_EQUAL(parse("ATTACH 5\n", &domid), 0);
	CU_ASSERT_EQUAL(domid, 5);
	CU_ASSERT_EQUAL(parse("ATTACH 32751\r\n", &domid), 0);
	CU_ASSERT_EQUAL(domid, 32751);
}

static void expect_bad(const char *line, const char *msg)
{
	uint32_t domid = 77;

	CU_ASSERT_EQUAL(parse(line, &domid), -1);
	CU_ASSERT_STRING_EQUAL(err, msg);
	CU_ASSERT_EQUAL(domid, 77);
}

static void test_bad_lines(void)
{
	expect_bad("HELLO\n", "bad request 'HELLO' (expected 'ATTACH <domid>')");
	expect_bad("attach 5\n", "bad request 'attach 5' (expected 'ATTACH <domid>')");
	expect_bad("\n", "bad request '' (expected 'ATTACH <domid>')");
	expect_bad("ATTACH\n", "bad request 'ATTACH' (expected 'ATTACH <domid>')");
}

static void test_bad_domids(void)
{
	expect_bad("ATTACH web\n", "bad domain ID 'web'");
	expect_bad("ATTACH -1\n", "bad domain ID '-1'");
	expect_bad("ATTACH 5x\n", "bad domain ID '5x'");
	expect_bad("ATTACH  5\n", "bad domain ID ' 5'");
	expect_bad("ATTACH 32752\n", "bad domain ID '32752'");
	expect_bad("ATTACH 99999999999999999999\n", "bad domain ID '99999999999999999999'");
}

static void test_nul_byte(void)
{
	uint32_t domid;

	CU_ASSERT_EQUAL(cons_proto_parse("ATTACH 1\0\n", 10, &domid, err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "bad request (NUL byte)");
}

static void test_line_len(void)
{
	char longline[CONS_PROTO_LINE_MAX];

	CU_ASSERT_EQUAL(cons_proto_line_len("ATTA", 4, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(cons_proto_line_len("ATTACH 1\nxyz", 12, err, sizeof(err)), 9);
	memset(longline, 'A', sizeof(longline));
	CU_ASSERT_EQUAL(cons_proto_line_len(longline, sizeof(longline), err, sizeof(err)), -1);
	CU_ASSERT_STRING_EQUAL(err, "request line longer than 64 bytes");
}

static void test_request(void)
{
	char buf[CONS_PROTO_LINE_MAX];

	CU_ASSERT_EQUAL(cons_proto_request(buf, sizeof(buf), 12), 10);
	CU_ASSERT_STRING_EQUAL(buf, "ATTACH 12\n");
}

static void test_replies(void)
{
	char msg[CONS_PROTO_ERR_MAX];
	const char *e = "ERR d5 has no console (no such domain?)\n";

	CU_ASSERT_EQUAL(cons_proto_reply("OK\n", 3, msg, sizeof(msg)), 0);
	CU_ASSERT_EQUAL(cons_proto_reply(e, strlen(e), msg, sizeof(msg)), -1);
	CU_ASSERT_STRING_EQUAL(msg, "d5 has no console (no such domain?)");
	CU_ASSERT_EQUAL(cons_proto_reply("OKAY\n", 5, msg, sizeof(msg)), -1);
	CU_ASSERT_STRING_EQUAL(msg, "bad reply from the console daemon");
	CU_ASSERT_EQUAL(cons_proto_reply("OK", 2, msg, sizeof(msg)), -1);
}

static const struct tt_case cases[] = {
	{ "good requests", test_good },
	{ "bad request lines", test_bad_lines },
	{ "bad domain IDs", test_bad_domids },
	{ "NUL byte", test_nul_byte },
	{ "line length", test_line_len },
	{ "request formatting", test_request },
	{ "replies", test_replies },
	{ NULL, NULL },
};

const struct tt_suite ct_proto_suite = { "proto", cases };
