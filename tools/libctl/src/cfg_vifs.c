// SPDX-License-Identifier: LGPL-2.1-only
/* The vif list as a whole: parse every spec, random MACs, JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

static void vifs_free(struct ctl_vif *vifs, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++)
		cfg_vif_free(&vifs[i]);
	free(vifs);
}

int cfg_vifs_parse(struct cfg_ctx *ctx, const struct cfg_key *key,
		   const struct cfg_value *v, void *field)
{
	struct ctl_domain_config *cfg = ctx->cfg;
	struct ctl_vif *vifs;
	size_t i;
	int rc = 0;

	if (v->type != CFG_V_LIST)
		return cfg_fail(ctx, &v->pos, "expected a list");
	vifs = calloc(v->nr_items + 1, sizeof(*vifs));
	if (!vifs)
		return cfg_oom(ctx);
	for (i = 0; i < v->nr_items && !rc; i++)
		rc = cfg_vif_parse(ctx, &v->items[i], &vifs[i]);
	if (rc) {
		vifs_free(vifs, v->nr_items);
		return rc;
	}
	vifs_free(cfg->vifs, cfg->nr_vifs);
	cfg->vifs = vifs;
	cfg->nr_vifs = v->nr_items;
	return 0;
}

/* 00:16:3e plus three random octets, the first below 0x80 as xl does. */
static int random_mac(char **mac)
{
	uint8_t r[3];
	int rc = cfg_random(r, sizeof(r));

	if (rc)
		return rc;
	if (asprintf(mac, "00:16:3e:%02x:%02x:%02x", r[0] & 0x7f, r[1], r[2]) < 0) {
		*mac = NULL;
		return -ENOMEM;
	}
	return 0;
}

int ctl_config_generate_macs(struct ctl_domain_config *cfg, char **err)
{
	size_t i;
	int rc = 0;

	*err = NULL;
	for (i = 0; i < cfg->nr_vifs && !rc; i++)
		if (!cfg->vifs[i].mac)
			rc = random_mac(&cfg->vifs[i].mac);
	if (rc)
		*err = cfg_printf("vif: cannot generate a MAC address: %s",
				  strerror(-rc));
	return rc;
}

static int gen_pair(yajl_gen g, const char *k, const char *s)
{
	if (cfg_gen_key(g, k))
		return -EIO;
	return cfg_gen_str(g, s);
}

static int vif_gen(yajl_gen g, const struct ctl_vif *v)
{
	if (yajl_gen_map_open(g) ||
	    gen_pair(g, "mac", v->mac) ||
	    gen_pair(g, "bridge", v->bridge) ||
	    gen_pair(g, "ip", v->ip) ||
	    gen_pair(g, "vifname", v->vifname) ||
	    gen_pair(g, "rate", v->rate) ||
	    cfg_gen_key(g, "mtu") ||
	    (v->mtu ? yajl_gen_integer(g, v->mtu) : yajl_gen_null(g)) ||
	    yajl_gen_map_close(g))
		return -EIO;
	return 0;
}

int cfg_vifs_gen(yajl_gen g, const struct cfg_key *key, const void *field)
{
	const struct ctl_domain_config *cfg =
		(const void *)((const char *)field - key->offset);
	size_t i;

	if (cfg_gen_key(g, key->name) || yajl_gen_array_open(g))
		return -EIO;
	for (i = 0; i < cfg->nr_vifs; i++)
		if (vif_gen(g, &cfg->vifs[i]))
			return -EIO;
	return yajl_gen_array_close(g) ? -EIO : 0;
}
