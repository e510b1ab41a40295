// SPDX-License-Identifier: GPL-2.0-only
/* Helpers every ctl command shares: options, errors, the handle, domains. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <ctl_domain.h>

#include "cli.h"

static void vsay(const struct cli_cmd *c, const char *fmt, va_list ap)
{
	fprintf(stderr, "ctl: %s: ", c->name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int cli_fail(const struct cli_cmd *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, fmt, ap);
	va_end(ap);
	return CLI_EXIT_FAIL;
}

int cli_usage_fail(const struct cli_cmd *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Usage: ctl %s %s\nTry 'ctl %s --help'.\n", c->name, c->args, c->name);
	return CLI_EXIT_FAIL;
}

void cli_print_help(const struct cli_cmd *c, FILE *f)
{
	fprintf(f, "Usage: ctl %s %s\n%s\n%s", c->name, c->args, c->summary, c->help);
}

int cli_getopt(const struct cli_cmd *c, int argc, char **argv, const char *shortopts,
	       const struct option *lopts)
{
	static const struct option only_help[] = { CLI_HELP_OPTION, CLI_OPT_DONE };
	int opt;

	opterr = 0;
	opt = getopt_long(argc, argv, shortopts, lopts ? lopts : only_help, NULL);
	if (opt == 'h') {
		cli_print_help(c, stdout);
		return CLI_OPT_HELP;
	}
	if (opt == ':' || (opt == '?' && optopt && strchr(shortopts, optopt)))
		cli_usage_fail(c, "option '%s' needs an argument", argv[optind - 1]);
	else if (opt == '?' && optopt)
		cli_usage_fail(c, "unknown option '-%c'", optopt);
	else if (opt == '?')
		cli_usage_fail(c, "unknown option '%s'", argv[optind - 1]);
	return opt == '?' || opt == ':' ? CLI_OPT_ERR : opt;
}

int cli_opt_exit(int opt)
{
	return opt == CLI_OPT_HELP ? CLI_EXIT_OK : CLI_EXIT_FAIL;
}

int cli_check_args(const struct cli_cmd *c, int argc, int min, int max)
{
	int n = argc - optind;

	if (n < min)
		return cli_usage_fail(c, "missing argument");
	if (max >= 0 && n > max)
		return cli_usage_fail(c, "too many arguments");
	return 0;
}

struct ctl_handle *cli_open(const struct cli_cmd *c)
{
	struct ctl_handle *h = NULL;
	char *err = NULL;

	if (ctl_open(&h, &err)) {
		cli_fail(c, "%s", err ? err : "cannot open /dev/xen/privcmd");
		free(err);
		return NULL;
	}
	return h;
}

int cli_lib_fail(const struct cli_cmd *c, struct ctl_handle *h)
{
	return cli_fail(c, "%s", ctl_errmsg(h));
}

int cli_domain(const struct cli_cmd *c, struct ctl_handle *h, const char *arg, uint32_t *domid)
{
	return ctl_domain_lookup(h, arg, domid) ? cli_lib_fail(c, h) : 0;
}

int cli_open_domain(const struct cli_cmd *c, int argc, char **argv, struct ctl_handle **h,
		    uint32_t *domid)
{
	int opt = cli_getopt(c, argc, argv, "+h", NULL);

	*h = NULL;
	if (opt != CLI_OPT_END)
		return opt < CLI_OPT_END ? cli_opt_exit(opt) : CLI_EXIT_FAIL;
	if (cli_check_args(c, argc, 1, 1))
		return CLI_EXIT_FAIL;
	*h = cli_open(c);
	if (!*h)
		return CLI_EXIT_FAIL;
	if (cli_domain(c, *h, argv[optind], domid)) {
		ctl_close(*h);
		*h = NULL;
		return CLI_EXIT_FAIL;
	}
	return CLI_EXIT_OK;
}
