// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The key table: every xl.cfg key ctl knows, its type, its limits and the
 * field of struct ctl_domain_config its value goes to. The parser, the
 * JSON writer and the JSON reader all walk this one table.
 */
#include <stddef.h>
#include <string.h>
#include "cfg.h"

#define KEY(n, t, f, lo, hi) \
	{ .name = n, .type = t, .offset = offsetof(struct ctl_domain_config, f), \
	  .min = lo, .max = hi }
#define STR(n, f)	KEY(n, CFG_T_STRING, f, 0, 0)

const struct cfg_key cfg_keys[] = {
	KEY("name", CFG_T_NAME, name, 0, 0),
	KEY("uuid", CFG_T_UUID, uuid, 0, 0),
	KEY("memory", CFG_T_U64, memory, 1, CTL_MAX_MEMORY_MIB),
	KEY("maxmem", CFG_T_U64, maxmem, 1, CTL_MAX_MEMORY_MIB),
	KEY("vcpus", CFG_T_UINT, vcpus, 1, CTL_MAX_VCPUS),
	KEY("maxvcpus", CFG_T_UINT, maxvcpus, 1, CTL_MAX_VCPUS),
	KEY("cpus", CFG_T_CPUS, cpus, 0, 0),
	STR("kernel", kernel),
	STR("ramdisk", ramdisk),
	STR("cmdline", cmdline),
	STR("extra", extra),
	STR("root", root),
	KEY("on_poweroff", CFG_T_ACTION, on_poweroff, 0, 0),
	KEY("on_reboot", CFG_T_ACTION, on_reboot, 0, 0),
	KEY("on_crash", CFG_T_ACTION, on_crash, 0, 0),
	KEY("gic_version", CFG_T_GIC, gic_version, 0, 0),
	KEY("max_grant_frames", CFG_T_UINT, max_grant_frames, 1, CTL_MAX_GRANT_FRAMES),
	KEY("max_event_channels", CFG_T_UINT, max_event_channels, 1, CTL_MAX_EVTCHN),
	KEY("disk", CFG_T_DISKS, disks, 0, 0),
	KEY("vif", CFG_T_VIFS, vifs, 0, 0),
};
const size_t cfg_nr_keys = sizeof(cfg_keys) / sizeof(cfg_keys[0]);

_Static_assert(sizeof(cfg_keys) / sizeof(cfg_keys[0]) <=
	       sizeof(((struct cfg_ctx *)0)->set_at) / sizeof(void *),
	       "cfg_ctx.set_at too small for the key table");

const struct cfg_key *cfg_key_find(const char *name, size_t *index)
{
	size_t i;

	for (i = 0; i < cfg_nr_keys; i++) {
		if (!strcmp(cfg_keys[i].name, name)) {
			*index = i;
			return &cfg_keys[i];
		}
	}
	return NULL;
}

const struct cfg_type_ops *cfg_type_ops(enum cfg_type type)
{
	return &cfg_type_table[type];
}

static int apply_setting(struct cfg_ctx *ctx, const struct cfg_setting *s)
{
	const struct cfg_key *key;
	size_t i;
	int rc;

	ctx->key = s->key;
	key = cfg_key_find(s->key, &i);
	if (!key)
		return cfg_warn(ctx, &s->pos, "unknown key, ignored");
	rc = cfg_type_ops(key->type)->parse(ctx, key, &s->value,
					    (char *)ctx->cfg + key->offset);
	ctx->set_at[i] = &s->value.pos;
	return rc;
}

/* Store every setting of @doc into ctx->cfg; unknown keys warn. */
int cfg_apply_doc(struct cfg_ctx *ctx, const struct cfg_doc *doc)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < doc->n && !rc; i++)
		rc = apply_setting(ctx, &doc->v[i]);
	ctx->key = NULL;
	return rc;
}
