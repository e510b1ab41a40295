// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Watches: XS_WATCH_EVENT messages ("path\0token\0") are queued whenever
 * they arrive (also while waiting for another reply) and handed out by
 * ctl_xs_read_watch().
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xs_int.h"

int xs_queue_event(struct ctl_xs *xs, size_t len)
{
	struct xs_event *ev = malloc(sizeof(*ev) + len + 1);

	if (!ev)
		return ctl_fail(xs->h, -ENOMEM, "xenstore: out of memory for a watch event");
	ev->next = NULL;
	ev->len = len;
	memcpy(ev->data, xs->reply, len + 1);
	*xs->events_tail = ev;
	xs->events_tail = &ev->next;
	return 0;
}

void xs_free_events(struct ctl_xs *xs)
{
	while (xs->events) {
		struct xs_event *ev = xs->events;

		xs->events = ev->next;
		free(ev);
	}
	xs->events_tail = &xs->events;
}

static int watch_op(struct ctl_xs *xs, enum xs_op op, const char *path, const char *token)
{
	struct xs_msg m = { 0 };
	char *reply;
	size_t len;
	int rc = xs_msg_add(xs, &m, path, true);

	if (!rc)
		rc = xs_msg_add(xs, &m, token, true);
	return rc ? rc : xs_talk(xs, op, 0, &m, &reply, &len);
}

int ctl_xs_watch(struct ctl_xs *xs, const char *path, const char *token)
{
	return watch_op(xs, XSO_WATCH, path, token);
}

int ctl_xs_unwatch(struct ctl_xs *xs, const char *path, const char *token)
{
	return watch_op(xs, XSO_UNWATCH, path, token);
}

/* Takes the first queued event apart into two malloc'd strings. */
static int pop_event(struct ctl_xs *xs, char **path, char **token)
{
	struct xs_event *ev = xs->events;
	size_t plen = strnlen(ev->data, ev->len);
	int rc = 0;

	xs->events = ev->next;
	if (!xs->events)
		xs->events_tail = &xs->events;
	if (plen == ev->len)
		rc = ctl_fail(xs->h, -EIO, "xenstore: a watch event without a token");
	if (!rc) {
		*path = strdup(ev->data);
		*token = strndup(ev->data + plen + 1, ev->len - plen - 1);
		if (!*path || !*token)
			rc = ctl_fail(xs->h, -ENOMEM, "xenstore: out of memory for a watch event");
	}
	if (rc) {
		free(*path);
		free(*token);
		*path = *token = NULL;
	}
	free(ev);
	return rc;
}

/* Reads messages until a watch event is queued or timeout_ms passed. */
static int wait_event(struct ctl_xs *xs, int timeout_ms)
{
	long deadline = xs_now_ms() + timeout_ms;
	struct xs_hdr hdr;
	int rc;

	while (!xs->events) {
		long left = deadline - xs_now_ms();

		rc = xs_receive(xs, timeout_ms < 0 ? -1 : left > 0 ? (int)left : 0, &hdr);
		if (rc == -ETIMEDOUT)
			return ctl_fail(xs->h, rc, "xenstore: no watch event within %d ms",
					timeout_ms);
		if (rc)
			return rc;
		/* Anything else is a reply nobody waits for any more: dropped. */
		if (hdr.type == XSO_WATCH_EVENT && (rc = xs_queue_event(xs, hdr.len)))
			return rc;
	}
	return 0;
}

int ctl_xs_read_watch(struct ctl_xs *xs, int timeout_ms, char **path, char **token)
{
	int rc = wait_event(xs, timeout_ms);

	*path = *token = NULL;
	return rc ? rc : pop_event(xs, path, token);
}
