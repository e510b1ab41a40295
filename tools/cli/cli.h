/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ctl, the command line of the toolstack (docs/cli.md): a table of
 * commands, each a struct cli_cmd defined next to its code, and the helpers
 * they share for options, errors and the libctl handle.
 *
 * Exit codes: 0 success, 1 failure with "ctl: <command>: <message>" on stderr.
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <ctl_device.h>
#include <libctl.h>

#define CLI_EXIT_OK	0
#define CLI_EXIT_FAIL	1

/* cli_getopt() beyond getopt's own -1 (end of options). */
#define CLI_OPT_END	(-1)
#define CLI_OPT_HELP	(-2)	/* --help was printed: exit 0 */
#define CLI_OPT_ERR	(-3)	/* a usage error was printed: exit 1 */

#define CLI_HELP_OPTION	{ "help", no_argument, NULL, 'h' }
#define CLI_OPT_DONE	{ NULL, 0, NULL, 0 }

struct cli_cmd {
	const char *name;
	const char *args;	/* "[-w] <domain>" */
	const char *summary;	/* one line for `ctl help` */
	const char *help;	/* the options and details for --help ("" if none) */
	int (*run)(const struct cli_cmd *cmd, int argc, char **argv);
};

/* The table (main.c) and its commands (cmd_*.c). */
extern const struct cli_cmd *const cli_cmds[];
extern const struct cli_cmd cli_cmd_create, cli_cmd_list, cli_cmd_info, cli_cmd_console,
	cli_cmd_destroy, cli_cmd_shutdown, cli_cmd_reboot, cli_cmd_pause, cli_cmd_unpause,
	cli_cmd_vcpu_list, cli_cmd_vcpu_pin, cli_cmd_vcpu_set, cli_cmd_mem_set,
	cli_cmd_sched_credit, cli_cmd_dmesg, cli_cmd_domid, cli_cmd_domname, cli_cmd_uptime,
	cli_cmd_block_attach, cli_cmd_block_detach, cli_cmd_block_list, cli_cmd_network_attach,
	cli_cmd_network_detach, cli_cmd_network_list, cli_cmd_help;

/* "ctl: <command>: <message>" on stderr; returns CLI_EXIT_FAIL. */
int cli_fail(const struct cli_cmd *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* As cli_fail() plus the usage line and a pointer to --help. */
int cli_usage_fail(const struct cli_cmd *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_print_help(const struct cli_cmd *c, FILE *f);

/*
 * getopt_long() for command c: returns an option character, CLI_OPT_END,
 * CLI_OPT_HELP (help printed) or CLI_OPT_ERR (error printed). lopts may be
 * NULL for a command that has only --help.
 */
int cli_getopt(const struct cli_cmd *c, int argc, char **argv, const char *shortopts,
	       const struct option *lopts);
/* The exit code for a cli_getopt() result below CLI_OPT_END. */
int cli_opt_exit(int opt);
/* Between min and max positional arguments after optind (max < 0: any); else a usage error. */
int cli_check_args(const struct cli_cmd *c, int argc, int min, int max);

/* ctl_open(), or NULL after printing why ("... /dev/xen/privcmd ..."). */
struct ctl_handle *cli_open(const struct cli_cmd *c);
/* A library failure on h, as ctl_errmsg() names it; returns CLI_EXIT_FAIL. */
int cli_lib_fail(const struct cli_cmd *c, struct ctl_handle *h);
/* A domain name or ID to its ID; prints the failure. 0 or CLI_EXIT_FAIL. */
int cli_domain(const struct cli_cmd *c, struct ctl_handle *h, const char *arg, uint32_t *domid);

/* For commands that only take <domain>: open, look it up; h NULL on failure. */
int cli_open_domain(const struct cli_cmd *c, int argc, char **argv, struct ctl_handle **h,
		    uint32_t *domid);

/*
 * cmd_console.c: attach this terminal (or stdin/stdout) to domid's console;
 * waits up to wait_ms for the console daemon to find a new domain.
 */
int cli_console_attach(const struct cli_cmd *c, uint32_t domid, int escape, int wait_ms);
#define CLI_ESCAPE_DEFAULT	0x1d	/* Ctrl-], xl console's default */

/*
 * cmd_device.c: what the block-* and network-* commands share.
 * cli_device_spec: the arguments from argv[first] on joined with ',' into one
 * disk or vif specification ("" if none; malloc'd, NULL out of memory).
 */
char *cli_device_spec(int argc, char **argv, int first);
/*
 * `<kind>-detach [-f] <domain> <device>`: options and arguments, *force set.
 * CLI_OPT_END to go on, else CLI_OPT_HELP or CLI_OPT_ERR (see cli_opt_exit()).
 */
int cli_device_detach_args(const struct cli_cmd *c, int argc, char **argv, bool *force);
/* Open, and look up a domain that is not Domain-0; h NULL on failure. */
int cli_device_domain(const struct cli_cmd *c, const char *arg, struct ctl_handle **h,
		      uint32_t *domid);
/* `<kind>-list <domain>...`: the header, then each domain's devices of kind. */
int cli_device_list(const struct cli_cmd *c, int argc, char **argv, enum ctl_dev_kind kind);

/*
 * cmd_device_fmt.c, pure: the block-list and network-list lines as xl prints
 * them (no newline; trailing blanks included). domid is the guest's.
 */
int cli_fmt_vbd_header(char *buf, size_t len);
int cli_fmt_vbd_row(char *buf, size_t len, uint32_t domid, const struct ctl_dev_info *d);
int cli_fmt_vif_header(char *buf, size_t len);
int cli_fmt_vif_row(char *buf, size_t len, const struct ctl_dev_info *d);
/* A vif as network-detach names it: an index (decimal) or a MAC address. */
bool cli_is_vif_name(const char *s);

#endif /* CLI_H */
