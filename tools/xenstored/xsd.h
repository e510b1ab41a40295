/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * libxenstored: the store and the wire protocol, independent of transport.
 * A transport creates one connection per client, feeds it the bytes the
 * client sent and writes back what the connection queued (replies and watch
 * events).
 */
#ifndef XENSTORED_XSD_H
#define XENSTORED_XSD_H

#include <stdbool.h>
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
/*
 * The nodes Xen's tools create at start (docs/misc/xenstore-paths.pandoc):
 * /local/domain/0 with name "Domain-0" and domid "0", /vm, /tool. 0 or -ENOMEM.
 */
int xsd_store_init_nodes(struct xsd_store *st);

/* Called with every complete request before it is handled (--trace). */
typedef void (*xsd_trace_fn)(void *opaque, const struct xsd_conn *c, const void *msg,
			     size_t len);
void xsd_store_set_trace(struct xsd_store *st, xsd_trace_fn fn, void *opaque);

/*
 * What the transport does when INTRODUCE records a domain and when a domain
 * is forgotten (RELEASE, or found gone by xsd_domains_check()). The daemon
 * sets its Xen glue; tests set fakes; without ops domains are records only.
 */
struct xsd_domain_ops {
	/* Connect domid's ring (frame gfn) and event channel; 0 or -errno. */
	int (*introduce)(void *opaque, uint32_t domid, uint64_t gfn, uint32_t port);
	/* Disconnect domid: free its connection, unmap, unbind. */
	void (*release)(void *opaque, uint32_t domid);
	void *opaque;
};

void xsd_store_set_domain_ops(struct xsd_store *st, const struct xsd_domain_ops *ops);

/* A domain's state as the hypervisor reports it (VIRQ_DOM_EXC handling). */
enum xsd_dom_state {
	XSD_DOM_RUNNING,	/* running or paused: nothing to do */
	XSD_DOM_SHUTDOWN,	/* shut down (or crashed), still exists */
	XSD_DOM_DYING,		/* being destroyed */
	XSD_DOM_GONE,		/* no such domain (-ESRCH) */
};

/* The state of domid, or a negative errno (the domain is then left alone). */
typedef int (*xsd_dom_state_fn)(void *opaque, uint32_t domid);

/*
 * Checks every introduced domain: a newly shut-down one fires
 * @releaseDomain; a dying or gone one is forgotten as RELEASE does (and
 * fires it). One event per check however many domains changed, as Xen does.
 * Returns the number of domains forgotten.
 */
unsigned int xsd_domains_check(struct xsd_store *st, xsd_dom_state_fn state, void *opaque);

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

/*
 * Marks c broken (its transport failed or its peer misbehaved): its
 * watches and transactions are dropped, it is fed and sent nothing more.
 */
void xsd_conn_set_broken(struct xsd_conn *c);
bool xsd_conn_broken(const struct xsd_conn *c);
uint32_t xsd_conn_domid(const struct xsd_conn *c);

#endif
