// SPDX-License-Identifier: GPL-2.0-only
/*
 * A fake dom0 backend driver for the device tests: nothing runs Linux's
 * xen-blkback or xen-netback here, so a child process with its own
 * xenstore connection watches /local/domain and, on every event, answers
 * for each device below /local/domain/0/backend as the flags say:
 * Initialising -> InitWait (the driver's probe), Closing -> Closed (the
 * guest let go), frontend Closed -> backend Closed (a forced disconnect),
 * or Initialising -> Closed with an error (a device it cannot open).
 * Each answer is a transaction that checks the state it answers, so a
 * removed device is never recreated, and a line in backend.log.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctl_device.h"
#include "test_dom.h"

#define WATCH_TOKEN "fake-backend"
#define PATH_LEN    160
#define NODE_LEN    (PATH_LEN + 32)   /* a device path and a node below it */

struct backend {
	struct ctl_xs *xs;
	unsigned int flags;
	FILE *log;
};

static int read_int(struct ctl_xs *xs, uint32_t tx, const char *root, const char *rel)
{
	char path[NODE_LEN], *v = NULL;
	int n = -1;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (!ctl_xs_read(xs, tx, path, &v))
		n = atoi(v);
	free(v);
	return n;
}

/* be/state from -> to, in a transaction; whether it was done. */
static bool answer(struct backend *b, const char *be, int from, int to)
{
	char path[NODE_LEN];
	uint32_t tx;
	bool ok;
	int rc;

	snprintf(path, sizeof(path), "%s/state", be);
	do {
		if (ctl_xs_transaction_start(b->xs, &tx))
			return false;
		ok = read_int(b->xs, tx, be, "state") == from &&
		     !ctl_xs_writef(b->xs, tx, path, "%d", to);
		rc = ctl_xs_transaction_end(b->xs, tx, ok);
	} while (ok && rc == -EAGAIN);
	return ok && !rc;
}

/* As Linux's xenbus_dev_fatal(): the error under /local/domain/0/error, then Closed. */
static bool refuse(struct backend *b, const char *be)
{
	char path[NODE_LEN];

	snprintf(path, sizeof(path), "/local/domain/0/error/%s/error",
		 be + strlen("/local/domain/0/"));
	return !ctl_xs_write(b->xs, 0, path, DEVBE_ERROR) &&
	       answer(b, be, CTL_XB_INITIALISING, CTL_XB_CLOSED);
}

static void device(struct backend *b, const char *be)
{
	char path[NODE_LEN], *fe = NULL;
	int state = read_int(b->xs, 0, be, "state"), fstate = -1;

	snprintf(path, sizeof(path), "%s/frontend", be);
	if (!ctl_xs_read(b->xs, 0, path, &fe))
		fstate = read_int(b->xs, 0, fe, "state");
	free(fe);
	if (state == CTL_XB_INITIALISING && (b->flags & DEVBE_INITWAIT) &&
	    answer(b, be, state, CTL_XB_INITWAIT))
		fprintf(b->log, "initwait %s\n", be);
	if (state == CTL_XB_INITIALISING && (b->flags & DEVBE_REFUSE) && refuse(b, be))
		fprintf(b->log, "refused %s\n", be);
	if (state == CTL_XB_CLOSING && (b->flags & DEVBE_CLOSE) &&
	    answer(b, be, state, CTL_XB_CLOSED))
		fprintf(b->log, "closed %s online=%d\n", be, read_int(b->xs, 0, be, "online"));
	if (fstate == CTL_XB_CLOSED && state >= 0 && state != CTL_XB_CLOSED &&
	    (b->flags & DEVBE_FORCE) && answer(b, be, state, CTL_XB_CLOSED))
		fprintf(b->log, "forced %s online=%d\n", be, read_int(b->xs, 0, be, "online"));
	fflush(b->log);
}

/* Calls fn for every child of dir (full path). */
static void each_child(struct backend *b, const char *dir, int depth)
{
	char **names = NULL, path[PATH_LEN];
	size_t n = 0;

	if (ctl_xs_directory(b->xs, 0, dir, &names, &n))
		return;
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (depth)
			each_child(b, path, depth - 1);
		else
			device(b, path);
	}
	free(names);
}

static void scan(struct backend *b)
{
	each_child(b, "/local/domain/0/backend", 2);   /* <kind>/<domid>/<devid> */
}

static void backend_main(struct dev_env *e, unsigned int flags, int ready)
{
	struct ctl_backend ops = fake_backend_ops;
	struct backend b = { .flags = flags };
	struct ctl_handle *h = NULL;
	char log[256], *p, *t;
	struct fake f;

	fake_init(&f);
	ops.xs_path = e->dom.sock;
	snprintf(log, sizeof(log), "%s/backend.log", e->dir);
	b.log = fopen(log, "a");
	if (!b.log || ctl_open_backend(&ops, &f, &h, NULL) || ctl_xs_open(h, &b.xs) ||
	    ctl_xs_watch(b.xs, "/local/domain", WATCH_TOKEN))
		_exit(1);
	if (write(ready, "r", 1) != 1)
		_exit(1);
	for (;;) {
		if (ctl_xs_read_watch(b.xs, -1, &p, &t))
			_exit(1);
		free(p);
		free(t);
		scan(&b);
	}
}

void dev_backend_start(struct dev_env *e, unsigned int flags)
{
	int p[2];
	char c = 0;

	CU_ASSERT_EQUAL_FATAL(pipe(p), 0);
	e->backend_pid = fork();
	if (e->backend_pid == 0) {
		close(p[0]);
		backend_main(e, flags, p[1]);
	}
	close(p[1]);
	CU_ASSERT_TRUE(e->backend_pid > 0 && read(p[0], &c, 1) == 1 && c == 'r');
	close(p[0]);
}

void dev_backend_stop(struct dev_env *e)
{
	if (e->backend_pid <= 0)
		return;
	kill(e->backend_pid, SIGTERM);
	waitpid(e->backend_pid, NULL, 0);
	e->backend_pid = 0;
}
