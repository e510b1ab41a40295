// SPDX-License-Identifier: GPL-2.0-only
/* `ctl list`: xl's table of domains, or (-l) their kept configurations as JSON. */
#include <stdlib.h>
#include <string.h>

#include <ctl_domain.h>

#include "cli.h"
#include "fmt.h"
#include "json_out.h"

#define ROW_LEN	256

/* The domains to show: every one, or those named on the command line. */
static int collect(const struct cli_cmd *c, struct ctl_handle *h, int argc, char **argv,
		   struct ctl_domctl_info **out, size_t *n)
{
	struct ctl_domctl_info *infos;
	uint32_t domid;
	int i;

	if (optind == argc)
		return ctl_domain_list(h, out, n) ? cli_lib_fail(c, h) : 0;
	infos = calloc((size_t)(argc - optind), sizeof(*infos));
	if (!infos)
		return cli_fail(c, "out of memory");
	for (i = optind; i < argc; i++) {
		if (cli_domain(c, h, argv[i], &domid) ||
		    (ctl_domain_info(h, domid, &infos[i - optind]) && cli_lib_fail(c, h))) {
			free(infos);
			return CLI_EXIT_FAIL;
		}
	}
	*out = infos;
	*n = (size_t)(argc - optind);
	return 0;
}

/* The name to show: domctl's, or libctl's ("Domain-0") when domctl has none. */
static void name_of(struct ctl_handle *h, const struct ctl_domctl_info *info, char *buf,
		    size_t len)
{
	if (info->name[0] && info->domid != 0)
		snprintf(buf, len, "%.*s", (int)sizeof(info->name), info->name);
	else if (ctl_domain_name(h, info->domid, buf, len))
		snprintf(buf, len, "d%u", info->domid);
}

static void print_table(struct ctl_handle *h, const struct ctl_domctl_info *infos, size_t n)
{
	char row[ROW_LEN], name[CTL_NAME_LEN + 1];
	size_t i;

	puts(cli_list_header);
	for (i = 0; i < n; i++) {
		name_of(h, &infos[i], name, sizeof(name));
		cli_fmt_list_row(row, sizeof(row), name, &infos[i]);
		puts(row);
	}
}

/* A domain's kept configuration as JSON text; NULL (none kept: dom0) is not an error. */
static char *config_json(struct ctl_handle *h, uint32_t domid)
{
	struct ctl_domain_config *cfg = NULL;
	char *json = NULL, *err = NULL;

	if (domid == 0 || ctl_domain_config_load(h, domid, &cfg))
		return NULL;
	if (ctl_config_to_json(cfg, &json, &err))
		fprintf(stderr, "ctl: warning: d%u: %s\n", domid, err);
	free(err);
	ctl_config_free(cfg);
	return json;
}

static int print_json(const struct cli_cmd *c, struct ctl_handle *h,
		      const struct ctl_domctl_info *infos, size_t n)
{
	struct cli_json *j = cli_json_begin();
	char name[CTL_NAME_LEN + 1], *json, *text;
	size_t i;

	if (!j)
		return cli_fail(c, "out of memory");
	for (i = 0; i < n; i++) {
		name_of(h, &infos[i], name, sizeof(name));
		json = config_json(h, infos[i].domid);
		if (cli_json_domain(j, infos[i].domid, name, json))
			fprintf(stderr, "ctl: warning: d%u: kept configuration is not JSON\n",
				infos[i].domid);
		free(json);
	}
	text = cli_json_end(j);
	if (!text)
		return cli_fail(c, "out of memory");
	fputs(text, stdout);
	if (text[0] && text[strlen(text) - 1] != '\n')
		putchar('\n');
	free(text);
	return CLI_EXIT_OK;
}

static int run_list(const struct cli_cmd *c, int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "long", no_argument, NULL, 'l' }, CLI_HELP_OPTION, CLI_OPT_DONE,
	};
	struct ctl_domctl_info *infos = NULL;
	struct ctl_handle *h;
	size_t n = 0;
	int opt, json = 0, rc;

	while ((opt = cli_getopt(c, argc, argv, "lh", lopts)) >= 0)
		json = 1;
	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	rc = collect(c, h, argc, argv, &infos, &n);
	if (!rc && json)
		rc = print_json(c, h, infos, n);
	else if (!rc)
		print_table(h, infos, n);
	free(infos);
	ctl_close(h);
	return rc;
}

const struct cli_cmd cli_cmd_list = {
	"list", "[-l] [domain ...]", "List domains (all, or those named).",
	"  -l, --long   JSON: an array of {\"domid\", \"name\", \"config\"}, config being the\n"
	"               domain's kept configuration (null for Domain-0)\n"
	"Columns: Name, ID, Mem (MiB), VCPUs (online), State (r running, b blocked,\n"
	"p paused, s shut down, then the reason: - poweroff, r reboot, s suspend,\n"
	"c crash, w watchdog; d dying), Time(s) (CPU time).\n",
	run_list,
};
