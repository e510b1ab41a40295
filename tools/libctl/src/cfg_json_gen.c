// SPDX-License-Identifier: LGPL-2.1-only
/* The resolved configuration as JSON, walking the key table in order. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

int cfg_gen_str(yajl_gen g, const char *s)
{
	if (!s)
		return yajl_gen_null(g) ? -EIO : 0;
	return yajl_gen_string(g, (const unsigned char *)s, strlen(s)) ? -EIO : 0;
}

int cfg_gen_key(yajl_gen g, const char *s)
{
	return cfg_gen_str(g, s);
}

static int gen_all(yajl_gen g, const struct ctl_domain_config *cfg)
{
	const struct cfg_key *key;
	size_t i;

	if (yajl_gen_map_open(g))
		return -EIO;
	for (i = 0; i < cfg_nr_keys; i++) {
		key = &cfg_keys[i];
		if (cfg_type_ops(key->type)->gen(g, key, (const char *)cfg + key->offset))
			return -EIO;
	}
	return yajl_gen_map_close(g) ? -EIO : 0;
}

int ctl_config_to_json(const struct ctl_domain_config *cfg, char **json,
		       char **err)
{
	const unsigned char *buf;
	yajl_gen g = yajl_gen_alloc(NULL);
	size_t len;
	int rc = -ENOMEM;

	*json = NULL;
	*err = NULL;
	if (!g)
		goto out;
	yajl_gen_config(g, yajl_gen_beautify, 1);
	rc = gen_all(g, cfg);
	if (rc || yajl_gen_get_buf(g, &buf, &len) != yajl_gen_status_ok) {
		rc = -EIO;
		goto out;
	}
	*json = strndup((const char *)buf, len);
	rc = *json ? 0 : -ENOMEM;
out:
	if (g)
		yajl_gen_free(g);
	if (rc)
		*err = cfg_printf("json: cannot generate: %s", strerror(-rc));
	return rc;
}
