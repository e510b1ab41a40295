// SPDX-License-Identifier: GPL-2.0-only
/* Per-domain quotas: nodes, value size, watches, transactions, perms. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

static struct xt_client *guest_home(uint32_t domid)
{
	char path[64], perms[16];
	char buf[96];
	size_t pl, ql;

	snprintf(path, sizeof(path), "/local/domain/%u", domid);
	xt_write(xt_dom0, 0, path, "");
	ql = (size_t)snprintf(perms, sizeof(perms), "n%u", domid) + 1;
	pl = strlen(path) + 1;
	memcpy(buf, path, pl);
	memcpy(buf + pl, perms, ql);
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, buf, pl + ql), "");
	return xt_client(domid);
}

static void test_defaults(void)
{
	struct xsd_quota q;

	xsd_quota_default(&q);
	CU_ASSERT_EQUAL(q.nodes, 1000);
	CU_ASSERT_EQUAL(q.entry_size, 2048);
	CU_ASSERT_EQUAL(q.watches, 128);
	CU_ASSERT_EQUAL(q.transactions, 10);
	CU_ASSERT_EQUAL(q.perms, 5);
}

static void test_nodes(void)
{
	struct xsd_quota q;
	struct xt_client *g;

	xsd_quota_default(&q);
	q.nodes = 4;
	xt_use_quota(&q);
	g = guest_home(5);	/* owns its home: 1 node */
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "a/b", "1"), "");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "c/d", "1"), "ENOSPC");
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/local/domain/5/c", NULL), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "c", "1"), "");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_MKDIR, 0, "e"), "ENOSPC");
	/* overwriting costs nothing, removing frees */
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "c", "2"), "");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_RM, 0, "a"), "");
	CU_ASSERT_STRING_EQUAL(xt_path_op(g, XS_MKDIR, 0, "e"), "");
	/* dom0 has no quota */
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/x/y/z/w/v", "1"), "");
}

static void test_entry_size(void)
{
	static char big[2050];
	struct xt_client *g = guest_home(6);

	memset(big, 'x', 2049);
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "big", big), "ENOSPC");
	big[2048] = '\0';
	CU_ASSERT_STRING_EQUAL(xt_write(g, 0, "big", big), "");
	memset(big, 'x', 2049);
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/big", big), "");
}

static void test_watches(void)
{
	struct xt_client *g = xt_client(7);
	char buf[32];
	size_t len;

	for (int i = 0; i < 128; i++) {
		len = (size_t)snprintf(buf, sizeof(buf), "/w%c%d", '\0', i) + 1;
		CU_ASSERT_STRING_EQUAL(xt_do(g, XS_WATCH, 0, buf, len), "");
	}
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_WATCH, 0, S("/w\0last")), "E2BIG");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_UNWATCH, 0, S("/w\0" "0")), "");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_WATCH, 0, S("/w\0last")), "");
}

static void test_transactions(void)
{
	struct xt_client *g = xt_client(8);
	uint32_t tx = 0;

	for (int i = 0; i < 10; i++)
		tx = xt_tx_start(g);
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_TRANSACTION_START, 0, S("")), "ENOSPC");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_TRANSACTION_END, tx, S("F")), "");
	CU_ASSERT(xt_tx_start(g) != 0);
	for (int i = 0; i < 12; i++)	/* dom0 has no limit */
		xt_tx_start(xt_dom0);
}

static void test_perms_count(void)
{
	struct xt_client *g = guest_home(9);

	xt_write(g, 0, "p", "");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_SET_PERMS, 0,
				     S("p\0" "n9\0" "r1\0" "r2\0" "r3\0" "r4\0" "r5")), "ENOSPC");
	CU_ASSERT_STRING_EQUAL(xt_do(g, XS_SET_PERMS, 0,
				     S("p\0" "n9\0" "r1\0" "r2\0" "r3\0" "r4")), "");
}

static const struct xt_case cases[] = {
	{ "Xen's defaults", test_defaults },
	{ "nodes per domain", test_nodes },
	{ "entry size", test_entry_size },
	{ "watches per connection", test_watches },
	{ "transactions per connection", test_transactions },
	{ "permission entries per node", test_perms_count },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_quota = { "quota", cases };
