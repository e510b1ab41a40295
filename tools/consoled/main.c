// SPDX-License-Identifier: GPL-2.0-only
/*
 * consoled: serves the PV consoles of guests (docs/specs/console-daemon.md).
 * One poll() loop over the signal fd, the socket, xenstore, the event
 * channel device and the clients.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "consoled.h"

#define FIXED_FDS	4	/* signal, socket, xenstore, event channels */
#define LOG_DIR_MODE	0755

static const char usage[] =
	"Usage: consoled [--socket PATH] [--log-dir DIR] [--log FILE] [--pid-file FILE]\n"
	"Serve the consoles of guests: log their output to DIR/guest-<name>.log and\n"
	"let `ctl console` attach through the socket. Runs in the foreground.\n"
	"  --socket PATH    the client socket (" CD_DEFAULT_SOCKET ")\n"
	"  --log-dir DIR    where guest logs go (" CD_DEFAULT_LOG_DIR ")\n"
	"  --log FILE       the daemon's own log (stderr)\n"
	"  --pid-file FILE  write the daemon's PID there\n";

static int parse_args(int argc, char **argv, struct cd_opts *o)
{
	static const struct option longopts[] = {
		{ "socket", required_argument, NULL, 's' },
		{ "log-dir", required_argument, NULL, 'd' },
		{ "log", required_argument, NULL, 'l' },
		{ "pid-file", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (opt) {
		case 's': o->socket = optarg; break;
		case 'd': o->log_dir = optarg; break;
		case 'l': o->log_file = optarg; break;
		case 'p': o->pid_file = optarg; break;
		case 'h': fputs(usage, stdout); exit(0);
		default: fputs(usage, stderr); return -1;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "consoled: unexpected argument '%s'\n%s", argv[optind], usage);
		return -1;
	}
	return 0;
}

static int write_pid_file(const char *path)
{
	FILE *f = fopen(path, "we");

	if (!f)
		return -errno;
	fprintf(f, "%ld\n", (long)getpid());
	return fclose(f) ? -errno : 0;
}

static int open_signals(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		return -1;
	return signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
}

static int mkdir_p(const char *dir)
{
	char path[4096];
	char *p;

	snprintf(path, sizeof(path), "%s", dir);
	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, LOG_DIR_MODE) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	return mkdir(path, LOG_DIR_MODE) && errno != EEXIST ? -errno : 0;
}

/* Everything that can fail before serving: a message on stderr and -1. */
static int start(struct cd *d)
{
	char err[256];
	char *msg = NULL;

	if (d->opts.log_file && cd_log_open(d->opts.log_file)) {
		fprintf(stderr, "consoled: open log %s: %s\n", d->opts.log_file, strerror(errno));
		return -1;
	}
	if (mkdir_p(d->opts.log_dir))
		cd_log("mkdir %s: %s (guest output not logged)", d->opts.log_dir, strerror(errno));
	d->sig_fd = open_signals();
	if (d->sig_fd < 0) {
		fprintf(stderr, "consoled: signalfd: %s\n", strerror(errno));
		return -1;
	}
	if (ctl_open(&d->h, &msg)) {
		fprintf(stderr, "consoled: %s\n", msg ? msg : "cannot open libctl");
		free(msg);
		return -1;
	}
	if (ctl_evtchn_open(d->h, &d->ev) || ctl_xs_open(d->h, &d->xs)) {
		fprintf(stderr, "consoled: %s\n", ctl_errmsg(d->h));
		return -1;
	}
	d->listen_fd = cd_server_listen(d->opts.socket, err, sizeof(err));
	if (d->listen_fd < 0) {
		fprintf(stderr, "consoled: %s\n", err);
		return -1;
	}
	if (d->opts.pid_file && write_pid_file(d->opts.pid_file)) {
		fprintf(stderr, "consoled: pid file %s: %s\n", d->opts.pid_file, strerror(errno));
		return -1;
	}
	d->pid_written = d->opts.pid_file != NULL;
	return cd_scan_start(d) ? -1 : 0;
}

static void on_event_channels(struct cd *d)
{
	struct cd_guest *g;
	int port;

	while ((port = ctl_evtchn_pending(d->ev)) >= 0) {
		g = cd_guest_by_port(d, port);
		if (g)
			cd_guest_service(d, g);
		if (ctl_evtchn_unmask(d->ev, (uint32_t)port))
			cd_log("unmask local port %d: %s", port, ctl_errmsg(d->h));
	}
	if (port != -EAGAIN) {
		cd_log("event channels: %s (exiting)", ctl_errmsg(d->h));
		d->stop = true;
	}
}

