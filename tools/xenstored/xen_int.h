/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Xen transports' shared state: the libctl handle, the event channel
 * device, and one endpoint per ring served (dom0's kernel, each guest).
 */
#ifndef XENSTORED_XEN_INT_H
#define XENSTORED_XEN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xsd.h"
#include "xsd_ring.h"

struct ctl_handle;
struct ctl_evtchn;

/* A ring being served. */
struct xen_ep {
	uint32_t domid;
	struct xsd_ring *ring;
	size_t maplen;		/* bytes mmap()ed from xsd_kva; 0: a foreign map */
	uint32_t lport;		/* our end of the domain's event channel */
	struct xsd_conn *conn;
	bool broken;		/* logged and notified once */
	bool gone;		/* released: conn, map and port already dropped */
	struct xen_ep *next;
};

struct xen_tp {
	struct xsd_store *st;
	struct ctl_handle *h;
	struct ctl_evtchn *ev;
	int virq_port;		/* VIRQ_DOM_EXC's local port, -1 if not bound */
	struct xen_ep *eps;
};

/* xen_rings.c */
struct xen_ep *ep_add(struct xen_tp *x, uint32_t domid, struct xsd_ring *ring, size_t maplen,
		      uint32_t lport);
struct xen_ep *ep_find(const struct xen_tp *x, uint32_t domid);
struct xen_ep *ep_by_port(const struct xen_tp *x, uint32_t lport);
/* Drops ep's connection, map and port now; the struct goes at ep_reap(). */
void ep_release(struct xen_tp *x, struct xen_ep *ep);
void ep_reap(struct xen_tp *x);
void ep_notify(struct xen_tp *x, struct xen_ep *ep);
/* Serves every ring until nothing moves; true if it stopped with work left. */
bool ep_serve_all(struct xen_tp *x);

#endif
