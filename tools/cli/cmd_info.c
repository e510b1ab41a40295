// SPDX-License-Identifier: GPL-2.0-only
/* `ctl info` (the host, xl info's "key : value" lines) and `ctl dmesg` (the hypervisor's log). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "cli.h"
#include "fmt.h"

#define LINE_LEN	256
#define VALUE_LEN	128
#define VERSION_LEN	64
#define PAGE_SIZE_BYTES	(CLI_PAGE_KIB * 1024)
#define KHZ_PER_MHZ	1000
#define KIB_PER_MIB	1024
#define DMESG_BUF	(64 * 1024)	/* what one sysctl readconsole returns at most */
/* xen_caps as Xen reports it on an arm64 host (xl info; libvirt parses it). */
#define XEN_CAPS	"xen-3.0-aarch64"

static void line(const char *key, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void line(const char *key, const char *fmt, ...)
{
	char value[VALUE_LEN], out[LINE_LEN];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	cli_fmt_info(out, sizeof(out), key, value);
	puts(out);
}

static void print_host(void)
{
	struct utsname u;

	if (uname(&u))
		return;
	line("host", "%s", u.nodename);
	line("release", "%s", u.release);
	line("version", "%s", u.version);
	line("machine", "%s", u.machine);
}

static void print_physinfo(const struct ctl_sysctl_physinfo *p)
{
	line("nr_cpus", "%u", p->nr_cpus);
	line("cpu_mhz", "%llu", (unsigned long long)(p->cpu_khz / KHZ_PER_MHZ));
	line("total_memory", "%llu",
	     (unsigned long long)(p->total_pages * CLI_PAGE_KIB / KIB_PER_MIB));
	line("free_memory", "%llu", (unsigned long long)(p->free_pages * CLI_PAGE_KIB / KIB_PER_MIB));
}

/* "4.17-ctl" into xen_major, xen_minor, xen_extra and xen_version. */
static void print_version(const char *v)
{
	unsigned int major = 0, minor = 0;
	int used = 0;

	if (sscanf(v, "%u.%u%n", &major, &minor, &used) == 2) {
		line("xen_major", "%u", major);
		line("xen_minor", "%u", minor);
		line("xen_extra", "%s", v + used);
	}
	line("xen_version", "%s", v);
	line("xen_caps", "%s", XEN_CAPS);
	line("xen_pagesize", "%d", PAGE_SIZE_BYTES);
}

static int run_info(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_sysctl_physinfo p;
	char version[VERSION_LEN];
	struct ctl_handle *h;
	int opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 0, 0))
		return CLI_EXIT_FAIL;
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	if (ctl_physinfo(h, &p) || ctl_hypervisor_version(h, version, sizeof(version))) {
		opt = cli_lib_fail(c, h);
		ctl_close(h);
		return opt;
	}
	print_host();
	print_physinfo(&p);
	print_version(version);
	ctl_close(h);
	return CLI_EXIT_OK;
}

static int run_dmesg(const struct cli_cmd *c, int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "clear", no_argument, NULL, 'c' }, CLI_HELP_OPTION, CLI_OPT_DONE,
	};
	struct ctl_handle *h;
	size_t len = DMESG_BUF;
	int opt, clear = 0, rc = CLI_EXIT_OK;
	char *buf;

	while ((opt = cli_getopt(c, argc, argv, "ch", lopts)) >= 0)
		clear = 1;
	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 0, 0))
		return CLI_EXIT_FAIL;
	buf = malloc(DMESG_BUF);
	if (!buf)
		return cli_fail(c, "out of memory");
	h = cli_open(c);
	if (!h)
		rc = CLI_EXIT_FAIL;
	else if (ctl_readconsole(h, buf, &len))
		rc = cli_lib_fail(c, h);
	else if (fwrite(buf, 1, len, stdout) != len)
		rc = cli_fail(c, "write to stdout failed");
	if (!rc && clear)
		fprintf(stderr, "ctl: warning: dmesg -c: the hypervisor's log cannot be cleared "
			"(sysctl readconsole only reads); printed only\n");
	ctl_close(h);
	free(buf);
	return rc;
}

const struct cli_cmd cli_cmd_info = {
	"info", "", "Describe the host and the hypervisor (xl info's keys).",
	"Keys: host, release, version, machine (dom0's kernel, uname), nr_cpus,\n"
	"cpu_mhz (the generic timer's frequency), total_memory, free_memory (MiB),\n"
	"xen_major, xen_minor, xen_extra, xen_version, xen_caps, xen_pagesize.\n",
	run_info,
};

const struct cli_cmd cli_cmd_dmesg = {
	"dmesg", "[-c]", "Print the hypervisor's log (its last 16 KiB).",
	"  -c, --clear  accepted for xl compatibility; the log cannot be cleared, a\n"
	"               warning says so\n",
	run_dmesg,
};
