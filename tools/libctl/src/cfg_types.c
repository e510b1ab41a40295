// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The value types of the key table: how a parsed value is checked and
 * stored into its field, and how the field is written as JSON.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

/* The config holding @field (UUID and CPUS have two fields each). */
#define CFG_OF(field, key) \
	((struct ctl_domain_config *)(void *)((char *)(field) - (key)->offset))

static int want_string(struct cfg_ctx *ctx, const struct cfg_value *v,
		       const char **s)
{
	if (v->type != CFG_V_STRING && !(v->type == CFG_V_ATOM && v->bare))
		return cfg_fail(ctx, &v->pos, "expected a string");
	*s = v->str;
	return 0;
}

static int store_string(struct cfg_ctx *ctx, const char *s, void *field)
{
	char **dst = field, *copy = cfg_strdup(s);

	if (!copy)
		return cfg_oom(ctx);
	free(*dst);
	*dst = copy;
	return 0;
}

static int parse_string(struct cfg_ctx *ctx, const struct cfg_key *key,
			const struct cfg_value *v, void *field)
{
	const char *s = NULL;

	int rc = want_string(ctx, v, &s);

	return rc ? rc : store_string(ctx, s, field);
}

static int parse_name(struct cfg_ctx *ctx, const struct cfg_key *key,
		      const struct cfg_value *v, void *field)
{
	const char *s = NULL;
	int rc = want_string(ctx, v, &s);

	if (rc)
		return rc;
	if (!cfg_name_valid(s))
		return cfg_fail(ctx, &v->pos, "invalid name '%s' (1-63 of A-Z a-z 0-9 _ . -, not all digits)", s);
	return store_string(ctx, s, field);
}

static int want_number(struct cfg_ctx *ctx, const struct cfg_key *key,
		       const struct cfg_value *v, uint64_t *n)
{
	if (v->type == CFG_V_LIST || cfg_parse_u64(v->str, n))
		return cfg_fail(ctx, &v->pos, "expected a number");
	if (*n < key->min || *n > key->max)
		return cfg_fail(ctx, &v->pos, "%llu is out of range %llu-%llu",
				(unsigned long long)*n, (unsigned long long)key->min,
				(unsigned long long)key->max);
	return 0;
}

static int parse_u64(struct cfg_ctx *ctx, const struct cfg_key *key,
		     const struct cfg_value *v, void *field)
{
	return want_number(ctx, key, v, field);
}

static int parse_uint(struct cfg_ctx *ctx, const struct cfg_key *key,
		      const struct cfg_value *v, void *field)
{
	uint64_t n;
	int rc = want_number(ctx, key, v, &n);

	if (!rc)
		*(unsigned int *)field = (unsigned int)n;
	return rc;
}

static int parse_action(struct cfg_ctx *ctx, const struct cfg_key *key,
			const struct cfg_value *v, void *field)
{
	const char *s = NULL;
	int rc = want_string(ctx, v, &s);

	if (!rc && cfg_parse_action(s, field))
		rc = cfg_fail(ctx, &v->pos, "unknown action '%s' (destroy, restart, rename-restart, preserve, coredump-destroy, coredump-restart)", s);
	return rc;
}

static int parse_gic(struct cfg_ctx *ctx, const struct cfg_key *key,
		     const struct cfg_value *v, void *field)
{
	const char *s = NULL;
	int rc = want_string(ctx, v, &s);

	if (!rc && cfg_parse_gic(s, field))
		rc = cfg_fail(ctx, &v->pos, "unknown GIC version '%s' (v2, v3, default)", s);
	return rc;
}

static int parse_uuid(struct cfg_ctx *ctx, const struct cfg_key *key,
		      const struct cfg_value *v, void *field)
{
	struct ctl_domain_config *cfg = CFG_OF(field, key);
	const char *s = NULL;
	int rc = want_string(ctx, v, &s);

	if (rc)
		return rc;
	if (cfg_parse_uuid(s, cfg->uuid))
		return cfg_fail(ctx, &v->pos, "invalid UUID '%s'", s);
	cfg->has_uuid = true;
	return 0;
}

static int parse_cpus(struct cfg_ctx *ctx, const struct cfg_key *key,
		      const struct cfg_value *v, void *field)
{
	struct ctl_domain_config *cfg = CFG_OF(field, key);
	const char *s = NULL;
	unsigned int i;
	uint64_t any = 0;
	int rc = want_string(ctx, v, &s);

	if (rc)
		return rc;
	if (cfg_parse_cpus(s, cfg->cpumap))
		return cfg_fail(ctx, &v->pos, "invalid CPU list '%s' (all, or N, N-M, ^N joined by ',', CPUs below %d)", s, CTL_MAX_CPUS);
	for (i = 0; i < CTL_MAX_CPUS / 64; i++)
		any |= cfg->cpumap[i];
	if (!any)
		return cfg_fail(ctx, &v->pos, "CPU list '%s' leaves no CPU", s);
	return store_string(ctx, s, field);
}

static int gen_string(yajl_gen g, const struct cfg_key *key, const void *field)
{
	if (cfg_gen_key(g, key->name))
		return -EIO;
	return cfg_gen_str(g, *(char *const *)field);
}

static int gen_number(yajl_gen g, const struct cfg_key *key, uint64_t n)
{
	if (cfg_gen_key(g, key->name) || yajl_gen_integer(g, (long long)n))
		return -EIO;
	return 0;
}

static int gen_u64(yajl_gen g, const struct cfg_key *key, const void *field)
{
	return gen_number(g, key, *(const uint64_t *)field);
}

static int gen_uint(yajl_gen g, const struct cfg_key *key, const void *field)
{
	return gen_number(g, key, *(const unsigned int *)field);
}

static int gen_action(yajl_gen g, const struct cfg_key *key, const void *field)
{
	if (cfg_gen_key(g, key->name))
		return -EIO;
	return cfg_gen_str(g, ctl_action_name(*(const enum ctl_action *)field));
}

static int gen_gic(yajl_gen g, const struct cfg_key *key, const void *field)
{
	if (cfg_gen_key(g, key->name))
		return -EIO;
	return cfg_gen_str(g, cfg_gic_name(*(const enum ctl_gic_version *)field));
}

static int gen_uuid(yajl_gen g, const struct cfg_key *key, const void *field)
{
	const struct ctl_domain_config *cfg = CFG_OF(field, key);
	char buf[37];

	ctl_uuid_format(cfg->uuid, buf);
	if (cfg_gen_key(g, key->name))
		return -EIO;
	return cfg_gen_str(g, cfg->has_uuid ? buf : NULL);
}

const struct cfg_type_ops cfg_type_table[] = {
	[CFG_T_STRING] = { parse_string, gen_string },
	[CFG_T_NAME] = { parse_name, gen_string },
	[CFG_T_U64] = { parse_u64, gen_u64 },
	[CFG_T_UINT] = { parse_uint, gen_uint },
	[CFG_T_ACTION] = { parse_action, gen_action },
	[CFG_T_GIC] = { parse_gic, gen_gic },
	[CFG_T_UUID] = { parse_uuid, gen_uuid },
	[CFG_T_CPUS] = { parse_cpus, gen_string },
	[CFG_T_DISKS] = { cfg_disks_parse, cfg_disks_gen },
	[CFG_T_VIFS] = { cfg_vifs_parse, cfg_vifs_gen },
};
