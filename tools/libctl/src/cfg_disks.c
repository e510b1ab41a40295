// SPDX-License-Identifier: LGPL-2.1-only
/* The disk list as a whole: parse every spec, reject a vdev used twice, JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

static void disks_free(struct ctl_disk *disks, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		cfg_disk_free(&disks[i]);
	free(disks);
}

static int disk_unique(struct cfg_ctx *ctx, const struct cfg_value *v,
		       const struct ctl_disk *disks, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (disks[j].vdev_number == disks[i].vdev_number)
			return cfg_fail(ctx, &v->pos, "vdev '%s' is used twice",
					disks[i].vdev);
	return 0;
}

int cfg_disks_parse(struct cfg_ctx *ctx, const struct cfg_key *key,
		    const struct cfg_value *v, void *field)
{
	struct ctl_domain_config *cfg = ctx->cfg;
	struct ctl_disk *disks;
	size_t i;
	int rc = 0;

	if (v->type != CFG_V_LIST)
		return cfg_fail(ctx, &v->pos, "expected a list");
	disks = calloc(v->nr_items + 1, sizeof(*disks));
	if (!disks)
		return cfg_oom(ctx);
	for (i = 0; i < v->nr_items && !rc; i++) {
		rc = cfg_disk_parse(ctx, &v->items[i], &disks[i]);
		if (!rc)
			rc = disk_unique(ctx, &v->items[i], disks, i);
	}
	if (rc) {
		disks_free(disks, v->nr_items);
		return rc;
	}
	disks_free(cfg->disks, cfg->nr_disks);
	cfg->disks = disks;
	cfg->nr_disks = v->nr_items;
	return 0;
}

static int gen_pair(yajl_gen g, const char *k, const char *s)
{
	if (cfg_gen_key(g, k))
		return -EIO;
	return cfg_gen_str(g, s);
}

static int disk_gen(yajl_gen g, const struct ctl_disk *d)
{
	if (yajl_gen_map_open(g) ||
	    gen_pair(g, "target", d->target) ||
	    gen_pair(g, "format", "raw") ||
	    gen_pair(g, "vdev", d->vdev) ||
	    cfg_gen_key(g, "vdev_number") ||
	    yajl_gen_integer(g, d->vdev_number) ||
	    gen_pair(g, "access", cfg_disk_access_name(d->access)) ||
	    gen_pair(g, "devtype", cfg_disk_devtype_name(d->devtype)) ||
	    yajl_gen_map_close(g))
		return -EIO;
	return 0;
}

int cfg_disks_gen(yajl_gen g, const struct cfg_key *key, const void *field)
{
	const struct ctl_domain_config *cfg =
		(const void *)((const char *)field - key->offset);
	size_t i;

	if (cfg_gen_key(g, key->name) || yajl_gen_array_open(g))
		return -EIO;
	for (i = 0; i < cfg->nr_disks; i++)
		if (disk_gen(g, &cfg->disks[i]))
			return -EIO;
	return yajl_gen_array_close(g) ? -EIO : 0;
}
