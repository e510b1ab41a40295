// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Device spec strings ("/img,raw,xvda,rw", "vdev=xvda, target=/img"):
 * items separated by commas, each positional or `key=value`. The value of
 * @rest_key ("target") runs to the end of the spec, commas included.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cfg.h"

static char *trimmed(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return strndup(s, n);
}

/* Length of the `key` in "key=...", or 0 when the item is positional. */
static size_t key_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && isspace((unsigned char)s[i]))
		i++;
	while (i < n && (islower((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
		i++;
	return i < n && s[i] == '=' ? i : 0;
}

static int add_item(struct cfg_spec_item **items, size_t *nr, const char *s,
		    size_t n, const char *rest_key, size_t *used)
{
	struct cfg_spec_item *it = realloc(*items, (*nr + 1) * sizeof(*it));
	size_t k = key_len(s, n);

	if (!it)
		return -ENOMEM;
	*items = it;
	it = &it[(*nr)++];
	it->key = k ? trimmed(s, k) : NULL;
	if (it->key && rest_key && !strcmp(it->key, rest_key))
		n = strlen(s);
	it->val = trimmed(s + k + !!k, n - k - !!k);
	*used = n;
	return it->val && (!k || it->key) ? 0 : -ENOMEM;
}

int cfg_spec_split(const char *spec, const char *rest_key,
		   struct cfg_spec_item **items, size_t *nr)
{
	size_t n, used;
	int rc;

	*items = NULL;
	*nr = 0;
	for (;;) {
		n = strcspn(spec, ",");
		rc = add_item(items, nr, spec, n, rest_key, &used);
		if (rc)
			break;
		spec += used;
		if (!*spec++)
			break;
	}
	if (rc) {
		cfg_spec_free(*items, *nr);
		*items = NULL;
		*nr = 0;
	}
	return rc;
}

void cfg_spec_free(struct cfg_spec_item *items, size_t nr)
{
	size_t i;

	for (i = 0; i < nr; i++) {
		free(items[i].key);
		free(items[i].val);
	}
	free(items);
}
