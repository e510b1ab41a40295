// SPDX-License-Identifier: GPL-2.0-only
/*
 * The store object: its quotas, creation and freeing, the transport's
 * domain hooks, and the nodes Xen's tools create before any client runs.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

/* Xen's C xenstored defaults (tools/xenstored/core.c, quota_* variables). */
#define QUOTA_NODES		1000
#define QUOTA_ENTRY_SIZE	2048
#define QUOTA_WATCHES		128
#define QUOTA_TRANSACTIONS	10
#define QUOTA_PERMS		5

void xsd_quota_default(struct xsd_quota *q)
{
	q->nodes = QUOTA_NODES;
	q->entry_size = QUOTA_ENTRY_SIZE;
	q->watches = QUOTA_WATCHES;
	q->transactions = QUOTA_TRANSACTIONS;
	q->perms = QUOTA_PERMS;
}

struct xsd_store *xsd_store_new(const struct xsd_quota *q)
{
	static const struct xs_perm root_perm = { 0, XS_PERM_NONE };
	struct xsd_store *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	if (q)
		st->quota = *q;
	else
		xsd_quota_default(&st->quota);
	st->root = node_new(NULL, "", 0);
	if (!st->root || node_set_perms(st->root, &root_perm, 1)) {
		node_free(st->root);
		free(st);
		return NULL;
	}
	return st;
}

/* The transport's hooks are not called: it closes its own connections first. */
void xsd_store_free(struct xsd_store *st)
{
	if (!st)
		return;
	while (st->conns)
		xsd_conn_free(st->conns);
	domain_free_all(st);
	node_free(st->root);
	free(st);
}

unsigned int xsd_store_nodes(const struct xsd_store *st)
{
	return node_count(st->root, true, 0);
}

void xsd_store_set_domain_ops(struct xsd_store *st, const struct xsd_domain_ops *ops)
{
	if (ops)
		st->dops = *ops;
	else
		memset(&st->dops, 0, sizeof(st->dops));
}

void xsd_store_set_trace(struct xsd_store *st, xsd_trace_fn fn, void *opaque)
{
	st->trace = fn;
	st->trace_opaque = opaque;
}

/* What xen-init-dom0 and xenstored's own setup leave in the store. */
static int init_nodes(struct xs_ctx *x)
{
	static const char *const dirs[] = { "/local/domain", "/vm", "/tool" };
	int rc = 0;

	for (size_t i = 0; !rc && i < sizeof(dirs) / sizeof(dirs[0]); i++)
		rc = store_mkdir(x, dirs[i]);
	if (!rc)
		rc = store_write(x, "/local/domain/0/name", "Domain-0", strlen("Domain-0"));
	if (!rc)
		rc = store_write(x, "/local/domain/0/domid", "0", 1);
	return rc;
}

int xsd_store_init_nodes(struct xsd_store *st)
{
	struct xsd_conn *c = xsd_conn_new(st, 0);
	struct xs_ctx x = { .conn = c, .root = st->root };
	int rc;

	if (!c)
		return -ENOMEM;
	rc = init_nodes(&x);
	if (!rc)
		watch_fire_changes(st, &x.changes);
	ctx_release(&x);
	xsd_conn_free(c);
	return rc;
}
