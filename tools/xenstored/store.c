// SPDX-License-Identifier: GPL-2.0-only
/*
 * The store's operations on a tree (the committed store or a transaction's
 * snapshot), with permission checks, quotas, the transaction's bookkeeping
 * and the list of changes watchers will hear about.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

static void node_touch(struct xs_ctx *x, struct xs_node *n)
{
	n->gen = ++x->conn->st->gen;
}

static int ctx_change(struct xs_ctx *x, const char *path, const struct xs_node *n,
		      bool removed)
{
	struct xs_change *ch;

	if (x->t)
		return 0;	/* reported when the transaction commits */
	ch = calloc(1, sizeof(*ch));
	if (!ch)
		return -ENOMEM;
	ch->path = strdup(path);
	ch->perms = malloc(n->nperms * sizeof(*n->perms));
	if (!ch->path || !ch->perms) {
		free(ch->path);
		free(ch->perms);
		free(ch);
		return -ENOMEM;
	}
	memcpy(ch->perms, n->perms, n->nperms * sizeof(*n->perms));
	ch->nperms = n->nperms;
	ch->removed = removed;
	ch->next = x->changes;
	x->changes = ch;
	return 0;
}

void ctx_release(struct xs_ctx *x)
{
	struct xs_change *ch;

	while ((ch = x->changes)) {
		x->changes = ch->next;
		free(ch->path);
		free(ch->perms);
		free(ch);
	}
}

int store_get(struct xs_ctx *x, const char *path, unsigned int want, struct xs_node **out)
{
	struct xs_node *n;
	int rc = trans_record(x, path);

	if (rc)
		return rc;
	n = node_lookup(x->root, path);
	if (!n)
		return -ENOENT;
	if (!perms_allow(x->conn, n->perms, n->nperms, want))
		return -EACCES;
	*out = n;
	return 0;
}

/* The deepest existing node on path; *rest points at the first missing component. */
static struct xs_node *node_deepest(struct xs_node *root, const char *path, const char **rest)
{
	struct xs_node *n = root, *k;
	size_t len;

	for (;;) {
		path += strspn(path, "/");
		len = strcspn(path, "/");
		k = len ? node_child(n, path, len) : NULL;
		if (!k)
			break;
		n = k;
		path += len;
	}
	*rest = path;
	return n;
}

static unsigned int path_components(const char *p)
{
	unsigned int count = 0;

	for (; *p; p += strcspn(p, "/"), p += strspn(p, "/"))
		count++;
	return count;
}

/* Records path[0..len) (the root if len is 0) in the transaction. */
static int record_prefix(struct xs_ctx *x, const char *path, size_t len)
{
	char *p = len ? strndup(path, len) : strdup("/");
	int rc = p ? trans_record(x, p) : -ENOMEM;

	free(p);
	return rc;
}

/* Records the existing ancestor (rest - path) and every node to be created. */
static int record_creation(struct xs_ctx *x, const char *path, const char *rest)
{
	size_t at = (size_t)(rest - path);
	int rc = record_prefix(x, path, at ? at - 1 : 0);

	while (!rc && path[at]) {
		at += strcspn(path + at, "/");
		rc = record_prefix(x, path, at);
		at += strspn(path + at, "/");
	}
	return rc;
}

static int check_create(struct xs_ctx *x, struct xs_node *anc, const char *rest)
{
	struct xsd_store *st = x->conn->st;
	unsigned int owned;

	if (!perms_allow(x->conn, anc->perms, anc->nperms, XS_PERM_WRITE))
		return -EACCES;
	if (conn_privileged(x->conn))
		return 0;
	owned = node_count(x->root, false, x->conn->domid);
	return owned + path_components(rest) > st->quota.nodes ? -ENOSPC : 0;
}

/* New node named name[0..len) under parent, inheriting its permissions. */
static struct xs_node *node_spawn(struct xs_ctx *x, struct xs_node *parent, const char *name,
				  size_t len)
{
	struct xs_node *n = node_new(parent, name, len);

	if (!n)
		return NULL;
	if (node_set_perms(n, parent->perms, parent->nperms)) {
		node_free(n);
		return NULL;
	}
	if (!conn_privileged(x->conn))
		n->perms[0].domid = x->conn->domid;
	node_touch(x, n);
	return n;
}

