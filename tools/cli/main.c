// SPDX-License-Identifier: GPL-2.0-only
/* ctl: finds the command in the table and runs it (docs/cli.md). */
#include <string.h>

#include "cli.h"

const struct cli_cmd *const cli_cmds[] = {
	&cli_cmd_create, &cli_cmd_list, &cli_cmd_destroy, &cli_cmd_shutdown, &cli_cmd_reboot,
	&cli_cmd_pause, &cli_cmd_unpause, &cli_cmd_console, &cli_cmd_info, &cli_cmd_dmesg,
	&cli_cmd_vcpu_list, &cli_cmd_vcpu_pin, &cli_cmd_vcpu_set, &cli_cmd_mem_set,
	&cli_cmd_sched_credit, &cli_cmd_block_attach, &cli_cmd_block_detach, &cli_cmd_block_list,
	&cli_cmd_network_attach, &cli_cmd_network_detach, &cli_cmd_network_list, &cli_cmd_domid,
	&cli_cmd_domname, &cli_cmd_uptime, &cli_cmd_help, NULL,
};

static const struct cli_cmd *find(const char *name)
{
	size_t i;

	for (i = 0; cli_cmds[i]; i++)
		if (!strcmp(cli_cmds[i]->name, name))
			return cli_cmds[i];
	return NULL;
}

static void list_commands(FILE *f)
{
	size_t i;

	fprintf(f, "Usage: ctl <command> [options] [arguments]\n\nCommands:\n");
	for (i = 0; cli_cmds[i]; i++)
		fprintf(f, "  %-14s %s\n", cli_cmds[i]->name, cli_cmds[i]->summary);
	fprintf(f, "\n'ctl <command> --help' describes a command.\n");
}

static int run_help(const struct cli_cmd *c, int argc, char **argv)
{
	const struct cli_cmd *which;
	int opt = cli_getopt(c, argc, argv, "+h", NULL);

	if (opt != CLI_OPT_END)
		return cli_opt_exit(opt);
	if (cli_check_args(c, argc, 0, 1))
		return CLI_EXIT_FAIL;
	if (optind == argc) {
		list_commands(stdout);
		return CLI_EXIT_OK;
	}
	which = find(argv[optind]);
	if (!which)
		return cli_fail(c, "unknown command '%s' (see 'ctl help')", argv[optind]);
	cli_print_help(which, stdout);
	return CLI_EXIT_OK;
}

const struct cli_cmd cli_cmd_help = {
	"help", "[command]", "List the commands, or describe one.", "", run_help,
};

int main(int argc, char **argv)
{
	const struct cli_cmd *c;

	if (argc < 2) {
		list_commands(stderr);
		return CLI_EXIT_FAIL;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return run_help(&cli_cmd_help, 1, argv + 1);
	c = find(argv[1]);
	if (!c) {
		fprintf(stderr, "ctl: unknown command '%s' (see 'ctl help')\n", argv[1]);
		return CLI_EXIT_FAIL;
	}
	return c->run(c, argc - 1, argv + 1);
}
