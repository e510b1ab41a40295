// SPDX-License-Identifier: GPL-2.0-only
/* The xenstore client against the real xenstored: store operations and errors. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "libctl_test.h"
#include "xs_int.h"
#include "test_xs_env.h"
#include "../../../tools/xenstored/xs_wire.h"

/* Our copy of the wire numbers is the daemon's. */
#define SAME(a, b) ((int)(a) == (int)(b))
_Static_assert(SAME(XSO_DIRECTORY, XS_DIRECTORY) &&
	       SAME(XSO_READ, XS_READ) &&
	       SAME(XSO_WATCH, XS_WATCH) &&
	       SAME(XSO_UNWATCH, XS_UNWATCH) &&
	       SAME(XSO_TRANSACTION_START, XS_TRANSACTION_START) &&
	       SAME(XSO_TRANSACTION_END, XS_TRANSACTION_END) &&
	       SAME(XSO_INTRODUCE, XS_INTRODUCE) &&
	       SAME(XSO_RELEASE, XS_RELEASE) &&
	       SAME(XSO_GET_DOMAIN_PATH, XS_GET_DOMAIN_PATH) &&
	       SAME(XSO_WRITE, XS_WRITE) &&
	       SAME(XSO_MKDIR, XS_MKDIR) &&
	       SAME(XSO_RM, XS_RM) &&
	       SAME(XSO_SET_PERMS, XS_SET_PERMS) &&
	       SAME(XSO_WATCH_EVENT, XS_WATCH_EVENT) &&
	       SAME(XSO_ERROR, XS_ERROR),
	       "xenstore message types");
_Static_assert(sizeof(struct xs_hdr) == sizeof(struct xsd_sockmsg) &&
	       XS_PAYLOAD_MAX == XENSTORE_PAYLOAD_MAX, "xenstore header and limit");

static void expect_read(struct ctl_xs *xs, uint32_t tx, const char *path, const char *want)
{
	char *v = NULL;

	CU_ASSERT_EQUAL(ctl_xs_read(xs, tx, path, &v), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(v);
	CU_ASSERT_STRING_EQUAL(v, want);
	free(v);
}

static void test_read_write_rm(void)
{
	struct xs_env e;
	char *v = (char *)"x";

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/a/b", "hello"), 0);
	expect_read(e.xs, 0, "/a/b", "hello");
	CU_ASSERT_EQUAL(ctl_xs_writef(e.xs, 0, "/a/c", "%d-%s", 42, "x"), 0);
	expect_read(e.xs, 0, "/a/c", "42-x");
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/a/empty", ""), 0);
	expect_read(e.xs, 0, "/a/empty", "");
	CU_ASSERT_EQUAL(ctl_xs_rm(e.xs, 0, "/a/b"), 0);
	CU_ASSERT_EQUAL(ctl_xs_read(e.xs, 0, "/a/b", &v), -ENOENT);
	CU_ASSERT_PTR_NULL(v);
	lt_msg_is(ctl_errmsg(e.f.h), "xenstore read /a/b: No such file or directory");
	xs_env_stop(&e);
}

static void test_mkdir_directory(void)
{
	struct xs_env e;
	char **names = NULL;
	size_t n = 0;

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_mkdir(e.xs, 0, "/d/x"), 0);
	CU_ASSERT_EQUAL(ctl_xs_mkdir(e.xs, 0, "/d/y"), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/d/z", "1"), 0);
	CU_ASSERT_EQUAL_FATAL(ctl_xs_directory(e.xs, 0, "/d", &names, &n), 0);
	CU_ASSERT_EQUAL_FATAL(n, 3);
	CU_ASSERT_STRING_EQUAL(names[0], "x");
	CU_ASSERT_STRING_EQUAL(names[1], "y");
	CU_ASSERT_STRING_EQUAL(names[2], "z");
	free(names);
	CU_ASSERT_EQUAL_FATAL(ctl_xs_directory(e.xs, 0, "/d/x", &names, &n), 0);
	CU_ASSERT_EQUAL(n, 0);
	free(names);
	CU_ASSERT_EQUAL(ctl_xs_directory(e.xs, 0, "/nope", &names, &n), -ENOENT);
	CU_ASSERT_PTR_NULL(names);
	xs_env_stop(&e);
}

static void test_perms(void)
{
	static const char *const good[] = { "n0", "r5" }, *const bad[] = { "x5" };
	struct xs_env e;

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/p", "v"), 0);
	CU_ASSERT_EQUAL(ctl_xs_set_perms(e.xs, 0, "/p", good, 2), 0);
	CU_ASSERT_EQUAL(ctl_xs_set_perms(e.xs, 0, "/p", bad, 1), -EINVAL);
	lt_msg_is(ctl_errmsg(e.f.h), "xenstore set_perms /p: Invalid argument");
	CU_ASSERT_EQUAL(ctl_xs_set_perms(e.xs, 0, "/p", good, 0), -EINVAL);
	xs_env_stop(&e);
}

static void test_transactions(void)
{
	struct xs_env e;
	uint32_t t1 = 0, t2 = 0;
	char *v = NULL, msg[80];

	xs_env_start(&e);
	CU_ASSERT_EQUAL_FATAL(ctl_xs_transaction_start(e.xs, &t1), 0);
	CU_ASSERT(t1 != 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, t1, "/t/a", "1"), 0);
	CU_ASSERT_EQUAL(ctl_xs_read(e.xs, 0, "/t/a", &v), -ENOENT);
	CU_ASSERT_EQUAL(ctl_xs_transaction_end(e.xs, t1, true), 0);
	expect_read(e.xs, 0, "/t/a", "1");
	/* t2 read /t/a, someone else changed it: the commit conflicts. */
	CU_ASSERT_EQUAL_FATAL(ctl_xs_transaction_start(e.xs, &t2), 0);
	expect_read(e.xs, t2, "/t/a", "1");
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/t/a", "2"), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, t2, "/t/a", "3"), 0);
	CU_ASSERT_EQUAL(ctl_xs_transaction_end(e.xs, t2, true), -EAGAIN);
	snprintf(msg, sizeof(msg), "xenstore transaction_end t%u: Resource temporarily "
		 "unavailable", t2);
	lt_msg_is(ctl_errmsg(e.f.h), msg);
	expect_read(e.xs, 0, "/t/a", "2");
	CU_ASSERT_EQUAL_FATAL(ctl_xs_transaction_start(e.xs, &t1), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, t1, "/t/a", "4"), 0);
	CU_ASSERT_EQUAL(ctl_xs_transaction_end(e.xs, t1, false), 0);
	expect_read(e.xs, 0, "/t/a", "2");
	CU_ASSERT_EQUAL(ctl_xs_transaction_end(e.xs, 999, true), -ENOENT);
	xs_env_stop(&e);
}