/* Creates the missing nodes of path below anc; all or nothing. */
static int create_chain(struct xs_ctx *x, struct xs_node *anc, const char *rest,
			struct xs_node **out)
{
	struct xs_node *n = anc, *first = NULL;
	size_t len;

	while (*rest) {
		len = strcspn(rest, "/");
		n = node_spawn(x, n, rest, len);
		if (!n) {
			node_free(first);
			return -ENOMEM;
		}
		first = first ? first : n;
		rest += len;
		rest += strspn(rest, "/");
	}
	node_touch(x, anc);
	*out = n;
	return 0;
}

/* The node at path, created with its missing parents if needed. */
static int node_obtain(struct xs_ctx *x, const char *path, struct xs_node **out)
{
	const char *rest;
	struct xs_node *anc = node_deepest(x->root, path, &rest);
	int rc;

	if (!*rest) {
		if (!perms_allow(x->conn, anc->perms, anc->nperms, XS_PERM_WRITE))
			return -EACCES;
		*out = anc;
		return trans_record(x, path);
	}
	rc = check_create(x, anc, rest);
	if (!rc)
		rc = record_creation(x, path, rest);
	return rc ? rc : create_chain(x, anc, rest, out);
}

int store_write(struct xs_ctx *x, const char *path, const void *val, size_t len)
{
	struct xs_node *n;
	int rc;

	if (!conn_privileged(x->conn) && len > x->conn->st->quota.entry_size)
		return -ENOSPC;
	rc = node_obtain(x, path, &n);
	if (!rc)
		rc = node_set_value(n, val, len);
	if (rc)
		return rc;
	node_touch(x, n);
	rc = ctx_change(x, path, n, false);
	return rc ? rc : trans_log(x, XS_WRITE, path, val, len);
}

int store_mkdir(struct xs_ctx *x, const char *path)
{
	struct xs_node *n = node_lookup(x->root, path);
	int rc;

	if (n)
		return trans_record(x, path);
	rc = node_obtain(x, path, &n);
	if (!rc)
		rc = ctx_change(x, path, n, false);
	return rc ? rc : trans_log(x, XS_MKDIR, path, NULL, 0);
}

static int record_subtree(struct xs_ctx *x, const struct xs_node *n, const char *path)
{
	size_t pl = strlen(path);
	int rc = trans_record(x, path);

	for (unsigned int i = 0; !rc && i < n->nkids; i++) {
		size_t kl = strlen(n->kids[i]->name);
		char *kp = malloc(pl + kl + 2);

		if (!kp)
			return -ENOMEM;
		memcpy(kp, path, pl);
		kp[pl] = '/';
		memcpy(kp + pl + 1, n->kids[i]->name, kl + 1);
		rc = record_subtree(x, n->kids[i], kp);
		free(kp);
	}
	return rc;
}

int store_rm(struct xs_ctx *x, const char *path)
{
	const char *rest;
	struct xs_node *n = node_deepest(x->root, path, &rest);
	int rc;

	if (!strcmp(path, "/"))
		return -EINVAL;
	if (*rest) {	/* missing: fine if only the leaf is */
		rc = record_creation(x, path, rest);
		return rc ? rc : (strchr(rest, '/') ? -ENOENT : 0);
	}
	if (!perms_allow(x->conn, n->perms, n->nperms, XS_PERM_WRITE))
		return -EACCES;
	rc = record_prefix(x, path, (size_t)(strrchr(path, '/') - path));
	if (!rc)
		rc = record_subtree(x, n, path);
	if (!rc)
		rc = ctx_change(x, path, n, true);
	if (rc)
		return rc;
	node_touch(x, n->parent);
	node_free(n);
	return trans_log(x, XS_RM, path, NULL, 0);
}

int store_set_perms(struct xs_ctx *x, const char *path, const struct xs_perm *p,
		    unsigned int np)
{
	struct xs_node *n;
	int rc = store_get(x, path, XS_PERM_NONE, &n);

	if (rc)
		return rc;
	if (!conn_privileged(x->conn)) {
		if (n->perms[0].domid != x->conn->domid || p[0].domid != x->conn->domid)
			return -EACCES;
		if (np > x->conn->st->quota.perms)
			return -ENOSPC;
	}
	rc = node_set_perms(n, p, np);
	if (rc)
		return rc;
	node_touch(x, n);
	rc = ctx_change(x, path, n, false);
	return rc ? rc : trans_log(x, XS_SET_PERMS, path, p, np);
}
