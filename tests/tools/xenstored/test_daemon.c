// SPDX-License-Identifier: GPL-2.0-only
/* The daemon: a round trip through a real Unix socket. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"

static int connect_to(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int fd;

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	for (int tries = 0; tries < 300; tries++) {
		fd = socket(AF_UNIX, SOCK_STREAM, 0);
		if (fd < 0)
			return -1;
		if (!connect(fd, (struct sockaddr *)&sa, sizeof(sa)))
			return fd;
		close(fd);
		nanosleep(&ts, NULL);
	}
	return -1;
}

static int read_full(int fd, void *buf, size_t len)
{
	unsigned char *p = buf;
	ssize_t n;

	while (len) {
		n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Sends one request and reads one message back. */
static int round_trip(int fd, uint32_t type, uint32_t req, const void *p, uint32_t len,
		      struct xt_msg *rep)
{
	struct xsd_sockmsg h = { type, req, 0, len };

	if (write(fd, &h, sizeof(h)) != (ssize_t)sizeof(h) || write(fd, p, len) != (ssize_t)len)
		return -1;
	if (read_full(fd, &rep->hdr, sizeof(rep->hdr)) || rep->hdr.len > XENSTORE_PAYLOAD_MAX ||
	    read_full(fd, rep->body, rep->hdr.len))
		return -1;
	rep->body[rep->hdr.len] = '\0';
	return 0;
}

static pid_t start_daemon(const char *sock)
{
	const char *bin = getenv("XENSTORED_BIN");
	pid_t pid;

	if (!bin)
		return -1;
	pid = fork();
	if (pid == 0) {
		execl(bin, bin, "--socket", sock, (char *)NULL);
		_exit(127);
	}
	return pid;
}

static void test_socket_round_trip(void)
{
	char dir[] = "/tmp/xenstored-test-XXXXXX", sock[64];
	struct xt_msg rep;
	pid_t pid;
	int fd, status;

	CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
	snprintf(sock, sizeof(sock), "%s/run/socket", dir);
	pid = start_daemon(sock);
	CU_ASSERT_FATAL(pid > 0);
	fd = connect_to(sock);
	CU_ASSERT(fd >= 0);
	if (fd >= 0) {
		CU_ASSERT(!round_trip(fd, XS_WRITE, 1, "/tool/x\0hi", 10, &rep));
		CU_ASSERT(rep.hdr.type == XS_WRITE && rep.hdr.req_id == 1);
		CU_ASSERT_STRING_EQUAL(rep.body, "OK");
		CU_ASSERT(!round_trip(fd, XS_READ, 2, "/tool/x", 8, &rep));
		CU_ASSERT(rep.hdr.type == XS_READ && rep.hdr.req_id == 2);
		CU_ASSERT_STRING_EQUAL(rep.body, "hi");
		CU_ASSERT(!round_trip(fd, XS_READ, 3, "/none", 6, &rep));
		CU_ASSERT(rep.hdr.type == XS_ERROR && !strcmp(rep.body, "ENOENT"));
		close(fd);
	}
	kill(pid, SIGTERM);
	CU_ASSERT(waitpid(pid, &status, 0) == pid);
	CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CU_ASSERT(access(sock, F_OK) != 0);	/* the daemon removed its socket */
	snprintf(sock, sizeof(sock), "%s/run", dir);
	rmdir(sock);
	rmdir(dir);
}

static void test_bad_option(void)
{
	const char *bin = getenv("XENSTORED_BIN");
	char cmd[512];

	CU_ASSERT_FATAL(bin != NULL);
	snprintf(cmd, sizeof(cmd), "%s --bogus >/dev/null 2>&1", bin);
	CU_ASSERT(WEXITSTATUS(system(cmd)) == 2);
	snprintf(cmd, sizeof(cmd), "%s --help >/dev/null 2>&1", bin);
	CU_ASSERT(WEXITSTATUS(system(cmd)) == 0);
}

static const struct xt_case cases[] = {
	{ "round trip through the socket", test_socket_round_trip },
	{ "options", test_bad_option },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_daemon = { "daemon", cases };
