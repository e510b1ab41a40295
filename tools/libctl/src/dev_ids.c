// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Which devices of a kind a domain has: the devids below the backend's
 * /local/domain/0/backend/<kind>/<domid> and the frontend's
 * /local/domain/<domid>/device/<kind>, together (a half-removed device is
 * still found), numeric names only, sorted, each once.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_int.h"

/* "51712" to 51712; false if not a decimal number below 2^32. */
static bool parse_devid(const char *s, uint32_t *devid)
{
	unsigned long long v = 0;

	if (!*s || strspn(s, "0123456789") != strlen(s))
		return false;
	for (; *s; s++) {
		v = v * 10 + (unsigned long long)(*s - '0');
		if (v > UINT32_MAX)
			return false;
	}
	*devid = (uint32_t)v;
	return true;
}

/* Appends the numeric children of dir (missing: none) to *ids. */
static int add_children(struct ctl_handle *h, struct ctl_xs *xs, const char *dir,
			uint32_t **ids, size_t *n)
{
	char **names = NULL;
	size_t count = 0;
	uint32_t *grown = NULL;
	int rc = ctl_xs_directory(xs, 0, dir, &names, &count);

	if (rc == -ENOENT)
		rc = 0;
	if (!rc && count) {
		grown = realloc(*ids, (*n + count) * sizeof(**ids));
		if (!grown)
			rc = ctl_fail(h, -ENOMEM, "%s: out of memory", dir);
	}
	if (grown) {
		*ids = grown;
		for (size_t i = 0; i < count; i++)
			*n += parse_devid(names[i], &grown[*n]);
	}
	free(names);
	return rc;
}

static int cmp_devid(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Sorts and drops repeats. */
static size_t sort_unique(uint32_t *ids, size_t n)
{
	size_t k = 0;

	if (n)
		qsort(ids, n, sizeof(*ids), cmp_devid);
	for (size_t i = 0; i < n; i++)
		if (!k || ids[k - 1] != ids[i])
			ids[k++] = ids[i];
	return k;
}

int dev_devids(struct ctl_handle *h, struct ctl_xs *xs, enum ctl_dev_kind kind,
	       uint32_t domid, uint32_t **ids, size_t *n)
{
	char be[DEV_PATH_LEN], fe[DEV_PATH_LEN];
	int rc;

	*ids = NULL;
	*n = 0;
	snprintf(be, sizeof(be), "/local/domain/%u/backend/%s/%u", DEV_BACKEND_DOMID,
		 dev_kind_name(kind), domid);
	snprintf(fe, sizeof(fe), "/local/domain/%u/device/%s", domid, dev_kind_name(kind));
	rc = add_children(h, xs, be, ids, n);
	if (!rc)
		rc = add_children(h, xs, fe, ids, n);
	if (rc) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return rc;
	}
	*n = sort_unique(*ids, *n);
	return 0;
}

void dev_ref_lookup(struct ctl_xs *xs, struct dev_ref *r, enum ctl_dev_kind kind,
		    uint32_t domid, uint32_t devid)
{
	char path[DEV_PATH_LEN], *dev = NULL;

	dev_ref_init(r, kind, domid, devid, NULL);
	if (kind != CTL_DEV_VBD)
		return;
	snprintf(path, sizeof(path), "%s/dev", r->be);
	if (!ctl_xs_read(xs, 0, path, &dev) && *dev)
		dev_ref_init(r, kind, domid, devid, dev);
	free(dev);
}
