// SPDX-License-Identifier: GPL-2.0-only
/*
 * `ctl console`: attach to a guest's console through the console daemon
 * (docs/specs/console-daemon.md). On a terminal: raw mode, the escape
 * character ends the session. Otherwise stdin goes to the guest and its
 * output to stdout until stdin ends (then a short drain) or the guest goes.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <ctl_domain.h>

#include "cli.h"
#include "proto.h"

#define CONSOLED_SOCKET		"/run/ctl/consoled.sock"
#define CONSOLED_SOCKET_ENV	"CTL_CONSOLED_SOCKET"	/* tests point it elsewhere */

#define CTRL_MASK		0x1f	/* "^X": X & 0x1f */
#define REPLY_WAIT_MS		5000	/* for the daemon's OK/ERR */
#define DRAIN_QUIET_MS		1000	/* after stdin's end: stop once quiet this long */
#define DRAIN_MAX_MS		5000	/* ... or after this long in any case */
#define ATTACH_RETRY_MS		100
#define IO_BUF			4096

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static const char *socket_path(void)
{
	const char *p = getenv(CONSOLED_SOCKET_ENV);

	return p && *p ? p : CONSOLED_SOCKET;
}

static int connect_daemon(const struct cli_cmd *c)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	const char *path = socket_path();
	int fd;

	if (strlen(path) >= sizeof(sun.sun_path))
		return -cli_fail(c, "console daemon socket path %s too long", path);
	strcpy(sun.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0)
		return fd;
	cli_fail(c, "connect to the console daemon at %s: %s (is consoled running?)", path,
		 strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

/* The reply line, byte by byte (the raw stream follows it), bounded in time. */
static int read_reply(int fd, char *line, size_t len)
{
	long deadline = now_ms() + REPLY_WAIT_MS;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	size_t n = 0;

	while (n + 1 < len) {
		if (poll(&p, 1, (int)(deadline - now_ms())) <= 0 || read(fd, line + n, 1) != 1)
			break;
		if (line[n++] == '\n')
			break;
	}
	line[n] = '\0';
	return (int)n;
}

/* Connect and attach: the socket, or -1 after printing; *no_console when the daemon has none. */
static int attach_once(const struct cli_cmd *c, uint32_t domid, bool *no_console, bool quiet)
{
	char req[CONS_PROTO_LINE_MAX], reply[CONS_PROTO_ERR_MAX], msg[CONS_PROTO_ERR_MAX];
	int fd = connect_daemon(c), n;

	if (fd < 0)
		return -1;
	n = cons_proto_request(req, sizeof(req), domid);
	if (write(fd, req, (size_t)n) != n) {
		cli_fail(c, "write to the console daemon: %s", strerror(errno));
		close(fd);
		return -1;
	}
	n = read_reply(fd, reply, sizeof(reply));
	if (cons_proto_reply(reply, (size_t)n, msg, sizeof(msg)) == 0)
		return fd;
	*no_console = strstr(msg, "has no console") != NULL;
	if (!n)
		snprintf(msg, sizeof(msg), "no answer from the console daemon within %d ms",
			 REPLY_WAIT_MS);
	if (!quiet || !*no_console)
		cli_fail(c, "%s", msg);
	close(fd);
	return -1;
}

/* Attach, retrying while the daemon has not yet found the (new) guest, up to wait_ms. */
static int attach(const struct cli_cmd *c, uint32_t domid, int wait_ms)
{
	long deadline = now_ms() + wait_ms;
	bool no_console = false;
	int fd;

	for (;;) {
		bool last = now_ms() >= deadline;

		fd = attach_once(c, domid, &no_console, !last);
		if (fd >= 0 || !no_console || last)
			return fd;
		usleep(ATTACH_RETRY_MS * 1000);
	}
}

static int write_all(int fd, const char *buf, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

struct session {
	int sock;
	int escape;		/* -1: none (not a terminal) */
	bool in_eof;
	long drain_start, last_output;
	bool guest_gone;
};

/* stdin to the guest; true when the session should end (escape typed). */
static bool from_stdin(struct session *s)
{
	char buf[IO_BUF], *esc;
	ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));

	if (n <= 0) {
		s->in_eof = true;
		s->drain_start = s->last_output = now_ms();
		shutdown(s->sock, SHUT_WR);
		return false;
	}
	esc = s->escape >= 0 ? memchr(buf, s->escape, (size_t)n) : NULL;
	if (esc)
		n = esc - buf;
	if (write_all(s->sock, buf, (size_t)n))
		s->guest_gone = true;
	return esc != NULL;
}

