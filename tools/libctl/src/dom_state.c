// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The kept configuration: CTL_STATE_DIR/<domid>.json (or $CTL_STATE_DIR),
 * written to a temporary file and renamed, so a reader sees all or nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dom_int.h"

#define STATE_DIR_MODE  0755
#define STATE_FILE_MODE 0600   /* the configuration may name private paths */
#define STATE_MAX_SIZE  (1024 * 1024)   /* far above any JSON ctl_config_to_json makes */

static const char *state_dir(void)
{
	const char *dir = getenv(CTL_STATE_DIR_ENV);

	return dir && *dir ? dir : CTL_STATE_DIR;
}

static int state_path(struct ctl_handle *h, uint32_t domid, const char *prefix, char *buf,
		      size_t len)
{
	int n = snprintf(buf, len, "%s/%s%u.json", state_dir(), prefix, domid);

	if (n < 0 || (size_t)n >= len)
		return ctl_fail(h, -ENAMETOOLONG, "%s: state directory path too long", state_dir());
	return 0;
}

/* mkdir -p of the state directory. */
static int make_dir(struct ctl_handle *h, const char *dir)
{
	char path[PATH_MAX];
	char *p;

	if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path))
		return ctl_fail(h, -ENAMETOOLONG, "%s: path too long", dir);
	for (p = strchr(path + 1, '/');; p = strchr(p + 1, '/')) {
		if (p)
			*p = '\0';
		if (mkdir(path, STATE_DIR_MODE) && errno != EEXIST)
			return ctl_fail(h, -errno, "mkdir %s: %s", path, strerror(errno));
		if (!p)
			return 0;
		*p = '/';
	}
}

static int write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int dom_state_save(struct ctl_handle *h, uint32_t domid, const char *json)
{
	char tmp[PATH_MAX], path[PATH_MAX];
	int fd, rc;

	rc = make_dir(h, state_dir());
	if (!rc)
		rc = state_path(h, domid, ".", tmp, sizeof(tmp));
	if (!rc)
		rc = state_path(h, domid, "", path, sizeof(path));
	if (rc)
		return rc;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, STATE_FILE_MODE);
	if (fd < 0)
		return ctl_fail(h, -errno, "%s: %s", tmp, strerror(errno));
	rc = write_all(fd, json, strlen(json));
	if (!rc && fsync(fd))
		rc = -errno;
	if (close(fd) && !rc)
		rc = -errno;
	if (!rc && rename(tmp, path))
		rc = -errno;
	if (rc) {
		unlink(tmp);
		return ctl_fail(h, rc, "%s: %s", path, strerror(-rc));
	}
	return 0;
}

int dom_state_delete(struct ctl_handle *h, uint32_t domid)
{
	char path[PATH_MAX];
	int rc = state_path(h, domid, "", path, sizeof(path));

	if (rc)
		return rc;
	if (unlink(path) && errno != ENOENT)
		return ctl_fail(h, -errno, "rm %s: %s", path, strerror(errno));
	return 0;
}

/* The whole file as a NUL-terminated string. */
static int read_file(struct ctl_handle *h, const char *path, char **text)
{
	FILE *f = fopen(path, "re");
	char *buf = NULL;
	size_t n;
	int rc = 0;

	if (!f)
		return ctl_fail(h, -errno, "%s: %s", path, strerror(errno));
	buf = malloc(STATE_MAX_SIZE + 1);
	if (!buf) {
		rc = ctl_fail(h, -ENOMEM, "%s: out of memory", path);
		goto out;
	}
	n = fread(buf, 1, STATE_MAX_SIZE + 1, f);
	if (ferror(f) || n > STATE_MAX_SIZE) {
		rc = ctl_fail(h, -EIO, "%s: %s", path, ferror(f) ? "read error" : "too large");
		goto out;
	}
	buf[n] = '\0';
	*text = buf;
	buf = NULL;
out:
	free(buf);
	fclose(f);
	return rc;
}

int ctl_domain_config_load(struct ctl_handle *h, uint32_t domid,
			   struct ctl_domain_config **cfg)
{
	char path[PATH_MAX], *text = NULL, *err = NULL;
	int rc;

	*cfg = NULL;
	rc = state_path(h, domid, "", path, sizeof(path));
	if (!rc)
		rc = read_file(h, path, &text);
	if (rc)
		return rc;
	rc = ctl_config_from_json(text, cfg, &err);
	free(text);
	return rc ? dom_cfg_fail(h, rc, err, path) : 0;
}
