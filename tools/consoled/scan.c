// SPDX-License-Identifier: GPL-2.0-only
/*
 * Finding guests: xenstore watches on /local/domain (a guest's console/
 * ring-ref and console/port appear, its directory goes) and @releaseDomain
 * (a domain died). Every event rescans; the work is small.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consoled.h"

#define DOMAIN_ROOT	"/local/domain"
#define RELEASE_WATCH	"@releaseDomain"
#define WATCH_TOKEN	"consoled"
#define PATH_LEN	128
#define EVENT_WAIT_MS	100	/* the fd was readable: the event is on its way */
#define RESCAN_ROUNDS	4

static int parse_u64(const char *s, int base, uint64_t *v)
{
	char *end;

	if (!*s || *s == '-')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, base);
	return errno || *end ? -1 : 0;
}

/* A key of the domain's directory as a number; -ENOENT if not there (yet). */
static int read_num(struct cd *d, uint32_t domid, const char *key, uint64_t *v)
{
	char path[PATH_LEN];
	char *val = NULL;
	int rc;

	snprintf(path, sizeof(path), DOMAIN_ROOT "/%u/%s", domid, key);
	rc = ctl_xs_read(d->xs, 0, path, &val);
	if (rc)
		return rc;
	if (parse_u64(val, 0, v)) {
		cd_log("d%u: %s: '%s' is not a number", domid, path, val);
		rc = -EINVAL;
	}
	free(val);
	return rc;
}

static void read_name(struct cd *d, uint32_t domid, char *name, size_t len)
{
	char path[PATH_LEN];
	char *val = NULL;

	snprintf(path, sizeof(path), DOMAIN_ROOT "/%u/name", domid);
	if (ctl_xs_read(d->xs, 0, path, &val) == 0 && *val)
		snprintf(name, len, "%s", val);
	else
		snprintf(name, len, "d%u", domid);
	free(val);
}

static void consider(struct cd *d, uint32_t domid)
{
	struct cd_guest *g = cd_guest_find(d, domid);
	char name[CD_NAME_MAX];
	uint64_t gfn, port;

	if (g) {
		g->seen = true;
		return;
	}
	if (read_num(d, domid, "console/ring-ref", &gfn) ||
	    read_num(d, domid, "console/port", &port))
		return;                 /* not (yet) a console: a later event brings it */
	read_name(d, domid, name, sizeof(name));
	cd_guest_add(d, domid, name, gfn, (uint32_t)port);
	g = cd_guest_find(d, domid);
	if (g)
		g->seen = true;
}

/*
 * Whether g's domain is still there to serve. A domain that shut down wrote
 * its last words before its notification: drain them now, since the
 * toolstack may destroy it at any moment (the hypervisor does not keep a
 * destroyed domain's pages for our mapping; docs/specs/console-daemon.md).
 */
static bool still_exists(struct cd *d, struct cd_guest *g)
{
	struct ctl_domctl_info info;
	int rc = ctl_domain_info(d->h, g->domid, &info);
	bool ending = rc == -ESRCH ||
		      (!rc && (info.flags & (CTL_DOMINF_shutdown | CTL_DOMINF_dying)));

	if (ending)
		cd_guest_service(d, g);
	return rc != -ESRCH && !(!rc && (info.flags & CTL_DOMINF_dying));
}

static void rescan(struct cd *d)
{
	struct cd_guest *g, *next;
	char **names = NULL;
	uint64_t domid;
	size_t i, n = 0;
	int rc;

	for (g = d->guests; g; g = g->next)
		g->seen = false;
	rc = ctl_xs_directory(d->xs, 0, DOMAIN_ROOT, &names, &n);
	if (rc && rc != -ENOENT)
		cd_log("list " DOMAIN_ROOT ": %s", ctl_errmsg(d->h));
	for (i = 0; i < n; i++)
		if (!parse_u64(names[i], 10, &domid) && domid && domid < CONS_PROTO_MAX_DOMID)
			consider(d, (uint32_t)domid);
	free(names);
	for (g = d->guests; g; g = next) {
		next = g->next;
		if (!still_exists(d, g) || !g->seen)
			cd_guest_remove(d, g);
	}
}

int cd_scan_start(struct cd *d)
{
	int rc = ctl_xs_watch(d->xs, DOMAIN_ROOT, WATCH_TOKEN);

	if (!rc)
		rc = ctl_xs_watch(d->xs, RELEASE_WATCH, WATCH_TOKEN);
	if (rc) {
		cd_log("xenstore watch: %s", ctl_errmsg(d->h));
		return rc;
	}
	rescan(d);
	return 0;
}

/* Take the events queued (waiting up to wait_ms for one); true if there was any. */
static bool take_events(struct cd *d, int wait_ms)
{
	char *path, *token;
	bool any = false;
	int rc;

	while ((rc = ctl_xs_read_watch(d->xs, wait_ms, &path, &token)) == 0) {
		free(path);
		free(token);
		any = true;
		wait_ms = 0;
	}
	if (rc != -ETIMEDOUT) {
		cd_log("xenstore: %s (exiting)", ctl_errmsg(d->h));
		d->stop = true;
	}
	return any;
}

void cd_scan_events(struct cd *d, bool readable)
{
	int round;

	if (!take_events(d, readable ? EVENT_WAIT_MS : 0) || d->stop)
		return;
	/* A rescan's own requests may queue more events; bounded so input is served too. */
	for (round = 0; round < RESCAN_ROUNDS; round++) {
		rescan(d);
		if (!take_events(d, 0) || d->stop)
			return;
	}
}
