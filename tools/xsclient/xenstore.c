// SPDX-License-Identifier: GPL-2.0-only
/*
 * xenstore-read, -write, -rm, -list, -ls, -chmod, -exists: the store from
 * dom0's shell, as
 * Xen's clients of the same names. One binary; the command is argv[0]'s
 * "xenstore-" suffix, or the first argument of `xenstore`.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ctl_xs.h>

#define LS_DEPTH_MAX 64   /* deeper than any path the store accepts */
#define XS_ABSENT    1    /* cmd_exists: a path is missing (not an error) */

struct cmd {
	const char *name;
	int (*run)(struct ctl_xs *xs, int argc, char **argv);
	const char *usage;
};

static int cmd_read(struct ctl_xs *xs, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		char *v;
		int rc = ctl_xs_read(xs, 0, argv[i], &v);

		if (rc)
			return rc;
		printf("%s\n", v);
		free(v);
	}
	return 0;
}

static int cmd_write(struct ctl_xs *xs, int argc, char **argv)
{
	if (argc % 2)
		return -EINVAL;
	for (int i = 0; i < argc; i += 2) {
		int rc = ctl_xs_write(xs, 0, argv[i], argv[i + 1]);

		if (rc)
			return rc;
	}
	return 0;
}

static int cmd_rm(struct ctl_xs *xs, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		int rc = ctl_xs_rm(xs, 0, argv[i]);

		if (rc)
			return rc;
	}
	return 0;
}

static int cmd_list(struct ctl_xs *xs, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		char **names;
		size_t n;
		int rc = ctl_xs_directory(xs, 0, argv[i], &names, &n);

		if (rc)
			return rc;
		for (size_t k = 0; k < n; k++)
			printf("%s\n", names[k]);
		free(names);
	}
	return 0;
}

/* PATH PERM...: "n0" "r5" as Xen's xenstore-chmod (first: owner and default). */
static int cmd_chmod(struct ctl_xs *xs, int argc, char **argv)
{
	if (argc < 2)
		return -EINVAL;
	return ctl_xs_set_perms(xs, 0, argv[0], (const char *const *)argv + 1,
				(size_t)argc - 1);
}

/* Exit status 0 if every PATH exists, 1 (silently) if one does not. */
static int cmd_exists(struct ctl_xs *xs, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		char *v;
		int rc = ctl_xs_read(xs, 0, argv[i], &v);

		if (rc)
			return rc == -ENOENT ? XS_ABSENT : rc;
		free(v);
	}
	return 0;
}

static void join(char *out, size_t len, const char *dir, const char *name)
{
	snprintf(out, len, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
}

/* One line per node under path: "/full/path = "value"" (Xen's `xenstore-ls -f`). */
static int ls_tree(struct ctl_xs *xs, const char *path, int depth)
{
	char **names, child[4096], *v;
	size_t n;
	int rc = ctl_xs_directory(xs, 0, path, &names, &n);

	if (rc || depth > LS_DEPTH_MAX)
		return rc ? rc : -ELOOP;
	for (size_t k = 0; k < n && !rc; k++) {
		join(child, sizeof(child), path, names[k]);
		rc = ctl_xs_read(xs, 0, child, &v);
		if (rc == -ENOENT) {   /* removed meanwhile */
			rc = 0;
			continue;
		}
		if (!rc) {
			printf("%s = \"%s\"\n", child, v);
			free(v);
			rc = ls_tree(xs, child, depth + 1);
		}
	}
	free(names);
	return rc;
}

static int cmd_ls(struct ctl_xs *xs, int argc, char **argv)
{
	int rc = 0;

	if (argc && !strcmp(argv[0], "-f")) {   /* full paths: the only format */
		argc--;
		argv++;
	}
	if (!argc)
		return ls_tree(xs, "/", 0);
	for (int i = 0; i < argc && !rc; i++)
		rc = ls_tree(xs, argv[i], 0);
	return rc;
}

static const struct cmd cmds[] = {
	{ "chmod", cmd_chmod, "PATH PERM [PERM...]" },
	{ "exists", cmd_exists, "PATH..." },
	{ "list", cmd_list, "PATH..." },
	{ "ls", cmd_ls, "[-f] [PATH...]" },
	{ "read", cmd_read, "PATH..." },
	{ "rm", cmd_rm, "PATH..." },
	{ "write", cmd_write, "PATH VALUE [PATH VALUE...]" },
};

static const struct cmd *find(const char *name)
{
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(cmds[i].name, name))
			return &cmds[i];
	return NULL;
}

static int usage(void)
{
	fprintf(stderr, "usage: xenstore-COMMAND ARGS, or xenstore COMMAND ARGS\n");
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(stderr, "  xenstore-%s %s\n", cmds[i].name, cmds[i].usage);
	return 2;
}

static int run(const struct cmd *c, int argc, char **argv)
{
	struct ctl_handle *h = NULL;
	struct ctl_xs *xs = NULL;
	char *err = NULL;
	int rc;

	if (!argc && strcmp(c->name, "ls"))
		return usage();
	rc = ctl_open_store(&h, &err);
	if (rc) {
		fprintf(stderr, "xenstore-%s: %s\n", c->name, err ? err : strerror(-rc));
		free(err);
		return 1;
	}
	rc = ctl_xs_open(h, &xs);
	if (!rc)
		rc = c->run(xs, argc, argv);
	if (rc == XS_ABSENT) {
		ctl_xs_close(xs);
		ctl_close(h);
		return 1;
	}
	if (rc)
		fprintf(stderr, "xenstore-%s: %s\n", c->name,
			rc == -EINVAL && !*ctl_errmsg(h) ? "bad arguments" : ctl_errmsg(h));
	ctl_xs_close(xs);
	ctl_close(h);
	return rc ? 1 : 0;
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');
	const char *name = base ? base + 1 : argv[0];
	const struct cmd *c;

	if (!strncmp(name, "xenstore-", strlen("xenstore-"))) {
		c = find(name + strlen("xenstore-"));
		argc -= 1;
		argv += 1;
	} else {
		c = argc > 1 ? find(argv[1]) : NULL;
		argc -= 2;
		argv += 2;
	}
	return c ? run(c, argc, argv) : usage();
}
