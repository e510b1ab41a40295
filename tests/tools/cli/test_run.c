// SPDX-License-Identifier: GPL-2.0-only
/*
 * The built ctl ($CTL_BIN) on the build host: argument errors, --help, and
 * commands that need Xen failing with a message naming /dev/xen/privcmd.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_test.h"

#define OUT_MAX		16384
#define MAX_ARGS	8
#define PRIVCMD		"/dev/xen/privcmd"

struct result {
	int status;		/* exit code, or -1 if it did not exit normally */
	char out[OUT_MAX], err[OUT_MAX];
};

static struct result r;

static void slurp(FILE *f, char *buf)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, OUT_MAX - 1, f);
	buf[n] = '\0';
	fclose(f);
}

/* Run ctl with the NULL-terminated arguments; stdin is /dev/null. */
static void run(const char *arg, ...)
{
	const char *argv[MAX_ARGS + 2] = { "ctl" };
	FILE *out = tmpfile(), *err = tmpfile();
	const char *bin = getenv("CTL_BIN");
	va_list ap;
	int i = 1, status = 0;
	pid_t pid;

	CU_ASSERT_PTR_NOT_NULL_FATAL(bin);
	CU_ASSERT_FATAL(out && err);
	va_start(ap, arg);
	for (; arg && i <= MAX_ARGS; arg = va_arg(ap, const char *))
		argv[i++] = arg;
	va_end(ap);
	pid = fork();
	if (pid == 0) {
		dup2(open("/dev/null", O_RDONLY), STDIN_FILENO);
		dup2(fileno(out), STDOUT_FILENO);
		dup2(fileno(err), STDERR_FILENO);
		execv(bin, (char *const *)argv);
		_exit(127);
	}
	CU_ASSERT_FATAL(pid > 0 && waitpid(pid, &status, 0) == pid);
	r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	slurp(out, r.out);
	slurp(err, r.err);
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void expect_fail(const char *first_line)
{
	CU_ASSERT_EQUAL(r.status, 1);
	if (!starts(r.err, first_line))
		fprintf(stderr, "\n  expected stderr to start: %s\n  got: %s", first_line, r.err);
	CU_ASSERT(starts(r.err, first_line));
	CU_ASSERT_STRING_EQUAL(r.out, "");
}

static void test_no_command(void)
{
	run(NULL);
	expect_fail("Usage: ctl <command>");
	run("bogus", NULL);
	expect_fail("ctl: unknown command 'bogus' (see 'ctl help')\n");
}

static const char *const commands[] = {
	"create", "list", "destroy", "shutdown", "reboot", "pause", "unpause", "console",
	"info", "dmesg", "vcpu-list", "vcpu-pin", "vcpu-set", "mem-set", "sched-credit",
	"block-attach", "block-detach", "block-list", "network-attach", "network-detach",
	"network-list", "domid", "domname", "uptime", "help", NULL,
};

static void test_help(void)
{
	char line[64];
	size_t i;

	run("help", NULL);
	CU_ASSERT_EQUAL(r.status, 0);
	for (i = 0; commands[i]; i++) {
		snprintf(line, sizeof(line), "\n  %-14s ", commands[i]);
		CU_ASSERT_PTR_NOT_NULL(strstr(r.out, line));
	}
	for (i = 0; commands[i]; i++) {
		run(commands[i], "--help", NULL);
		CU_ASSERT_EQUAL(r.status, 0);
		snprintf(line, sizeof(line), "Usage: ctl %s ", commands[i]);
		CU_ASSERT(starts(r.out, line));
		CU_ASSERT_STRING_EQUAL(r.err, "");
	}
	run("help", "list", NULL);
	CU_ASSERT_EQUAL(r.status, 0);
	CU_ASSERT(starts(r.out, "Usage: ctl list [-l] [domain ...]\n"));
	run("help", "frob", NULL);
	expect_fail("ctl: help: unknown command 'frob' (see 'ctl help')\n");
}

static void test_bad_options(void)
{
	run("list", "--bogus", NULL);
	expect_fail("ctl: list: unknown option '--bogus'\nUsage: ctl list [-l] [domain ...]\n");
	run("list", "-x", NULL);
	expect_fail("ctl: list: unknown option '-x'\n");
	run("sched-credit", "-w", NULL);
	expect_fail("ctl: sched-credit: option '-w' needs an argument\n");
	run("sched-credit", "-w", "5", NULL);
	expect_fail("ctl: sched-credit: -w and -c need a domain (-d)\n");
	run("sched-credit", "-d", "web", "-w", "0", NULL);
	expect_fail("ctl: sched-credit: bad weight '0' (1-65535)\n");
	run("console", "-e", "xy", "web", NULL);
	expect_fail("ctl: console: bad escape character 'xy' (\"^]\" or one character)\n");
	run("shutdown", "-z", "web", NULL);
	expect_fail("ctl: shutdown: unknown option '-z'\n");
}

static void test_bad_arguments(void)
{
	run("destroy", NULL);
	expect_fail("ctl: destroy: missing argument\nUsage: ctl destroy <domain>\n");
	run("destroy", "a", "b", NULL);
	expect_fail("ctl: destroy: too many arguments\n");
	run("vcpu-pin", "web", "0", NULL);
	expect_fail("ctl: vcpu-pin: missing argument\n");
	run("mem-set", "web", "12x", NULL);
	expect_fail("ctl: mem-set: bad size '12x' (a number with k, m, g or t; KiB if none)\n");
	run("vcpu-set", "web", "0", NULL);
	expect_fail("ctl: vcpu-set: bad vCPU count '0' (1-64)\n");
	run("domname", "web", NULL);
	expect_fail("ctl: domname: bad domain ID 'web'\n");
	run("info", "extra", NULL);
	expect_fail("ctl: info: too many arguments\n");
	run("create", NULL);
	expect_fail("ctl: create: missing argument\n");
}

static void test_device_arguments(void)
{
	run("block-attach", "web", NULL);
	expect_fail("ctl: block-attach: missing argument\n"
		    "Usage: ctl block-attach <domain> <disk-spec>\n");
	run("block-detach", "web", NULL);
	expect_fail("ctl: block-detach: missing argument\n"
		    "Usage: ctl block-detach [-f] <domain> <vdev>\n");
	run("block-detach", "-x", "web", "xvdb", NULL);
	expect_fail("ctl: block-detach: unknown option '-x'\n");
	run("block-detach", "web", "xvdb", "xvdc", NULL);
	expect_fail("ctl: block-detach: too many arguments\n");
	run("block-list", NULL);
	expect_fail("ctl: block-list: missing argument\nUsage: ctl block-list <domain> ...\n");
	run("network-attach", NULL);
	expect_fail("ctl: network-attach: missing argument\n");
	run("network-detach", "-f", "web", NULL);
	expect_fail("ctl: network-detach: missing argument\n");
	run("network-detach", "web", "eth0", NULL);
	expect_fail("ctl: network-detach: bad interface 'eth0' (an index or a MAC address)\n"
		    "Usage: ctl network-detach [-f] <domain> <index|mac>\n");
	run("network-detach", "--frob", "web", "0", NULL);
	expect_fail("ctl: network-detach: unknown option '--frob'\n");
	run("network-list", NULL);
	expect_fail("ctl: network-list: missing argument\n");
}

/* A bad disk or vif specification is reported before Xen is needed. */
static void test_device_bad_spec(void)
{
	static const char *const cases[][4] = {
		{ "block-attach", "/srv/d.img,raw,xvdb,rw,frob=1", NULL, "frob" },
		{ "block-attach", "/srv/d.img", "raw,notavdev", "notavdev" },
		{ "network-attach", "mtu=5", NULL, "mtu" },
		{ "network-attach", "bridge=xenbr0", "frob=1", "frob" },
	};
	char prefix[64];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run(cases[i][0], "web", cases[i][1], cases[i][2], NULL);
		snprintf(prefix, sizeof(prefix), "ctl: %s: ", cases[i][0]);
		expect_fail(prefix);
		CU_ASSERT_PTR_NOT_NULL(strstr(r.err, cases[i][3]));
		CU_ASSERT_PTR_NULL(strstr(r.err, PRIVCMD));
	}
}

