// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Waiting on a backend's xenbus state: a watch on B/state, the value read
 * again after every event (ours or not: the handle's connection is shared),
 * bounded by a deadline. Timeouts can be shortened through the environment.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "dev_int.h"

#define MS_PER_S   1000
#define NS_PER_MS  1000000L
#define TOKEN_LEN  (DEV_PATH_LEN + 16)

long long dev_now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * MS_PER_S + t.tv_nsec / NS_PER_MS;
}

int dev_timeout_ms(const char *env, int dflt)
{
	const char *s = getenv(env);
	char *end;
	long v;

	if (!s || !*s)
		return dflt;
	v = strtol(s, &end, 10);
	return *end || v <= 0 || v > INT_MAX ? dflt : (int)v;
}

void dev_fmt_ms(int ms, char *buf, size_t len)
{
	if (ms % MS_PER_S == 0)
		snprintf(buf, len, "%d s", ms / MS_PER_S);
	else
		snprintf(buf, len, "%d ms", ms);
}

/* The state at path, DEV_GONE if there is none; anything not a number is Unknown. */
static int read_state(struct ctl_xs *xs, const char *path, int *state)
{
	char *value = NULL, *end;
	int rc = ctl_xs_read(xs, 0, path, &value);
	long v;

	if (rc == -ENOENT) {
		*state = DEV_GONE;
		return 0;
	}
	if (rc)
		return rc;
	v = strtol(value, &end, 10);
	*state = *value && !*end && v >= 0 && v <= INT_MAX ? (int)v : CTL_XB_UNKNOWN;
	free(value);
	return 0;
}

static int wait_loop(struct ctl_xs *xs, const char *path, bool (*done)(int state),
		     int timeout_ms, int *state)
{
	long long deadline = dev_now_ms() + timeout_ms, left;
	char *p = NULL, *t = NULL;
	int rc;

	for (;;) {
		rc = read_state(xs, path, state);
		if (rc || done(*state))
			return rc;
		left = deadline - dev_now_ms();
		if (left <= 0)
			return -ETIMEDOUT;
		rc = ctl_xs_read_watch(xs, (int)left, &p, &t);
		free(p);
		free(t);
		if (rc && rc != -ETIMEDOUT)
			return rc;
	}
}

int dev_wait_state(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		   bool (*done)(int state), int timeout_ms, int *state)
{
	char path[DEV_PATH_LEN], token[TOKEN_LEN];
	struct dom_err e = { 0 };
	int rc = dev_path(h, r->be, "state", path);

	if (rc)
		return rc;
	snprintf(token, sizeof(token), "ctl-dev:%s", r->be);
	rc = ctl_xs_watch(xs, path, token);
	if (rc)
		return rc;
	rc = wait_loop(xs, path, done, timeout_ms, state);
	if (rc != -ETIMEDOUT)
		dom_err_note(h, &e, rc);
	dom_err_note(h, &e, ctl_xs_unwatch(xs, path, token));
	return e.rc ? dom_err_report(h, &e) : rc;
}
