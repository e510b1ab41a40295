// SPDX-License-Identifier: GPL-2.0-only
/* Names and times: domid, domname, uptime. */
#include <stdlib.h>

#include <ctl_domain.h>

#include "cli.h"
#include "fmt.h"

#define ROW_LEN	256

static int run_domid(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_handle *h;
	uint32_t domid;
	int rc = cli_open_domain(c, argc, argv, &h, &domid);

	if (!h)
		return rc;
	printf("%u\n", domid);
	ctl_close(h);
	return CLI_EXIT_OK;
}

static int run_domname(const struct cli_cmd *c, int argc, char **argv)
{
	char name[CTL_NAME_LEN + 1];
	struct ctl_handle *h;
	unsigned long domid;
	int rc = cli_getopt(c, argc, argv, "+h", NULL);

	if (rc != CLI_OPT_END)
		return cli_opt_exit(rc);
	if (cli_check_args(c, argc, 1, 1))
		return CLI_EXIT_FAIL;
	if (cli_parse_uint(argv[optind], UINT32_MAX, &domid))
		return cli_usage_fail(c, "bad domain ID '%s'", argv[optind]);
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	rc = ctl_domain_name(h, (uint32_t)domid, name, sizeof(name));
	if (rc)
		rc = cli_lib_fail(c, h);
	else
		puts(name);
	ctl_close(h);
	return rc;
}

static void uptime_row(struct ctl_handle *h, const struct ctl_domctl_info *info, uint64_t now)
{
	char name[CTL_NAME_LEN + 1], row[ROW_LEN];
	uint64_t secs = now > info->created_ns ? (now - info->created_ns) / CLI_NS_PER_S : 0;

	if (ctl_domain_name(h, info->domid, name, sizeof(name)))
		snprintf(name, sizeof(name), "d%u", info->domid);
	cli_fmt_uptime_row(row, sizeof(row), name, info->domid, secs);
	puts(row);
}

static int uptimes(const struct cli_cmd *c, struct ctl_handle *h, int argc, char **argv)
{
	struct ctl_domctl_info *infos = NULL, info;
	struct ctl_sysctl_physinfo p;
	char header[ROW_LEN];
	uint32_t domid;
	size_t i, n = 0;
	int a;

	if (ctl_physinfo(h, &p) || (optind == argc && ctl_domain_list(h, &infos, &n)))
		return cli_lib_fail(c, h);
	cli_fmt_uptime_header(header, sizeof(header));
	puts(header);
	for (i = 0; i < n; i++)
		uptime_row(h, &infos[i], p.now_ns);
	free(infos);
	for (a = optind; a < argc; a++) {
		if (cli_domain(c, h, argv[a], &domid))
			return CLI_EXIT_FAIL;
		if (ctl_domain_info(h, domid, &info))
			return cli_lib_fail(c, h);
		uptime_row(h, &info, p.now_ns);
	}
	return CLI_EXIT_OK;
}

static int run_uptime(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_handle *h;
	int rc = cli_getopt(c, argc, argv, "+h", NULL);

	if (rc != CLI_OPT_END)
		return cli_opt_exit(rc);
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	rc = uptimes(c, h, argc, argv);
	ctl_close(h);
	return rc;
}

const struct cli_cmd cli_cmd_domid = {
	"domid", "<name>", "Print the ID of the domain called name.", "", run_domid,
};

const struct cli_cmd cli_cmd_domname = {
	"domname", "<id>", "Print the name of domain id.", "", run_domname,
};

const struct cli_cmd cli_cmd_uptime = {
	"uptime", "[domain ...]", "How long domains have existed (all, or those named).",
	"Columns: Name, ID, Uptime (\"H:MM:SS\", \"1 day,  H:MM:SS\", \"N days, H:MM:SS\").\n",
	run_uptime,
};
