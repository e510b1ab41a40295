// SPDX-License-Identifier: GPL-2.0-only
/*
 * Paravirtual disks: block-attach, block-detach, block-list; and what the
 * network-* commands (cmd_device_net.c) share with them. libctl does the
 * work (ctl_device.h): xenstore nodes, dom0's hotplug scripts, the xenbus
 * handshake.
 */
#include <stdlib.h>
#include <string.h>

#include <ctl_domain.h>

#include "cli.h"

#define ROW_LEN		512

char *cli_device_spec(int argc, char **argv, int first)
{
	size_t len = 1;
	char *spec;
	int i;

	for (i = first; i < argc; i++)
		len += strlen(argv[i]) + 1;
	spec = malloc(len);
	if (!spec)
		return NULL;
	spec[0] = '\0';
	for (i = first; i < argc; i++) {
		if (i > first)
			strcat(spec, ",");
		strcat(spec, argv[i]);
	}
	return spec;
}

int cli_device_detach_args(const struct cli_cmd *c, int argc, char **argv, bool *force)
{
	static const struct option lopts[] = {
		{ "force", no_argument, NULL, 'f' }, CLI_HELP_OPTION, CLI_OPT_DONE,
	};
	int opt;

	*force = false;
	while ((opt = cli_getopt(c, argc, argv, "+fh", lopts)) >= 0)
		*force = true;
	if (opt != CLI_OPT_END)
		return opt;
	return cli_check_args(c, argc, 2, 2) ? CLI_OPT_ERR : CLI_OPT_END;
}

int cli_device_domain(const struct cli_cmd *c, const char *arg, struct ctl_handle **h,
		      uint32_t *domid)
{
	int rc;

	*h = cli_open(c);
	if (!*h)
		return CLI_EXIT_FAIL;
	rc = cli_domain(c, *h, arg, domid);
	if (!rc && *domid == 0)
		rc = cli_fail(c, "not for Domain-0 (domain 0)");
	if (rc) {
		ctl_close(*h);
		*h = NULL;
	}
	return rc;
}

static void print_row(enum ctl_dev_kind kind, uint32_t domid, const struct ctl_dev_info *d)
{
	char row[ROW_LEN];

	if (kind == CTL_DEV_VBD)
		cli_fmt_vbd_row(row, sizeof(row), domid, d);
	else
		cli_fmt_vif_row(row, sizeof(row), d);
	puts(row);
}

/* One domain's rows; a failure is printed and the next domain still listed. */
static int list_domain(const struct cli_cmd *c, struct ctl_handle *h, const char *arg,
		       enum ctl_dev_kind kind)
{
	struct ctl_dev_info *devs = NULL;
	uint32_t domid;
	size_t i, n = 0;

	if (cli_domain(c, h, arg, &domid))
		return CLI_EXIT_FAIL;
	if (ctl_device_list(h, domid, kind, &devs, &n))
		return cli_lib_fail(c, h);
	for (i = 0; i < n; i++)
		print_row(kind, domid, &devs[i]);
	free(devs);
	return CLI_EXIT_OK;
}

int cli_device_list(const struct cli_cmd *c, int argc, char **argv, enum ctl_dev_kind kind)
{
	struct ctl_handle *h;
	char header[ROW_LEN];
	int i, rc = CLI_EXIT_OK, opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 1, -1))
		return CLI_EXIT_FAIL;
	h = cli_open(c);
	if (!h)
		return CLI_EXIT_FAIL;
	if (kind == CTL_DEV_VBD)
		cli_fmt_vbd_header(header, sizeof(header));
	else
		cli_fmt_vif_header(header, sizeof(header));
	puts(header);
	for (i = optind; i < argc; i++) {
		fflush(stdout);         /* rows and errors in order on a terminal */
		if (list_domain(c, h, argv[i], kind))
			rc = CLI_EXIT_FAIL;
	}
	ctl_close(h);
	return rc;
}

/* The disk from the arguments after <domain>; its messages printed. */
static int parse_disk(const struct cli_cmd *c, int argc, char **argv, struct ctl_disk *disk)
{
	char *spec = cli_device_spec(argc, argv, optind + 1), *err = NULL;
	int rc;

	if (!spec)
		return cli_fail(c, "out of memory");
	memset(disk, 0, sizeof(*disk));
	rc = ctl_disk_spec_parse(spec, disk, &err);
	if (rc) {
		cli_fail(c, "%s", err ? err : "bad disk specification");
		ctl_disk_clear(disk);
	}
	free(err);
	free(spec);
	return rc ? CLI_EXIT_FAIL : CLI_EXIT_OK;
}

static int run_block_attach(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_disk disk;
	struct ctl_handle *h;
	uint32_t domid;
	int rc, opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 2, -1) || parse_disk(c, argc, argv, &disk))
		return CLI_EXIT_FAIL;
	rc = cli_device_domain(c, argv[optind], &h, &domid);
	if (!rc && ctl_disk_attach(h, domid, &disk))
		rc = cli_lib_fail(c, h);
	if (h)
		ctl_close(h);
	ctl_disk_clear(&disk);
	return rc;
}

static int run_block_detach(const struct cli_cmd *c, int argc, char **argv)
{
	struct ctl_handle *h;
	uint32_t domid;
	bool force;
	int rc = cli_device_detach_args(c, argc, argv, &force);

	if (rc != CLI_OPT_END)
		return cli_opt_exit(rc);
	rc = cli_device_domain(c, argv[optind], &h, &domid);
	if (rc)
		return rc;
	if (ctl_disk_detach(h, domid, argv[optind + 1], force))
		rc = cli_lib_fail(c, h);
	ctl_close(h);
	return rc;
}

static int run_block_list(const struct cli_cmd *c, int argc, char **argv)
{
	return cli_device_list(c, argc, argv, CTL_DEV_VBD);
}

const struct cli_cmd cli_cmd_block_attach = {
	"block-attach", "<domain> <disk-spec>", "Give a running or paused guest another disk.",
	"disk-spec: as an entry of disk= in an xl.cfg file (docs/specs/domain-config.md):\n"
	"\"/srv/d.img,raw,xvdb,rw\", or \"vdev=xvdb,access=ro,target=/srv/d.img\"\n"
	"(target= last: it takes the rest); more than one argument are joined with\n"
	"','. dom0's block script (/etc/ctl/scripts) gives a file a loop device; a\n"
	"target another guest writes, or one this disk would write while another\n"
	"guest reads it, is refused. The disk is kept in the domain's configuration,\n"
	"so a reboot keeps it.\n",
	run_block_attach,
};

const struct cli_cmd cli_cmd_block_detach = {
	"block-detach", "[-f] <domain> <vdev>", "Take a disk away from a guest.",
	"vdev: as attached (\"xvdb\") or its number (51728). The guest is asked to let\n"
	"go of it and given 10 s.\n"
	"  -f, --force   close it on the guest's behalf if it does not answer\n",
	run_block_detach,
};

const struct cli_cmd cli_cmd_block_list = {
	"block-list", "<domain> ...", "List the disks of guests.",
	"Columns as xl's: Vdev (the vdev's number), BE (the backend's domain), handle\n"
	"(the guest's domain), state (the guest's xenbus state: 1 initialising,\n"
	"3 initialised, 4 connected, 5 closing, 6 closed), evt-ch and ring-ref (the\n"
	"guest's, -1 until it has connected), BE-path (the backend's directory).\n",
	run_block_list,
};
