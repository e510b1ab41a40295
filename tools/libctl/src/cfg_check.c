// SPDX-License-Identifier: LGPL-2.1-only
/*
 * After every key is stored: defaults, the values derived from others
 * (maxmem, maxvcpus, cmdline) and the checks that span keys.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

void cfg_defaults(struct ctl_domain_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->memory = 128;
	cfg->vcpus = 1;
	cfg->on_poweroff = CTL_ACTION_DESTROY;
	cfg->on_reboot = CTL_ACTION_RESTART;
	cfg->on_crash = CTL_ACTION_DESTROY;
	cfg->gic_version = CTL_GIC_DEFAULT;
	cfg->max_grant_frames = 64;
	cfg->max_event_channels = 1023;
	memset(cfg->cpumap, 0xff, sizeof(cfg->cpumap));
}

/* Where @name was set, for messages; NULL if it was not. */
static const struct cfg_pos *set_at(struct cfg_ctx *ctx, const char *name)
{
	size_t i;

	ctx->key = name;
	return cfg_key_find(name, &i) ? ctx->set_at[i] : NULL;
}

/* cmdline wins over root and extra; without it they make it up. */
static int resolve_cmdline(struct ctl_domain_config *cfg, struct cfg_ctx *ctx)
{
	const struct cfg_pos *pos = set_at(ctx, "cmdline");

	if (cfg->cmdline && (cfg->root || cfg->extra))
		return cfg_warn(ctx, pos, "set, so root and extra are ignored");
	if (cfg->cmdline || !(cfg->root || cfg->extra))
		return 0;
	if (cfg->root && cfg->extra)
		cfg->cmdline = cfg_printf("root=%s %s", cfg->root, cfg->extra);
	else if (cfg->root)
		cfg->cmdline = cfg_printf("root=%s", cfg->root);
	else
		cfg->cmdline = cfg_strdup(cfg->extra);
	return cfg->cmdline ? 0 : cfg_oom(ctx);
}

int cfg_resolve(struct cfg_ctx *ctx, bool cmdline)
{
	struct ctl_domain_config *cfg = ctx->cfg;
	int rc;

	if (!set_at(ctx, "maxmem"))
		cfg->maxmem = cfg->memory;
	if (!set_at(ctx, "maxvcpus"))
		cfg->maxvcpus = cfg->vcpus;
	rc = cmdline ? resolve_cmdline(cfg, ctx) : 0;
	ctx->key = NULL;
	return rc;
}

static int check_required(struct cfg_ctx *ctx, const char *name, const char *val)
{
	if (val && *val)
		return 0;
	ctx->key = name;
	return cfg_fail(ctx, NULL, "required");
}

int cfg_check(struct cfg_ctx *ctx)
{
	struct ctl_domain_config *cfg = ctx->cfg;
	int rc;

	rc = check_required(ctx, "name", cfg->name);
	if (!rc)
		rc = check_required(ctx, "kernel", cfg->kernel);
	if (!rc && cfg->maxmem < cfg->memory)
		rc = cfg_fail(ctx, set_at(ctx, "maxmem"), "%llu is below memory (%llu)",
			      (unsigned long long)cfg->maxmem,
			      (unsigned long long)cfg->memory);
	if (!rc && cfg->maxvcpus < cfg->vcpus)
		rc = cfg_fail(ctx, set_at(ctx, "maxvcpus"), "%u is below vcpus (%u)",
			      cfg->maxvcpus, cfg->vcpus);
	ctx->key = NULL;
	return rc;
}

int ctl_config_generate_uuid(struct ctl_domain_config *cfg, char **err)
{
	int rc;

	*err = NULL;
	if (cfg->has_uuid)
		return 0;
	rc = cfg_random(cfg->uuid, sizeof(cfg->uuid));
	if (rc) {
		*err = cfg_printf("uuid: cannot generate: %s", strerror(-rc));
		return rc;
	}
	cfg->uuid[6] = (uint8_t)((cfg->uuid[6] & 0x0f) | 0x40);	/* version 4 */
	cfg->uuid[8] = (uint8_t)((cfg->uuid[8] & 0x3f) | 0x80);	/* RFC 4122 */
	cfg->has_uuid = true;
	return 0;
}
