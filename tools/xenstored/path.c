// SPDX-License-Identifier: GPL-2.0-only
/*
 * Path validation and resolution: absolute paths as given, relative paths
 * under the client's home /local/domain/<domid>, Xen's length limits and
 * character set, and the two special watch paths.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

static const char *const specials[] = { "@introduceDomain", "@releaseDomain" };

bool path_is_special(const char *path)
{
	for (size_t i = 0; i < sizeof(specials) / sizeof(specials[0]); i++)
		if (!strcmp(path, specials[i]))
			return true;
	return false;
}

static bool path_chars_ok(const char *p)
{
	static const char extra[] = "-/_@";

	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(extra, *p))
			continue;
		return false;
	}
	return true;
}

/* Well-formed: allowed characters, no empty component, no trailing '/'. */
static bool path_shape_ok(const char *p)
{
	size_t len = strlen(p);

	if (!path_chars_ok(p) || strstr(p, "//"))
		return false;
	return !(len > 1 && p[len - 1] == '/');
}

size_t path_home(uint32_t domid, char *buf, size_t len)
{
	int n = snprintf(buf, len, "/local/domain/%u", domid);

	return n < 0 ? 0 : (size_t)n;
}

static int path_join_home(uint32_t domid, const char *rel, char **out)
{
	char home[32];
	size_t hl = path_home(domid, home, sizeof(home));
	size_t rl = strlen(rel);
	char *p = malloc(hl + 1 + rl + 1);

	if (!p)
		return -ENOMEM;
	memcpy(p, home, hl);
	p[hl] = '/';
	memcpy(p + hl + 1, rel, rl + 1);
	*out = p;
	return 0;
}

/*
 * Resolves in for client c into an allocated absolute path in *out.
 * special: the two @ watch paths are accepted (returned unchanged).
 */
int path_resolve(const struct xsd_conn *c, const char *in, bool special, char **out)
{
	size_t len = strlen(in);
	int rc;

	if (special && path_is_special(in))
		return (*out = strdup(in)) ? 0 : -ENOMEM;
	if (!len || !path_shape_ok(in) || strchr(in, '@'))
		return -EINVAL;
	if (in[0] == '/')
		return len > XENSTORE_ABS_PATH_MAX ? -EINVAL :
		       ((*out = strdup(in)) ? 0 : -ENOMEM);
	if (len > XENSTORE_REL_PATH_MAX)
		return -EINVAL;
	rc = path_join_home(c->domid, in, out);
	if (!rc && strlen(*out) > XENSTORE_ABS_PATH_MAX) {
		free(*out);
		return -EINVAL;
	}
	return rc;
}

/* True if path is top or lies below it. */
bool path_under(const char *path, const char *top)
{
	size_t tl = strlen(top);

	if (!strcmp(top, "/"))
		return path[0] == '/';
	return !strncmp(path, top, tl) && (path[tl] == '\0' || path[tl] == '/');
}