static void test_domains_and_errors(void)
{
	struct xs_env e;
	char path[32], tiny[4];

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_get_domain_path(e.xs, 5, path, sizeof(path)), 0);
	CU_ASSERT_STRING_EQUAL(path, "/local/domain/5");
	CU_ASSERT_EQUAL(ctl_xs_get_domain_path(e.xs, 5, tiny, sizeof(tiny)), -ERANGE);
	CU_ASSERT_EQUAL(ctl_xs_introduce(e.xs, 5, 0x39000, 3), 0);
	CU_ASSERT_EQUAL(ctl_xs_introduce(e.xs, 0, 0x39000, 3), -EINVAL);
	lt_msg_is(ctl_errmsg(e.f.h), "xenstore introduce 0: Invalid argument");
	CU_ASSERT_EQUAL(ctl_xs_release(e.xs, 5), 0);
	CU_ASSERT_EQUAL(ctl_xs_release(e.xs, 5), -ENOENT);
	CU_ASSERT_EQUAL(ctl_xs_rm(e.xs, 0, "/"), -EINVAL);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/bad//path", "v"), -EINVAL);
	lt_msg_is(ctl_errmsg(e.f.h), "xenstore write /bad//path: Invalid argument");
	xs_env_stop(&e);
}

static void test_errno_names(void)
{
	CU_ASSERT_EQUAL(xs_errno_from_name("ENOENT"), ENOENT);
	CU_ASSERT_EQUAL(xs_errno_from_name("EAGAIN"), EAGAIN);
	CU_ASSERT_EQUAL(xs_errno_from_name("EISCONN"), EISCONN);
	CU_ASSERT_EQUAL(xs_errno_from_name("EPERM"), EPERM);
	CU_ASSERT_EQUAL(xs_errno_from_name("EQUOTA"), EINVAL);
}

/* The connection is shared per handle; closing the handle closes it. */
static void test_shared_connection(void)
{
	struct ctl_xs *again = NULL;
	struct xs_env e;

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_open(e.f.h, &again), 0);
	CU_ASSERT_PTR_EQUAL(again, e.xs);
	ctl_xs_close(again);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/s", "1"), 0);
	xs_env_stop(&e);
}

static void test_no_daemon(void)
{
	struct ctl_backend b = fake_backend;
	struct ctl_handle *h;
	struct ctl_xs *xs = (struct ctl_xs *)&b;
	struct fake f = { 0 };

	b.xs_path = "/nonexistent/xenstored.sock";
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&b, &f, &h, NULL), 0);
	CU_ASSERT_EQUAL(ctl_xs_open(h, &xs), -ENOENT);
	CU_ASSERT_PTR_NULL(xs);
	lt_msg_is(ctl_errmsg(h), "xenstore: connect /nonexistent/xenstored.sock (is xenstored "
		  "running?): No such file or directory");
	ctl_close(h);
}

static const struct tt_case cases[] = {
	{ "read write rm", test_read_write_rm },
	{ "mkdir directory", test_mkdir_directory },
	{ "set_perms", test_perms },
	{ "transactions, conflict", test_transactions },
	{ "domains and errors", test_domains_and_errors },
	{ "error names", test_errno_names },
	{ "one connection per handle", test_shared_connection },
	{ "no daemon", test_no_daemon },
	{ NULL, NULL },
};

const struct tt_suite lt_xs_ops_suite = { "xs_ops", cases };
