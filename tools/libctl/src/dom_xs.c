// SPDX-License-Identifier: LGPL-2.1-only
/*
 * A domain's entries in xenstore, written in one transaction when it is
 * created and removed when it is torn down. docs/specs/xenstore-paths.md
 * lists every path, its value and its permissions.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dom_int.h"

#define XS_TX_TRIES       8         /* commits retried on EAGAIN before giving up */
#define CONSOLE_LIMIT     1048576   /* console/limit: Xen's LIBXL_XENCONSOLE_LIMIT */
#define CS_PER_S          100       /* start_time: seconds and hundredths, as libxl */
#define NS_PER_CS         10000000L
#define KIB_PER_MIB       1024
#define VM_PREFIX         "/vm/"

/* Nodes the guest owns (created empty): it writes its features, answers and data there. */
static const char *const guest_nodes[] = {
	"control/shutdown", "control/feature-poweroff", "control/feature-reboot",
	"control/feature-suspend", "control/feature-sysrq", "control/sysrq",
	"data", "drivers", "feature", "attr", "error",
};

struct xs_ctx {
	struct ctl_handle *h;
	struct ctl_xs *xs;
	uint32_t tx;
	const struct dom_xs_args *a;
	char home[DOM_HOME_LEN];
	char vm[DOM_PATH_LEN];
};

static int join(struct xs_ctx *c, const char *base, const char *rel, char *buf)
{
	int n = snprintf(buf, DOM_PATH_LEN, "%s/%s", base, rel);

	if (n < 0 || n >= DOM_PATH_LEN)
		return ctl_fail(c->h, -ENAMETOOLONG, "xenstore: %s/%s: path too long", base, rel);
	return 0;
}

