// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Asking a guest to shut down (control/shutdown, which Linux's xen manage
 * driver watches and clears when it acts) and waiting until it has.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dom_int.h"

#define WAIT_TOKEN     "ctl-wait-shutdown"
#define RELEASE_WATCH  "@releaseDomain"
#define MS_PER_S       1000
#define NS_PER_MS      1000000L

int ctl_domain_request(struct ctl_handle *h, uint32_t domid, const char *what)
{
	char home[DOM_HOME_LEN], path[DOM_PATH_LEN], *value = NULL;
	struct ctl_xs *xs = NULL;
	int rc;

	if (!what || (strcmp(what, "poweroff") && strcmp(what, "reboot")))
		return ctl_fail(h, -EINVAL, "d%u: cannot request \"%s\" (poweroff or reboot)",
				domid, what ? what : "");
	rc = ctl_xs_open(h, &xs);
	if (rc)
		return rc;
	rc = ctl_xs_get_domain_path(xs, domid, home, sizeof(home));
	if (!rc) {
		snprintf(path, sizeof(path), "%s/control", home);
		rc = ctl_xs_read(xs, 0, path, &value);
		free(value);
		if (rc == -ENOENT)
			rc = ctl_fail(h, -ESRCH, "d%u: no such domain in xenstore (%s)", domid, path);
	}
	if (!rc) {
		snprintf(path, sizeof(path), "%s/control/shutdown", home);
		rc = ctl_xs_write(xs, 0, path, what);
	}
	ctl_xs_close(xs);
	return rc;
}

/* 1 and *reason if shut down, 0 if not yet, -ESRCH (with a message) if gone. */
static int check(struct ctl_handle *h, uint32_t domid, unsigned int *reason)
{
	struct ctl_domctl_info info;
	int rc = ctl_domain_info(h, domid, &info);

	if (rc)
		return rc;
	if (info.flags & CTL_DOMINF_dying)
		return ctl_fail(h, -ESRCH, "d%u: being destroyed", domid);
	if (!(info.flags & CTL_DOMINF_shutdown))
		return 0;
	if (reason)
		*reason = info.shutdown_code;
	return 1;
}

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * MS_PER_S + t.tv_nsec / NS_PER_MS;
}

/* How long to wait for the next event: up to the deadline, at most a recheck period. */
static int next_wait(long long deadline)
{
	long long left;

	if (deadline < 0)
		return CTL_WAIT_RECHECK_MS;
	left = deadline - now_ms();
	if (left <= 0)
		return 0;
	return left < CTL_WAIT_RECHECK_MS ? (int)left : CTL_WAIT_RECHECK_MS;
}

static int wait_loop(struct ctl_handle *h, struct ctl_xs *xs, uint32_t domid, int timeout_ms,
		     unsigned int *reason)
{
	long long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	char *path = NULL, *token = NULL;
	int rc;

	for (;;) {
		rc = check(h, domid, reason);
		if (rc)
			return rc < 0 ? rc : 0;
		if (deadline >= 0 && now_ms() >= deadline)
			return ctl_fail(h, -ETIMEDOUT, "d%u: not shut down after %d ms", domid,
					timeout_ms);
		rc = ctl_xs_read_watch(xs, next_wait(deadline), &path, &token);
		free(path);
		free(token);
		path = token = NULL;
		if (rc && rc != -ETIMEDOUT)
			return rc;
	}
}

int ctl_domain_wait_shutdown(struct ctl_handle *h, uint32_t domid, int timeout_ms,
			     unsigned int *reason)
{
	struct ctl_xs *xs = NULL;
	struct dom_err e = { 0 };
	int rc = ctl_xs_open(h, &xs);

	if (rc)
		return rc;
	rc = ctl_xs_watch(xs, RELEASE_WATCH, WAIT_TOKEN);
	if (!rc) {
		dom_err_note(h, &e, wait_loop(h, xs, domid, timeout_ms, reason));
		dom_err_note(h, &e, ctl_xs_unwatch(xs, RELEASE_WATCH, WAIT_TOKEN));
		rc = dom_err_report(h, &e);
	}
	ctl_xs_close(xs);
	return rc;
}
