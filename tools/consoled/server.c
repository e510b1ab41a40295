// SPDX-License-Identifier: GPL-2.0-only
/* The console daemon's Unix socket (docs/specs/console-daemon.md). */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "consoled.h"

#define LISTEN_BACKLOG	16
#define SOCKET_DIR_MODE	0755
#define SOCKET_MODE	0600	/* root only: a console is a root shell's worth */

int cd_server_listen(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	char dir[sizeof(sun.sun_path)];
	int fd;

	if (strlen(path) >= sizeof(sun.sun_path)) {
		snprintf(err, errlen, "socket path %s too long", path);
		return -1;
	}
	strcpy(sun.sun_path, path);
	strcpy(dir, path);
	if (mkdir(dirname(dir), SOCKET_DIR_MODE) && errno != EEXIST) {
		snprintf(err, errlen, "mkdir for %s: %s", path, strerror(errno));
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		snprintf(err, errlen, "socket: %s", strerror(errno));
		return -1;
	}
	unlink(path);           /* a stale socket of an earlier run */
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) || chmod(path, SOCKET_MODE) ||
	    listen(fd, LISTEN_BACKLOG)) {
		snprintf(err, errlen, "listen on %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

void cd_server_accept(struct cd *d)
{
	struct cd_client *c;
	int fd = accept4(d->listen_fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);

	if (fd < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
			cd_log("accept on %s: %s", d->opts.socket, strerror(errno));
		return;
	}
	c = calloc(1, sizeof(*c));
	if (c)
		c->out = malloc(CD_CLIENT_BUF_SIZE);
	if (!c || !c->out) {
		cd_log("new client: out of memory (refused)");
		free(c);
		close(fd);
		return;
	}
	c->fd = fd;
	c->id = ++d->next_client_id;
	c->next = d->clients;
	d->clients = c;
}
