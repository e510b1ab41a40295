// SPDX-License-Identifier: GPL-2.0-only
/* Malformed input: each request gets its XS_ERROR and the store is unchanged. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static char *before;

static void snap(void)
{
	xt_write(xt_dom0, 0, "/keep/a", "1");
	xt_write(xt_dom0, 0, "/local/domain/0/rel", "2");
	before = xt_dump();
}

static void unchanged(void)
{
	char *after = xt_dump();

	CU_ASSERT_STRING_EQUAL(before, after);
	free(after);
	free(before);
	before = NULL;
}

static void test_unknown_types(void)
{
	static const uint32_t types[] = { XS_WATCH_EVENT, XS_ERROR, XS_RESTRICT, 23, 99,
					  XS_INVALID, 0xffffffffu };
	struct xt_msg rep;

	snap();
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		xt_call(xt_dom0, types[i], 0, S("/keep"), &rep);
		CU_ASSERT(rep.hdr.type == XS_ERROR && !strcmp(rep.body, "EINVAL"));
		CU_ASSERT(rep.hdr.len == 7);
	}
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RESUME, 0, S("1")), "ENOSYS");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_TARGET, 0, S("1\0" "2")), "ENOSYS");
	unchanged();
}

static void test_missing_nul(void)
{
	static const uint32_t path_ops[] = { XS_READ, XS_DIRECTORY, XS_GET_PERMS, XS_MKDIR,
					     XS_RM, XS_GET_DOMAIN_PATH, XS_RELEASE,
					     XS_IS_DOMAIN_INTRODUCED };

	snap();
	for (size_t i = 0; i < sizeof(path_ops) / sizeof(path_ops[0]); i++) {
		CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, path_ops[i], 0, W("/keep/a")), "EINVAL");
		CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, path_ops[i], 0, NULL, 0), "EINVAL");
		CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, path_ops[i], 0, S("/keep\0/a")), "EINVAL");
	}
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WRITE, 0, W("/keep/a")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WRITE, 0, NULL, 0), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, W("/keep\0tok")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WATCH, 0, S("/keep")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_UNWATCH, 0, W("/keep\0tok")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, W("/keep\0" "n0")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_DIRECTORY_PART, 0, W("/keep\0" "0")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, W("1\0" "2\0" "3")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RESET_WATCHES, 0, W("x")), "EINVAL");
	unchanged();
}

static void test_bad_paths(void)
{
	static const char *const bad[] = {
		"//", "/keep/", "/keep//a", "keep/", "/ke ep", "/k\xc3\xa4", "/a.b",
		"@introduceDomain", "@foo", "/@x", "/keep\\a", "/a*", "\t",
	};
	static char longp[XENSTORE_ABS_PATH_MAX + 2];

	snap();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, bad[i], "v"), "EINVAL");
		CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, bad[i], NULL), "EINVAL");
		CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_RM, 0, bad[i]), "EINVAL");
		CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_MKDIR, 0, bad[i]), "EINVAL");
	}
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_READ, 0, S("")), "EINVAL");
	/* absolute paths up to 3072 bytes, relative up to 2048 */
	memset(longp, 'a', sizeof(longp) - 1);
	longp[0] = '/';
	longp[XENSTORE_ABS_PATH_MAX + 1] = '\0';
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, longp, "v"), "EINVAL");
	longp[XENSTORE_REL_PATH_MAX + 2] = '\0';
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, longp + 1, "v"), "EINVAL");
	unchanged();
	longp[XENSTORE_ABS_PATH_MAX] = '\0';
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, longp, "v"), "");
	longp[XENSTORE_REL_PATH_MAX + 1] = '\0';
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, longp + 1, "v"), "");
}

static void test_oversized(void)
{
	struct xsd_sockmsg h = { XS_WRITE, 77, 0, XENSTORE_PAYLOAD_MAX + 1 };
	struct xt_msg rep;

	snap();
	xt_raw(xt_dom0, &h, sizeof(h), &rep);
	CU_ASSERT(rep.hdr.type == XS_ERROR && rep.hdr.req_id == 77);
	CU_ASSERT_STRING_EQUAL(rep.body, "E2BIG");
	CU_ASSERT(xt_dom0->feed_rc < 0);
	/* the connection is finished: nothing more is answered */
	h = (struct xsd_sockmsg){ XS_READ, 78, 0, 3 };
	xt_raw(xt_dom0, &h, sizeof(h), &rep);
	CU_ASSERT(xt_dom0->feed_rc < 0 && rep.hdr.req_id == 0xffffffffu);
	xt_dom0 = xt_client(0);
	unchanged();
}

