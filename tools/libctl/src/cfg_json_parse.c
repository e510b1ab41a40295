// SPDX-License-Identifier: LGPL-2.1-only
/*
 * JSON back to a configuration: the JSON tree is turned into the same
 * settings a file gives (a disk or vif object becomes its keyed spec
 * string), so it goes through the same table and the same checks.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_tree.h>
#include "cfg.h"

#define JSON_SOURCE "json"

static int to_value(const yajl_val j, struct cfg_value *v);

static int atom(const char *s, enum cfg_vtype type, struct cfg_value *v)
{
	v->type = type;
	v->str = strdup(s);
	return v->str ? 0 : -ENOMEM;
}

static int to_list(const yajl_val j, struct cfg_value *v)
{
	size_t i, n = j->u.array.len;
	int rc = 0;

	v->type = CFG_V_LIST;
	v->items = calloc(n + 1, sizeof(*v->items));
	if (!v->items)
		return -ENOMEM;
	for (i = 0; i < n && !rc; i++, v->nr_items++)
		rc = to_value(j->u.array.values[i], &v->items[i]);
	return rc;
}

/* One "k=v" of a spec; derived and null members are left out. */
static int spec_member(char **spec, const char *k, const yajl_val m)
{
	const char *val;
	char *s;

	if (YAJL_IS_NULL(m) || !strcmp(k, "vdev_number"))
		return 0;
	val = YAJL_IS_STRING(m) ? m->u.string :
	      YAJL_IS_NUMBER(m) ? m->u.number.r : "?";
	s = cfg_printf("%s%s%s=%s", *spec ? *spec : "", *spec ? "," : "", k, val);
	if (!s)
		return -ENOMEM;
	free(*spec);
	*spec = s;
	return 0;
}

/* {"format":"raw",...,"target":"/img"} -> "format=raw,...,target=/img". */
static int to_spec(const yajl_val j, struct cfg_value *v)
{
	const yajl_val target = yajl_tree_get(j, (const char *[]){ "target", NULL },
					      yajl_t_any);
	size_t i;
	int rc = 0;

	v->type = CFG_V_STRING;
	for (i = 0; i < j->u.object.len && !rc; i++)
		if (strcmp(j->u.object.keys[i], "target"))
			rc = spec_member(&v->str, j->u.object.keys[i],
					 j->u.object.values[i]);
	if (!rc && target)
		rc = spec_member(&v->str, "target", target);
	if (!rc && !v->str)
		v->str = strdup("");
	return rc || v->str ? rc : -ENOMEM;
}

static int to_value(const yajl_val j, struct cfg_value *v)
{
	if (YAJL_IS_STRING(j))
		return atom(j->u.string, CFG_V_STRING, v);
	if (YAJL_IS_NUMBER(j))
		return atom(j->u.number.r, CFG_V_ATOM, v);
	if (YAJL_IS_ARRAY(j))
		return to_list(j, v);
	if (YAJL_IS_OBJECT(j))
		return to_spec(j, v);
	return atom(YAJL_IS_TRUE(j) ? "true" : "false", CFG_V_ATOM, v);
}

static int to_doc(const yajl_val root, struct cfg_doc *doc)
{
	struct cfg_setting *s;
	size_t i, n = root->u.object.len;
	int rc = 0;

	doc->v = calloc(n + 1, sizeof(*doc->v));
	if (!doc->v)
		return -ENOMEM;
	for (i = 0; i < n && !rc; i++) {
		if (YAJL_IS_NULL(root->u.object.values[i]))
			continue;
		s = &doc->v[doc->n++];
		s->key = strdup(root->u.object.keys[i]);
		s->pos.source = JSON_SOURCE;
		rc = s->key ? to_value(root->u.object.values[i], &s->value) : -ENOMEM;
	}
	return rc;
}

int ctl_config_from_json(const char *json, struct ctl_domain_config **cfg,
			 char **err)
{
	struct cfg_doc doc = { 0 };
	char ebuf[256] = "";
	yajl_val root;
	int rc = -EINVAL;

	*cfg = NULL;
	*err = NULL;
	root = yajl_tree_parse(json, ebuf, sizeof(ebuf));
	if (!root || !YAJL_IS_OBJECT(root)) {
		*err = cfg_printf(JSON_SOURCE ": %s", root ? "not an object" :
				  strtok(ebuf, "\n") ? ebuf : "invalid JSON");
		goto out;
	}
	rc = to_doc(root, &doc);
	if (rc) {
		*err = cfg_strdup("out of memory");
		goto out;
	}
	rc = cfg_build(&doc, JSON_SOURCE, true, cfg, err);
out:
	cfg_doc_free(&doc);
	yajl_tree_free(root);
	return rc;
}
