// SPDX-License-Identifier: GPL-2.0-only
/*
 * Clients of the console daemon's socket: the request line, then raw bytes
 * both ways. Writes never block: a client whose queue is full is dropped.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "consoled.h"

void cd_client_drop(struct cd *d, struct cd_client *c, const char *why)
{
	if (c->fd < 0)
		return;
	if (why)
		cd_log("client %u%s: dropped: %s", c->id, c->attached ? " (attached)" : "", why);
	close(c->fd);
	c->fd = -1;
}

void cd_client_finish(struct cd *d, struct cd_client *c)
{
	c->closing = true;
	cd_client_flush(d, c);
	if (c->fd >= 0 && !c->out_len)
		cd_client_drop(d, c, NULL);
}

void cd_clients_reap(struct cd *d)
{
	struct cd_client **pp = &d->clients, *c;

	while ((c = *pp)) {
		if (c->fd >= 0) {
			pp = &c->next;
			continue;
		}
		*pp = c->next;
		free(c->out);
		free(c);
	}
}

void cd_client_flush(struct cd *d, struct cd_client *c)
{
	ssize_t n;

	while (c->fd >= 0 && c->out_len) {
		n = write(c->fd, c->out, c->out_len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (n <= 0) {
			cd_client_drop(d, c, n < 0 ? strerror(errno) : "write returned 0");
			return;
		}
		memmove(c->out, c->out + n, c->out_len - (size_t)n);
		c->out_len -= (size_t)n;
	}
	if (c->fd >= 0 && c->closing && !c->out_len)
		cd_client_drop(d, c, NULL);
}

void cd_client_send(struct cd *d, struct cd_client *c, const char *data, size_t n)
{
	char why[96];

	if (c->fd < 0)
		return;
	if (n > CD_CLIENT_BUF_SIZE - c->out_len) {
		snprintf(why, sizeof(why), "too slow (%d bytes of d%u's output queued)",
			 CD_CLIENT_BUF_SIZE, c->domid);
		cd_client_drop(d, c, why);
		return;
	}
	memcpy(c->out + c->out_len, data, n);
	c->out_len += n;
	cd_client_flush(d, c);
}

static void reply_error(struct cd *d, struct cd_client *c, const char *msg)
{
	char line[CONS_PROTO_ERR_MAX];
	int n = snprintf(line, sizeof(line), "ERR %s\n", msg);

	cd_log("client %u: refused: %s", c->id, msg);
	cd_client_send(d, c, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
	cd_client_finish(d, c);
}

/* The request was parsed: attach, answer, replay the kept output. */
static void attach(struct cd *d, struct cd_client *c, uint32_t domid)
{
	struct cd_guest *g = cd_guest_find(d, domid);
	char msg[CONS_PROTO_ERR_MAX];
	char *hist;
	size_t n;

	if (!g || g->dead) {
		snprintf(msg, sizeof(msg), g ? "d%u's console is not served (see the daemon's log)"
			 : "d%u has no console (no such domain?)", domid);
		reply_error(d, c, msg);
		return;
	}
	hist = malloc(CONS_HISTORY_SIZE);
	if (!hist) {
		reply_error(d, c, "out of memory");
		return;
	}
	c->attached = true;
	c->domid = domid;
	cd_log("client %u: attached to d%u (%s)", c->id, domid, g->name);
	cd_client_send(d, c, CONS_PROTO_OK, strlen(CONS_PROTO_OK));
	n = cons_history_copy(&g->hist, hist);
	cd_client_send(d, c, hist, n);
	free(hist);
}

/* Bytes after the request line are the first input for the guest. */
static void queue_input(struct cd *d, struct cd_client *c, const char *buf, size_t n)
{
	struct cd_guest *g = cd_guest_find(d, c->domid);
	size_t room;

	if (!g || g->dead || !n)
		return;
	room = sizeof(g->in_pend) - g->in_len;
	if (n > room) {
		cd_log("client %u: d%u: %zu bytes of input dropped (input queue full)",
		       c->id, c->domid, n - room);
		n = room;
	}
	memcpy(g->in_pend + g->in_len, buf, n);
	g->in_len += n;
	cd_guest_service(d, g);
}

static void handshake(struct cd *d, struct cd_client *c)
{
	char err[CONS_PROTO_ERR_MAX];
	uint32_t domid;
	int len = cons_proto_line_len(c->line, c->line_len, err, sizeof(err));

	if (len == 0)
		return;
	if (len < 0 || cons_proto_parse(c->line, (size_t)len, &domid, err, sizeof(err))) {
		reply_error(d, c, err);
		return;
	}
	attach(d, c, domid);
	if (c->attached)
		queue_input(d, c, c->line + len, c->line_len - (size_t)len);
}

bool cd_client_wants_input(struct cd *d, const struct cd_client *c)
{
	const struct cd_guest *g;

	if (c->fd < 0 || c->closing || c->eof)
		return false;
	if (!c->attached)
		return c->line_len < sizeof(c->line);
	g = cd_guest_find(d, c->domid);
	return g && !g->dead && g->in_len < sizeof(g->in_pend);
}

static ssize_t read_some(struct cd *d, struct cd_client *c, char *buf, size_t len)
{
	ssize_t n = read(c->fd, buf, len);

	if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	if (n < 0)
		cd_client_drop(d, c, strerror(errno));
	else if (n == 0 && c->attached)
		c->eof = true;          /* half-closed: it still wants the output */
	else if (n == 0)
		cd_client_drop(d, c, "closed before a request");
	return n > 0 ? n : -1;
}

void cd_client_input(struct cd *d, struct cd_client *c)
{
	struct cd_guest *g;
	ssize_t n;

	if (!c->attached) {
		n = read_some(d, c, c->line + c->line_len, sizeof(c->line) - c->line_len);
		if (n > 0) {
			c->line_len += (size_t)n;
			handshake(d, c);
		}
		return;
	}
	g = cd_guest_find(d, c->domid);
	if (!g || g->dead)
		return;
	n = read_some(d, c, g->in_pend + g->in_len, sizeof(g->in_pend) - g->in_len);
	if (n > 0) {
		g->in_len += (size_t)n;
		cd_guest_service(d, g);
	}
}
