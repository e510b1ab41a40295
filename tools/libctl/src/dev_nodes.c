// SPDX-License-Identifier: LGPL-2.1-only
/*
 * A device's xenstore nodes (docs/specs/xenstore-paths.md): the backend
 * root B, dom0's, which the guest reads, and the frontend root F, the
 * guest's, which dom0 reads; both written in one transaction, closed on the
 * guest's behalf when forced, removed with the per-domain directories they
 * leave empty.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_int.h"

#define PERM_LEN 16   /* a letter, a domid and the NUL */

int dev_node_add(struct ctl_handle *h, struct dev_nodes *n, const char *key, const char *fmt,
		 ...)
{
	va_list ap;
	int rc;

	if (n->rc)
		return n->rc;
	if (n->n == DEV_MAX_NODES)
		return n->rc = ctl_fail(h, -E2BIG, "device: more than %d nodes", DEV_MAX_NODES);
	va_start(ap, fmt);
	rc = vasprintf(&n->v[n->n].value, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return n->rc = ctl_fail(h, -ENOMEM, "device: out of memory");
	n->v[n->n++].key = key;
	return 0;
}

void dev_nodes_free(struct dev_nodes *n)
{
	for (size_t i = 0; i < n->n; i++)
		free(n->v[i].value);
	n->n = 0;
	n->rc = 0;
}

int dev_exists(struct ctl_xs *xs, uint32_t tx, const char *path)
{
	char *value = NULL;
	int rc = ctl_xs_read(xs, tx, path, &value);

	free(value);
	if (rc == -ENOENT)
		return 0;
	return rc ? rc : 1;
}

long long dev_read_num(struct ctl_xs *xs, const char *root, const char *rel)
{
	char path[DEV_PATH_LEN], *value = NULL, *end;
	long long v = -1;

	if (snprintf(path, sizeof(path), "%s/%s", root, rel) >= (int)sizeof(path))
		return -1;
	if (ctl_xs_read(xs, 0, path, &value))
		return -1;
	if (*value) {
		v = strtoll(value, &end, 10);
		if (*end || v < 0)
			v = -1;
	}
	free(value);
	return v;
}

/* "n<owner>","r<reader>": one side's permission list. */
static int set_perms(struct ctl_xs *xs, uint32_t tx, const char *path, uint32_t owner,
		     uint32_t reader)
{
	char o[PERM_LEN], r[PERM_LEN];
	const char *perms[] = { o, r };

	snprintf(o, sizeof(o), "n%u", owner);
	snprintf(r, sizeof(r), "r%u", reader);
	return ctl_xs_set_perms(xs, tx, path, perms, 2);
}

/* The root with its permissions, then the nodes below it, which inherit them. */
static int put_side(struct ctl_handle *h, struct ctl_xs *xs, uint32_t tx, const char *root,
		    const struct dev_nodes *n, uint32_t owner, uint32_t reader)
{
	char path[DEV_PATH_LEN];
	int rc = ctl_xs_mkdir(xs, tx, root);

	if (!rc)
		rc = set_perms(xs, tx, root, owner, reader);
	for (size_t i = 0; i < n->n && !rc; i++) {
		rc = dev_path(h, root, n->v[i].key, path);
		if (!rc)
			rc = ctl_xs_write(xs, tx, path, n->v[i].value);
	}
	return rc;
}

struct write_arg {
	const struct dev_ref *r;
	const struct dev_nodes *be, *fe;
};

static int absent(struct ctl_handle *h, struct ctl_xs *xs, uint32_t tx,
		  const struct dev_ref *r, const char *root)
{
	int rc = dev_exists(xs, tx, root);

	if (rc == 1)
		return ctl_fail(h, -EEXIST, "%s: already attached to d%u (%s exists)", r->label,
				r->domid, root);
	return rc;
}

static int write_tx(struct ctl_handle *h, struct ctl_xs *xs, uint32_t tx, void *arg)
{
	const struct write_arg *a = arg;
	const struct dev_ref *r = a->r;
	int rc = absent(h, xs, tx, r, r->be);

	if (!rc)
		rc = absent(h, xs, tx, r, r->fe);
	if (!rc)
		rc = put_side(h, xs, tx, r->be, a->be, DEV_BACKEND_DOMID, r->domid);
	if (!rc)
		rc = put_side(h, xs, tx, r->fe, a->fe, r->domid, DEV_BACKEND_DOMID);
	return rc;
}

int dev_nodes_write(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		    const struct dev_nodes *be, const struct dev_nodes *fe)
{
	struct write_arg a = { .r = r, .be = be, .fe = fe };

	if (be->rc || fe->rc)
		return be->rc ? be->rc : fe->rc;
	return dev_tx(h, xs, r->be, write_tx, &a);
}

static int rm_quiet(struct ctl_xs *xs, uint32_t tx, const char *path)
{
	int rc = ctl_xs_rm(xs, tx, path);

	return rc == -ENOENT ? 0 : rc;
}

/* The directory holding root, removed if it has no child left. */
static int rm_parent_if_empty(struct ctl_xs *xs, uint32_t tx, const char *root)
{
	char parent[DEV_PATH_LEN], **names = NULL;
	size_t n = 0;
	int rc;

	snprintf(parent, sizeof(parent), "%s", root);
	*strrchr(parent, '/') = '\0';
	rc = ctl_xs_directory(xs, tx, parent, &names, &n);
	free(names);
	if (rc == -ENOENT)
		return 0;
	return rc || n ? rc : rm_quiet(xs, tx, parent);
}

static int remove_tx(struct ctl_handle *h, struct ctl_xs *xs, uint32_t tx, void *arg)
{
	const struct dev_ref *r = arg;
	int rc = rm_quiet(xs, tx, r->be);

	if (!rc)
		rc = rm_quiet(xs, tx, r->fe);
	if (!rc)
		rc = rm_parent_if_empty(xs, tx, r->be);
	if (!rc)
		rc = rm_parent_if_empty(xs, tx, r->fe);
	return rc;
}

int dev_nodes_remove(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r)
{
	return dev_tx(h, xs, r->be, remove_tx, (void *)r);
}

struct close_arg {
	const struct dev_ref *r;
	bool force;
};

/* root/rel = value if root exists (never recreating a removed device). */
static int put_if_there(struct ctl_handle *h, struct ctl_xs *xs, uint32_t tx, const char *root,
			const char *rel, const char *value)
{
	char path[DEV_PATH_LEN];
	int rc = dev_exists(xs, tx, root);

	if (rc <= 0)
		return rc;
	rc = dev_path(h, root, rel, path);
	return rc ? rc : ctl_xs_write(xs, tx, path, value);
}

static int close_tx(struct ctl_handle *h, struct ctl_xs *xs, uint32_t tx, void *arg)
{
	const struct close_arg *a = arg;
	char closing[PERM_LEN], closed[PERM_LEN];
	int rc = put_if_there(h, xs, tx, a->r->be, "online", "0");

	snprintf(closing, sizeof(closing), "%d", CTL_XB_CLOSING);
	snprintf(closed, sizeof(closed), "%d", CTL_XB_CLOSED);
	if (!rc)
		rc = put_if_there(h, xs, tx, a->r->be, "state", closing);
	if (!rc && a->force)
		rc = put_if_there(h, xs, tx, a->r->fe, "state", closed);
	return rc;
}

int dev_nodes_close(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		    bool force)
{
	struct close_arg a = { .r = r, .force = force };

	return dev_tx(h, xs, r->be, close_tx, &a);
}
