// SPDX-License-Identifier: GPL-2.0-only
/*
 * The rings the daemon serves: one endpoint per domain (and dom0's kernel),
 * with its mapping, event channel and connection. A broken ring is logged,
 * its domain notified once (to see the ring's error field), and left alone.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include <libctl.h>

#include "daemon.h"
#include "xen_int.h"

/*
 * Passes over all rings in one ep_serve_all(): replies to one domain can
 * queue watch events for another, so passes repeat until nothing moves.
 */
#define SERVE_MAX_PASSES	16

struct xen_ep *ep_add(struct xen_tp *x, uint32_t domid, struct xsd_ring *ring, size_t maplen,
		      uint32_t lport)
{
	struct xen_ep *ep = calloc(1, sizeof(*ep));

	if (!ep)
		return NULL;
	ep->conn = xsd_conn_new(x->st, domid);
	if (!ep->conn) {
		free(ep);
		return NULL;
	}
	ep->domid = domid;
	ep->ring = ring;
	ep->maplen = maplen;
	ep->lport = lport;
	ep->next = x->eps;
	x->eps = ep;
	xsd_ring_attach(ring);
	log_event("d%u: ring connected, event channel port %u", domid, lport);
	return ep;
}

struct xen_ep *ep_find(const struct xen_tp *x, uint32_t domid)
{
	struct xen_ep *ep;

	for (ep = x->eps; ep && (ep->gone || ep->domid != domid); ep = ep->next)
		;
	return ep;
}

struct xen_ep *ep_by_port(const struct xen_tp *x, uint32_t lport)
{
	struct xen_ep *ep;

	for (ep = x->eps; ep && (ep->gone || ep->lport != lport); ep = ep->next)
		;
	return ep;
}

void ep_notify(struct xen_tp *x, struct xen_ep *ep)
{
	if (ctl_evtchn_notify(x->ev, ep->lport))
		log_error("d%u: %s", ep->domid, ctl_errmsg(x->h));
}

void ep_release(struct xen_tp *x, struct xen_ep *ep)
{
	if (ep->gone)
		return;
	xsd_conn_free(ep->conn);
	if (ep->maplen)
		munmap(ep->ring, ep->maplen);
	else if (ctl_unmap_foreign(x->h, ep->ring, 1))
		log_error("d%u: %s", ep->domid, ctl_errmsg(x->h));
	if (ctl_evtchn_unbind(x->ev, ep->lport))
		log_error("d%u: %s", ep->domid, ctl_errmsg(x->h));
	ep->conn = NULL;
	ep->ring = NULL;
	ep->gone = true;
	log_event("d%u: ring disconnected", ep->domid);
}

void ep_reap(struct xen_tp *x)
{
	struct xen_ep **pp = &x->eps, *ep;

	while ((ep = *pp)) {
		if (ep->gone) {
			*pp = ep->next;
			free(ep);
		} else {
			pp = &ep->next;
		}
	}
}

/* Serves ep once; true if anything moved. */
static bool ep_serve(struct xen_tp *x, struct xen_ep *ep)
{
	int rc;

	if (ep->gone || ep->broken)
		return false;
	rc = xsd_ring_serve(ep->ring, ep->conn);
	if (rc > 0)
		ep_notify(x, ep);
	if (rc >= 0)
		return rc > 0;
	ep->broken = true;
	log_error("d%u: ring broken (error indicator %u): domain no longer served", ep->domid,
		  ep->ring->error);
	ep_notify(x, ep);
	return false;
}

bool ep_serve_all(struct xen_tp *x)
{
	bool moved = true;

	for (unsigned int pass = 0; moved && pass < SERVE_MAX_PASSES; pass++) {
		moved = false;
		for (struct xen_ep *ep = x->eps; ep; ep = ep->next)
			moved |= ep_serve(x, ep);
	}
	ep_reap(x);
	return moved;
}