static void test_create_bad_config(void)
{
	char path[] = "/tmp/ctl-test-XXXXXX";
	int fd = mkstemp(path);

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT(write(fd, "memory = \"lots\"\n", 16) == 16);
	close(fd);
	run("create", path, NULL);
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT(starts(r.err, "Parsing config from "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "\nctl: create: "));
	CU_ASSERT_PTR_NULL(strstr(r.err, PRIVCMD));     /* failed before touching Xen */
	fd = open(path, O_WRONLY | O_TRUNC);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT(write(fd, "name = \"web\"\nkernel = \"/dev/null\"\nfrob = 1\n", 43) == 43);
	close(fd);
	run("create", path, "memory=256", NULL);        /* parses, warns, then needs Xen */
	CU_ASSERT_EQUAL(r.status, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, ":3:1: frob: unknown key, ignored\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "\nctl: warning: "));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "\nctl: create: open " PRIVCMD));
	run("create", "-q", "/nonexistent/guest.cfg", NULL);
	expect_fail("ctl: create: ");
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, "/nonexistent/guest.cfg"));
	unlink(path);
}

/* On the build host there is no Xen: a clear message, exit 1, no crash. */
static void expect_no_xen(const char *cmd)
{
	char prefix[64];

	snprintf(prefix, sizeof(prefix), "ctl: %s: ", cmd);
	expect_fail(prefix);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.err, PRIVCMD));
}

