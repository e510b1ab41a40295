/* SPDX-License-Identifier: LGPL-2.1-only */
/* Internals of the domain configuration parser (not installed). */
#ifndef CTL_CFG_H
#define CTL_CFG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yajl/yajl_gen.h>
#include "ctl_config.h"

/* Where a token starts: line 0 means "no position" (JSON, semantic). */
struct cfg_pos {
	const char *source;
	unsigned int line;
	unsigned int col;
};

enum cfg_vtype {
	CFG_V_STRING,	/* quoted */
	CFG_V_ATOM,	/* unquoted word: a number, or anything else */
	CFG_V_LIST,
};

struct cfg_value {
	enum cfg_vtype type;
	struct cfg_pos pos;
	char *str;			/* STRING and ATOM */
	bool bare;			/* ATOM: an override's unquoted text, a string too */
	struct cfg_value *items;	/* LIST */
	size_t nr_items;
};

/* One `key = value` after += merging: the last assignment wins. */
struct cfg_setting {
	char *key;
	struct cfg_pos pos;
	struct cfg_value value;
};

struct cfg_doc {
	struct cfg_setting *v;
	size_t n;
};

/* State of one parse: the config being filled and the first error. */
struct cfg_ctx {
	struct ctl_domain_config *cfg;
	const char *source;		/* for errors with no position */
	const char *key;		/* the key being applied, for messages */
	char *err;
	const struct cfg_pos *set_at[32];	/* where each table key was set */
};

enum cfg_type {
	CFG_T_STRING,
	CFG_T_NAME,
	CFG_T_U64,
	CFG_T_UINT,
	CFG_T_ACTION,
	CFG_T_GIC,
	CFG_T_UUID,
	CFG_T_CPUS,
	CFG_T_DISKS,
	CFG_T_VIFS,
};

/* One row of the key table: what a key is and where its value goes. */
struct cfg_key {
	const char *name;
	enum cfg_type type;
	size_t offset;
	uint64_t min, max;
};

/* Per type: parse a value into the field, write the field as JSON. */
struct cfg_type_ops {
	int (*parse)(struct cfg_ctx *ctx, const struct cfg_key *key,
		     const struct cfg_value *v, void *field);
	int (*gen)(yajl_gen g, const struct cfg_key *key, const void *field);
};

/* cfg_util.c */
char *cfg_strdup(const char *s);
char *cfg_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *cfg_vprintf(const char *fmt, va_list ap);
int cfg_fail(struct cfg_ctx *ctx, const struct cfg_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int cfg_warn(struct cfg_ctx *ctx, const struct cfg_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int cfg_oom(struct cfg_ctx *ctx);
int cfg_random(void *buf, size_t len);

/* cfg_lex.c: text to settings, += merged. */
int cfg_doc_parse(struct cfg_doc *doc, const char *text, const char *source,
		  unsigned int first_line, bool override, char **err);
void cfg_doc_free(struct cfg_doc *doc);
void cfg_value_free(struct cfg_value *v);

/* cfg_keys.c: the table. */
extern const struct cfg_key cfg_keys[];
extern const size_t cfg_nr_keys;
const struct cfg_key *cfg_key_find(const char *name, size_t *index);
const struct cfg_type_ops *cfg_type_ops(enum cfg_type type);
int cfg_apply_doc(struct cfg_ctx *ctx, const struct cfg_doc *doc);

/* cfg_scalar.c: scalar value parsers, shared with disk and vif specs. */
int cfg_parse_u64(const char *s, uint64_t *out);
bool cfg_name_valid(const char *s);
int cfg_parse_action(const char *s, enum ctl_action *out);
const char *cfg_gic_name(enum ctl_gic_version gic);
int cfg_parse_gic(const char *s, enum ctl_gic_version *out);
int cfg_parse_uuid(const char *s, uint8_t uuid[16]);
int cfg_parse_cpus(const char *s, uint64_t *map);

/* cfg_types.c: the operations of every value type, indexed by type. */
extern const struct cfg_type_ops cfg_type_table[];

/* cfg_disk.c */
int cfg_disk_parse(struct cfg_ctx *ctx, const struct cfg_value *v,
		   struct ctl_disk *disk);
int cfg_vdev_number(const char *vdev, uint32_t *number);
const char *cfg_disk_access_name(enum ctl_disk_access a);
const char *cfg_disk_devtype_name(enum ctl_disk_devtype t);
void cfg_disk_free(struct ctl_disk *disk);
int cfg_disks_parse(struct cfg_ctx *ctx, const struct cfg_key *key,
		    const struct cfg_value *v, void *field);
int cfg_disks_gen(yajl_gen g, const struct cfg_key *key, const void *field);

/* cfg_vif.c */
int cfg_vif_parse(struct cfg_ctx *ctx, const struct cfg_value *v,
		  struct ctl_vif *vif);
int cfg_mac_parse(const char *s, uint8_t mac[6]);
void cfg_vif_free(struct ctl_vif *vif);
int cfg_vifs_parse(struct cfg_ctx *ctx, const struct cfg_key *key,
		   const struct cfg_value *v, void *field);
int cfg_vifs_gen(yajl_gen g, const struct cfg_key *key, const void *field);

/* cfg_spec.c: "a,b,k=v" device specs split into items. */
struct cfg_spec_item {
	char *key;	/* NULL for a positional item */
	char *val;
};
int cfg_spec_split(const char *spec, const char *rest_key,
		   struct cfg_spec_item **items, size_t *nr);
void cfg_spec_free(struct cfg_spec_item *items, size_t nr);

/* cfg_check.c: defaults, resolution and the checks across keys. */
void cfg_defaults(struct ctl_domain_config *cfg);
int cfg_resolve(struct cfg_ctx *ctx, bool cmdline);
int cfg_check(struct cfg_ctx *ctx);

/* cfg_parse.c: settings to a checked config (JSON: cmdline not derived). */
int cfg_build(const struct cfg_doc *doc, const char *name, bool from_json,
	      struct ctl_domain_config **out, char **err);

/* cfg_json_gen.c helpers */
int cfg_gen_str(yajl_gen g, const char *s);
int cfg_gen_key(yajl_gen g, const char *s);

#endif /* CTL_CFG_H */
