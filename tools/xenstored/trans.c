// SPDX-License-Identifier: GPL-2.0-only
/*
 * Transactions: each works on a private snapshot of the store, remembers the
 * generation of every node it read or wrote and logs its changes. Commit
 * fails with EAGAIN if any of those nodes changed in the store since; else
 * the log is replayed onto a copy of the store, which then replaces it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

struct xs_trans *trans_find(const struct xsd_conn *c, uint32_t id)
{
	struct xs_trans *t;

	for (t = c->trans; t && t->id != id; t = t->next)
		;
	return t;
}

int trans_record(struct xs_ctx *x, const char *path)
{
	struct xs_access *a;
	struct xs_node *n;

	if (!x->t)
		return 0;
	for (a = x->t->acc; a; a = a->next)
		if (!strcmp(a->path, path))
			return 0;
	a = calloc(1, sizeof(*a));
	if (!a || !(a->path = strdup(path))) {
		free(a);
		return -ENOMEM;
	}
	n = node_lookup(x->root, path);
	a->gen = n ? n->gen : 0;
	a->next = x->t->acc;
	x->t->acc = a;
	return 0;
}

int trans_log(struct xs_ctx *x, uint32_t type, const char *path, const void *data,
	      size_t len)
{
	size_t bytes = type == XS_SET_PERMS ? len * sizeof(struct xs_perm) : len;
	struct xs_logop *op;

	if (!x->t)
		return 0;
	op = calloc(1, sizeof(*op));
	if (!op)
		return -ENOMEM;
	op->path = strdup(path);
	op->data = malloc(bytes + 1);
	if (!op->path || !op->data) {
		free(op->path);
		free(op->data);
		free(op);
		return -ENOMEM;
	}
	if (bytes)
		memcpy(op->data, data, bytes);
	op->type = type;
	op->len = len;
	*x->t->tail = op;
	x->t->tail = &op->next;
	return 0;
}

static void trans_free(struct xs_trans *t)
{
	struct xs_access *a;
	struct xs_logop *op;

	while ((a = t->acc)) {
		t->acc = a->next;
		free(a->path);
		free(a);
	}
	while ((op = t->log)) {
		t->log = op->next;
		free(op->path);
		free(op->data);
		free(op);
	}
	node_free(t->root);
	free(t);
}

int trans_start(struct xsd_conn *c, uint32_t *id)
{
	struct xs_trans *t;

	if (!conn_privileged(c) && c->ntrans >= c->st->quota.transactions)
		return -ENOSPC;
	t = calloc(1, sizeof(*t));
	if (!t || !(t->root = node_clone(c->st->root, NULL))) {
		free(t);
		return -ENOMEM;
	}
	do
		t->id = ++c->next_txid;
	while (!t->id || trans_find(c, t->id));
	t->tail = &t->log;
	t->next = c->trans;
	c->trans = t;
	c->ntrans++;
	*id = t->id;
	return 0;
}

static bool trans_conflicts(const struct xsd_store *st, const struct xs_trans *t)
{
	const struct xs_node *n;

	for (const struct xs_access *a = t->acc; a; a = a->next) {
		n = node_lookup(st->root, a->path);
		if ((n ? n->gen : 0) != a->gen)
			return true;
	}
	return false;
}

static int replay_op(struct xs_ctx *x, const struct xs_logop *op)
{
	switch (op->type) {
	case XS_WRITE:
		return store_write(x, op->path, op->data, op->len);
	case XS_MKDIR:
		return store_mkdir(x, op->path);
	case XS_RM:
		return store_rm(x, op->path);
	case XS_SET_PERMS:
		return store_set_perms(x, op->path, op->data, (unsigned int)op->len);
	default:
		return -EINVAL;
	}
}

/* Replays t's log onto a copy of the store and installs it. */
static int trans_apply(struct xsd_conn *c, const struct xs_trans *t)
{
	struct xs_ctx x = { .conn = c };
	const struct xs_logop *op;
	int rc = 0;

	x.root = node_clone(c->st->root, NULL);
	if (!x.root)
		return -ENOMEM;
	for (op = t->log; op && !rc; op = op->next)
		rc = replay_op(&x, op);
	if (rc) {
		node_free(x.root);
	} else {
		node_free(c->st->root);
		c->st->root = x.root;
		watch_fire_changes(c->st, &x.changes);
	}
	ctx_release(&x);
	return rc;
}

static void trans_unlink(struct xsd_conn *c, struct xs_trans *t)
{
	struct xs_trans **pp;

	for (pp = &c->trans; *pp != t; pp = &(*pp)->next)
		;
	*pp = t->next;
	c->ntrans--;
}

int trans_end(struct xsd_conn *c, struct xs_trans *t, bool commit)
{
	int rc = 0;

	trans_unlink(c, t);
	if (commit && t->log)
		rc = trans_conflicts(c->st, t) ? -EAGAIN : trans_apply(c, t);
	else if (commit)
		rc = trans_conflicts(c->st, t) ? -EAGAIN : 0;
	trans_free(t);
	return rc;
}

void trans_free_all(struct xsd_conn *c)
{
	struct xs_trans *t;

	while ((t = c->trans)) {
		c->trans = t->next;
		trans_free(t);
	}
	c->ntrans = 0;
}
