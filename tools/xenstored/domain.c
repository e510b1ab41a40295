// SPDX-License-Identifier: GPL-2.0-only
/*
 * Domains: INTRODUCE records a domain and asks the transport to connect its
 * ring, RELEASE (or the domain's death, found by xsd_domains_check()) forgets
 * it and disconnects it; both fire their special watch.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

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

/* Unlinks d, tells the transport, drops what its clients left; frees d. */
void domain_forget(struct xsd_store *st, struct xs_domain *d)
{
	struct xs_domain **pp;
	uint32_t domid = d->domid;

	for (pp = &st->domains; *pp != d; pp = &(*pp)->next)
		;
	*pp = d->next;
	free(d);
	if (st->dops.release)
		st->dops.release(st->dops.opaque, domid);
	for (struct xsd_conn *c = st->conns; c; c = c->next) {
		if (c->domid == domid) {
			watch_free_all(c);
			trans_free_all(c);
		}
	}
}

/* A known domain introduced again: the same ring and channel is a no-op. */
static int introduce_again(const struct xs_domain *d, uint64_t gfn, uint64_t port)
{
	return d->gfn == gfn && d->evtchn == port ? 0 : -EINVAL;
}

/* Records domid and has the transport connect it; nothing is left on failure. */
static int domain_add(struct xsd_store *st, uint32_t domid, uint64_t gfn, uint32_t port)
{
	struct xs_domain *d = calloc(1, sizeof(*d));
	int rc = d ? 0 : -ENOMEM;

	if (!rc && st->dops.introduce)
		rc = st->dops.introduce(st->dops.opaque, domid, gfn, port);
	if (rc) {
		free(d);
		return rc;
	}
	*d = (struct xs_domain){ .domid = domid, .gfn = gfn, .evtchn = port,
				 .next = st->domains };
	st->domains = d;
	return 0;
}

/* INTRODUCE <domid>|<gfn>|<evtchn>| (privileged) */
int op_introduce(struct xs_req *r)
{
	struct xsd_store *st = r->c->st;
	struct xs_domain *d;
	char *argv[3];
	uint64_t gfn, port;
	uint32_t domid;
	int rc;

	if (!conn_privileged(r->c))
		return -EACCES;
	if (req_args(r, argv, 3) || req_domid(argv[0], &domid) || !domid ||
	    req_uint(argv[1], UINT64_MAX, &gfn) || req_uint(argv[2], UINT32_MAX, &port))
		return -EINVAL;
	d = domain_find(st, domid);
	if (d)
		return introduce_again(d, gfn, port);
	rc = domain_add(st, domid, gfn, (uint32_t)port);
	if (rc)
		return rc;
	req_reply(r, "OK", 3);
	watch_fire_special(st, "@introduceDomain");
	return 0;
}

/* RELEASE <domid>| (privileged): forgets the domain and its clients' state. */
int op_release(struct xs_req *r)
{
	struct xsd_store *st = r->c->st;
	struct xs_domain *d;
	char *argv[1];
	uint32_t domid;

	if (!conn_privileged(r->c))
		return -EACCES;
	if (req_args(r, argv, 1) || req_domid(argv[0], &domid))
		return -EINVAL;
	d = domain_find(st, domid);
	if (!d)
		return -ENOENT;
	domain_forget(st, d);
	req_reply(r, "OK", 3);
	watch_fire_special(st, "@releaseDomain");
	return 0;
}

/* Whether d's state calls for @releaseDomain; *forget if it must go as well. */
static bool domain_exc(struct xs_domain *d, int state, bool *forget)
{
	*forget = state == XSD_DOM_DYING || state == XSD_DOM_GONE;
	if (*forget)
		return true;
	if (state != XSD_DOM_SHUTDOWN || d->shutdown)
		return false;
	d->shutdown = true;
	return true;
}

unsigned int xsd_domains_check(struct xsd_store *st, xsd_dom_state_fn state, void *opaque)
{
	struct xs_domain *d, *next;
	unsigned int gone = 0;
	bool fire = false, forget;

	for (d = st->domains; d; d = next) {
		next = d->next;
		if (!domain_exc(d, state(opaque, d->domid), &forget))
			continue;
		fire = true;
		if (forget) {
			domain_forget(st, d);
			gone++;
		}
	}
	if (fire)
		watch_fire_special(st, "@releaseDomain");
	return gone;
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
