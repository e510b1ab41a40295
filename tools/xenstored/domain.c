// SPDX-License-Identifier: GPL-2.0-only
/*
 * Domains and the store object: INTRODUCE records a domain (its ring page
 * and event channel are kept for the transport, which is not written yet),
 * RELEASE forgets it; both fire their special watch.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

void xsd_quota_default(struct xsd_quota *q)
{
	q->nodes = 1000;
	q->entry_size = 2048;
	q->watches = 128;
	q->transactions = 10;
	q->perms = 5;
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

struct xs_domain *domain_find(const struct xsd_store *st, uint32_t domid)
{
	struct xs_domain *d;

	for (d = st->domains; d && d->domid != domid; d = d->next)
		;
	return d;
}

void domain_free_all(struct xsd_store *st)
{
	struct xs_domain *d;

	while ((d = st->domains)) {
		st->domains = d->next;
		free(d);
	}
}

static int req_domid(const char *s, uint32_t *domid)
{
	uint64_t v;

	if (req_uint(s, XS_DOMID_MAX, &v))
		return -EINVAL;
	*domid = (uint32_t)v;
	return 0;
}

/* INTRODUCE <domid>|<gfn>|<evtchn>| (privileged) */
int op_introduce(struct xs_req *r)
{
	char *argv[3];
	uint64_t gfn, port;
	uint32_t domid;
	struct xs_domain *d;

	if (!conn_privileged(r->c))
		return -EACCES;
	if (req_args(r, argv, 3) || req_domid(argv[0], &domid) || !domid ||
	    req_uint(argv[1], UINT64_MAX, &gfn) || req_uint(argv[2], UINT32_MAX, &port))
		return -EINVAL;
	if (domain_find(r->c->st, domid))
		return -EEXIST;
	d = calloc(1, sizeof(*d));
	if (!d)
		return -ENOMEM;
	*d = (struct xs_domain){ domid, gfn, (uint32_t)port, r->c->st->domains };
	r->c->st->domains = d;
	req_reply(r, "OK", 3);
	watch_fire_special(r->c->st, "@introduceDomain");
	return 0;
}

/* RELEASE <domid>| (privileged): forgets the domain and its clients' state. */
int op_release(struct xs_req *r)
{
	struct xsd_store *st = r->c->st;
	struct xs_domain **pp, *d;
	char *argv[1];
	uint32_t domid;

	if (!conn_privileged(r->c))
		return -EACCES;
	if (req_args(r, argv, 1) || req_domid(argv[0], &domid))
		return -EINVAL;
	d = domain_find(st, domid);
	if (!d)
		return -ENOENT;
	for (pp = &st->domains; *pp != d; pp = &(*pp)->next)
		;
	*pp = d->next;
	free(d);
	for (struct xsd_conn *c = st->conns; c; c = c->next) {
		if (c->domid == domid) {
			watch_free_all(c);
			trans_free_all(c);
		}
	}
	req_reply(r, "OK", 3);
	watch_fire_special(st, "@releaseDomain");
	return 0;
}

/* GET_DOMAIN_PATH <domid>| -> /local/domain/<domid> */
int op_get_domain_path(struct xs_req *r)
{
	char *argv[1], path[32];
	uint32_t domid;
	size_t len;

	if (req_args(r, argv, 1) || req_domid(argv[0], &domid))
		return -EINVAL;
	len = path_home(domid, path, sizeof(path));
	return req_reply(r, path, len + 1);
}

/* IS_DOMAIN_INTRODUCED <domid>| -> T or F */
int op_is_domain_introduced(struct xs_req *r)
{
	char *argv[1];
	uint32_t domid;

	if (req_args(r, argv, 1) || req_domid(argv[0], &domid))
		return -EINVAL;
	if (domid == 0 || domain_find(r->c->st, domid))
		return req_reply(r, "T", 2);
	return req_reply(r, "F", 2);
}
