/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The xenstore client's internals: the wire protocol's numbers
 * (docs/specs/xenstore.md; the same as Xen's public/io/xs_wire.h and our
 * daemon's tools/xenstored/xs_wire.h, which a test compares) and the
 * connection object.
 */
#ifndef XS_INT_H
#define XS_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctl_int.h"
#include "ctl_xs.h"

enum xs_op {
	XSO_DIRECTORY = 1,
	XSO_READ = 2,
	XSO_WATCH = 4,
	XSO_UNWATCH = 5,
	XSO_TRANSACTION_START = 6,
	XSO_TRANSACTION_END = 7,
	XSO_INTRODUCE = 8,
	XSO_RELEASE = 9,
	XSO_GET_DOMAIN_PATH = 10,
	XSO_WRITE = 11,
	XSO_MKDIR = 12,
	XSO_RM = 13,
	XSO_SET_PERMS = 14,
	XSO_WATCH_EVENT = 15,
	XSO_ERROR = 16,
};

/* The header before every message, host byte order (struct xsd_sockmsg). */
struct xs_hdr {
	uint32_t type;
	uint32_t req_id;
	uint32_t tx_id;
	uint32_t len;
};

#define XS_PAYLOAD_MAX      4096            /* XENSTORE_PAYLOAD_MAX */
#define XS_DEFAULT_SOCKET   "/run/xenstored/socket"
#define XS_PATH_ENV         "XENSTORED_PATH"
#define XS_REPLY_TIMEOUT_MS 10000           /* bound on every reply */

/* A queued XS_WATCH_EVENT: "path\0token\0". */
struct xs_event {
	struct xs_event *next;
	size_t len;
	char data[];
};

struct ctl_xs {
	struct ctl_handle *h;
	int fd;
	uint32_t next_req;
	bool broken;                   /* the stream lost sync: every call fails */
	int reply_timeout_ms;          /* XS_REPLY_TIMEOUT_MS; tests shorten it */
	struct xs_event *events, **events_tail;
	char reply[XS_PAYLOAD_MAX + 1];  /* the last reply's payload, NUL added */
};

/* A request's payload, built from NUL-terminated arguments. */
struct xs_msg {
	size_t len;
	char data[XS_PAYLOAD_MAX];
};

/* xs_conn.c */
int xs_msg_add(struct ctl_xs *xs, struct xs_msg *m, const char *arg, bool with_nul);
/*
 * Sends a request, waits (bounded) for its reply, queueing watch events
 * that come first. On success *reply (NUL-terminated, in xs->reply, valid
 * until the next request) and *len; an XS_ERROR reply becomes its errno.
 * Failures name the operation and its first argument.
 */
int xs_talk(struct ctl_xs *xs, enum xs_op op, uint32_t tx, const struct xs_msg *m,
	    char **reply, size_t *len);
/* Reads one message within timeout_ms (-1: no limit); -ETIMEDOUT if none began. */
int xs_receive(struct ctl_xs *xs, int timeout_ms, struct xs_hdr *hdr);
const char *xs_op_name(enum xs_op op);
long xs_now_ms(void);            /* CLOCK_MONOTONIC */

/* xs_errno.c: "ENOENT" -> ENOENT; EINVAL for a name not in xenstore's table. */
int xs_errno_from_name(const char *name);

/* xs_watch.c */
int xs_queue_event(struct ctl_xs *xs, size_t len);
void xs_free_events(struct ctl_xs *xs);

#endif /* XS_INT_H */
