// SPDX-License-Identifier: GPL-2.0-only
/* The console ring on an in-memory page: wrap-around, partial writes, hostile indexes. */
#include <errno.h>
#include <string.h>

#include "consoled_test.h"
#include "ring.h"

/* The guest's side: put output into out[] as hvc_xen would. */
static void guest_print(struct cons_ring *r, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < n; i++)
		r->out[(r->out_prod + i) & (CONS_RING_OUT_SIZE - 1)] = s[i];
	r->out_prod += (uint32_t)n;
}

static void test_read_empty(void)
{
	struct cons_ring r = { 0 };
	char buf[16];

	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), 0);
	CU_ASSERT_EQUAL(r.out_cons, 0);
}

static void test_read_simple(void)
{
	struct cons_ring r = { 0 };
	char buf[16] = { 0 };

	guest_print(&r, "login: ");
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), 7);
	CU_ASSERT_STRING_EQUAL(buf, "login: ");
	CU_ASSERT_EQUAL(r.out_cons, 7);
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), 0);
}

static void test_read_wraps(void)
{
	struct cons_ring r = { 0 };
	char buf[32] = { 0 };

	r.out_cons = r.out_prod = CONS_RING_OUT_SIZE - 3;
	guest_print(&r, "abcdefgh");
	CU_ASSERT_EQUAL(r.out[CONS_RING_OUT_SIZE - 1], 'c');
	CU_ASSERT_EQUAL(r.out[0], 'd');
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), 8);
	CU_ASSERT_STRING_EQUAL(buf, "abcdefgh");
}

static void test_read_index_overflow(void)
{
	struct cons_ring r = { 0 };
	char buf[32] = { 0 };

	/* Free-running indexes cross 2^32: still 5 bytes pending. */
	r.out_cons = r.out_prod = 0xfffffffeu;
	guest_print(&r, "12345");
	CU_ASSERT_EQUAL(r.out_prod, 3);
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), 5);
	CU_ASSERT_STRING_EQUAL(buf, "12345");
	CU_ASSERT_EQUAL(r.out_cons, 3);
}

static void test_read_partial(void)
{
	struct cons_ring r = { 0 };
	char buf[8] = { 0 };

	guest_print(&r, "0123456789");
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, 4), 4);
	CU_ASSERT_NSTRING_EQUAL(buf, "0123", 4);
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, 8), 6);
	CU_ASSERT_NSTRING_EQUAL(buf, "456789", 6);
}

static void test_read_full_ring(void)
{
	static struct cons_ring r;
	static char buf[CONS_RING_OUT_SIZE + 1];

	memset(&r, 0, sizeof(r));
	memset(r.out, 'x', sizeof(r.out));
	r.out_prod = CONS_RING_OUT_SIZE;        /* exactly full is legal */
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), CONS_RING_OUT_SIZE);
	CU_ASSERT_EQUAL(r.out_cons, CONS_RING_OUT_SIZE);
}

static void test_read_hostile(void)
{
	struct cons_ring r = { 0 };
	char buf[8];

	r.out_prod = CONS_RING_OUT_SIZE + 1;
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), -EPROTO);
	CU_ASSERT_EQUAL(r.out_cons, 0);
	/* cons ahead of prod: prod - cons wraps to a huge number */
	r.out_prod = 10;
	r.out_cons = 20;
	CU_ASSERT_EQUAL(cons_ring_read_out(&r, buf, sizeof(buf)), -EPROTO);
	CU_ASSERT_EQUAL(r.out_cons, 20);
}

static void test_write_simple(void)
{
	struct cons_ring r = { 0 };

	CU_ASSERT_EQUAL(cons_ring_write_in(&r, "root\n", 5), 5);
	CU_ASSERT_EQUAL(r.in_prod, 5);
	CU_ASSERT_NSTRING_EQUAL(r.in, "root\n", 5);
}

static void test_write_wraps(void)
{
	struct cons_ring r = { 0 };

	r.in_cons = r.in_prod = CONS_RING_IN_SIZE - 2;
	CU_ASSERT_EQUAL(cons_ring_write_in(&r, "abcd", 4), 4);
	CU_ASSERT_EQUAL(r.in[CONS_RING_IN_SIZE - 2], 'a');
	CU_ASSERT_EQUAL(r.in[CONS_RING_IN_SIZE - 1], 'b');
	CU_ASSERT_NSTRING_EQUAL(r.in, "cd", 2);
	CU_ASSERT_EQUAL(r.in_prod, CONS_RING_IN_SIZE + 2);
}

static void test_write_partial(void)
{
	static struct cons_ring r;
	char data[16];

	memset(&r, 0, sizeof(r));
	memset(data, 'y', sizeof(data));
	r.in_prod = CONS_RING_IN_SIZE - 6;      /* the guest has read nothing: 6 free */
	CU_ASSERT_EQUAL(cons_ring_write_in(&r, data, sizeof(data)), 6);
	CU_ASSERT_EQUAL(r.in_prod, CONS_RING_IN_SIZE);
	CU_ASSERT_EQUAL(cons_ring_write_in(&r, data, sizeof(data)), 0);
	r.in_cons = 4;                           /* guest took 4 */
	CU_ASSERT_EQUAL(cons_ring_write_in(&r, data, sizeof(data)), 4);
}

static void test_write_hostile(void)
{
	struct cons_ring r = { 0 };

	r.in_cons = 5;                           /* ahead of prod 0 */
	CU_ASSERT_EQUAL(cons_ring_write_in(&r, "x", 1), -EPROTO);
	CU_ASSERT_EQUAL(r.in_prod, 0);
	r.in_cons = 0;
	r.in_prod = CONS_RING_IN_SIZE + 100;     /* guest scribbled over our index */
	CU_ASSERT_EQUAL(cons_ring_write_in(&r, "x", 1), -EPROTO);
}

static const struct tt_case cases[] = {
	{ "read: empty ring", test_read_empty },
	{ "read: simple", test_read_simple },
	{ "read: wraps around the array", test_read_wraps },
	{ "read: indexes cross 2^32", test_read_index_overflow },
	{ "read: partial reads", test_read_partial },
	{ "read: a full ring", test_read_full_ring },
	{ "read: hostile indexes", test_read_hostile },
	{ "write: simple", test_write_simple },
	{ "write: wraps around the array", test_write_wraps },
	{ "write: partial when nearly full", test_write_partial },
	{ "write: hostile indexes", test_write_hostile },
	{ NULL, NULL },
};

const struct tt_suite ct_ring_suite = { "ring", cases };
