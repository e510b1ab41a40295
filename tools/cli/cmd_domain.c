// SPDX-License-Identifier: GPL-2.0-only
/* Lifecycle commands on one domain: destroy, shutdown, reboot, pause, unpause. */
#include <errno.h>

#include <ctl_domain.h>

#include "cli.h"

#define SHUTDOWN_WAIT_S		60	/* how long `shutdown -w` waits (docs/cli.md) */
#define MS_PER_S		1000

/* A command whose whole work is fn(h, domid). */
static int simple(const struct cli_cmd *c, int argc, char **argv,
		  int (*fn)(struct ctl_handle *h, uint32_t domid), int allow_dom0)
{
	struct ctl_handle *h;
	uint32_t domid;
	int rc = cli_open_domain(c, argc, argv, &h, &domid);

	if (!h)
		return rc;
	if (!allow_dom0 && domid == 0)
		rc = cli_fail(c, "not for Domain-0 (domain 0)");
	else if (fn(h, domid))
		rc = cli_lib_fail(c, h);
	ctl_close(h);
	return rc;
}

static int run_destroy(const struct cli_cmd *c, int argc, char **argv)
{
	return simple(c, argc, argv, ctl_domain_teardown, 0);
}

static int run_pause(const struct cli_cmd *c, int argc, char **argv)
{
	return simple(c, argc, argv, ctl_domain_pause, 0);
}

static int run_unpause(const struct cli_cmd *c, int argc, char **argv)
{
	return simple(c, argc, argv, ctl_domain_unpause, 0);
}

static int request_reboot(struct ctl_handle *h, uint32_t domid)
{
	return ctl_domain_request(h, domid, "reboot");
}

static int run_reboot(const struct cli_cmd *c, int argc, char **argv)
{
	return simple(c, argc, argv, request_reboot, 0);
}

static int wait_down(const struct cli_cmd *c, struct ctl_handle *h, uint32_t domid)
{
	unsigned int reason;
	int rc = ctl_domain_wait_shutdown(h, domid, SHUTDOWN_WAIT_S * MS_PER_S, &reason);

	if (rc == -ETIMEDOUT)
		return cli_fail(c, "d%u did not shut down within %d s", domid, SHUTDOWN_WAIT_S);
	if (rc && rc != -ESRCH)
		return cli_lib_fail(c, h);
	return CLI_EXIT_OK;
}

static int run_shutdown(const struct cli_cmd *c, int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "wait", no_argument, NULL, 'w' }, CLI_HELP_OPTION, CLI_OPT_DONE,
	};
	struct ctl_handle *h;
	uint32_t domid;
	int opt, wait = 0, rc;

	while ((opt = cli_getopt(c, argc, argv, "wh", lopts)) >= 0)
		wait = 1;
	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 1, 1))
		return CLI_EXIT_FAIL;
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	rc = cli_domain(c, h, argv[optind], &domid);
	if (!rc && domid == 0)
		rc = cli_fail(c, "not for Domain-0 (domain 0)");
	if (!rc && ctl_domain_request(h, domid, "poweroff"))
		rc = cli_lib_fail(c, h);
	if (!rc && wait)
		rc = wait_down(c, h, domid);
	ctl_close(h);
	return rc;
}

const struct cli_cmd cli_cmd_destroy = {
	"destroy", "<domain>", "Destroy a domain at once (no shutdown of the guest).",
	"Removes the domain from the hypervisor, its xenstore entries and its kept\n"
	"configuration. The guest is not asked: use shutdown for a clean stop.\n",
	run_destroy,
};

const struct cli_cmd cli_cmd_shutdown = {
	"shutdown", "[-w] <domain>", "Ask a guest to power off.",
	"  -w, --wait   wait until it has shut down (at most 60 s; exit 1 on timeout)\n",
	run_shutdown,
};

const struct cli_cmd cli_cmd_reboot = {
	"reboot", "<domain>", "Ask a guest to reboot.",
	"The guest's on_reboot action (restart by default) is applied by the\n"
	"domain's lifecycle monitor.\n",
	run_reboot,
};

const struct cli_cmd cli_cmd_pause = {
	"pause", "<domain>", "Pause a domain (its vCPUs stop running).", "", run_pause,
};

const struct cli_cmd cli_cmd_unpause = {
	"unpause", "<domain>", "Let a paused domain run again.", "", run_unpause,
};