static void on_signal(struct cd *d)
{
	struct signalfd_siginfo si;

	if (read(d->sig_fd, &si, sizeof(si)) == sizeof(si)) {
		cd_log("signal %u: exiting", si.ssi_signo);
		d->stop = true;
	}
}

/* The pollfd array: FIXED_FDS first, then one per client in list order. */
static size_t build_pollfds(struct cd *d, struct pollfd *p, size_t max)
{
	struct cd_client *c;
	size_t n = FIXED_FDS;

	p[0] = (struct pollfd){ .fd = d->sig_fd, .events = POLLIN };
	p[1] = (struct pollfd){ .fd = d->listen_fd, .events = POLLIN };
	p[2] = (struct pollfd){ .fd = ctl_xs_fd(d->xs), .events = POLLIN };
	p[3] = (struct pollfd){ .fd = ctl_evtchn_fd(d->ev), .events = POLLIN };
	for (c = d->clients; c && n < max; c = c->next, n++) {
		p[n].fd = c->fd;
		p[n].events = (cd_client_wants_input(d, c) ? POLLIN : 0) |
			      (c->out_len ? POLLOUT : 0);
		p[n].revents = 0;
	}
	return n;
}

static void dispatch_clients(struct cd *d, const struct pollfd *p, size_t n)
{
	struct cd_client *c;
	size_t i;

	for (c = d->clients, i = FIXED_FDS; c && i < n; c = c->next, i++) {
		if (c->fd != p[i].fd)
			continue;
		if (p[i].revents & POLLOUT)
			cd_client_flush(d, c);
		if (c->fd >= 0 && (p[i].revents & POLLIN))
			cd_client_input(d, c);
		if (c->fd >= 0 && (p[i].revents & (POLLHUP | POLLERR)) && !(p[i].revents & POLLIN))
			cd_client_drop(d, c, c->attached ? "detached" : "hung up");
	}
}

static size_t count_clients(const struct cd *d)
{
	const struct cd_client *c;
	size_t n = 0;

	for (c = d->clients; c; c = c->next)
		n++;
	return n;
}

static int serve_once(struct cd *d)
{
	size_t max = FIXED_FDS + count_clients(d);
	struct pollfd *p = calloc(max, sizeof(*p));
	size_t n;

	if (!p)
		return -ENOMEM;
	cd_scan_events(d, false);
	n = build_pollfds(d, p, max);
	if (poll(p, n, -1) < 0) {
		free(p);
		return errno == EINTR ? 0 : -errno;
	}
	if (p[0].revents)
		on_signal(d);
	if (p[1].revents)
		cd_server_accept(d);
	if (p[2].revents)
		cd_scan_events(d, true);
	if (p[3].revents)
		on_event_channels(d);
	dispatch_clients(d, p, n);
	cd_clients_reap(d);
	free(p);
	return 0;
}

static void shut_down(struct cd *d)
{
	struct cd_client *c;

	while (d->guests)
		cd_guest_remove(d, d->guests);
	for (c = d->clients; c; c = c->next)
		cd_client_drop(d, c, NULL);
	cd_clients_reap(d);
	if (d->listen_fd >= 0) {
		close(d->listen_fd);
		unlink(d->opts.socket);
	}
	if (d->pid_written)
		unlink(d->opts.pid_file);
	ctl_xs_close(d->xs);
	ctl_evtchn_close(d->ev);
	ctl_close(d->h);
}

int main(int argc, char **argv)
{
	struct cd d = {
		.opts = { CD_DEFAULT_SOCKET, CD_DEFAULT_LOG_DIR, NULL, NULL },
		.listen_fd = -1, .sig_fd = -1,
	};
	int rc = 0;

	if (parse_args(argc, argv, &d.opts))
		return 2;
	if (start(&d)) {
		shut_down(&d);
		return 1;
	}
	cd_log("serving consoles on %s, guest logs in %s", d.opts.socket, d.opts.log_dir);
	while (!d.stop && !rc)
		rc = serve_once(&d);
	if (rc)
		cd_log("poll: %s (exiting)", strerror(-rc));
	shut_down(&d);
	return rc ? 1 : 0;
}
