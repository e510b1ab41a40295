// SPDX-License-Identifier: GPL-2.0-only
/* `ctl list -l` JSON with libyajl (json_out.h). */
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>
#include <yajl/yajl_tree.h>

#include "json_out.h"

#define JSON_INDENT	"    "

struct cli_json {
	yajl_gen g;
};

static void put_str(yajl_gen g, const char *s)
{
	yajl_gen_string(g, (const unsigned char *)s, strlen(s));
}

/* Re-emit a parsed tree (the kept configuration) into g. */
static void put_tree(yajl_gen g, yajl_val v)
{
	size_t i;

	if (YAJL_IS_OBJECT(v)) {
		yajl_gen_map_open(g);
		for (i = 0; i < v->u.object.len; i++) {
			put_str(g, v->u.object.keys[i]);
			put_tree(g, v->u.object.values[i]);
		}
		yajl_gen_map_close(g);
	} else if (YAJL_IS_ARRAY(v)) {
		yajl_gen_array_open(g);
		for (i = 0; i < v->u.array.len; i++)
			put_tree(g, v->u.array.values[i]);
		yajl_gen_array_close(g);
	} else if (YAJL_IS_STRING(v)) {
		put_str(g, YAJL_GET_STRING(v));
	} else if (YAJL_IS_NUMBER(v)) {
		yajl_gen_number(g, v->u.number.r, strlen(v->u.number.r));
	} else if (YAJL_IS_TRUE(v) || YAJL_IS_FALSE(v)) {
		yajl_gen_bool(g, YAJL_IS_TRUE(v));
	} else {
		yajl_gen_null(g);
	}
}

struct cli_json *cli_json_begin(void)
{
	struct cli_json *j = calloc(1, sizeof(*j));

	if (!j)
		return NULL;
	j->g = yajl_gen_alloc(NULL);
	if (!j->g) {
		free(j);
		return NULL;
	}
	yajl_gen_config(j->g, yajl_gen_beautify, 1);
	yajl_gen_config(j->g, yajl_gen_indent_string, JSON_INDENT);
	yajl_gen_array_open(j->g);
	return j;
}

int cli_json_domain(struct cli_json *j, uint32_t domid, const char *name,
		    const char *config_json)
{
	yajl_val tree = NULL;
	int rc = 0;

	if (config_json) {
		tree = yajl_tree_parse(config_json, NULL, 0);
		rc = tree ? 0 : -1;
	}
	yajl_gen_map_open(j->g);
	put_str(j->g, "domid");
	yajl_gen_integer(j->g, domid);
	put_str(j->g, "name");
	put_str(j->g, name);
	put_str(j->g, "config");
	if (tree)
		put_tree(j->g, tree);
	else
		yajl_gen_null(j->g);
	yajl_gen_map_close(j->g);
	yajl_tree_free(tree);
	return rc;
}

char *cli_json_end(struct cli_json *j)
{
	const unsigned char *buf;
	size_t len;
	char *out = NULL;

	yajl_gen_array_close(j->g);
	if (yajl_gen_get_buf(j->g, &buf, &len) == yajl_gen_status_ok) {
		out = malloc(len + 1);
		if (out) {
			memcpy(out, buf, len);
			out[len] = '\0';
		}
	}
	yajl_gen_free(j->g);
	free(j);
	return out;
}
