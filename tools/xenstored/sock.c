// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Unix socket transport: every local client acts as dom0 (the socket
 * is only reachable by root in dom0). Sends are blocking.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "daemon.h"

#define LISTEN_BACKLOG	16
#define RECV_CHUNK	4096

struct client {
	int fd;
	struct xsd_conn *conn;
};

struct sock_server {
	struct xsd_store *st;
	char *path;
	int lfd;
	struct client cls[SOCK_MAX_CLIENTS];
	int map[SOCK_MAX_CLIENTS + 1];	/* pollfd index -> client, -1: the listener */
};

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
		log_error("socket path too long: %s", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	make_parent_dir(path);
	unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) ||
	    listen(fd, LISTEN_BACKLOG)) {
		log_error("socket %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

struct sock_server *sock_open(const char *path, struct xsd_store *st)
{
	struct sock_server *s = calloc(1, sizeof(*s));

	if (!s || !(s->path = strdup(path))) {
		log_error("socket %s: out of memory", path);
		free(s);
		return NULL;
	}
	s->st = st;
	for (int i = 0; i < SOCK_MAX_CLIENTS; i++)
		s->cls[i].fd = -1;
	s->lfd = listen_on(path);
	if (s->lfd < 0) {
		free(s->path);
		free(s);
		return NULL;
	}
	return s;
}

static void client_drop(struct client *cl, const char *why)
{
	log_event("socket client fd %d closed: %s", cl->fd, why);
	close(cl->fd);
	xsd_conn_free(cl->conn);
	cl->fd = -1;
	cl->conn = NULL;
}

static void client_accept(struct sock_server *s)
{
	int fd = accept4(s->lfd, NULL, NULL, SOCK_CLOEXEC);
	int i;

	if (fd < 0)
		return;
	for (i = 0; i < SOCK_MAX_CLIENTS && s->cls[i].fd >= 0; i++)
		;
	if (i == SOCK_MAX_CLIENTS || !(s->cls[i].conn = xsd_conn_new(s->st, 0))) {
		log_error("socket client refused: %s",
			  i == SOCK_MAX_CLIENTS ? "too many clients" : "out of memory");
		close(fd);
		return;
	}
	s->cls[i].fd = fd;
	log_event("socket client fd %d connected", fd);
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
	char buf[RECV_CHUNK];
	ssize_t n = recv(cl->fd, buf, sizeof(buf), 0);
	int rc;

	if (n < 0 && errno == EINTR)
		return;
	if (n <= 0) {
		client_drop(cl, n ? strerror(errno) : "end of file");
		return;
	}
	rc = xsd_conn_feed(cl->conn, buf, (size_t)n);
	if (client_flush(cl))
		client_drop(cl, "send failed");
	else if (rc)
		client_drop(cl, "message longer than XENSTORE_PAYLOAD_MAX");
}

int sock_pollfds(struct sock_server *s, struct pollfd *pfd, int max)
{
	int n = 0;

	if (max < 1)
		return 0;
	s->map[n] = -1;
	pfd[n++] = (struct pollfd){ .fd = s->lfd, .events = POLLIN };
	for (int i = 0; i < SOCK_MAX_CLIENTS && n < max; i++) {
		if (s->cls[i].fd < 0)
			continue;
		s->map[n] = i;
		pfd[n++] = (struct pollfd){ .fd = s->cls[i].fd, .events = POLLIN };
	}
	return n;
}

void sock_handle(struct sock_server *s, const struct pollfd *pfd, int n)
{
	for (int j = 0; j < n; j++) {
		if (!pfd[j].revents)
			continue;
		if (s->map[j] < 0)
			client_accept(s);
		else if (s->cls[s->map[j]].fd >= 0)
			client_input(&s->cls[s->map[j]]);
	}
}

void sock_flush(struct sock_server *s)
{
	for (int i = 0; i < SOCK_MAX_CLIENTS; i++)
		if (s->cls[i].fd >= 0 && client_flush(&s->cls[i]))
			client_drop(&s->cls[i], "send failed");
}

void sock_close(struct sock_server *s)
{
	if (!s)
		return;
	for (int i = 0; i < SOCK_MAX_CLIENTS; i++)
		if (s->cls[i].fd >= 0)
			client_drop(&s->cls[i], "daemon exiting");
	close(s->lfd);
	unlink(s->path);
	free(s->path);
	free(s);
}
