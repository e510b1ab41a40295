// SPDX-License-Identifier: GPL-2.0-only
/*
 * xenstored: serves the store on a Unix socket and, with --kernel, to dom0's
 * kernel and the introduced guests over shared rings. One poll() loop, no
 * threads; a bad message or a broken ring only affects its own connection.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "daemon.h"
#include "xs_wire.h"

/* Socket clients, the listener and the event channel device. */
#define MAX_POLLFDS	(SOCK_MAX_CLIENTS + 2)

static volatile sig_atomic_t stopping;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

static void trace_request(void *opaque, const struct xsd_conn *c, const void *msg, size_t len)
{
	struct xsd_sockmsg h;

	(void)opaque;
	if (len < sizeof(h))
		return;
	memcpy(&h, msg, sizeof(h));
	log_event("d%u: request type %u req_id %u tx_id %u len %u", xsd_conn_domid(c), h.type,
		  h.req_id, h.tx_id, h.len);
}

static int write_pid_file(const char *path)
{
	FILE *f = fopen(path, "we");

	if (!f || fprintf(f, "%ld\n", (long)getpid()) < 0 || fclose(f)) {
		log_error("pid file %s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	return 0;
}

/*
 * SIGINT and SIGTERM are blocked except inside ppoll(), so a signal that
 * arrives between the check of stopping and the wait still ends the wait.
 */
static void serve(struct sock_server *s, struct xen_tp *x, const sigset_t *waitmask)
{
	static const struct timespec now = { 0, 0 };
	struct pollfd pfd[MAX_POLLFDS];
	bool more = true;	/* rings may hold requests from before we started */
	int n, xi;

	while (!stopping) {
		n = sock_pollfds(s, pfd, x ? MAX_POLLFDS - 1 : MAX_POLLFDS);
		xi = n;
		if (x)
			pfd[n++] = (struct pollfd){ .fd = xen_fd(x), .events = POLLIN };
		if (ppoll(pfd, (nfds_t)n, more ? &now : NULL, waitmask) < 0)
			continue;	/* EINTR: a signal; the loop checks stopping */
		sock_handle(s, pfd, xi);
		if (x && pfd[xi].revents)
			xen_handle(x);
		more = x && xen_flush(x);
		sock_flush(s);
	}
}

static int setup(const struct xsd_opts *o, struct xsd_store **st, struct sock_server **s,
		 struct xen_tp **x)
{
	*st = xsd_store_new(NULL);
	if (!*st) {
		log_error("cannot create the store: out of memory");
		return -1;
	}
	if (o->trace)
		xsd_store_set_trace(*st, trace_request, NULL);
	if (o->kernel && xsd_store_init_nodes(*st)) {
		log_error("cannot create the initial nodes: out of memory");
		return -1;
	}
	*s = sock_open(o->socket, *st);
	if (!*s)
		return -1;
	if (o->kernel && !(*x = xen_open(*st)))
		return -1;
	return o->pid_file ? write_pid_file(o->pid_file) : 0;
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };
	sigset_t stop_sigs, waitmask;
	struct xsd_store *st = NULL;
	struct sock_server *s = NULL;
	struct xen_tp *x = NULL;
	struct xsd_opts o;
	int rc = opts_parse(argc, argv, &o);

	if (rc >= 0)
		return rc;
	if (o.log_file && log_open(o.log_file))
		return 1;
	sigemptyset(&stop_sigs);
	sigaddset(&stop_sigs, SIGINT);
	sigaddset(&stop_sigs, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop_sigs, &waitmask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	rc = setup(&o, &st, &s, &x) ? 1 : 0;
	if (!rc) {
		log_event("serving %s%s", o.socket, o.kernel ? " and dom0's kernel ring" : "");
		serve(s, x, &waitmask);
		log_event("exiting on a signal");
	}
	xen_close(x);
	sock_close(s);
	xsd_store_free(st);
	if (o.pid_file && !rc)
		unlink(o.pid_file);
	log_close();
	return rc;
}
