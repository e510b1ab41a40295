// SPDX-License-Identifier: GPL-2.0-only
/*
 * One guest's console: its mapped ring and event channel, its log file, the
 * kept tail of its output and the input clients sent that did not fit yet.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "consoled.h"

#define DRAIN_CHUNK	CONS_RING_OUT_SIZE	/* a full ring in one read */

struct cd_guest *cd_guest_find(struct cd *d, uint32_t domid)
{
	struct cd_guest *g;

	for (g = d->guests; g; g = g->next)
		if (g->domid == domid)
			return g;
	return NULL;
}

struct cd_guest *cd_guest_by_port(struct cd *d, int port)
{
	struct cd_guest *g;

	for (g = d->guests; g; g = g->next)
		if (!g->dead && g->port == port)
			return g;
	return NULL;
}

/* The log file name: the guest's name with '/' (and a leading '.') made harmless. */
static int open_log(struct cd *d, const struct cd_guest *g)
{
	char path[4096], name[CD_NAME_MAX];
	size_t i;
	int fd;

	snprintf(name, sizeof(name), "%s", g->name);
	for (i = 0; name[i]; i++)
		if (name[i] == '/' || (i == 0 && name[i] == '.'))
			name[i] = '_';
	snprintf(path, sizeof(path), "%s/guest-%s.log", d->opts.log_dir, name);
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0)
		cd_log("d%u: open %s: %s (output not logged)", g->domid, path, strerror(errno));
	return fd;
}

static int guest_map(struct cd *d, struct cd_guest *g, uint64_t gfn, uint32_t remote_port)
{
	g->ring = ctl_map_foreign(d->h, g->domid, &gfn, 1, true);
	if (!g->ring) {
		cd_log("d%u: map console ring gfn %#llx: %s", g->domid,
		       (unsigned long long)gfn, ctl_errmsg(d->h));
		return -1;
	}
	g->port = ctl_evtchn_bind_interdomain(d->ev, g->domid, remote_port);
	if (g->port < 0) {
		cd_log("d%u: bind console port %u: %s", g->domid, remote_port,
		       ctl_errmsg(d->h));
		g->port = -1;
		return -1;
	}
	return 0;
}

int cd_guest_add(struct cd *d, uint32_t domid, const char *name, uint64_t gfn,
		 uint32_t remote_port)
{
	struct cd_guest *g = calloc(1, sizeof(*g));

	if (!g) {
		cd_log("d%u: out of memory", domid);
		return -ENOMEM;
	}
	g->domid = domid;
	g->port = -1;
	snprintf(g->name, sizeof(g->name), "%s", name);
	cons_history_init(&g->hist);
	g->next = d->guests;
	d->guests = g;
	g->log_fd = open_log(d, g);
	if (guest_map(d, g, gfn, remote_port)) {
		cd_guest_stop(d, g, "console set-up failed");
		return -EIO;
	}
	cd_log("d%u (%s): serving its console (ring gfn %#llx, port %u, local port %d)",
	       domid, g->name, (unsigned long long)gfn, remote_port, g->port);
	cd_guest_service(d, g);
	return 0;
}

/* Clients attached to g get what is still queued for them, then end of file. */
static void finish_clients(struct cd *d, struct cd_guest *g)
{
	struct cd_client *c;

	for (c = d->clients; c; c = c->next)
		if (c->attached && c->domid == g->domid)
			cd_client_finish(d, c);
}

void cd_guest_stop(struct cd *d, struct cd_guest *g, const char *why)
{
	if (!g->dead)
		cd_log("d%u (%s): console no longer served: %s", g->domid, g->name, why);
	g->dead = true;
	finish_clients(d, g);
	if (g->port >= 0 && ctl_evtchn_unbind(d->ev, (uint32_t)g->port))
		cd_log("d%u: unbind local port %d: %s", g->domid, g->port, ctl_errmsg(d->h));
	g->port = -1;
	if (g->ring && ctl_unmap_foreign(d->h, g->ring, 1))
		cd_log("d%u: unmap console ring: %s", g->domid, ctl_errmsg(d->h));
	g->ring = NULL;
	if (g->log_fd >= 0)
		close(g->log_fd);
	g->log_fd = -1;
}

void cd_guest_remove(struct cd *d, struct cd_guest *g)
{
	struct cd_guest **pp;

	cd_guest_stop(d, g, "domain gone");
	for (pp = &d->guests; *pp; pp = &(*pp)->next)
		if (*pp == g) {
			*pp = g->next;
			break;
		}
	free(g);
}

static void log_output(struct cd_guest *g, const char *buf, size_t n)
{
	ssize_t w;

	while (g->log_fd >= 0 && n) {
		w = write(g->log_fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			cd_log("d%u: console log write: %s (logging stopped)", g->domid,
			       w < 0 ? strerror(errno) : "short write");
			close(g->log_fd);
			g->log_fd = -1;
			return;
		}
		buf += w;
		n -= (size_t)w;
	}
}

static void fan_out(struct cd *d, struct cd_guest *g, const char *buf, size_t n)
{
	struct cd_client *c;

	log_output(g, buf, n);
	cons_history_append(&g->hist, buf, n);
	for (c = d->clients; c; c = c->next)
		if (c->attached && !c->closing && c->domid == g->domid)
			cd_client_send(d, c, buf, n);
}

/* Returns true if anything was consumed, false if not; stops g on a hostile ring. */
static bool drain(struct cd *d, struct cd_guest *g)
{
	char buf[DRAIN_CHUNK];
	bool any = false;
	ssize_t n;

	while ((n = cons_ring_read_out(g->ring, buf, sizeof(buf))) > 0) {
		fan_out(d, g, buf, (size_t)n);
		any = true;
	}
	if (n < 0)
		cd_guest_stop(d, g, "hostile out ring indexes (prod - cons > 2048)");
	return any;
}

static bool feed(struct cd *d, struct cd_guest *g)
{
	ssize_t n;

	if (!g->in_len)
		return false;
	n = cons_ring_write_in(g->ring, g->in_pend, g->in_len);
	if (n < 0) {
		cd_guest_stop(d, g, "hostile in ring indexes (prod - cons > 1024)");
		return false;
	}
	memmove(g->in_pend, g->in_pend + n, g->in_len - (size_t)n);
	g->in_len -= (size_t)n;
	return n > 0;
}

void cd_guest_service(struct cd *d, struct cd_guest *g)
{
	bool notify;

	if (g->dead)
		return;
	notify = drain(d, g);
	if (g->dead)
		return;
	notify |= feed(d, g);
	if (g->dead || !notify)
		return;
	if (ctl_evtchn_notify(d->ev, (uint32_t)g->port))
		cd_log("d%u: notify local port %d: %s", g->domid, g->port, ctl_errmsg(d->h));
}
