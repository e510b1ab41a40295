// SPDX-License-Identifier: GPL-2.0-only
/* Paravirtual network interfaces: network-attach, network-detach, network-list. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The vif from the arguments after <domain>; its messages printed. */
static int parse_vif(const struct cli_cmd *c, int argc, char **argv, struct ctl_vif *vif)
{
	char *spec = cli_device_spec(argc, argv, optind + 1), *err = NULL;
	int rc;

	if (!spec)
		return cli_fail(c, "out of memory");
	memset(vif, 0, sizeof(*vif));
	rc = ctl_vif_spec_parse(spec, vif, &err);
	if (rc) {
		cli_fail(c, "%s", err ? err : "bad network interface specification");
		ctl_vif_clear(vif);
	}
	free(err);
	free(spec);
	return rc ? CLI_EXIT_FAIL : CLI_EXIT_OK;
}

static int run_network_attach(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_handle *h;
	struct ctl_vif vif;
	uint32_t domid;
	int rc, opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 1, -1) || parse_vif(c, argc, argv, &vif))
		return CLI_EXIT_FAIL;
	rc = cli_device_domain(c, argv[optind], &h, &domid);
	if (!rc && ctl_nic_attach(h, domid, &vif, NULL))
		rc = cli_lib_fail(c, h);
	if (h)
		ctl_close(h);
	ctl_vif_clear(&vif);
	return rc;
}

static int run_network_detach(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_handle *h;
	uint32_t domid, devid;
	bool force;
	int rc = cli_device_detach_args(c, argc, argv, &force);

	if (rc != CLI_OPT_END)
		return cli_opt_exit(rc);
	if (!cli_is_vif_name(argv[optind + 1]))
		return cli_usage_fail(c, "bad interface '%s' (an index or a MAC address)",
				      argv[optind + 1]);
	rc = cli_device_domain(c, argv[optind], &h, &domid);
	if (rc)
		return rc;
	if (ctl_nic_lookup(h, domid, argv[optind + 1], &devid) ||
	    ctl_nic_detach(h, domid, devid, force))
		rc = cli_lib_fail(c, h);
	ctl_close(h);
	return rc;
}

static int run_network_list(const struct cli_cmd *c, int argc, char **argv)
{
	return cli_device_list(c, argc, argv, CTL_DEV_VIF);
}

const struct cli_cmd cli_cmd_network_attach = {
	"network-attach", "<domain> [key=value,...]",
	"Give a running or paused guest another network interface.",
	"The arguments, joined with ',', are one entry of vif= in an xl.cfg file\n"
	"(docs/specs/domain-config.md): mac, bridge (default xenbr0), vifname, mtu, ip,\n"
	"rate; none for every default (a generated 00:16:3e MAC). dom0's vif-bridge\n"
	"script (/etc/ctl/scripts) adds the backend interface to the bridge. The\n"
	"interface is kept in the domain's configuration, so a reboot keeps it.\n",
	run_network_attach,
};

const struct cli_cmd cli_cmd_network_detach = {
	"network-detach", "[-f] <domain> <index|mac>", "Take a network interface away from a guest.",
	"The interface is named by its index (Idx in network-list) or its MAC address.\n"
	"The guest is asked to let go of it and given 10 s.\n"
	"  -f, --force   close it on the guest's behalf if it does not answer\n",
	run_network_detach,
};

const struct cli_cmd cli_cmd_network_list = {
	"network-list", "<domain> ...", "List the network interfaces of guests.",
	"Columns as xl's: Idx (the index), BE (the backend's domain), Mac Addr., handle\n"
	"(the index again), state (the guest's xenbus state, 4 connected), evt-ch and\n"
	"tx-/rx-ring-ref (the guest's, -1 until it has connected), BE-path.\n",
	run_network_list,
};
