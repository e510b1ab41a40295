// SPDX-License-Identifier: LGPL-2.1-only
/* Grant mappings: another domain's granted pages in this process (/dev/xen/gntdev). */
#include <errno.h>
#include <string.h>

#include "ctl_int.h"

/* Refs are 32-bit and the device counts them in 32 bits. */
#define CTL_GNT_MAX ((size_t)UINT32_MAX)

static bool dev_missing(int rc)
{
	return rc == -ENOENT || rc == -ENODEV || rc == -ENXIO;
}

/* The caller gets NULL and errno; ctl_errmsg() the whole story. */
static void *fail_null(int rc)
{
	errno = -rc;
	return NULL;
}

static int map_failed(struct ctl_handle *h, uint32_t domid, const uint32_t *refs, size_t n,
		      int rc, size_t bad, const char *dev)
{
	if (rc >= 0)
		rc = -EIO;
	if (dev)
		return ctl_fail(h, rc, "gntdev map d%u ref %u: open %s: %s%s", domid, refs[0],
				dev, strerror(-rc),
				dev_missing(rc) ? " (is xen-gntdev loaded?)" : "");
	if (n == 1)
		bad = 0;
	if (bad < n)
		return ctl_fail_errno(h, rc, "gntdev map d%u ref %u", domid, refs[bad]);
	/* Not one grant's fault, or the device cannot say which (Linux's cannot). */
	return ctl_fail_errno(h, rc, "gntdev map d%u: %zu grants from ref %u", domid, n,
			      refs[0]);
}

void *ctl_gnttab_map(struct ctl_handle *h, uint32_t domid, const uint32_t *refs, size_t n,
		     bool writable)
{
	const char *dev = NULL;
	size_t bad = n;
	void *p = NULL;
	int rc;

	if (!n || !refs || n > CTL_GNT_MAX || n > SIZE_MAX / CTL_PAGE_SIZE)
		return fail_null(ctl_fail(h, -EINVAL, "gntdev map d%u: %zu grants is not a valid "
					  "count", domid, n));
	if (!h->be.map_grant || !h->be.unmap_grant)
		return fail_null(ctl_fail(h, -EOPNOTSUPP, "gntdev map d%u ref %u: the backend "
					  "cannot map grants", domid, refs[0]));
	rc = h->be.map_grant(h->priv, domid, refs, n, writable, &p, &bad, &dev);
	if (rc < 0 || !p)
		return fail_null(map_failed(h, domid, refs, n, rc, bad, dev));
	return p;
}

int ctl_gnttab_unmap(struct ctl_handle *h, void *p, size_t n)
{
	int rc;

	if (!p || !n)
		return ctl_fail(h, -EINVAL, "gntdev unmap %p (%zu grants): nothing mapped there",
				p, n);
	if (!h->be.unmap_grant)
		return ctl_fail(h, -EOPNOTSUPP, "gntdev unmap %p (%zu grants): the backend "
				"cannot map grants", p, n);
	rc = h->be.unmap_grant(h->priv, p, n);
	if (rc == -EINVAL)
		return ctl_fail(h, rc, "gntdev unmap %p (%zu grants): not a grant mapping of "
				"this handle", p, n);
	if (rc < 0)
		return ctl_fail_errno(h, rc, "gntdev unmap %p (%zu grants)", p, n);
	return 0;
}
