// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ring transport: moves bytes between a shared xenstore ring and a
 * connection. The domain may rewrite any field at any time, so every index
 * is loaded once, checked, and only masked offsets are used.
 *
 * Ordering (xenstore-ring.txt: "updates must be ordered carefully"):
 * requests: load req_prod, acquire fence, copy the bytes, full fence, store
 * req_cons (the domain may reuse the space only after we read it);
 * responses: load rsp_cons, full fence, copy the bytes, release fence,
 * store rsp_prod (the domain sees the bytes before the index).
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "xs_wire.h"
#include "xsd_ring.h"

#define RING_MASK	(XSD_RING_SIZE - 1)

/* Requests are not read while a maximal reply is still queued (flow control). */
#define RING_BACKLOG_MAX	(sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX)

/*
 * Pull/push rounds per call, to bound the work one domain gets per event;
 * bytes it adds later come with their own notification.
 */
#define RING_MAX_ROUNDS	8

static uint32_t idx_load(const uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static void idx_store(uint32_t *p, uint32_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELAXED);
}

/* Copies len bytes of queue q from stream offset idx, across the wrap. */
static void queue_read(void *dst, const char *q, uint32_t idx, size_t len)
{
	size_t off = idx & RING_MASK;
	size_t first = len < XSD_RING_SIZE - off ? len : XSD_RING_SIZE - off;

	memcpy(dst, q + off, first);
	memcpy((char *)dst + first, q, len - first);
}

static void queue_write(char *q, uint32_t idx, const void *src, size_t len)
{
	size_t off = idx & RING_MASK;
	size_t first = len < XSD_RING_SIZE - off ? len : XSD_RING_SIZE - off;

	memcpy(q + off, src, first);
	memcpy(q, (const char *)src + first, len - first);
}

static int ring_break(struct xsd_ring *r, struct xsd_conn *c, uint32_t why)
{
	idx_store(&r->error, why);
	xsd_conn_set_broken(c);
	return -EPIPE;
}

void xsd_ring_attach(struct xsd_ring *r)
{
	idx_store(&r->connection, XSD_RING_CONNECTED);
	idx_store(&r->server_features, idx_load(&r->server_features) | XSD_RING_FEATURE_ERROR);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* Pushes what c has queued into the response queue; *n: bytes pushed. */
static int ring_push(struct xsd_ring *r, struct xsd_conn *c, size_t *n)
{
	uint32_t cons = idx_load(&r->rsp_cons), prod = idx_load(&r->rsp_prod);
	uint32_t used = prod - cons;
	size_t len;
	const void *out = xsd_conn_output(c, &len);

	*n = 0;
	if (used > XSD_RING_SIZE)
		return ring_break(r, c, XSD_RING_ERROR_RINGIDX);
	if (!len || used == XSD_RING_SIZE)
		return 0;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	*n = len < XSD_RING_SIZE - used ? len : XSD_RING_SIZE - used;
	queue_write(r->rsp, prod, out, *n);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	idx_store(&r->rsp_prod, prod + (uint32_t)*n);
	xsd_conn_consume(c, *n);
	return 0;
}

/*
 * Pulls the request bytes the domain produced into c; *n: bytes taken.
 * -EPROTO if c rejected them (its error reply is queued).
 */
static int ring_pull(struct xsd_ring *r, struct xsd_conn *c, size_t *n)
{
	char buf[XSD_RING_SIZE];
	uint32_t cons = idx_load(&r->req_cons), prod = idx_load(&r->req_prod);
	uint32_t avail = prod - cons;
	size_t backlog;

	*n = 0;
	if (avail > XSD_RING_SIZE)
		return ring_break(r, c, XSD_RING_ERROR_RINGIDX);
	xsd_conn_output(c, &backlog);
	if (!avail || backlog >= RING_BACKLOG_MAX)
		return 0;
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	queue_read(buf, r->req, cons, avail);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	idx_store(&r->req_cons, cons + avail);
	*n = avail;
	return xsd_conn_feed(c, buf, avail) ? -EPROTO : 0;
}

int xsd_ring_serve(struct xsd_ring *r, struct xsd_conn *c)
{
	size_t in = 0, out = 0;
	bool moved;
	int rc;

	if (xsd_conn_broken(c))
		return -EPIPE;
	rc = ring_push(r, c, &out);
	moved = out;
	for (unsigned int round = 0; !rc && round < RING_MAX_ROUNDS; round++) {
		rc = ring_pull(r, c, &in);
		if (rc != -EPIPE)
			rc = ring_push(r, c, &out) ? -EPIPE : rc;
		moved |= in || out;
		if (!in)
			break;
	}
	if (rc == -EPROTO)
		return ring_break(r, c, XSD_RING_ERROR_PROTO);
	return rc ? rc : moved;
}
