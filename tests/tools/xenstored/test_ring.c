// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ring transport over a fake shared page in memory: the test plays the
 * domain's side (Linux xenbus's xb_write/xb_read) on a ring whose indexes
 * start just below the 32-bit wrap and off the buffer's start.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "xsd_ring.h"

#define START_IDX	0xfffffff0u	/* wraps the 32-bit index and the buffer early */
#define BIG_VALUE	3000		/* a reply about three rings long */

static struct xsd_ring *ring;
static struct xsd_conn *rc_conn;	/* the ring's connection */

static void ring_open(uint32_t domid, uint32_t start)
{
	ring = calloc(1, sizeof(*ring));	/* exact size: ASan sees any overrun */
	CU_ASSERT_FATAL(ring != NULL);
	ring->req_cons = ring->req_prod = ring->rsp_cons = ring->rsp_prod = start;
	rc_conn = xsd_conn_new(xt_st, domid);
	CU_ASSERT_FATAL(rc_conn != NULL);
	xsd_ring_attach(ring);
	CU_ASSERT(ring->server_features & XSD_RING_FEATURE_ERROR);
}

static void ring_close(void)
{
	free(ring);
	ring = NULL;
}

/* The domain writes what fits of buf into the request queue. */
static size_t dom_write(const void *buf, size_t len)
{
	uint32_t used = ring->req_prod - ring->req_cons;
	size_t n = len < XSD_RING_SIZE - used ? len : XSD_RING_SIZE - used;

	for (size_t i = 0; i < n; i++)
		ring->req[(ring->req_prod + i) % XSD_RING_SIZE] = ((const char *)buf)[i];
	ring->req_prod += (uint32_t)n;
	return n;
}

/* The domain reads up to max response bytes. */
static size_t dom_read(void *buf, size_t max)
{
	uint32_t avail = ring->rsp_prod - ring->rsp_cons;
	size_t n = avail < max ? avail : max;

	for (size_t i = 0; i < n; i++)
		((char *)buf)[i] = ring->rsp[(ring->rsp_cons + i) % XSD_RING_SIZE];
	ring->rsp_cons += (uint32_t)n;
	return n;
}

static void dom_request(uint32_t type, uint32_t req_id, const void *p, size_t len)
{
	struct xsd_sockmsg h = { type, req_id, 0, (uint32_t)len };

	CU_ASSERT_FATAL(dom_write(&h, sizeof(h)) == sizeof(h));
	CU_ASSERT_FATAL(dom_write(p, len) == len);
}

/* Reads one whole message, serving the ring as the domain makes room. */
static void dom_reply(struct xt_msg *m)
{
	unsigned char buf[sizeof(m->hdr) + XENSTORE_PAYLOAD_MAX];
	size_t got = 0, want = sizeof(m->hdr);

	for (int tries = 0; got < want && tries < 16; tries++) {
		xsd_ring_serve(ring, rc_conn);
		got += dom_read(buf + got, want - got);
		if (got == sizeof(m->hdr) && want == sizeof(m->hdr)) {
			memcpy(&m->hdr, buf, sizeof(m->hdr));
			CU_ASSERT_FATAL(m->hdr.len <= XENSTORE_PAYLOAD_MAX);
			want += m->hdr.len;
			got += dom_read(buf + got, want - got);
		}
	}
	CU_ASSERT_FATAL(got == want);
	memcpy(m->body, buf + sizeof(m->hdr), m->hdr.len);
	m->body[m->hdr.len] = '\0';
}

static void test_request_across_wrap(void)
{
	static const char req[] = "/wrap/x\0value";
	struct xt_msg rep;

	ring_open(0, START_IDX);
	/* the header alone, then the rest: a partial message is kept */
	CU_ASSERT(dom_write("\x0b\0\0\0", 4) == 4);
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 1);
	CU_ASSERT(ring->req_cons == ring->req_prod && ring->rsp_prod == START_IDX);
	CU_ASSERT(dom_write("\x07\0\0\0\0\0\0\0", 8) == 8);
	CU_ASSERT(dom_write(&(uint32_t){ sizeof(req) - 1 }, 4) == 4);
	CU_ASSERT(dom_write(req, sizeof(req) - 1) == sizeof(req) - 1);
	dom_reply(&rep);
	CU_ASSERT(rep.hdr.type == XS_WRITE && rep.hdr.req_id == 7);
	CU_ASSERT_STRING_EQUAL(rep.body, "OK");
	CU_ASSERT((ring->req_prod & (XSD_RING_SIZE - 1)) < (START_IDX & (XSD_RING_SIZE - 1)));
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/wrap/x", NULL), "");
	ring_close();
}

