/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstore shared ring: one page shared by xenstored and a domain, with
 * a request queue (domain -> xenstored) and a response queue (replies and
 * watch events). Layout and rules: Xen's docs/misc/xenstore-ring.txt (also
 * Linux include/xen/interface/io/xs_wire.h, struct
 * xenstore_domain_interface); see docs/specs/xenstore.md.
 */
#ifndef XENSTORED_XSD_RING_H
#define XENSTORED_XSD_RING_H

#include <stddef.h>
#include <stdint.h>

#include "xsd.h"

#define XSD_RING_SIZE	1024u	/* bytes of each queue (XENSTORE_RING_SIZE) */

/* Server feature bits (xenstore-ring.txt, "Server feature bitmap"). */
#define XSD_RING_FEATURE_RECONNECTION	(1u << 0)
#define XSD_RING_FEATURE_ERROR		(1u << 1)

/* Connection state values (xenstore-ring.txt, "Connection state"). */
#define XSD_RING_CONNECTED	0u
#define XSD_RING_RECONNECT	1u

/* Connection error indicator values (xenstore-ring.txt). */
#define XSD_RING_ERROR_NONE	0u
#define XSD_RING_ERROR_COMM	1u	/* event channel not functional */
#define XSD_RING_ERROR_RINGIDX	2u	/* inconsistent producer or consumer */
#define XSD_RING_ERROR_PROTO	3u	/* protocol violation (packet too long) */

/*
 * Indexes are free-running byte counts modulo 2^32; byte x of a stream is at
 * offset x % XSD_RING_SIZE of its queue.
 */
struct xsd_ring {
	char req[XSD_RING_SIZE];	/* written by the domain */
	char rsp[XSD_RING_SIZE];	/* written by xenstored */
	uint32_t req_cons, req_prod;
	uint32_t rsp_cons, rsp_prod;
	uint32_t server_features;	/* XSD_RING_FEATURE_*, only ever set */
	uint32_t connection;		/* 0: connected (reconnection feature) */
	uint32_t error;			/* XSD_RING_ERROR_* */
};

/* The offsets of xenstore-ring.txt's table. */
_Static_assert(offsetof(struct xsd_ring, rsp) == 1024, "rsp offset");
_Static_assert(offsetof(struct xsd_ring, req_cons) == 2048, "req_cons offset");
_Static_assert(offsetof(struct xsd_ring, req_prod) == 2052, "req_prod offset");
_Static_assert(offsetof(struct xsd_ring, rsp_cons) == 2056, "rsp_cons offset");
_Static_assert(offsetof(struct xsd_ring, rsp_prod) == 2060, "rsp_prod offset");
_Static_assert(offsetof(struct xsd_ring, server_features) == 2064, "features offset");
_Static_assert(offsetof(struct xsd_ring, connection) == 2068, "connection offset");
_Static_assert(offsetof(struct xsd_ring, error) == 2072, "error offset");
_Static_assert((XSD_RING_SIZE & (XSD_RING_SIZE - 1)) == 0, "ring size is a power of 2");

/*
 * Before serving a ring: advertises the error indicator feature and marks
 * the ring connected, as Xen's xenstored does at INTRODUCE.
 */
void xsd_ring_attach(struct xsd_ring *r);

/*
 * Serves c over r: pulls the request bytes the domain produced into
 * xsd_conn_feed() (while c has less than one maximal message queued), and
 * pushes c's queued output into the response queue as space allows.
 * Returns 1 if the domain must be notified (an index moved), 0 if not, or
 * -EPIPE if the connection is broken: indexes claiming more than
 * XSD_RING_SIZE bytes, or a protocol error. Then r->error is set, c is
 * marked broken and every later call returns -EPIPE without touching r.
 */
int xsd_ring_serve(struct xsd_ring *r, struct xsd_conn *c);

#endif
