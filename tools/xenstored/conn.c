// SPDX-License-Identifier: GPL-2.0-only
/*
 * Connections: a client's domid, watches and transactions, the bytes it sent
 * that do not make a whole message yet, and the bytes queued for it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

struct xsd_conn *xsd_conn_new(struct xsd_store *st, uint32_t domid)
{
	struct xsd_conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->st = st;
	c->domid = domid;
	c->next = st->conns;
	st->conns = c;
	return c;
}

void xsd_conn_free(struct xsd_conn *c)
{
	struct xsd_conn **pp;

	if (!c)
		return;
	for (pp = &c->st->conns; *pp && *pp != c; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = c->next;
	watch_free_all(c);
	trans_free_all(c);
	free(c->out);
	free(c);
}

static int out_reserve(struct xsd_conn *c, size_t more)
{
	size_t cap = c->outcap ? c->outcap : 256;
	unsigned char *p;

	if (c->outlen + more <= c->outcap)
		return 0;
	while (cap < c->outlen + more)
		cap *= 2;
	p = realloc(c->out, cap);
	if (!p)
		return -ENOMEM;
	c->out = p;
	c->outcap = cap;
	return 0;
}

int conn_send(struct xsd_conn *c, uint32_t type, uint32_t req_id, uint32_t tx_id,
	      const void *payload, size_t len)
{
	struct xsd_sockmsg h = { type, req_id, tx_id, (uint32_t)len };

	if (c->dead)
		return -EPIPE;
	if (len > XENSTORE_PAYLOAD_MAX)
		return -E2BIG;
	if (out_reserve(c, sizeof(h) + len))
		return -ENOMEM;
	memcpy(c->out + c->outlen, &h, sizeof(h));
	if (len)
		memcpy(c->out + c->outlen + sizeof(h), payload, len);
	c->outlen += sizeof(h) + len;
	return 0;
}

int conn_send_error(struct xsd_conn *c, uint32_t req_id, uint32_t tx_id, int err)
{
	const char *name = xs_errname(err);

	return conn_send(c, XS_ERROR, req_id, tx_id, name, strlen(name) + 1);
}

const void *xsd_conn_output(const struct xsd_conn *c, size_t *len)
{
	*len = c->outlen;
	return c->out;
}

void xsd_conn_consume(struct xsd_conn *c, size_t n)
{
	if (n > c->outlen)
		n = c->outlen;
	memmove(c->out, c->out + n, c->outlen - n);
	c->outlen -= n;
}

void xsd_conn_set_broken(struct xsd_conn *c)
{
	c->dead = true;
	watch_free_all(c);
	trans_free_all(c);
}

bool xsd_conn_broken(const struct xsd_conn *c)
{
	return c->dead;
}

uint32_t xsd_conn_domid(const struct xsd_conn *c)
{
	return c->domid;
}

static size_t feed_some(struct xsd_conn *c, const unsigned char *buf, size_t len)
{
	struct xsd_sockmsg h;
	size_t want = sizeof(h);
	size_t n;

	if (c->inlen >= sizeof(h)) {
		memcpy(&h, c->in, sizeof(h));
		want += h.len;
	}
	n = want - c->inlen < len ? want - c->inlen : len;
	memcpy(c->in + c->inlen, buf, n);
	c->inlen += n;
	return n;
}

int xsd_conn_feed(struct xsd_conn *c, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	struct xsd_sockmsg h;
	size_t n;

	while (!c->dead && len) {
		n = feed_some(c, p, len);
		p += n;
		len -= n;
		if (c->inlen < sizeof(h))
			continue;
		memcpy(&h, c->in, sizeof(h));
		if (h.len > XENSTORE_PAYLOAD_MAX) {
			conn_send_error(c, h.req_id, h.tx_id, E2BIG);
			c->dead = true;
		} else if (c->inlen == sizeof(h) + h.len) {
			msg_handle(c);
			c->inlen = 0;
		}
	}
	return c->dead ? -E2BIG : 0;
}