static void test_reply_in_pieces(void)
{
	static char value[BIG_VALUE + 1];
	struct xt_msg rep;
	char part[XSD_RING_SIZE];
	size_t got;

	memset(value, 'v', BIG_VALUE);
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/big", value), "");
	ring_open(0, START_IDX);
	dom_request(XS_READ, 9, S("/big"));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 1);
	CU_ASSERT(ring->rsp_prod - ring->rsp_cons == XSD_RING_SIZE);	/* full */
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);	/* no room: nothing moves */
	got = dom_read(part, 100);
	CU_ASSERT(got == 100 && xsd_ring_serve(ring, rc_conn) == 1);
	CU_ASSERT(ring->rsp_prod - ring->rsp_cons == XSD_RING_SIZE);
	memcpy(&rep.hdr, part, sizeof(rep.hdr));
	CU_ASSERT(rep.hdr.type == XS_READ && rep.hdr.len == BIG_VALUE);
	memcpy(rep.body, part + sizeof(rep.hdr), got - sizeof(rep.hdr));
	for (got -= sizeof(rep.hdr); got < BIG_VALUE; got += dom_read(rep.body + got, 300))
		xsd_ring_serve(ring, rc_conn);
	CU_ASSERT(got == BIG_VALUE && !memcmp(rep.body, value, BIG_VALUE));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);
	ring_close();
}

static void test_watch_event_through_ring(void)
{
	struct xt_msg rep;

	ring_open(0, 0);
	dom_request(XS_WATCH, 1, S("/w\0tok"));
	dom_reply(&rep);
	CU_ASSERT_STRING_EQUAL(rep.body, "OK");
	dom_reply(&rep);	/* the first event */
	CU_ASSERT(rep.hdr.type == XS_WATCH_EVENT && !strcmp(rep.body, "/w"));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/w/a", "1"), "");
	dom_reply(&rep);
	CU_ASSERT(rep.hdr.type == XS_WATCH_EVENT && rep.hdr.req_id == 0);
	CU_ASSERT_STRING_EQUAL(rep.body, "/w/a");
	CU_ASSERT_STRING_EQUAL(rep.body + strlen("/w/a") + 1, "tok");
	ring_close();
}

/* A guest's relative paths land in its home, /local/domain/<domid>. */
static void test_guest_home(void)
{
	struct xt_msg rep;
	char *v;

	CU_ASSERT_STRING_EQUAL(xt_path_op(xt_dom0, XS_MKDIR, 0, "/local/domain/7"), "");
	CU_ASSERT_STRING_EQUAL(xt_do(xt_dom0, XS_SET_PERMS, 0, S("/local/domain/7\0n7")), "");
	ring_open(7, START_IDX);
	dom_request(XS_WRITE, 3, W("data/x\0hello"));
	dom_reply(&rep);
	CU_ASSERT_STRING_EQUAL(rep.body, "OK");
	CU_ASSERT_STRING_EQUAL(xt_read(xt_dom0, 0, "/local/domain/7/data/x", &v), "");
	CU_ASSERT_STRING_EQUAL(v, "hello");
	free(v);
	dom_request(XS_READ, 4, S("/local/domain/0/name"));
	dom_reply(&rep);
	CU_ASSERT_STRING_EQUAL(xt_errof(&rep), "ENOENT");
	dom_request(XS_WRITE, 5, W("/tool/x\0no"));
	dom_reply(&rep);
	CU_ASSERT_STRING_EQUAL(xt_errof(&rep), "EACCES");
	ring_close();
}

