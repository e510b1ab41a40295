// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The xenstore connection: xenstored's Unix socket, one request and its
 * reply at a time, every wait bounded.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "xs_int.h"

#define MS_PER_S   1000L
#define NS_PER_MS  1000000L
#define MSG_ARG_MAX 160   /* of a path in a failure message */

static const char *const op_names[] = {
	[XSO_DIRECTORY] = "directory", [XSO_READ] = "read", [XSO_WATCH] = "watch",
	[XSO_UNWATCH] = "unwatch", [XSO_TRANSACTION_START] = "transaction_start",
	[XSO_TRANSACTION_END] = "transaction_end", [XSO_INTRODUCE] = "introduce",
	[XSO_RELEASE] = "release", [XSO_GET_DOMAIN_PATH] = "get_domain_path",
	[XSO_WRITE] = "write", [XSO_MKDIR] = "mkdir", [XSO_RM] = "rm",
	[XSO_SET_PERMS] = "set_perms",
};

const char *xs_op_name(enum xs_op op)
{
	if ((size_t)op < sizeof(op_names) / sizeof(op_names[0]) && op_names[op])
		return op_names[op];
	return "?";
}

static const char *socket_path(const struct ctl_handle *h)
{
	const char *env = getenv(XS_PATH_ENV);

	if (h->be.xs_path)
		return h->be.xs_path;
	return env && *env ? env : XS_DEFAULT_SOCKET;
}

static int xs_connect(struct ctl_handle *h, int *fd)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	const char *path = socket_path(h);
	int rc = 0;

	if (strlen(path) >= sizeof(sa.sun_path))
		return ctl_fail(h, -ENAMETOOLONG, "xenstore: socket path too long: %s", path);
	memcpy(sa.sun_path, path, strlen(path) + 1);
	*fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (*fd < 0)
		return ctl_fail_errno(h, -errno, "xenstore: socket");
	if (connect(*fd, (struct sockaddr *)&sa, sizeof(sa))) {
		rc = ctl_fail_errno(h, -errno, "xenstore: connect %s (is xenstored running?)",
				    path);
		close(*fd);
		*fd = -1;
	}
	return rc;
}

int ctl_xs_open(struct ctl_handle *h, struct ctl_xs **xs)
{
	int rc;

	*xs = h->xs;
	if (*xs) {
		h->xs_refs++;
		return 0;
	}
	*xs = calloc(1, sizeof(**xs));
	if (!*xs)
		return ctl_fail(h, -ENOMEM, "xenstore: out of memory");
	rc = xs_connect(h, &(*xs)->fd);
	if (rc) {
		free(*xs);
		*xs = NULL;
		return rc;
	}
	(*xs)->h = h;
	(*xs)->events_tail = &(*xs)->events;
	(*xs)->reply_timeout_ms = XS_REPLY_TIMEOUT_MS;
	h->xs = *xs;
	h->xs_refs = 1;
	return 0;
}

void ctl_xs_drop(struct ctl_handle *h)
{
	struct ctl_xs *xs = h->xs;

	if (!xs)
		return;
	close(xs->fd);
	xs_free_events(xs);
	free(xs);
	h->xs = NULL;
	h->xs_refs = 0;
}

void ctl_xs_close(struct ctl_xs *xs)
{
	if (xs && --xs->h->xs_refs == 0)
		ctl_xs_drop(xs->h);
}

int ctl_xs_fd(const struct ctl_xs *xs)
{
	return xs->fd;
}

int xs_msg_add(struct ctl_xs *xs, struct xs_msg *m, const char *arg, bool with_nul)
{
	size_t len = strlen(arg) + (with_nul ? 1 : 0);

	if (len > sizeof(m->data) - m->len)
		return ctl_fail(xs->h, -E2BIG, "xenstore: request over %d bytes (%.40s...)",
				XS_PAYLOAD_MAX, arg);
	memcpy(m->data + m->len, arg, len);
	m->len += len;
	return 0;
}

long xs_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * MS_PER_S + ts.tv_nsec / NS_PER_MS;
}

/* 1 if fd is readable within timeout_ms (-1: no limit), 0 if not, or -errno. */
static int wait_readable(int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	long end = xs_now_ms() + timeout_ms;
	int rc;

	for (;;) {
		rc = poll(&p, 1, timeout_ms);
		if (rc >= 0)
			return rc;
		if (errno != EINTR)
			return -errno;
		if (timeout_ms > 0)
			timeout_ms = (int)(end - xs_now_ms() > 0 ? end - xs_now_ms() : 0);
	}
}

static int recv_all(struct ctl_xs *xs, void *buf, size_t len, long deadline)
{
	char *p = buf;

	while (len) {
		long left = deadline - xs_now_ms();
		int rc = wait_readable(xs->fd, left > 0 ? (int)left : 0);
		ssize_t n;

		if (rc <= 0)
			return ctl_fail_errno(xs->h, rc ? rc : -ETIMEDOUT,
					      "xenstore: reading a message");
		n = recv(xs->fd, p, len, 0);
		if (n == 0)
			return ctl_fail(xs->h, -ECONNRESET,
					"xenstore: xenstored closed the connection");
		if (n < 0 && errno != EINTR)
			return ctl_fail_errno(xs->h, -errno, "xenstore: recv");
		if (n > 0) {
			p += n;
			len -= (size_t)n;
		}
	}
	return 0;
}

