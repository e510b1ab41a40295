// SPDX-License-Identifier: GPL-2.0-only
/* `ctl sched-credit`: show or set the credit scheduler's weight and cap. */
#include <stdlib.h>

#include <ctl_domain.h>

#include "cli.h"
#include "fmt.h"

#define ROW_LEN		256
#define WEIGHT_MAX	65535	/* struct ctl_domctl_sched_credit: uint16_t weight, 1.. */
#define CAP_MAX		65535	/* uint16_t cap, percent of one pCPU */

struct sched_opts {
	const char *dom;
	long weight;		/* -1: unchanged */
	long cap;
};

static int show_one(const struct cli_cmd *c, struct ctl_handle *h, uint32_t domid)
{
	char name[CTL_NAME_LEN + 1], row[ROW_LEN];
	unsigned int weight, cap;

	if (ctl_domain_name(h, domid, name, sizeof(name)) ||
	    ctl_sched_credit_get(h, domid, &weight, &cap))
		return cli_lib_fail(c, h);
	cli_fmt_sched_row(row, sizeof(row), name, domid, weight, cap);
	puts(row);
	return 0;
}

static int show(const struct cli_cmd *c, struct ctl_handle *h, const char *dom)
{
	struct ctl_domctl_info *infos = NULL;
	char header[ROW_LEN];
	size_t i, n = 0;
	uint32_t domid;
	int rc = 0;

	if (dom && cli_domain(c, h, dom, &domid))
		return CLI_EXIT_FAIL;
	if (!dom && ctl_domain_list(h, &infos, &n))
		return cli_lib_fail(c, h);
	cli_fmt_sched_header(header, sizeof(header));
	puts(header);
	if (dom)
		return show_one(c, h, domid);
	for (i = 0; i < n && !rc; i++)
		rc = show_one(c, h, infos[i].domid);
	free(infos);
	return rc;
}

static int set(const struct cli_cmd *c, struct ctl_handle *h, const struct sched_opts *o)
{
	unsigned int weight, cap;
	uint32_t domid;

	if (cli_domain(c, h, o->dom, &domid))
		return CLI_EXIT_FAIL;
	if (ctl_sched_credit_get(h, domid, &weight, &cap))
		return cli_lib_fail(c, h);
	if (o->weight >= 0)
		weight = (unsigned int)o->weight;
	if (o->cap >= 0)
		cap = (unsigned int)o->cap;
	return ctl_sched_credit_set(h, domid, weight, cap) ? cli_lib_fail(c, h) : 0;
}

static int number(const struct cli_cmd *c, const char *what, const char *s, unsigned long min,
		  unsigned long max, long *out)
{
	unsigned long v;

	if (cli_parse_uint(s, max, &v) || v < min)
		return cli_usage_fail(c, "bad %s '%s' (%lu-%lu)", what, s, min, max);
	*out = (long)v;
	return 0;
}

static int parse(const struct cli_cmd *c, int argc, char **argv, struct sched_opts *o)
{
	static const struct option lopts[] = {
		{ "domain", required_argument, NULL, 'd' },
		{ "weight", required_argument, NULL, 'w' },
		{ "cap", required_argument, NULL, 'c' },
		CLI_HELP_OPTION, CLI_OPT_DONE,
	};
	int opt, rc = 0;

	while (!rc && (opt = cli_getopt(c, argc, argv, "d:w:c:h", lopts)) >= 0) {
		if (opt == 'd')
			o->dom = optarg;
		else if (opt == 'w')
			rc = number(c, "weight", optarg, 1, WEIGHT_MAX, &o->weight);
		else
			rc = number(c, "cap", optarg, 0, CAP_MAX, &o->cap);
	}
	if (rc)
		return CLI_OPT_ERR;
	if (opt != CLI_OPT_END)
		return opt;
	if (cli_check_args(c, argc, 0, 0))
		return CLI_OPT_ERR;
	if ((o->weight >= 0 || o->cap >= 0) && !o->dom) {
		cli_usage_fail(c, "-w and -c need a domain (-d)");
		return CLI_OPT_ERR;
	}
	return CLI_OPT_END;
}

static int run_sched_credit(const struct cli_cmd *c, int argc, char **argv)
{
	struct sched_opts o = { NULL, -1, -1 };
	struct ctl_handle *h;
	int rc = parse(c, argc, argv, &o);

	if (rc != CLI_OPT_END)
		return cli_opt_exit(rc);
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	if (o.weight >= 0 || o.cap >= 0)
		rc = set(c, h, &o);
	else
		rc = show(c, h, o.dom);
	ctl_close(h);
	return rc;
}

const struct cli_cmd cli_cmd_sched_credit = {
	"sched-credit", "[-d domain] [-w weight] [-c cap]",
	"Show or set the credit scheduler's parameters of domains.",
	"  -d, --domain D   the domain (all domains are shown without it)\n"
	"  -w, --weight N   relative share, 1-65535 (default 256)\n"
	"  -c, --cap N      at most N percent of one pCPU, 0 for no cap\n"
	"Without -w and -c the values are shown: Name, ID, Weight, Cap.\n",
	run_sched_credit,
};
