// SPDX-License-Identifier: GPL-2.0-only
/* `ctl mem-set`: the balloon target of a guest (memory/target, KiB, in xenstore). */
#include <ctl_domain.h>
#include <ctl_xs.h>

#include "cli.h"
#include "fmt.h"

#define PATH_LEN	128

static int write_target(const struct cli_cmd *c, struct ctl_handle *h, uint32_t domid,
			uint64_t kib)
{
	char home[PATH_LEN], path[PATH_LEN + 16];
	struct ctl_xs *xs = NULL;
	int rc = ctl_xs_open(h, &xs);

	if (!rc)
		rc = ctl_xs_get_domain_path(xs, domid, home, sizeof(home));
	if (!rc) {
		snprintf(path, sizeof(path), "%s/memory/target", home);
		rc = ctl_xs_writef(xs, 0, path, "%llu", (unsigned long long)kib);
	}
	ctl_xs_close(xs);
	return rc ? cli_lib_fail(c, h) : 0;
}

static int run_mem_set(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_domctl_info info;
	struct ctl_handle *h;
	uint64_t kib, max_kib;
	uint32_t domid;
	int rc, opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 2, 2))
		return CLI_EXIT_FAIL;
	if (cli_parse_size(argv[optind + 1], &kib) || !kib)
		return cli_usage_fail(c, "bad size '%s' (a number with k, m, g or t; KiB if none)",
				      argv[optind + 1]);
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	rc = cli_domain(c, h, argv[optind], &domid);
	if (!rc && ctl_domain_info(h, domid, &info))
		rc = cli_lib_fail(c, h);
	max_kib = rc ? 0 : info.max_pages * CLI_PAGE_KIB;
	if (!rc && kib > max_kib)
		rc = cli_fail(c, "d%u: %llu KiB is more than its maxmem (%llu KiB)", domid,
			      (unsigned long long)kib, (unsigned long long)max_kib);
	if (!rc)
		rc = write_target(c, h, domid, kib);
	ctl_close(h);
	return rc;
}

const struct cli_cmd cli_cmd_mem_set = {
	"mem-set", "<domain> <size>", "Set a guest's memory target (its balloon driver follows).",
	"size: a number with a unit b, k, m, g or t (KiB without one): 512m, 1g.\n"
	"It may not exceed the domain's maxmem.\n",
	run_mem_set,
};
