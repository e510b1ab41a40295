// SPDX-License-Identifier: GPL-2.0-only
/* Watches against the real xenstored; bounded waits. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "libctl_test.h"
#include "xs_int.h"
#include "test_xs_env.h"

#define SHORT_MS 150

static void expect_event(struct ctl_xs *xs, int timeout_ms, const char *path, const char *token)
{
	char *p = NULL, *t = NULL;

	CU_ASSERT_EQUAL_FATAL(ctl_xs_read_watch(xs, timeout_ms, &p, &t), 0);
	CU_ASSERT_STRING_EQUAL(p, path);
	CU_ASSERT_STRING_EQUAL(t, token);
	free(p);
	free(t);
}

static long elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000L + (t1.tv_nsec - t0->tv_nsec) / 1000000L;
}

static void test_watch_fires(void)
{
	struct xs_env e;

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_watch(e.xs, "/w", "tok"), 0);
	expect_event(e.xs, 1000, "/w", "tok");        /* the first event, when set */
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/w/x", "1"), 0);
	expect_event(e.xs, 1000, "/w/x", "tok");
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/other", "1"), 0);
	CU_ASSERT_EQUAL(ctl_xs_unwatch(e.xs, "/w", "tok"), 0);
	CU_ASSERT_EQUAL(ctl_xs_unwatch(e.xs, "/w", "tok"), -ENOENT);
	lt_msg_is(ctl_errmsg(e.f.h), "xenstore unwatch /w: No such file or directory");
	xs_env_stop(&e);
}

/* Events that arrive while waiting for replies are queued, in order. */
static void test_events_queued_during_requests(void)
{
	struct xs_env e;
	char *v = NULL;

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_watch(e.xs, "/q", "a"), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/q/1", "x"), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/q/2", "y"), 0);
	CU_ASSERT_EQUAL(ctl_xs_read(e.xs, 0, "/q/1", &v), 0);
	free(v);
	expect_event(e.xs, 0, "/q", "a");
	expect_event(e.xs, 0, "/q/1", "a");
	expect_event(e.xs, 0, "/q/2", "a");
	xs_env_stop(&e);
}

static void test_read_watch_timeout(void)
{
	struct timespec t0;
	struct xs_env e;
	char *p = (char *)"x", *t = (char *)"y";
	long ms;

	xs_env_start(&e);
	CU_ASSERT_EQUAL(ctl_xs_read_watch(e.xs, 0, &p, &t), -ETIMEDOUT);
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_PTR_NULL(t);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CU_ASSERT_EQUAL(ctl_xs_read_watch(e.xs, SHORT_MS, &p, &t), -ETIMEDOUT);
	ms = elapsed_ms(&t0);
	CU_ASSERT(ms >= SHORT_MS - 5 && ms < 10 * SHORT_MS);
	lt_msg_is(ctl_errmsg(e.f.h), "xenstore: no watch event within 150 ms");
	/* The connection still works after a timeout. */
	CU_ASSERT_EQUAL(ctl_xs_write(e.xs, 0, "/after", "1"), 0);
	xs_env_stop(&e);
}

/* A server that accepts and never answers: the reply wait is bounded. */
static void test_reply_timeout(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct ctl_backend b = fake_backend;
	char dir[] = "/tmp/libctl-xs-XXXXXX";
	struct ctl_handle *h = NULL;
	struct ctl_xs *xs = NULL;
	struct fake f = { 0 };
	char *v = NULL;
	int lfd;

	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/socket", dir);
	lfd = socket(AF_UNIX, SOCK_STREAM, 0);
	CU_ASSERT_FATAL(lfd >= 0);
	CU_ASSERT_EQUAL_FATAL(bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 1), 0);
	b.xs_path = sa.sun_path;
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&b, &f, &h, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(ctl_xs_open(h, &xs), 0);
	xs->reply_timeout_ms = SHORT_MS;
	CU_ASSERT_EQUAL(ctl_xs_read(xs, 0, "/a", &v), -ETIMEDOUT);
	lt_msg_is(ctl_errmsg(h), "xenstore read /a: no reply within 150 ms");
	ctl_close(h);
	close(lfd);
	unlink(sa.sun_path);
	rmdir(dir);
}

static const struct tt_case cases[] = {
	{ "watch fires", test_watch_fires },
	{ "events queued during requests", test_events_queued_during_requests },
	{ "read_watch timeout", test_read_watch_timeout },
	{ "reply timeout", test_reply_timeout },
	{ NULL, NULL },
};

const struct tt_suite lt_xs_watch_suite = { "xs_watch", cases };
