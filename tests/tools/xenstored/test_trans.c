// SPDX-License-Identifier: GPL-2.0-only
/* Transactions: snapshot isolation, commit, conflicts (EAGAIN) and abort. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static void expect(uint32_t tx, const char *path, const char *want)
{
	char *v = NULL;

	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, tx, path, &v), want ? "" : "ENOENT");
	if (want && v)
		CU_ASSERT_STRING_EQUAL(v, want);
	free(v);
}

static const char *tx_end(struct xt_client *cl, uint32_t tx, const char *how)
{
	return xt_do(cl, XS_TRANSACTION_END, tx, how, strlen(how) + 1);
}

static void test_commit(void)
{
	uint32_t tx = xt_tx_start(xt_dom0);

	CU_ASSERT(tx != 0);
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, tx, "/t/a", "1"), "");
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_MKDIR, tx, "/t/m"), "");
	expect(tx, "/t/a", "1");
	expect(0, "/t/a", NULL);	/* not visible outside yet */
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "T"), "");
	expect(0, "/t/a", "1");
	expect(0, "/t/m", "");
	/* the transaction is gone */
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "T"), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, tx, "/t/a", NULL), "ENOENT");
}

static void test_snapshot(void)
{
	uint32_t tx;

	xt_write(xt_dom0, 0, "/s", "old");
	tx = xt_tx_start(xt_dom0);
	xt_write(xt_dom0, 0, "/s", "new");
	xt_write(xt_dom0, 0, "/s2", "x");
	expect(tx, "/s", "old");
	expect(tx, "/s2", NULL);
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "F"), "");
}

static void test_conflict_read(void)
{
	struct xt_client *other = xt_client(0);
	uint32_t tx;

	xt_write(xt_dom0, 0, "/c", "0");
	tx = xt_tx_start(xt_dom0);
	expect(tx, "/c", "0");
	xt_write(xt_dom0, tx, "/d", "mine");
	xt_write(other, 0, "/c", "1");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "T"), "EAGAIN");
	expect(0, "/d", NULL);
	expect(0, "/c", "1");
}

static void test_conflict_write(void)
{
	uint32_t tx = xt_tx_start(xt_dom0);

	xt_write(xt_dom0, tx, "/cw/x", "tx");
	xt_write(xt_dom0, 0, "/cw/x", "direct");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "T"), "EAGAIN");
	expect(0, "/cw/x", "direct");
}

static void test_conflict_rm(void)
{
	uint32_t tx;

	xt_write(xt_dom0, 0, "/cr/a/b", "1");
	tx = xt_tx_start(xt_dom0);
	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_RM, tx, "/cr/a"), "");
	xt_write(xt_dom0, 0, "/cr/a/b", "2");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "T"), "EAGAIN");
	expect(0, "/cr/a/b", "2");
}

static void test_no_conflict_elsewhere(void)
{
	uint32_t tx;

	xt_write(xt_dom0, 0, "/n1/x", "1");
	xt_write(xt_dom0, 0, "/n2/y", "1");
	tx = xt_tx_start(xt_dom0);
	expect(tx, "/n1/x", "1");
	xt_write(xt_dom0, tx, "/n1/x", "2");
	xt_write(xt_dom0, 0, "/n2/y", "2");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "T"), "");
	expect(0, "/n1/x", "2");
	expect(0, "/n2/y", "2");
}

static void test_abort(void)
{
	uint32_t tx = xt_tx_start(xt_dom0);
	unsigned int nodes = xsd_store_nodes(xt_st);

	xt_write(xt_dom0, tx, "/ab/x", "1");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "F"), "");
	expect(0, "/ab/x", NULL);
	CU_ASSERT_EQUAL(xsd_store_nodes(xt_st), nodes);
}

static void test_watch_fires_on_commit(void)
{
	uint32_t tx;

	xt_do(xt_dom0, XS_WATCH, 0, S("/wt\0t"));
	xt_take_event(xt_dom0, "/wt", "t");
	tx = xt_tx_start(xt_dom0);
	xt_write(xt_dom0, tx, "/wt/a", "1");
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
	tx_end(xt_dom0, tx, "T");
	CU_ASSERT(xt_take_event(xt_dom0, "/wt/a", "t"));
	tx = xt_tx_start(xt_dom0);
	xt_write(xt_dom0, tx, "/wt/b", "1");
	tx_end(xt_dom0, tx, "F");
	CU_ASSERT_EQUAL(xt_dom0->nev, 0);
}

static void test_tx_errors(void)
{
	uint32_t tx = xt_tx_start(xt_dom0);

	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_TRANSACTION_START, tx, S("")), "EBUSY");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "X"), "EINVAL");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, ""), "EINVAL");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, 0, "T"), "ENOENT");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx + 1000, "T"), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, tx + 1000, "/x", "1"), "ENOENT");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_TRANSACTION_START, 0, S("junk")), "EINVAL");
	/* a transaction belongs to its connection */
	CU_ASSERT_STRING_EQUAL(tx_end(xt_client(0), tx, "T"), "ENOENT");
	CU_ASSERT_STRING_EQUAL(tx_end(xt_dom0, tx, "T"), "");
}

static void test_guest_tx_perms(void)
{
	struct xt_client *g = xt_client(3);
	uint32_t tx = xt_tx_start(g);

	CU_ASSERT_STRING_EQUAL(xt_write(g, tx, "/forbidden", "1"), "EACCES");
	CU_ASSERT_STRING_EQUAL(tx_end(g, tx, "T"), "");
	expect(0, "/forbidden", NULL);
}

static const struct xt_case cases[] = {
	{ "commit", test_commit },
	{ "snapshot isolation", test_snapshot },
	{ "conflict on a read node", test_conflict_read },
	{ "conflict on a written node", test_conflict_write },
	{ "conflict below a removed node", test_conflict_rm },
	{ "no conflict on unrelated nodes", test_no_conflict_elsewhere },
	{ "abort", test_abort },
	{ "watches fire at commit only", test_watch_fires_on_commit },
	{ "transaction errors", test_tx_errors },
	{ "guest permissions inside a transaction", test_guest_tx_perms },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_trans = { "trans", cases };