/* Indexes that claim more than the ring holds break the connection, once. */
static void test_hostile_request_index(void)
{
	ring_open(5, START_IDX);
	ring->req_prod = ring->req_cons + XSD_RING_SIZE + 1;
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == -EPIPE);
	CU_ASSERT(ring->error == XSD_RING_ERROR_RINGIDX && xsd_conn_broken(rc_conn));
	CU_ASSERT(ring->req_cons == START_IDX);
	/* the domain "repairs" its indexes and clears the error: still broken */
	ring->req_prod = ring->req_cons;
	ring->error = 0;
	dom_request(XS_READ, 1, S("/"));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == -EPIPE);
	CU_ASSERT(ring->req_cons == START_IDX && ring->rsp_prod == START_IDX);
	/* other connections go on */
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/still", "here"), "");
	ring_close();
}

static void test_hostile_response_index(void)
{
	ring_open(5, 0);
	ring->rsp_cons = ring->rsp_prod + 1;	/* "consumed" a byte never produced */
	dom_request(XS_DIRECTORY, 1, S("/"));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == -EPIPE);
	CU_ASSERT(ring->error == XSD_RING_ERROR_RINGIDX);
	ring_close();
	ring_open(6, 0);
	ring->req_cons = 0x80000000u;	/* any huge distance, either way */
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == -EPIPE);
	ring_close();
}

/* A header announcing too long a payload: E2BIG, then the ring is broken. */
static void test_protocol_violation(void)
{
	struct xsd_sockmsg h = { XS_WRITE, 42, 0, XENSTORE_PAYLOAD_MAX + 1 };
	struct xt_msg rep;

	ring_open(5, START_IDX);
	CU_ASSERT(dom_write(&h, sizeof(h)) == sizeof(h));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == -EPIPE);
	CU_ASSERT(ring->error == XSD_RING_ERROR_PROTO);
	CU_ASSERT(dom_read(&rep.hdr, sizeof(rep.hdr)) == sizeof(rep.hdr));
	CU_ASSERT(rep.hdr.type == XS_ERROR && rep.hdr.req_id == 42);
	CU_ASSERT(dom_read(rep.body, rep.hdr.len) == strlen("E2BIG") + 1);
	CU_ASSERT_STRING_EQUAL(rep.body, "E2BIG");
	ring_close();
}

static void test_notify_decisions(void)
{
	ring_open(0, START_IDX);
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);		/* nothing to do */
	dom_request(XS_READ, 1, S("/nonexistent"));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 1);		/* consumed and replied */
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);		/* nothing new */
	ring->rsp_cons = ring->rsp_prod;			/* the reply was read */
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/n", "1"), "");
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);		/* no watch: no event */
	ring_close();
}

/* While a whole maximal reply waits for room, requests stay in the ring. */
static void test_flow_control(void)
{
	static char value[BIG_VALUE + 1];
	uint32_t cons;

	memset(value, 'v', BIG_VALUE);
	CU_ASSERT_STRING_EQUAL(xt_write(xt_dom0, 0, "/big", value), "");
	ring_open(0, START_IDX);
	dom_request(XS_READ, 1, S("/big"));
	dom_request(XS_READ, 2, S("/big"));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 1);
	cons = ring->req_cons;
	CU_ASSERT(cons == ring->req_prod);
	dom_request(XS_READ, 3, S("/big"));
	CU_ASSERT(xsd_ring_serve(ring, rc_conn) == 0);
	CU_ASSERT(ring->req_cons == cons);	/* not read: 2 * 3016 - 1024 queued */
	ring_close();
}

static const struct xt_case cases[] = {
	{ "a request split across the wrap point", test_request_across_wrap },
	{ "a reply larger than the ring, in pieces", test_reply_in_pieces },
	{ "watch events through the ring", test_watch_event_through_ring },
	{ "a guest's relative paths are under its home", test_guest_home },
	{ "hostile request indexes break the ring", test_hostile_request_index },
	{ "hostile response indexes break the ring", test_hostile_response_index },
	{ "an oversized header breaks the ring after E2BIG", test_protocol_violation },
	{ "notification decisions", test_notify_decisions },
	{ "requests wait while a reply is queued", test_flow_control },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_ring = { "ring", cases };