static void to_stdout(struct session *s)
{
	char buf[IO_BUF];
	ssize_t n = read(s->sock, buf, sizeof(buf));

	if (n <= 0) {
		s->guest_gone = true;
		return;
	}
	s->last_output = now_ms();
	if (write_all(STDOUT_FILENO, buf, (size_t)n))
		s->guest_gone = true;   /* nobody reads our output any more */
}

static int poll_timeout(const struct session *s)
{
	long now = now_ms(), quiet_end, max_end;

	if (!s->in_eof)
		return -1;
	quiet_end = s->last_output + DRAIN_QUIET_MS;
	max_end = s->drain_start + DRAIN_MAX_MS;
	return (int)((quiet_end < max_end ? quiet_end : max_end) - now);
}

static void run_session(struct session *s)
{
	struct pollfd p[2];
	int timeout;

	while (!stop_signal && !s->guest_gone) {
		timeout = poll_timeout(s);
		if (s->in_eof && timeout <= 0)
			return;
		p[0] = (struct pollfd){ .fd = s->in_eof ? -1 : STDIN_FILENO, .events = POLLIN };
		p[1] = (struct pollfd){ .fd = s->sock, .events = POLLIN };
		if (poll(p, 2, timeout) < 0 && errno != EINTR)
			return;
		if ((p[1].revents & (POLLIN | POLLHUP | POLLERR)))
			to_stdout(s);
		if (!s->in_eof && (p[0].revents & (POLLIN | POLLHUP | POLLERR)) && from_stdin(s))
			return;
	}
}

static void catch_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

int cli_console_attach(const struct cli_cmd *c, uint32_t domid, int escape, int wait_ms)
{
	struct session s = { .escape = -1 };
	struct termios saved, raw;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;

	s.sock = attach(c, domid, wait_ms);
	if (s.sock < 0)
		return CLI_EXIT_FAIL;
	catch_signals();
	if (tty) {
		s.escape = escape;
		raw = saved;
		cfmakeraw(&raw);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	run_session(&s);
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	close(s.sock);
	if (tty && s.guest_gone)
		fprintf(stderr, "\nctl: console: d%u's console closed (the domain is gone)\n", domid);
	return CLI_EXIT_OK;
}

/* "^]", "^a" or one character. */
static int parse_escape(const char *s)
{
	if (s[0] == '^' && s[1] && !s[2])
		return s[1] & CTRL_MASK;
	if (s[0] && !s[1])
		return (unsigned char)s[0];
	return -1;
}

static int run_console(const struct cli_cmd *c, int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "escape", required_argument, NULL, 'e' }, CLI_HELP_OPTION, CLI_OPT_DONE,
	};
	struct ctl_handle *h;
	int opt, escape = CLI_ESCAPE_DEFAULT;
	uint32_t domid;

	while ((opt = cli_getopt(c, argc, argv, "e:h", lopts)) >= 0) {
		escape = parse_escape(optarg);
		if (escape < 0)
			return cli_usage_fail(c, "bad escape character '%s' (\"^]\" or one character)",
					      optarg);
	}
	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 1, 1))
		return CLI_EXIT_FAIL;
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	opt = cli_domain(c, h, argv[optind], &domid);
	ctl_close(h);
	if (opt)
		return CLI_EXIT_FAIL;
	return cli_console_attach(c, domid, escape, 0);
}

const struct cli_cmd cli_cmd_console = {
	"console", "[-e escape] <domain>", "Attach to a guest's console (hvc0).",
	"  -e, --escape C  the character that ends the session: \"^]\" (the default,\n"
	"                  Ctrl-]) or one character\n"
	"On a terminal, input is raw until the escape character. When stdin is not a\n"
	"terminal, it is copied to the guest and the guest's output to stdout until\n"
	"stdin ends (then output goes on until 1 s of quiet, at most 5 s), or until\n"
	"the domain is gone. The output the guest printed before (up to 16 KiB) is\n"
	"shown first. Needs consoled ($" CONSOLED_SOCKET_ENV " or " CONSOLED_SOCKET ").\n",
	run_console,
};