/* base/rel = the formatted value. */
static int put(struct xs_ctx *c, const char *base, const char *rel, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int put(struct xs_ctx *c, const char *base, const char *rel, const char *fmt, ...)
{
	char path[DOM_PATH_LEN], value[DOM_PATH_LEN];
	va_list ap;
	int rc = join(c, base, rel, path);

	if (rc)
		return rc;
	va_start(ap, fmt);
	vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	return ctl_xs_write(c->xs, c->tx, path, value);
}

/* An empty node at base/rel that the guest owns. */
static int put_guest(struct xs_ctx *c, const char *rel)
{
	char path[DOM_PATH_LEN];
	int rc = join(c, c->home, rel, path);

	if (!rc)
		rc = ctl_xs_mkdir(c->xs, c->tx, path);
	return rc ? rc : dom_xs_perm_rw(c->xs, c->tx, path, c->a->domid);
}

/* The two roots, readable by the guest; what is created below inherits that. */
static int put_roots(struct xs_ctx *c)
{
	uint32_t domid = c->a->domid;
	int rc = ctl_xs_mkdir(c->xs, c->tx, c->home);

	if (!rc)
		rc = dom_xs_perm_ro(c->xs, c->tx, c->home, domid);
	if (!rc)
		rc = ctl_xs_mkdir(c->xs, c->tx, c->vm);
	if (!rc)
		rc = dom_xs_perm_ro(c->xs, c->tx, c->vm, domid);
	return rc;
}

static int put_vm(struct xs_ctx *c)
{
	const struct ctl_domain_config *cfg = c->a->cfg;
	char uuid[DOM_UUID_LEN];
	struct timespec now;
	int rc;

	clock_gettime(CLOCK_REALTIME, &now);
	ctl_uuid_format(cfg->uuid, uuid);
	rc = put(c, c->vm, "uuid", "%s", uuid);
	if (!rc)
		rc = put(c, c->vm, "name", "%s", cfg->name);
	if (!rc)
		rc = put(c, c->vm, "start_time", "%lld.%02ld", (long long)now.tv_sec,
			 now.tv_nsec / NS_PER_CS % CS_PER_S);
	return rc;
}

static int put_identity(struct xs_ctx *c)
{
	const struct ctl_domain_config *cfg = c->a->cfg;
	uint64_t max = cfg->maxmem > cfg->memory ? cfg->maxmem : cfg->memory;
	int rc = put(c, c->home, "name", "%s", cfg->name);

	if (!rc)
		rc = put(c, c->home, "domid", "%u", c->a->domid);
	if (!rc)
		rc = put(c, c->home, "vm", "%s", c->vm);
	if (!rc)
		rc = put(c, c->home, "memory/target", "%llu",
			 (unsigned long long)cfg->memory * KIB_PER_MIB);
	if (!rc)
		rc = put(c, c->home, "memory/static-max", "%llu",
			 (unsigned long long)max * KIB_PER_MIB);
	return rc;
}

/* cpu/<i>/availability for every vCPU the DT has: online the first `vcpus`. */
static int put_cpus(struct xs_ctx *c)
{
	const struct ctl_domain_config *cfg = c->a->cfg;
	unsigned int max = cfg->maxvcpus > cfg->vcpus ? cfg->maxvcpus : cfg->vcpus;
	char rel[DOM_PATH_LEN];
	int rc = 0;

	for (unsigned int i = 0; i < max && !rc; i++) {
		snprintf(rel, sizeof(rel), "cpu/%u/availability", i);
		rc = put(c, c->home, rel, "%s", i < cfg->vcpus ? "online" : "offline");
	}
	return rc;
}

static int put_rings(struct xs_ctx *c)
{
	const struct ctl_build_result *b = c->a->build;
	int rc = put(c, c->home, "console/ring-ref", "%llu", (unsigned long long)b->console_gfn);

	if (!rc)
		rc = put(c, c->home, "console/port", "%u", b->console_port);
	if (!rc)
		rc = put(c, c->home, "console/type", "xenconsoled");
	if (!rc)
		rc = put(c, c->home, "console/limit", "%d", CONSOLE_LIMIT);
	if (!rc)
		rc = put(c, c->home, "console/output", "pty");
	if (!rc)
		rc = put(c, c->home, "store/ring-ref", "%llu", (unsigned long long)b->store_gfn);
	if (!rc)
		rc = put(c, c->home, "store/port", "%u", b->store_port);
	return rc;
}

static int put_control(struct xs_ctx *c)
{
	char path[DOM_PATH_LEN];
	int rc = join(c, c->home, "device", path);

	if (!rc)
		rc = ctl_xs_mkdir(c->xs, c->tx, path);
	if (!rc)
		rc = put(c, c->home, "control/platform-feature-xs_reset_watches", "1");
	for (size_t i = 0; i < sizeof(guest_nodes) / sizeof(guest_nodes[0]) && !rc; i++)
		rc = put_guest(c, guest_nodes[i]);
	return rc;
}

static int put_all(struct xs_ctx *c)
{
	int rc = put_roots(c);

	if (!rc)
		rc = put_vm(c);
	if (!rc)
		rc = put_identity(c);
	if (!rc)
		rc = put_cpus(c);
	if (!rc)
		rc = put_rings(c);
	return rc ? rc : put_control(c);
}

/* One attempt: 0, -EAGAIN if the commit conflicted, or the failure. */
static int write_once(struct xs_ctx *c)
{
	struct dom_err e = { 0 };
	int rc = ctl_xs_transaction_start(c->xs, &c->tx);

	if (rc)
		return rc;
	dom_err_note(c->h, &e, put_all(c));
	rc = ctl_xs_transaction_end(c->xs, c->tx, e.rc == 0);
	if (e.rc)
		return dom_err_report(c->h, &e);
	return rc;
}

int dom_xs_write(struct ctl_handle *h, struct ctl_xs *xs, const struct dom_xs_args *a)
{
	struct xs_ctx c = { .h = h, .xs = xs, .a = a };
	char uuid[DOM_UUID_LEN];
	int rc;

	ctl_uuid_format(a->cfg->uuid, uuid);
	snprintf(c.vm, sizeof(c.vm), VM_PREFIX "%s", uuid);
	rc = ctl_xs_get_domain_path(xs, a->domid, c.home, sizeof(c.home));
	for (int i = 0; !rc && i < XS_TX_TRIES; i++) {
		rc = write_once(&c);
		if (rc != -EAGAIN)
			return rc;
		rc = 0;
	}
	return rc ? rc : ctl_fail(h, -EAGAIN, "xenstore: %s: transaction conflicted %d times",
				  c.home, XS_TX_TRIES);
}

/* rm, a node already gone being fine. */
static int remove_node(struct ctl_xs *xs, const char *path)
{
	int rc = ctl_xs_rm(xs, 0, path);

	return rc == -ENOENT ? 0 : rc;
}

/* "/vm/<one component>": never anything above or beside a domain's own. */
static bool is_vm_path(const char *value)
{
	const char *rest = value + strlen(VM_PREFIX);

	return !strncmp(value, VM_PREFIX, strlen(VM_PREFIX)) && *rest && !strchr(rest, '/') &&
	       strlen(value) < DOM_PATH_LEN;
}

/* The /vm/<uuid> path the domain's vm entry names; "" if none. */
static int vm_path(struct ctl_handle *h, struct ctl_xs *xs, const char *home, char *buf)
{
	char path[DOM_PATH_LEN], *value = NULL;
	int rc;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "%s/vm", home);
	rc = ctl_xs_read(xs, 0, path, &value);
	if (rc == -ENOENT)
		return 0;
	if (rc)
		return rc;
	if (is_vm_path(value))
		strcpy(buf, value);
	else
		rc = ctl_fail(h, -EINVAL, "xenstore: %s = \"%s\": not a /vm/<uuid> path", path,
			      value);
	free(value);
	return rc;
}

int dom_xs_remove(struct ctl_handle *h, struct ctl_xs *xs, uint32_t domid)
{
	char home[DOM_HOME_LEN], vm[DOM_PATH_LEN];
	struct dom_err e = { 0 };
	int rc = ctl_xs_get_domain_path(xs, domid, home, sizeof(home));

	if (rc)
		return rc;
	dom_err_note(h, &e, vm_path(h, xs, home, vm));
	dom_err_note(h, &e, remove_node(xs, home));
	if (vm[0])
		dom_err_note(h, &e, remove_node(xs, vm));
	return dom_err_report(h, &e);
}
