// SPDX-License-Identifier: GPL-2.0-only
/*
 * xenstored: serves the store on a Unix socket; every local client is
 * treated as dom0. One poll() loop, no threads.
 */
#include <errno.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "xsd.h"

#define DEFAULT_SOCKET	"/run/xenstored/socket"
#define MAX_CLIENTS	256

struct client {
	int fd;
	struct xsd_conn *conn;
};

static volatile sig_atomic_t stopping;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

static void make_parent_dir(const char *path)
{
	char *dir = strdup(path), *slash;

	if (!dir)
		return;
	slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		mkdir(dir, 0755);	/* failure shows up in bind() */
	}
	free(dir);
}

static int listen_on(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		fprintf(stderr, "xenstored: socket path too long: %s\n", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	make_parent_dir(path);
	unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 16)) {
		fprintf(stderr, "xenstored: %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

static void client_drop(struct client *cl)
{
	close(cl->fd);
	xsd_conn_free(cl->conn);
	cl->fd = -1;
	cl->conn = NULL;
}

static void client_accept(int lfd, struct client *cls, struct xsd_store *st)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
	int i;

	if (fd < 0)
		return;
	for (i = 0; i < MAX_CLIENTS && cls[i].fd >= 0; i++)
		;
	if (i == MAX_CLIENTS || !(cls[i].conn = xsd_conn_new(st, 0))) {
		close(fd);
		return;
	}
	cls[i].fd = fd;
}

/* Writes what is queued; returns -1 if the client went away. */
static int client_flush(struct client *cl)
{
	size_t len;
	const void *out = xsd_conn_output(cl->conn, &len);
	ssize_t n;

	while (len) {
		n = send(cl->fd, out, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		xsd_conn_consume(cl->conn, (size_t)n);
		out = xsd_conn_output(cl->conn, &len);
	}
	return 0;
}

static void client_input(struct client *cl)
{
	char buf[4096];
	ssize_t n = recv(cl->fd, buf, sizeof(buf), 0);
	int rc;

	if (n < 0 && errno == EINTR)
		return;
	rc = n > 0 ? xsd_conn_feed(cl->conn, buf, (size_t)n) : -1;
	if (client_flush(cl) || rc)
		client_drop(cl);
}

/* After a request, other clients may have watch events queued. */
static void flush_all(struct client *cls)
{
	for (int i = 0; i < MAX_CLIENTS; i++)
		if (cls[i].fd >= 0 && client_flush(&cls[i]))
			client_drop(&cls[i]);
}

static void serve(int lfd, struct client *cls, struct xsd_store *st)
{
	struct pollfd pfd[MAX_CLIENTS + 1];
	int map[MAX_CLIENTS + 1], n;

	while (!stopping) {
		pfd[0] = (struct pollfd){ .fd = lfd, .events = POLLIN };
		n = 1;
		for (int i = 0; i < MAX_CLIENTS; i++) {
			if (cls[i].fd < 0)
				continue;
			map[n] = i;
			pfd[n++] = (struct pollfd){ .fd = cls[i].fd, .events = POLLIN };
		}
		if (poll(pfd, (nfds_t)n, -1) < 0)
			continue;
		if (pfd[0].revents & POLLIN)
			client_accept(lfd, cls, st);
		for (int j = 1; j < n; j++)
			if (pfd[j].revents)
				client_input(&cls[map[j]]);
		flush_all(cls);
	}
}

static void usage(FILE *f)
{
	fprintf(f, "usage: xenstored [-s SOCKET]\n"
		   "  -s, --socket PATH  Unix socket to serve (default " DEFAULT_SOCKET ")\n"
		   "  -h, --help         this text\n");
}

static int parse_args(int argc, char **argv, const char **sock)
{
	static const struct option opts[] = {
		{ "socket", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "s:h", opts, NULL)) != -1) {
		if (ch == 's') {
			*sock = optarg;
		} else {
			usage(ch == 'h' ? stdout : stderr);
			return ch == 'h' ? 0 : 2;
		}
	}
	return optind == argc ? -1 : (usage(stderr), 2);
}

int main(int argc, char **argv)
{
	static struct client cls[MAX_CLIENTS];
	const char *sock = DEFAULT_SOCKET;
	struct sigaction sa = { .sa_handler = on_signal };
	struct xsd_store *st;
	int lfd, rc = parse_args(argc, argv, &sock);

	if (rc >= 0)
		return rc;
	for (int i = 0; i < MAX_CLIENTS; i++)
		cls[i].fd = -1;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	st = xsd_store_new(NULL);
	lfd = st ? listen_on(sock) : -1;
	if (lfd < 0) {
		xsd_store_free(st);
		return 1;
	}
	serve(lfd, cls, st);
	for (int i = 0; i < MAX_CLIENTS; i++)
		if (cls[i].fd >= 0)
			client_drop(&cls[i]);
	close(lfd);
	unlink(sock);
	xsd_store_free(st);
	return 0;
}
