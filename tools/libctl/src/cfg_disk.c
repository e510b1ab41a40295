// SPDX-License-Identifier: LGPL-2.1-only
/*
 * disk = [ 'DISKSPEC', ... ] (xl-disk-configuration): positional
 * "target,format,vdev,access" or keyed "format=raw, vdev=xvda,
 * access=rw, devtype=cdrom, target=/img" (target last: it takes the rest),
 * plus the deprecated "phy:", "file:", "raw:" target prefixes and the
 * "cdrom" keyword and ":cdrom" vdev suffix.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

struct disk_parse {
	struct cfg_ctx *ctx;
	const struct cfg_value *v;
	struct ctl_disk *d;
	unsigned int given;		/* bit per disk_keys[] entry */
	bool have_access;
};

typedef int (*disk_setter)(struct disk_parse *dp, const char *val);

#define NR_POSITIONAL	4	/* target, format, vdev, access */
#define DEVTYPE		4	/* index of devtype in disk_keys[] */

static int disk_set(struct disk_parse *dp, size_t i, const char *val);

const char *cfg_disk_access_name(enum ctl_disk_access a)
{
	return a == CTL_DISK_RO ? "ro" : "rw";
}

const char *cfg_disk_devtype_name(enum ctl_disk_devtype t)
{
	return t == CTL_DISK_DEVTYPE_CDROM ? "cdrom" : "disk";
}

static int disk_fail(struct disk_parse *dp, const char *what, const char *val)
{
	return cfg_fail(dp->ctx, &dp->v->pos, "%s '%s' in '%s'", what, val,
			dp->v->str);
}

static int set_format(struct disk_parse *dp, const char *val)
{
	static const char *const later[] = { "qcow", "qcow2", "vhd", "qed" };
	size_t i;

	if (!strcmp(val, "raw")) {
		dp->d->format = CTL_DISK_FORMAT_RAW;
		return 0;
	}
	for (i = 0; i < sizeof(later) / sizeof(later[0]); i++)
		if (!strcmp(val, later[i]))
			return disk_fail(dp, "unsupported format (only raw)", val);
	return disk_fail(dp, "unknown format", val);
}

static int set_target(struct disk_parse *dp, const char *val)
{
	static const char *const prefixes[] = { "phy:", "file:", "raw:" };
	size_t i, n;
	int rc = 0;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		n = strlen(prefixes[i]);
		if (!strncmp(val, prefixes[i], n)) {
			val += n;
			dp->given |= 1u << 1;	/* the prefix stands for the format */
		}
	}
	if (strchr(val, ':') && val[0] != '/')
		rc = disk_fail(dp, "unsupported target prefix", val);
	free(dp->d->target);
	dp->d->target = *val ? strdup(val) : NULL;
	if (!rc && *val && !dp->d->target)
		rc = cfg_oom(dp->ctx);
	return rc;
}

static int set_devtype(struct disk_parse *dp, const char *val)
{
	if (!strcmp(val, "cdrom"))
		dp->d->devtype = CTL_DISK_DEVTYPE_CDROM;
	else if (!strcmp(val, "disk"))
		dp->d->devtype = CTL_DISK_DEVTYPE_DISK;
	else
		return disk_fail(dp, "unknown devtype", val);
	return 0;
}

static int set_vdev(struct disk_parse *dp, const char *val)
{
	const char *colon = strchr(val, ':');
	char *name = colon ? strndup(val, (size_t)(colon - val)) : strdup(val);
	int rc = 0;

	if (!name)
		return cfg_oom(dp->ctx);
	if (colon)
		rc = disk_set(dp, DEVTYPE, colon + 1);
	if (!rc && cfg_vdev_number(name, &dp->d->vdev_number))
		rc = disk_fail(dp, "invalid vdev", name);
	free(dp->d->vdev);
	dp->d->vdev = name;
	return rc;
}

static int set_access(struct disk_parse *dp, const char *val)
{
	if (!strcmp(val, "r") || !strcmp(val, "ro"))
		dp->d->access = CTL_DISK_RO;
	else if (!strcmp(val, "w") || !strcmp(val, "rw"))
		dp->d->access = CTL_DISK_RW;
	else
		return disk_fail(dp, "invalid access (r, ro, w, rw)", val);
	dp->have_access = true;
	return 0;
}

static const struct {
	const char *key;
	disk_setter set;
} disk_keys[] = {	/* in positional order first */
	{ "target", set_target },
	{ "format", set_format },
	{ "vdev", set_vdev },
	{ "access", set_access },
	{ "devtype", set_devtype },
};

/* Each parameter once; an empty value means the default. */
static int disk_set(struct disk_parse *dp, size_t i, const char *val)
{
	if (dp->given & 1u << i)
		return disk_fail(dp, "parameter given twice:", disk_keys[i].key);
	dp->given |= 1u << i;
	return *val ? disk_keys[i].set(dp, val) : 0;
}

/* A positional value fills the first parameter not yet given. */
static int disk_item(struct disk_parse *dp, const struct cfg_spec_item *it)
{
	size_t i;

	if (!it->key && !strcmp(it->val, "cdrom"))
		return disk_set(dp, DEVTYPE, it->val);
	if (!it->key) {
		for (i = 0; i < NR_POSITIONAL && dp->given & 1u << i; i++)
			;
		if (i == NR_POSITIONAL)
			return disk_fail(dp, "too many positional parameters at", it->val);
		return disk_set(dp, i, it->val);
	}
	for (i = 0; i < sizeof(disk_keys) / sizeof(disk_keys[0]); i++)
		if (!strcmp(it->key, disk_keys[i].key))
			return disk_set(dp, i, it->val);
	return disk_fail(dp, "unknown disk parameter", it->key);
}

static int disk_finish(struct disk_parse *dp)
{
	struct ctl_disk *d = dp->d;

	if (!d->vdev)
		return cfg_fail(dp->ctx, &dp->v->pos, "no vdev in '%s'", dp->v->str);
	if (!d->target && d->devtype != CTL_DISK_DEVTYPE_CDROM)
		return cfg_fail(dp->ctx, &dp->v->pos, "no target in '%s'", dp->v->str);
	if (!dp->have_access && d->devtype == CTL_DISK_DEVTYPE_CDROM)
		d->access = CTL_DISK_RO;
	return 0;
}

int cfg_disk_parse(struct cfg_ctx *ctx, const struct cfg_value *v,
		   struct ctl_disk *disk)
{
	struct disk_parse dp = { .ctx = ctx, .v = v, .d = disk };
	struct cfg_spec_item *items;
	size_t nr, i;
	int rc;

	memset(disk, 0, sizeof(*disk));
	if (v->type != CFG_V_STRING)
		return cfg_fail(ctx, &v->pos, "expected a string");
	if (cfg_spec_split(v->str, "target", &items, &nr))
		return cfg_oom(ctx);
	for (i = 0, rc = 0; i < nr && !rc; i++)
		rc = disk_item(&dp, &items[i]);
	if (!rc)
		rc = disk_finish(&dp);
	cfg_spec_free(items, nr);
	return rc;
}

void cfg_disk_free(struct ctl_disk *disk)
{
	free(disk->target);
	free(disk->vdev);
	memset(disk, 0, sizeof(*disk));
}
