// SPDX-License-Identifier: GPL-2.0-only
/*
 * The world of a device test: a domain env (test_dom_env.c), a directory
 * with fake hotplug scripts as $CTL_SCRIPT_DIR, their log and control
 * files, disk images, and optionally the fake backend driver.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctl_device.h"
#include "test_dom.h"

#define DEV_WAIT_MS     "3000"   /* a test that waits on purpose sets its own */
#define LIST_MAX        1024

/*
 * One line per run in scripts.log: script, argc, action, XENBUS_PATH,
 * XENBUS_TYPE, DOMID, DEVID, vif (or none), and what stdin is. A control
 * file fail-<script>-<action> makes it print noise, then the file on
 * stderr, and exit 1; quiet-... exit 3 silently; sleep-... hang.
 */
static const char script_fmt[] =
	"#!/bin/sh\n"
	"d='%s'\n"
	"n=$(basename \"$0\")\n"
	"echo \"$n $# $1 $XENBUS_PATH $XENBUS_TYPE $DOMID $DEVID ${vif:-none}"
	" $(readlink /proc/$$/fd/0)\" >> \"$d/scripts.log\"\n"
	"if [ -f \"$d/fail-$n-$1\" ]; then echo noise; cat \"$d/fail-$n-$1\" >&2; echo; exit 1; fi\n"
	"if [ -f \"$d/quiet-$n-$1\" ]; then exit 3; fi\n"
	"if [ -f \"$d/sleep-$n-$1\" ]; then sleep 10; fi\n"
	"exit 0\n";

static bool write_script(struct dev_env *e, const char *name)
{
	char path[256];
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "%s/%s", e->scripts, name);
	f = fopen(path, "w");
	ok = f && fprintf(f, script_fmt, e->dir) > 0;
	if (f && fclose(f))
		ok = false;
	return ok && chmod(path, 0755) == 0;
}

const char *dev_env_file(struct dev_env *e, const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", e->dir, name);
	if (!text) {
		unlink(path);
		return path;
	}
	f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
	return path;
}

const char *dev_env_slurp(struct dev_env *e, const char *name)
{
	static char buf[8192];
	char path[256];
	FILE *f;
	size_t n = 0;

	snprintf(path, sizeof(path), "%s/%s", e->dir, name);
	f = fopen(path, "r");
	if (f) {
		n = fread(buf, 1, sizeof(buf) - 1, f);
		fclose(f);
	}
	buf[n] = '\0';
	return buf;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

const char *dev_env_children(struct dev_env *e, const char *path)
{
	static char out[LIST_MAX];
	char **names = NULL;
	size_t n = 0, at = 0;
	int rc = ctl_xs_directory(e->dom.xs, 0, path, &names, &n);

	out[0] = '\0';
	if (rc) {
		snprintf(out, sizeof(out), "<errno %d>", -rc);
		return out;
	}
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n && at < sizeof(out); i++)
		at += (size_t)snprintf(out + at, sizeof(out) - at, "%s%s", i ? "," : "", names[i]);
	free(names);
	return out;
}

bool dev_env_start(struct dev_env *e, unsigned int backend)
{
	memset(e, 0, sizeof(*e));
	if (!env_start(&e->dom))
		return false;
	snprintf(e->dir, sizeof(e->dir), "%s/dev", e->dom.dir);
	snprintf(e->scripts, sizeof(e->scripts), "%s/scripts", e->dir);
	if (mkdir(e->dir, 0700) || mkdir(e->scripts, 0700) || !write_script(e, CTL_SCRIPT_BLOCK) ||
	    !write_script(e, CTL_SCRIPT_VIF)) {
		CU_FAIL("device test directory");
		dev_env_stop(e);
		return false;
	}
	setenv(CTL_SCRIPT_DIR_ENV, e->scripts, 1);
	setenv(CTL_BACKEND_WAIT_ENV, DEV_WAIT_MS, 1);
	unsetenv(CTL_SCRIPT_TIMEOUT_ENV);
	/* What a dom0 that has had devices keeps: the backend directories. */
	CU_ASSERT_EQUAL(ctl_xs_mkdir(e->dom.xs, 0, "/local/domain/0/backend/vbd"), 0);
	CU_ASSERT_EQUAL(ctl_xs_mkdir(e->dom.xs, 0, "/local/domain/0/backend/vif"), 0);
	if (backend)
		dev_backend_start(e, backend);
	return true;
}

/* Every file in dir, then dir (one level of subdirectories). */
static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	while (d && (de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if (de->d_type == DT_DIR)
			remove_dir(path);
		else
			unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(dir);
}

void dev_env_stop(struct dev_env *e)
{
	dev_backend_stop(e);
	if (e->dir[0])
		remove_dir(e->dir);
	unsetenv(CTL_SCRIPT_DIR_ENV);
	unsetenv(CTL_BACKEND_WAIT_ENV);
	unsetenv(CTL_SCRIPT_TIMEOUT_ENV);
	env_stop(&e->dom);
}

uint32_t dev_env_domain(struct dev_env *e, const char *name, const char *extra)
{
	struct ctl_domain_config *cfg = env_config(&e->dom, name, extra);
	uint32_t domid = DOMID_INVALID;
	int rc = cfg ? ctl_domain_create_cfg(e->dom.h, cfg, CTL_CREATE_PAUSED, &domid) : -EINVAL;

	if (rc)
		fprintf(stderr, "\n  create: %s\n", ctl_errmsg(e->dom.h));
	CU_ASSERT_EQUAL(rc, 0);
	ctl_config_free(cfg);
	return domid;
}
