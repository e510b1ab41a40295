/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The xenstored daemon's parts: options, the log, the Unix socket and the
 * Xen transports (dom0's kernel ring and guests' rings), all served by one
 * poll() loop in xenstored.c.
 */
#ifndef XENSTORED_DAEMON_H
#define XENSTORED_DAEMON_H

#include <poll.h>
#include <stdbool.h>

#include "xsd.h"

#define DEFAULT_SOCKET	"/run/xenstored/socket"

struct xsd_opts {
	const char *socket;
	const char *pid_file;	/* NULL: none */
	const char *log_file;	/* NULL: errors to stderr only */
	bool kernel;		/* serve dom0's kernel ring and guests (needs Xen) */
	bool trace;		/* log every request */
};

/* options.c: -1 to go on, else the exit status (after --help or a bad option). */
int opts_parse(int argc, char **argv, struct xsd_opts *o);

/* log.c */
int log_open(const char *path);
void log_close(void);
/* A connection event or a trace line: to the log file, if any. */
void log_event(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An error: to stderr and the log file. */
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* sock.c: the Unix socket; every client acts as dom0. */
#define SOCK_MAX_CLIENTS	256
struct sock_server;
struct sock_server *sock_open(const char *path, struct xsd_store *st);
/* Fills pfd[0..max) with what to poll; returns how many. */
int sock_pollfds(struct sock_server *s, struct pollfd *pfd, int max);
/* Handles the ready entries of the pfd the last sock_pollfds() filled. */
void sock_handle(struct sock_server *s, const struct pollfd *pfd, int n);
/* Sends what every client has queued (watch events of others' changes). */
void sock_flush(struct sock_server *s);
void sock_close(struct sock_server *s);

/* xen.c: dom0's kernel ring, guests' rings, VIRQ_DOM_EXC. */
struct xen_tp;
struct xen_tp *xen_open(struct xsd_store *st);
int xen_fd(const struct xen_tp *x);
/* The event channel device is readable: handle the ports that fired. */
void xen_handle(struct xen_tp *x);
/*
 * Serves every ring (requests in, replies and events out), notifying;
 * true if it stopped with work left (poll again without waiting).
 */
bool xen_flush(struct xen_tp *x);
void xen_close(struct xen_tp *x);

#endif
