// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Hotplug scripts (docs/specs/hotplug.md): $CTL_SCRIPT_DIR/<script>
 * add|remove, spawned directly (no shell) in a process group of its own,
 * stdin /dev/null, stdout and stderr into a pipe whose tail is kept for the
 * message, the device described in its environment. A script that
 * outlives its timeout is killed with its whole group.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dev_int.h"

#define OUT_KEEP   4096   /* the tail of the output kept for the message */
#define TICK_MS    50     /* how often a running script is checked for exit */
#define NR_VARS    5      /* XENBUS_PATH, XENBUS_TYPE, DOMID, DEVID, vif */
#define VAR_LEN    (DEV_PATH_LEN + 16)
#define READ_CHUNK 512

extern char **environ;

struct script_run {
	struct ctl_handle *h;
	const struct dev_ref *r;
	const char *action;
	char path[PATH_MAX];
	pid_t pid;
	int fd;                  /* the pipe's read end, -1 at its end */
	char out[OUT_KEEP + 1];
	size_t len;
	int status;
	bool timed_out;
};

const char *dev_script_dir(void)
{
	const char *dir = getenv(CTL_SCRIPT_DIR_ENV);

	return dir && *dir ? dir : CTL_SCRIPT_DIR;
}

/* The device's variables; returns how many. */
static size_t make_vars(const struct dev_ref *r, char vars[NR_VARS][VAR_LEN])
{
	size_t n = 0;

	snprintf(vars[n++], VAR_LEN, "XENBUS_PATH=%s", r->be);
	snprintf(vars[n++], VAR_LEN, "XENBUS_TYPE=%s", dev_kind_name(r->kind));
	snprintf(vars[n++], VAR_LEN, "DOMID=%u", r->domid);
	snprintf(vars[n++], VAR_LEN, "DEVID=%u", r->devid);
	if (r->kind == CTL_DEV_VIF)
		snprintf(vars[n++], VAR_LEN, "vif=vif%u.%u", r->domid, r->devid);
	return n;
}

/* Whether entry ("NAME=value") sets a name one of vars sets too. */
static bool overridden(const char *entry, char vars[NR_VARS][VAR_LEN], size_t nvars)
{
	size_t len = strcspn(entry, "=");

	for (size_t i = 0; i < nvars; i++)
		if (!strncmp(entry, vars[i], len) && vars[i][len] == '=')
			return true;
	return false;
}

/* Our environment with the device's variables added (or replaced); free() the array. */
static char **make_env(char vars[NR_VARS][VAR_LEN], size_t nvars)
{
	size_t n = 0, k = 0;
	char **env;

	while (environ && environ[n])
		n++;
	env = calloc(n + nvars + 1, sizeof(*env));
	for (size_t i = 0; env && i < n; i++)
		if (!overridden(environ[i], vars, nvars))
			env[k++] = environ[i];
	for (size_t i = 0; env && i < nvars; i++)
		env[k++] = vars[i];
	return env;
}

