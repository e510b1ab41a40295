// SPDX-License-Identifier: GPL-2.0-only
/* vCPU commands: vcpu-list, vcpu-pin, vcpu-set. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <ctl_domain.h>
#include <ctl_xs.h>

#include "cli.h"
#include "fmt.h"

#define ROW_LEN		512
#define ERR_LEN		160
#define PATH_LEN	128

static int list_domain(const struct cli_cmd *c, struct ctl_handle *h,
		       const struct ctl_domctl_info *info, unsigned int nr_cpus)
{
	struct ctl_domctl_vcpu_info v;
	char name[CTL_NAME_LEN + 1], row[ROW_LEN];
	unsigned int i;

	if (ctl_domain_name(h, info->domid, name, sizeof(name)))
		snprintf(name, sizeof(name), "d%u", info->domid);
	for (i = 0; i < info->nr_vcpus; i++) {
		if (ctl_vcpu_info(h, info->domid, i, &v))
			return cli_lib_fail(c, h);
		cli_fmt_vcpu_row(row, sizeof(row), name, info->domid, &v, nr_cpus);
		puts(row);
	}
	return 0;
}

static int list_all(const struct cli_cmd *c, struct ctl_handle *h, unsigned int nr_cpus)
{
	struct ctl_domctl_info *infos = NULL;
	size_t i, n = 0;
	int rc = 0;

	if (ctl_domain_list(h, &infos, &n))
		return cli_lib_fail(c, h);
	for (i = 0; i < n && !rc; i++)
		rc = list_domain(c, h, &infos[i], nr_cpus);
	free(infos);
	return rc;
}

static int list_named(const struct cli_cmd *c, struct ctl_handle *h, int argc, char **argv,
		      unsigned int nr_cpus)
{
	struct ctl_domctl_info info;
	uint32_t domid;
	int i, rc = 0;

	for (i = optind; i < argc && !rc; i++) {
		rc = cli_domain(c, h, argv[i], &domid);
		if (!rc && ctl_domain_info(h, domid, &info))
			rc = cli_lib_fail(c, h);
		if (!rc)
			rc = list_domain(c, h, &info, nr_cpus);
	}
	return rc;
}

static int run_vcpu_list(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_sysctl_physinfo p;
	struct ctl_handle *h;
	char header[ROW_LEN];
	int rc, opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	if (ctl_physinfo(h, &p)) {
		rc = cli_lib_fail(c, h);
	} else {
		cli_fmt_vcpu_header(header, sizeof(header));
		puts(header);
		rc = optind == argc ? list_all(c, h, p.nr_cpus)
				    : list_named(c, h, argc, argv, p.nr_cpus);
	}
	ctl_close(h);
	return rc;
}

/* "all" or one vCPU number into [*first, *last]. */
static int parse_vcpus(const struct cli_cmd *c, const char *s, unsigned int nr,
		       unsigned int *first, unsigned int *last)
{
	unsigned long v;

	if (!nr)
		return cli_fail(c, "the domain has no vCPUs");
	if (!strcmp(s, "all")) {
		*first = 0;
		*last = nr - 1;
		return 0;
	}
	if (cli_parse_uint(s, nr - 1, &v))
		return cli_fail(c, "bad vCPU '%s' (the domain has vCPUs 0-%u)", s, nr - 1);
	*first = *last = (unsigned int)v;
	return 0;
}

static int pin(const struct cli_cmd *c, struct ctl_handle *h, uint32_t domid, char **args)
{
	struct ctl_sysctl_physinfo p;
	struct ctl_domctl_info info;
	unsigned int first = 0, last = 0, i;
	char err[ERR_LEN];
	uint64_t map;

	if (ctl_physinfo(h, &p) || ctl_domain_info(h, domid, &info))
		return cli_lib_fail(c, h);
	if (parse_vcpus(c, args[0], info.nr_vcpus, &first, &last))
		return CLI_EXIT_FAIL;
	if (cli_parse_cpulist(args[1], p.nr_cpus, &map, err, sizeof(err)))
		return cli_fail(c, "%s", err);
	for (i = first; i <= last; i++)
		if (ctl_vcpu_affinity_set(h, domid, i, map))
			return cli_lib_fail(c, h);
	return 0;
}

static int run_vcpu_pin(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_handle *h;
	uint32_t domid;
	int rc, opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 3, 3))
		return CLI_EXIT_FAIL;
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	rc = cli_domain(c, h, argv[optind], &domid);
	if (!rc)
		rc = pin(c, h, domid, argv + optind + 1);
	ctl_close(h);
	return rc;
}

/* cpu/<i>/availability for every vCPU the domain may have. */
static int set_online(const struct cli_cmd *c, struct ctl_handle *h, uint32_t domid,
		      unsigned int max, unsigned long online)
{
	char home[PATH_LEN], path[PATH_LEN + 32];
	struct ctl_xs *xs = NULL;
	unsigned int i;
	int rc = ctl_xs_open(h, &xs);

	if (!rc)
		rc = ctl_xs_get_domain_path(xs, domid, home, sizeof(home));
	for (i = 0; !rc && i < max; i++) {
		snprintf(path, sizeof(path), "%s/cpu/%u/availability", home, i);
		rc = ctl_xs_write(xs, 0, path, i < online ? "online" : "offline");
	}
	ctl_xs_close(xs);
	return rc ? cli_lib_fail(c, h) : 0;
}

static int run_vcpu_set(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_domctl_info info;
	struct ctl_handle *h;
	unsigned long n;
	uint32_t domid;
	int rc, opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 2, 2))
		return CLI_EXIT_FAIL;
	if (cli_parse_uint(argv[optind + 1], CTL_MAX_VCPUS, &n) || !n)
		return cli_usage_fail(c, "bad vCPU count '%s' (1-%d)", argv[optind + 1],
				      CTL_MAX_VCPUS);
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	rc = cli_domain(c, h, argv[optind], &domid);
	if (!rc && ctl_domain_info(h, domid, &info))
		rc = cli_lib_fail(c, h);
	if (!rc && n > info.nr_vcpus)
		rc = cli_fail(c, "d%u: %lu vCPUs is more than its maxvcpus (%u)", domid, n,
			      info.nr_vcpus);
	if (!rc)
		rc = set_online(c, h, domid, info.nr_vcpus, n);
	ctl_close(h);
	return rc;
}

const struct cli_cmd cli_cmd_vcpu_list = {
	"vcpu-list", "[domain ...]", "List the vCPUs of domains (all, or those named).",
	"Columns: Name, ID, VCPU, CPU (the pCPU it runs or last ran on, - when\n"
	"offline), State (r running, b blocked, p offline), Time(s), Affinity (Hard).\n",
	run_vcpu_list,
};

const struct cli_cmd cli_cmd_vcpu_pin = {
	"vcpu-pin", "<domain> <vcpu|all> <cpus>", "Set the pCPUs a vCPU may run on.",
	"cpus: \"all\", or CPUs and ranges, \"^\" removing: \"0-3,^1\".\n",
	run_vcpu_pin,
};

const struct cli_cmd cli_cmd_vcpu_set = {
	"vcpu-set", "<domain> <count>", "Set how many vCPUs the guest keeps online.",
	"Writes cpu/<i>/availability (online for i < count, offline up to its\n"
	"maxvcpus) in the domain's xenstore directory; the guest's Linux brings\n"
	"vCPUs up and down accordingly.\n",
	run_vcpu_set,
};