static int receive_rest(struct ctl_xs *xs, struct xs_hdr *hdr)
{
	long deadline = xs_now_ms() + xs->reply_timeout_ms;
	int rc = recv_all(xs, hdr, sizeof(*hdr), deadline);

	if (!rc && hdr->len > XS_PAYLOAD_MAX)
		rc = ctl_fail(xs->h, -EIO, "xenstore: a %u-byte message (over %d)", hdr->len,
			      XS_PAYLOAD_MAX);
	if (!rc)
		rc = recv_all(xs, xs->reply, hdr->len, deadline);
	if (rc)
		return rc;
	xs->reply[hdr->len] = '\0';
	return 0;
}

int xs_receive(struct ctl_xs *xs, int timeout_ms, struct xs_hdr *hdr)
{
	int rc;

	if (xs->broken)
		return ctl_fail(xs->h, -ENOTCONN, "xenstore: the connection was lost earlier");
	rc = wait_readable(xs->fd, timeout_ms);
	if (rc == 0)
		return ctl_fail(xs->h, -ETIMEDOUT, "xenstore: nothing within %d ms", timeout_ms);
	rc = rc < 0 ? ctl_fail_errno(xs->h, rc, "xenstore: poll") : receive_rest(xs, hdr);
	if (rc)
		xs->broken = true;
	return rc;
}

static int send_all(struct ctl_xs *xs, const struct xs_hdr *hdr, const struct xs_msg *m)
{
	char buf[sizeof(*hdr) + XS_PAYLOAD_MAX];
	size_t len = sizeof(*hdr) + m->len, off = 0;

	memcpy(buf, hdr, sizeof(*hdr));
	memcpy(buf + sizeof(*hdr), m->data, m->len);
	while (off < len) {
		ssize_t n = send(xs->fd, buf + off, len - off, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			xs->broken = true;
			return ctl_fail_errno(xs->h, n < 0 ? -errno : -EIO, "xenstore: send");
		}
		off += (size_t)n;
	}
	return 0;
}

/* "read /a/b", "transaction_end t3": what a failure message names. */
static void describe(enum xs_op op, uint32_t tx, const struct xs_msg *m, char *buf,
		     size_t len)
{
	const char *arg = m->len && memchr(m->data, '\0', m->len) ? m->data : "";

	if (op == XSO_TRANSACTION_END || op == XSO_TRANSACTION_START)
		arg = "";
	snprintf(buf, len, "%s%s%.*s", xs_op_name(op), *arg ? " " : "", MSG_ARG_MAX, arg);
	if (tx)
		snprintf(buf + strlen(buf), len - strlen(buf), " t%u", tx);
}

/* Waits for the reply to req_id, queueing watch events and dropping stale replies. */
static int await_reply(struct ctl_xs *xs, uint32_t req_id, struct xs_hdr *hdr)
{
	long deadline = xs_now_ms() + xs->reply_timeout_ms;
	int rc;

	for (;;) {
		long left = deadline - xs_now_ms();

		rc = xs_receive(xs, left > 0 ? (int)left : 0, hdr);
		if (rc)
			return rc;
		if (hdr->type == XSO_WATCH_EVENT)
			rc = xs_queue_event(xs, hdr->len);
		else if (hdr->req_id == req_id)
			return 0;
		if (rc)
			return rc;
	}
}

int xs_talk(struct ctl_xs *xs, enum xs_op op, uint32_t tx, const struct xs_msg *m,
	    char **reply, size_t *len)
{
	struct xs_hdr hdr = { .type = op, .req_id = ++xs->next_req, .tx_id = tx,
			      .len = (uint32_t)m->len };
	char what[CTL_MSG_LEN];
	int rc = xs->broken ? ctl_fail(xs->h, -ENOTCONN, "xenstore: the connection was lost "
				       "earlier") : send_all(xs, &hdr, m);

	if (!rc)
		rc = await_reply(xs, hdr.req_id, &hdr);
	if (!rc && hdr.type == XSO_ERROR)
		rc = -xs_errno_from_name(xs->reply);
	else if (!rc && hdr.type != (uint32_t)op)
		rc = ctl_fail(xs->h, -EIO, "xenstore: reply of type %u to a %s", hdr.type,
			      xs_op_name(op));
	if (rc) {
		describe(op, tx, m, what, sizeof(what));
		if (rc == -ETIMEDOUT)
			return ctl_fail(xs->h, rc, "xenstore %s: no reply within %d ms", what,
					xs->reply_timeout_ms);
		return ctl_fail_errno(xs->h, rc, "xenstore %s", what);
	}
	*reply = xs->reply;
	*len = hdr.len;
	return 0;
}