static void test_no_xen(void)
{
	run("list", NULL);
	expect_no_xen("list");
	run("list", "-l", "web", NULL);
	expect_no_xen("list");
	run("info", NULL);
	expect_no_xen("info");
	run("dmesg", NULL);
	expect_no_xen("dmesg");
	run("destroy", "web", NULL);
	expect_no_xen("destroy");
	run("shutdown", "-w", "7", NULL);
	expect_no_xen("shutdown");
	run("console", "web", NULL);
	expect_no_xen("console");
	run("vcpu-list", NULL);
	expect_no_xen("vcpu-list");
	run("sched-credit", NULL);
	expect_no_xen("sched-credit");
	run("uptime", NULL);
	expect_no_xen("uptime");
	run("domid", "web", NULL);
	expect_no_xen("domid");
	run("mem-set", "web", "512m", NULL);
	expect_no_xen("mem-set");
	run("block-attach", "web", "/srv/d.img,raw,xvdb,rw", NULL);
	expect_no_xen("block-attach");
	run("block-attach", "web", "vdev=xvdc", "access=ro", "target=/srv/d.img", NULL);
	expect_no_xen("block-attach");
	run("block-detach", "-f", "web", "xvdb", NULL);
	expect_no_xen("block-detach");
	run("block-list", "web", "7", NULL);
	expect_no_xen("block-list");
	run("network-attach", "web", NULL);
	expect_no_xen("network-attach");
	run("network-attach", "web", "mac=00:16:3e:00:00:01", "bridge=xenbr0", NULL);
	expect_no_xen("network-attach");
	run("network-detach", "web", "00:16:3e:00:00:01", NULL);
	expect_no_xen("network-detach");
	run("network-list", "web", NULL);
	expect_no_xen("network-list");
}

static const struct tt_case cases[] = {
	{ "no or unknown command", test_no_command },
	{ "help and --help", test_help },
	{ "bad options", test_bad_options },
	{ "bad arguments", test_bad_arguments },
	{ "device commands: bad arguments", test_device_arguments },
	{ "device commands: bad specifications", test_device_bad_spec },
	{ "create: bad configuration", test_create_bad_config },
	{ "commands need Xen", test_no_xen },
	{ NULL, NULL },
};

const struct tt_suite clt_run_suite = { "ctl binary", cases };
