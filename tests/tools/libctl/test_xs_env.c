// SPDX-License-Identifier: GPL-2.0-only
/* Runs the real xenstored for the xenstore client's tests (test_xs_env.h). */
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

#include "libctl_test.h"
#include "test_xs_env.h"

#define START_WAIT_MS 5000
#define POLL_MS       10

static const char *daemon_path(void)
{
	const char *bin = getenv("XENSTORED_BIN");

	if (!bin || access(bin, X_OK)) {
		fprintf(stderr, "\n  xenstored not found (XENSTORED_BIN=%s): run the tests with "
			"`make -C tools/libctl test`, which builds tools/xenstored\n",
			bin ? bin : "unset");
		return NULL;
	}
	return bin;
}

static bool can_connect(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bool ok;

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	ok = fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}

static bool wait_ready(struct xs_env *e)
{
	const struct timespec nap = { 0, POLL_MS * 1000000L };

	for (int t = 0; t < START_WAIT_MS; t += POLL_MS) {
		if (can_connect(e->sock))
			return true;
		if (waitpid(e->pid, NULL, WNOHANG) == e->pid) {
			e->pid = 0;
			return false;
		}
		nanosleep(&nap, NULL);
	}
	return false;
}

static pid_t spawn(const char *bin, const char *sock)
{
	pid_t pid = fork();

	if (pid == 0) {
		execl(bin, bin, "-s", sock, (char *)NULL);
		_exit(127);
	}
	return pid;
}

void xs_env_start(struct xs_env *e)
{
	const char *bin = daemon_path();
	struct ctl_backend b = fake_backend;

	memset(e, 0, sizeof(*e));
	CU_ASSERT_PTR_NOT_NULL_FATAL(bin);
	snprintf(e->dir, sizeof(e->dir), "/tmp/libctl-xs-XXXXXX");
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(e->dir));
	snprintf(e->sock, sizeof(e->sock), "%s/socket", e->dir);
	e->pid = spawn(bin, e->sock);
	CU_ASSERT_FATAL(e->pid > 0);
	if (!wait_ready(e)) {
		fprintf(stderr, "\n  %s -s %s did not start listening\n", bin, e->sock);
		xs_env_stop(e);
		CU_FAIL_FATAL("xenstored did not start");
	}
	fake_open(&e->f);
	ctl_close(e->f.h);
	b.xs_path = e->sock;
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&b, &e->f, &e->f.h, NULL), 0);
	CU_ASSERT_EQUAL_FATAL(ctl_xs_open(e->f.h, &e->xs), 0);
}

void xs_env_stop(struct xs_env *e)
{
	ctl_xs_close(e->xs);
	e->xs = NULL;
	ctl_close(e->f.h);
	e->f.h = NULL;
	if (e->pid > 0) {
		kill(e->pid, SIGTERM);
		waitpid(e->pid, NULL, 0);
		e->pid = 0;
	}
	unlink(e->sock);
	rmdir(e->dir);
}
