// SPDX-License-Identifier: GPL-2.0-only
/*
 * `ctl create`: parse an xl.cfg file (with key=value overrides), create the
 * domain, leave a detached lifecycle monitor for it, and optionally attach
 * its console.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ctl_domain.h>

#include "cli.h"

#define MONITOR_LOG_DIR		"/var/log/ctl"
#define MONITOR_LOG_ENV		"CTL_LOG_DIR"		/* where monitor-<name>.log goes */
#define LOG_DIR_MODE		0755
#define LOG_MODE		0640
#define PATH_LEN		4096
#define CONSOLE_WAIT_MS		5000	/* -c: for consoled to find the new guest */

struct create_opts {
	bool console, paused, quiet;
};

static int parse(const struct cli_cmd *c, int argc, char **argv, struct create_opts *o)
{
	static const struct option lopts[] = {
		{ "console", no_argument, NULL, 'c' },
		{ "paused", no_argument, NULL, 'p' },
		{ "quiet", no_argument, NULL, 'q' },
		CLI_HELP_OPTION, CLI_OPT_DONE,
	};
	int opt;

	while ((opt = cli_getopt(c, argc, argv, "cpqh", lopts)) >= 0) {
		if (opt == 'c')
			o->console = true;
		else if (opt == 'p')
			o->paused = true;
		else
			o->quiet = true;
	}
	if (opt == CLI_OPT_END && cli_check_args(c, argc, 1, -1))
		return CLI_OPT_ERR;
	return opt;
}

static struct ctl_domain_config *load(const struct cli_cmd *c, int argc, char **argv,
				      const struct create_opts *o)
{
	const char *path = argv[optind];
	struct ctl_domain_config *cfg = NULL;
	char *err = NULL;
	size_t i;

	if (!o->quiet)
		fprintf(stderr, "Parsing config from %s\n", path);
	if (ctl_config_parse_file_args(path, (const char *const *)argv + optind + 1,
				       (size_t)(argc - optind - 1), &cfg, &err)) {
		cli_fail(c, "%s", err ? err : path);
		free(err);
		return NULL;
	}
	for (i = 0; i < cfg->nr_warnings; i++)
		fprintf(stderr, "ctl: warning: %s\n", cfg->warnings[i]);
	return cfg;
}

/* The monitor's stdio: its log file, or /dev/null if that cannot be had. */
static void monitor_stdio(const char *name)
{
	const char *dir = getenv(MONITOR_LOG_ENV);
	char path[PATH_LEN];
	int null = open("/dev/null", O_RDWR | O_CLOEXEC);
	int log;

	dir = dir && *dir ? dir : MONITOR_LOG_DIR;
	mkdir(dir, LOG_DIR_MODE);
	snprintf(path, sizeof(path), "%s/monitor-%s.log", dir, name);
	log = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, LOG_MODE);
	if (log < 0)
		log = null;
	dup2(null, STDIN_FILENO);
	dup2(log, STDOUT_FILENO);
	dup2(log, STDERR_FILENO);
}

/* The grandchild: a new session, its own handle, ctl_domain_monitor() until the end. */
static void monitor(uint32_t domid, const char *name)
{
	struct ctl_handle *h = NULL;
	char *err = NULL;
	int rc;

	monitor_stdio(name);
	if (ctl_open(&h, &err)) {
		fprintf(stderr, "ctl monitor: d%u (%s): %s\n", domid, name, err);
		_exit(CLI_EXIT_FAIL);
	}
	fprintf(stderr, "ctl monitor: d%u (%s): watching (pid %ld)\n", domid, name,
		(long)getpid());
	rc = ctl_domain_monitor(h, domid);
	if (rc)
		fprintf(stderr, "ctl monitor: d%u (%s): %s\n", domid, name, ctl_errmsg(h));
	else
		fprintf(stderr, "ctl monitor: d%u (%s): gone, monitor ends\n", domid, name);
	ctl_close(h);
	_exit(rc ? CLI_EXIT_FAIL : CLI_EXIT_OK);
}

/* Fork twice so that the monitor is nobody's child and has no terminal. */
static int start_monitor(const struct cli_cmd *c, uint32_t domid, const char *name)
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return cli_fail(c, "d%u: fork for the lifecycle monitor: %s", domid,
				strerror(errno));
	if (pid == 0) {
		if (setsid() < 0 || (pid = fork()) < 0)
			_exit(CLI_EXIT_FAIL);
		if (pid == 0)
			monitor(domid, name);
		_exit(CLI_EXIT_OK);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
		return cli_fail(c, "d%u: the lifecycle monitor did not start", domid);
	return CLI_EXIT_OK;
}

static int create(const struct cli_cmd *c, struct ctl_domain_config *cfg,
		  const struct create_opts *o, uint32_t *domid)
{
	struct ctl_handle *h = cli_open(c);
	int rc = CLI_EXIT_OK;

	if (!h)
		return CLI_EXIT_FAIL;
	if (ctl_domain_create_cfg(h, cfg, o->paused ? CTL_CREATE_PAUSED : 0, domid))
		rc = cli_lib_fail(c, h);
	ctl_close(h);
	return rc;
}

static int run_create(const struct cli_cmd *c, int argc, char **argv)
{
	struct create_opts o = { false, false, false };
	struct ctl_domain_config *cfg;
	char name[CTL_NAME_LEN + 1];
	uint32_t domid;
	int rc = parse(c, argc, argv, &o);

	if (rc != CLI_OPT_END)
		return cli_opt_exit(rc);
	cfg = load(c, argc, argv, &o);
	if (!cfg)
		return CLI_EXIT_FAIL;
	snprintf(name, sizeof(name), "%s", cfg->name);
	rc = create(c, cfg, &o, &domid);
	ctl_config_free(cfg);
	if (rc)
		return rc;
	if (!o.quiet)
		fprintf(stderr, "Created d%u (%s)%s\n", domid, name, o.paused ? ", paused" : "");
	rc = start_monitor(c, domid, name);
	if (!rc && o.console)
		rc = cli_console_attach(c, domid, CLI_ESCAPE_DEFAULT, CONSOLE_WAIT_MS);
	return rc;
}

const struct cli_cmd cli_cmd_create = {
	"create", "[-c] [-p] [-q] <cfg> [key=value ...]", "Create a domain from an xl.cfg file.",
	"  -c, --console  attach the console once the domain is created\n"
	"  -p, --paused   leave the domain paused (ctl unpause starts it)\n"
	"  -q, --quiet    do not print \"Parsing config from\" and \"Created\"\n"
	"key=value pairs override the file's settings (one xl.cfg line each).\n"
	"Warnings of the parser are printed as \"ctl: warning: ...\". A lifecycle\n"
	"monitor is left running in the background; it applies on_poweroff,\n"
	"on_reboot and on_crash and logs to /var/log/ctl/monitor-<name>.log.\n",
	run_create,
};
