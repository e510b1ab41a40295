/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The console daemon's state (docs/specs/console-daemon.md): the guests it
 * serves (a mapped ring, a bound event channel, a log file, the kept tail of
 * the output) and the clients of its Unix socket (`ctl console`).
 */
#ifndef CONSOLED_H
#define CONSOLED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libctl.h>
#include <ctl_xs.h>

#include "history.h"
#include "proto.h"
#include "ring.h"

#define CD_DEFAULT_SOCKET	"/run/ctl/consoled.sock"
#define CD_DEFAULT_LOG_DIR	"/var/log/ctl/console"
#define CD_CLIENT_BUF_SIZE	(64 * 1024)	/* output a client may lag behind */
#define CD_NAME_MAX		64		/* CTL_NAME_LEN (public/domctl.h) */

struct cd_guest {
	uint32_t domid;
	char name[CD_NAME_MAX];
	struct cons_ring *ring;		/* the mapped page; NULL when not served */
	int port;			/* local event channel, -1 when unbound */
	int log_fd;
	bool dead;			/* stopped (hostile ring, failed set-up) */
	bool seen;			/* still in xenstore at the last scan */
	struct cons_history hist;
	char in_pend[CONS_RING_IN_SIZE];	/* client input waiting for ring space */
	size_t in_len;
	struct cd_guest *next;
};

struct cd_client {
	int fd;
	unsigned int id;		/* for the log */
	bool attached;
	bool closing;			/* close once out[] is flushed (after ERR) */
	bool eof;			/* sent end of file: only receives from now on */
	uint32_t domid;
	char line[CONS_PROTO_LINE_MAX];
	size_t line_len;
	char *out;			/* CD_CLIENT_BUF_SIZE bytes */
	size_t out_len;
	struct cd_client *next;
};

struct cd_opts {
	const char *socket;
	const char *log_dir;
	const char *log_file;
	const char *pid_file;
};

struct cd {
	struct cd_opts opts;
	struct ctl_handle *h;
	struct ctl_xs *xs;
	struct ctl_evtchn *ev;
	int listen_fd;
	int sig_fd;
	bool stop;
	bool pid_written;
	unsigned int next_client_id;
	struct cd_guest *guests;
	struct cd_client *clients;
};

/* log.c: the daemon's own log (stderr or --log FILE). */
int cd_log_open(const char *path);
void cd_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* guest.c */
struct cd_guest *cd_guest_find(struct cd *d, uint32_t domid);
struct cd_guest *cd_guest_by_port(struct cd *d, int port);
int cd_guest_add(struct cd *d, uint32_t domid, const char *name, uint64_t gfn,
		 uint32_t remote_port);
void cd_guest_stop(struct cd *d, struct cd_guest *g, const char *why);
void cd_guest_remove(struct cd *d, struct cd_guest *g);
void cd_guest_service(struct cd *d, struct cd_guest *g);

/* scan.c: finding guests in xenstore. */
int cd_scan_start(struct cd *d);
/* Handle watch events: those queued, and (readable) those on the socket. */
void cd_scan_events(struct cd *d, bool readable);

/* server.c: the Unix socket. */
int cd_server_listen(const char *path, char *err, size_t errlen);
void cd_server_accept(struct cd *d);

/* client.c */
void cd_client_input(struct cd *d, struct cd_client *c);
void cd_client_flush(struct cd *d, struct cd_client *c);
void cd_client_send(struct cd *d, struct cd_client *c, const char *data, size_t n);
/* Close now (logged), or once what is queued was sent. Reaped by cd_clients_reap(). */
void cd_client_drop(struct cd *d, struct cd_client *c, const char *why);
void cd_client_finish(struct cd *d, struct cd_client *c);
void cd_clients_reap(struct cd *d);
bool cd_client_wants_input(struct cd *d, const struct cd_client *c);

#endif /* CONSOLED_H */