static void test_max_payload(void)
{
	static char buf[XENSTORE_PAYLOAD_MAX];
	struct xt_msg rep;

	memcpy(buf, "/max", 5);
	memset(buf + 5, 'v', sizeof(buf) - 5);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_WRITE, 0, buf, sizeof(buf)), "");
	xt_call(xt_dom0, XS_READ, 0, S("/max"), &rep);
	CU_ASSERT(rep.hdr.len == XENSTORE_PAYLOAD_MAX - 5);
}

static void test_bad_numbers(void)
{
	snap();
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("x\0" "1\0" "2")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("0\0" "1\0" "2")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("70000\0" "1\0" "2")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("1\0" "\0" "2")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0,
				     S("1\0" "1\0" "99999999999")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0,
				     S("1\0" "99999999999999999999999\0" "1")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_INTRODUCE, 0, S("1\0" "1")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_GET_DOMAIN_PATH, 0, S("-1")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_GET_DOMAIN_PATH, 0, S(" 1")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_IS_DOMAIN_INTRODUCED, 0, S("")), "EINVAL");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_RELEASE, 0, S("4")), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_DIRECTORY_PART, 0, S("/keep\0x")), "EINVAL");
	unchanged();
}

static void test_framing(void)
{
	unsigned char buf[2 * (sizeof(struct xsd_sockmsg) + 6)];
	struct xsd_sockmsg h = { XS_READ, 5, 0, 6 };
	struct xt_msg rep;
	size_t n = sizeof(h) + 6;

	xt_write(xt_dom0, 0, "/keep", "kv");
	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), "/keep", 6);
	/* one byte at a time: a reply only once the message is complete */
	for (size_t i = 0; i < n; i++) {
		xt_raw(xt_dom0, buf + i, 1, &rep);
		CU_ASSERT((rep.hdr.req_id == 5) == (i == n - 1));
	}
	CU_ASSERT_STRING_EQUAL(rep.body, "kv");
	/* two messages in one write get two replies */
	h.req_id = 6;
	memcpy(buf + n, &h, sizeof(h));
	memcpy(buf + n + sizeof(h), "/keep", 6);
	xt_raw(xt_dom0, buf, sizeof(buf), &rep);
	CU_ASSERT(rep.hdr.req_id == 6 && !strcmp(rep.body, "kv"));
}

static uint32_t lcg_state = 12345;

static uint32_t lcg(void)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return lcg_state >> 8;
}

/* Random requests built from path-like pieces: one reply each, no crash. */
static void random_request(struct xt_client *cl, char *buf)
{
	static const char *const pieces[] = { "/", "a", "b", "|", "@releaseDomain", "0",
					      "r0", "n1", "T", "local/domain/", "..", "//" };
	struct xt_msg rep;
	uint32_t type = lcg() % 26, tx = lcg() % 4 ? 0 : lcg() % 3;
	size_t len = 0, pl;
	const char *p;

	for (unsigned int n = lcg() % 8; n; n--) {
		p = pieces[lcg() % (sizeof(pieces) / sizeof(pieces[0]))];
		pl = strcmp(p, "|") ? strlen(p) : 1;	/* "|" stands for a NUL */
		memcpy(buf + len, strcmp(p, "|") ? p : "", pl);
		len += pl;
	}
	xt_call(cl, type, tx, buf, len, &rep);
}

static void test_random_requests(void)
{
	struct xt_client *g = xt_client(1);
	char buf[256];

	xt_write(xt_dom0, 0, "/a/b", "v");
	xt_do(xt_dom0, XS_SET_PERMS, 0, S("/a\0" "b0"));
	for (int i = 0; i < 20000; i++)
		random_request(i % 2 ? g : xt_dom0, buf);
	CU_ASSERT(xt_dom0->feed_rc == 0 && g->feed_rc == 0);
}

static const struct xt_case cases[] = {
	{ "unknown and reply-only types", test_unknown_types },
	{ "missing or extra NUL terminators", test_missing_nul },
	{ "bad paths and length limits", test_bad_paths },
	{ "payload over 4096 bytes", test_oversized },
	{ "payload of exactly 4096 bytes", test_max_payload },
	{ "bad numbers", test_bad_numbers },
	{ "framing across and within writes", test_framing },
	{ "random requests", test_random_requests },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_bad = { "bad", cases };
