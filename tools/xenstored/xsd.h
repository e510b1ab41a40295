/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstored: the store and the wire protocol, independent of transport.
 * A transport creates one connection per client, feeds it the bytes the
 * client sent and writes back what the connection queued (replies and watch
 * events).
 */
#ifndef XENSTORED_XSD_H
#define XENSTORED_XSD_H

#include <stddef.h>
#include <stdint.h>

struct xsd_store;
struct xsd_conn;

/* Per-domain quotas; Xen's defaults from xsd_quota_default(). */
struct xsd_quota {
	unsigned int nodes;		/* nodes owned by one domain */
	unsigned int entry_size;	/* bytes of one node's value */
	unsigned int watches;		/* watches of one connection */
	unsigned int transactions;	/* open transactions of one connection */
	unsigned int perms;		/* permission entries of one node */
};

void xsd_quota_default(struct xsd_quota *q);

struct xsd_store *xsd_store_new(const struct xsd_quota *q);
void xsd_store_free(struct xsd_store *st);
/* Number of nodes in the committed tree (for tests and statistics). */
unsigned int xsd_store_nodes(const struct xsd_store *st);

/* A client acting for domid; domid 0 is privileged. NULL on ENOMEM. */
struct xsd_conn *xsd_conn_new(struct xsd_store *st, uint32_t domid);
void xsd_conn_free(struct xsd_conn *c);

/*
 * Consumes len bytes from the client and handles every complete message.
 * Returns 0, or a negative errno once the connection is unusable (a header
 * announcing more than XENSTORE_PAYLOAD_MAX bytes; E2BIG was queued first).
 */
int xsd_conn_feed(struct xsd_conn *c, const void *buf, size_t len);

/* Bytes queued for the client; xsd_conn_consume() drops n of them. */
const void *xsd_conn_output(const struct xsd_conn *c, size_t *len);
void xsd_conn_consume(struct xsd_conn *c, size_t n);

#endif
