// SPDX-License-Identifier: LGPL-2.1-only
/* Foreign mappings: another domain's frames in this process (privcmd MMAPBATCH_V2). */
#include <errno.h>
#include <stdlib.h>

#include "ctl_int.h"

/* Names the first frame that failed; unmaps what was mapped. */
static void *map_failed(struct ctl_handle *h, uint32_t domid, const uint64_t *gfns, size_t n,
			void *p, const int *errs)
{
	size_t i;

	for (i = 0; i < n && !errs[i]; i++)
		;
	if (p)
		h->be.unmap_foreign(h->priv, p, n);
	if (i == n)
		ctl_fail(h, -EIO, "map_foreign d%u: %zu frames from gfn 0x%llx: not mapped", domid,
			 n, (unsigned long long)gfns[0]);
	else
		ctl_fail_errno(h, errs[i] < 0 ? errs[i] : -EIO,
			       "map_foreign d%u: frame %zu of %zu (gfn 0x%llx)", domid, i, n,
			       (unsigned long long)gfns[i]);
	return NULL;
}

void *ctl_map_foreign(struct ctl_handle *h, uint32_t domid, const uint64_t *gfns, size_t n,
		      bool writable)
{
	int *errs;
	void *p;
	size_t i;

	if (!n || !h->be.map_foreign || !h->be.unmap_foreign) {
		ctl_fail(h, n ? -ENOSYS : -EINVAL, "map_foreign d%u: %s", domid,
			 n ? "the backend cannot map foreign frames" : "no frames");
		return NULL;
	}
	errs = calloc(n, sizeof(*errs));
	if (!errs) {
		ctl_fail(h, -ENOMEM, "map_foreign d%u: out of memory for %zu frames", domid, n);
		return NULL;
	}
	p = h->be.map_foreign(h->priv, domid, gfns, n, writable, errs);
	for (i = 0; p && i < n && !errs[i]; i++)
		;
	if (!p || i < n)
		p = map_failed(h, domid, gfns, n, p, errs);
	free(errs);
	return p;
}

void *ctl_map_foreign_range(struct ctl_handle *h, uint32_t domid, uint64_t gfn, size_t n,
			    bool writable)
{
	uint64_t *gfns;
	void *p;

	if (!n || n > SIZE_MAX / sizeof(*gfns) || gfn > UINT64_MAX - n) {
		ctl_fail(h, -EINVAL, "map_foreign d%u: %zu frames from gfn 0x%llx is not a range",
			 domid, n, (unsigned long long)gfn);
		return NULL;
	}
	gfns = malloc(n * sizeof(*gfns));
	if (!gfns) {
		ctl_fail(h, -ENOMEM, "map_foreign d%u: out of memory for %zu frames", domid, n);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		gfns[i] = gfn + i;
	p = ctl_map_foreign(h, domid, gfns, n, writable);
	free(gfns);
	return p;
}

int ctl_unmap_foreign(struct ctl_handle *h, void *p, size_t n)
{
	int rc;

	if (!p || !n || !h->be.unmap_foreign)
		return ctl_fail(h, -EINVAL, "unmap_foreign: nothing mapped at %p (%zu frames)", p,
				n);
	rc = h->be.unmap_foreign(h->priv, p, n);
	if (rc < 0)
		return ctl_fail_errno(h, rc, "unmap_foreign %p (%zu frames)", p, n);
	return 0;
}
