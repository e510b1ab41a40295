// SPDX-License-Identifier: LGPL-2.1-only
/*
 * One disk or vif spec given alone (`ctl block-attach d /srv/d.img,raw,xvdb`,
 * `ctl network-attach d mac=...,bridge=br1`): the config file's parser for
 * one entry of disk= or vif= (cfg_disk.c, cfg_vif.c), so the syntax, the
 * checks and the messages are the same; messages start "disk: " or "vif: ".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "ctl_device.h"

typedef int (*spec_parser)(struct cfg_ctx *ctx, const struct cfg_value *v, void *out);

static int parse_disk(struct cfg_ctx *ctx, const struct cfg_value *v, void *out)
{
	return cfg_disk_parse(ctx, v, out);
}

static int parse_vif(struct cfg_ctx *ctx, const struct cfg_value *v, void *out)
{
	return cfg_vif_parse(ctx, v, out);
}

static int parse_one(const char *spec, const char *what, spec_parser parse, void *out,
		     char **err)
{
	struct cfg_ctx ctx = { .source = what };
	struct cfg_value v = { .type = CFG_V_STRING };
	int rc;

	*err = NULL;
	v.str = strdup(spec ? spec : "");
	if (!v.str) {
		*err = strdup("out of memory");
		return -ENOMEM;
	}
	rc = parse(&ctx, &v, out);
	free(v.str);
	if (rc)
		*err = ctx.err ? ctx.err : strdup("invalid");
	else
		free(ctx.err);
	return rc;
}

int ctl_disk_spec_parse(const char *spec, struct ctl_disk *disk, char **err)
{
	int rc = parse_one(spec, "disk", parse_disk, disk, err);

	if (rc)
		cfg_disk_free(disk);
	return rc;
}

int ctl_vif_spec_parse(const char *spec, struct ctl_vif *vif, char **err)
{
	int rc = parse_one(spec, "vif", parse_vif, vif, err);

	if (rc)
		cfg_vif_free(vif);
	return rc;
}

void ctl_disk_clear(struct ctl_disk *disk)
{
	cfg_disk_free(disk);
}

void ctl_vif_clear(struct ctl_vif *vif)
{
	cfg_vif_free(vif);
}