static void spawn_setup(posix_spawn_file_actions_t *fa, posix_spawnattr_t *at, int out)
{
	static const int reset[] = { SIGPIPE, SIGINT, SIGQUIT, SIGHUP, SIGTERM, SIGCHLD };
	sigset_t none, dflt;

	posix_spawn_file_actions_init(fa);
	posix_spawn_file_actions_addopen(fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(fa, out, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(fa, out, STDERR_FILENO);
	sigemptyset(&none);
	sigemptyset(&dflt);
	for (size_t i = 0; i < sizeof(reset) / sizeof(reset[0]); i++)
		sigaddset(&dflt, reset[i]);
	posix_spawnattr_init(at);
	posix_spawnattr_setsigmask(at, &none);
	posix_spawnattr_setsigdefault(at, &dflt);
	posix_spawnattr_setpgroup(at, 0);
	posix_spawnattr_setflags(at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
				     POSIX_SPAWN_SETSIGDEF);
}

static int spawn(struct script_run *s, char **env)
{
	char *argv[] = { s->path, (char *)s->action, NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	int p[2], rc;

	if (pipe2(p, O_CLOEXEC))
		return ctl_fail(s->h, -errno, "%s: hotplug script: pipe: %s", s->r->label,
				strerror(errno));
	spawn_setup(&fa, &at, p[1]);
	rc = posix_spawn(&s->pid, s->path, &fa, &at, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(p[1]);
	if (rc) {
		close(p[0]);
		return ctl_fail(s->h, -rc, "%s: hotplug script %s: %s", s->r->label, s->path,
				strerror(rc));
	}
	s->fd = p[0];
	fcntl(s->fd, F_SETFL, O_NONBLOCK);
	return 0;
}

/* Appends to the kept tail, dropping the oldest bytes beyond OUT_KEEP. */
static void keep(struct script_run *s, const char *buf, size_t n)
{
	size_t drop;

	if (n > OUT_KEEP) {
		buf += n - OUT_KEEP;
		n = OUT_KEEP;
	}
	if (s->len + n > OUT_KEEP) {
		drop = s->len + n - OUT_KEEP;
		memmove(s->out, s->out + drop, s->len - drop);
		s->len -= drop;
	}
	memcpy(s->out + s->len, buf, n);
	s->len += n;
}

/* Reads what is there; closes the pipe at its end. */
static void drain(struct script_run *s)
{
	char buf[READ_CHUNK];
	ssize_t n;

	while (s->fd >= 0) {
		n = read(s->fd, buf, sizeof(buf));
		if (n > 0) {
			keep(s, buf, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		close(s->fd);
		s->fd = -1;
	}
}

/* 1 when the script has exited (s->status), 0 if it runs, or -errno. */
static int reap(struct script_run *s, int flags)
{
	pid_t r;

	do
		r = waitpid(s->pid, &s->status, flags);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return ctl_fail(s->h, -errno, "%s: hotplug script %s: waitpid: %s", s->r->label,
				s->path, strerror(errno));
	return r == s->pid;
}

static int collect(struct script_run *s, int timeout_ms)
{
	long long deadline = dev_now_ms() + timeout_ms, left;
	struct pollfd pfd = { .events = POLLIN };
	int rc;

	for (;;) {
		drain(s);
		rc = reap(s, WNOHANG);
		if (rc)
			return rc < 0 ? rc : 0;
		left = deadline - dev_now_ms();
		if (left <= 0)
			break;
		pfd.fd = s->fd;
		poll(&pfd, 1, left < TICK_MS ? (int)left : TICK_MS);
	}
	s->timed_out = true;
	kill(-s->pid, SIGKILL);
	rc = reap(s, 0);
	drain(s);
	return rc < 0 ? rc : 0;
}

/* The last line of the output with something in it, trimmed ("" if none). */
static const char *last_line(struct script_run *s)
{
	char *end, *start;

	s->out[s->len] = '\0';
	end = s->out + s->len;
	while (end > s->out && strchr(" \t\r\n", end[-1]))
		end--;
	*end = '\0';
	start = end;
	while (start > s->out && start[-1] != '\n')
		start--;
	return start;
}

static int report(struct script_run *s, int timeout_ms)
{
	const char *line = last_line(s);
	char what[DEV_LABEL_LEN + 64], t[32];

	snprintf(what, sizeof(what), "%s: hotplug script %s %s", s->r->label,
		 dev_kind_script(s->r->kind), s->action);
	dev_fmt_ms(timeout_ms, t, sizeof(t));
	if (s->timed_out && *line)
		return ctl_fail(s->h, -ETIMEDOUT, "%s failed: %s (timed out after %s)", what, line, t);
	if (s->timed_out)
		return ctl_fail(s->h, -ETIMEDOUT, "%s timed out after %s", what, t);
	if (WIFEXITED(s->status) && WEXITSTATUS(s->status) == 0)
		return 0;
	if (*line)
		return ctl_fail(s->h, -EIO, "%s failed: %s", what, line);
	if (WIFSIGNALED(s->status))
		return ctl_fail(s->h, -EIO, "%s killed by signal %d", what, WTERMSIG(s->status));
	return ctl_fail(s->h, -EIO, "%s exited with status %d", what, WEXITSTATUS(s->status));
}

int dev_script_run(struct ctl_handle *h, const struct dev_ref *r, const char *action)
{
	struct script_run s = { .h = h, .r = r, .action = action, .fd = -1 };
	int timeout = dev_timeout_ms(CTL_SCRIPT_TIMEOUT_ENV, CTL_SCRIPT_TIMEOUT_MS);
	char vars[NR_VARS][VAR_LEN];
	char **env = make_env(vars, make_vars(r, vars));
	int rc = 0;

	if (!env)
		return ctl_fail(h, -ENOMEM, "%s: hotplug script: out of memory", r->label);
	if (snprintf(s.path, sizeof(s.path), "%s/%s", dev_script_dir(),
		     dev_kind_script(r->kind)) >= (int)sizeof(s.path))
		rc = ctl_fail(h, -ENAMETOOLONG, "%s: %s: path too long", r->label, dev_script_dir());
	if (!rc)
		rc = spawn(&s, env);
	if (!rc)
		rc = collect(&s, timeout);
	if (!rc)
		rc = report(&s, timeout);
	if (s.fd >= 0)
		close(s.fd);
	free(env);
	return rc;
}
