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

/* Starts the daemon on sock; extra: NULL or "--pid-file"/"--log" and its file. */
static pid_t start_daemon(const char *sock, const char *opt, const char *file)
{
	const char *bin = getenv("XENSTORED_BIN");
	pid_t pid;

	if (!bin)
		return -1;
	pid = fork();
	if (pid == 0) {
		execl(bin, bin, "--socket", sock, opt, file, (char *)NULL);
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
	pid = start_daemon(sock, NULL, NULL);
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

/* Reads a whole small file into buf (NUL-terminated); bytes read or -1. */
static ssize_t slurp(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, len - 1, f);
	buf[n] = '\0';
	fclose(f);
	return (ssize_t)n;
}

static void stop_daemon(pid_t pid)
{
	int status;

	kill(pid, SIGTERM);
	CU_ASSERT(waitpid(pid, &status, 0) == pid);
	CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void test_pid_file_and_log(void)
{
	char dir[] = "/tmp/xenstored-test-XXXXXX", sock[64], pidf[64], logf[64], buf[4096];
	struct xt_msg rep;
	pid_t pid;
	int fd;

	CU_ASSERT_FATAL(mkdtemp(dir) != NULL);
	snprintf(sock, sizeof(sock), "%s/socket", dir);
	snprintf(pidf, sizeof(pidf), "%s/pid", dir);
	snprintf(logf, sizeof(logf), "%s/log", dir);
	pid = start_daemon(sock, "--pid-file", pidf);
	CU_ASSERT_FATAL(pid > 0);
	fd = connect_to(sock);
	for (int tries = 0; tries < 100 && slurp(pidf, buf, sizeof(buf)) <= 0; tries++)
		usleep(10000);	/* written just after the socket listens */
	CU_ASSERT(fd >= 0 && atol(buf) == pid);
	if (fd >= 0)
		close(fd);
	stop_daemon(pid);
	CU_ASSERT(access(pidf, F_OK) != 0);
	pid = start_daemon(sock, "--log", logf);
	fd = connect_to(sock);
	CU_ASSERT(fd >= 0 && !round_trip(fd, XS_READ, 1, "/", 2, &rep));
	if (fd >= 0)
		close(fd);
	stop_daemon(pid);
	CU_ASSERT(slurp(logf, buf, sizeof(buf)) > 0);
	CU_ASSERT(strstr(buf, "connected") && strstr(buf, "closed: "));
	unlink(logf);
	rmdir(dir);
}

/* Off Xen, --kernel fails at start with a message and leaves no socket. */
static void test_kernel_without_xen(void)
{
	const char *bin = getenv("XENSTORED_BIN");
	char dir[] = "/tmp/xenstored-test-XXXXXX", cmd[512], sock[64];

	if (!access("/proc/xen/xsd_kva", F_OK))
		return;	/* a real dom0: not this test's business */
	CU_ASSERT_FATAL(bin != NULL && mkdtemp(dir) != NULL);
	snprintf(sock, sizeof(sock), "%s/socket", dir);
	snprintf(cmd, sizeof(cmd), "%s --kernel --socket %s 2>/dev/null", bin, sock);
	CU_ASSERT(WEXITSTATUS(system(cmd)) == 1);
	CU_ASSERT(access(sock, F_OK) != 0);
	rmdir(dir);
}

static const struct xt_case cases[] = {
	{ "round trip through the socket", test_socket_round_trip },
	{ "options", test_bad_option },
	{ "--pid-file and --log", test_pid_file_and_log },
	{ "--kernel off Xen fails cleanly", test_kernel_without_xen },
	{ NULL, NULL },
};

const struct xt_suite xt_suite_daemon = { "daemon", cases };
