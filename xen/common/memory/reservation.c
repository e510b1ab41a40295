// SPDX-License-Identifier: GPL-2.0-only
/*
 * XENMEM_decrease_reservation and XENMEM_populate_physmap: the balloon.
 * Each extent is 2^extent_order pages at a guest frame the caller names;
 * the result is the number of extents done (the caller retries from there).
 */
#include <arch/guest_access.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/xmalloc.h>

#include "private.h"

#define BALLOON_POOL_INITIAL 64

static int pool_push(struct domain *d, mfn_t mfn)
{
	if (d->balloon_nr == d->balloon_max) {
		uint64_t max = d->balloon_max ? 2 * d->balloon_max : BALLOON_POOL_INITIAL;
		mfn_t *p = xzalloc_array(mfn_t, max);

		if (!p)
			return -ENOMEM;
		if (d->balloon_pool)
			memcpy(p, d->balloon_pool, d->balloon_nr * sizeof(*p));
		xfree(d->balloon_pool);
		d->balloon_pool = p;
		d->balloon_max = max;
	}
	d->balloon_pool[d->balloon_nr++] = mfn;
	return 0;
}

void domain_balloon_release(struct domain *d)
{
	xfree(d->balloon_pool);
	d->balloon_pool = NULL;
	d->balloon_nr = d->balloon_max = 0;
}

/* Every page of the extent is the domain's own RAM, mapped read-write. */
static bool extent_is_ram(struct domain *d, gfn_t gfn, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		mfn_t mfn;

		if (p2m_lookup(&d->p2m, gfn_init(gfn_val(gfn) + i), &mfn, NULL) != P2M_RAM_RW ||
		    !domain_owns_mfn(d, mfn))
			return false;
	}
	return true;
}

static int give_back(struct domain *d, gfn_t gfn, uint64_t n)
{
	int rc = 0;

	if (!extent_is_ram(d, gfn, n))
		return -EINVAL;
	for (uint64_t i = 0; !rc && !d->cfg.direct_mapped && i < n; i++) {
		mfn_t mfn;

		p2m_lookup(&d->p2m, gfn_init(gfn_val(gfn) + i), &mfn, NULL);
		rc = pool_push(d, mfn);
		if (rc)
			d->balloon_nr -= i;   /* the extent stays mapped: forget what was pushed */
	}
	rc = rc ? rc : p2m_unmap(&d->p2m, gfn, n);
	if (!rc) {
		d->tot_pages -= n;
		d->ballooned += n;
	}
	return rc;
}

static bool extent_is_hole(struct domain *d, gfn_t gfn, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		if (p2m_lookup(&d->p2m, gfn_init(gfn_val(gfn) + i), NULL, NULL) != P2M_INVALID)
			return false;
	return true;
}

/* Direct-mapped: the same frames come back, at their own address. */
static int take_back_direct(struct domain *d, gfn_t gfn, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		if (!domain_owns_mfn(d, mfn_init(gfn_val(gfn) + i)))
			return -EINVAL;
	return p2m_map(&d->p2m, gfn, mfn_init(gfn_val(gfn)), n, P2M_RAM_RW);
}

static int take_back_pooled(struct domain *d, gfn_t gfn)
{
	int rc = p2m_map(&d->p2m, gfn, d->balloon_pool[d->balloon_nr - 1], 1, P2M_RAM_RW);

	if (!rc)
		d->balloon_nr--;
	return rc;
}

static int populate_one(struct domain *d, gfn_t gfn, unsigned int order)
{
	uint64_t n = 1UL << order;
	int rc;

	if (!extent_is_hole(d, gfn, n))
		return -EBUSY;
	if (d->cfg.direct_mapped)
		rc = take_back_direct(d, gfn, n);
	else if (order == 0 && d->balloon_nr)
		rc = take_back_pooled(d, gfn);
	else if (d->cfg.max_pages && d->tot_pages + d->ballooned + n > d->cfg.max_pages)
		return -ENOSPC;
	else
		return domain_populate(d, gfn, order);
	if (!rc) {
		d->tot_pages += n;
		d->ballooned -= MIN(d->ballooned, n);
	}
	return rc;
}

long memop_reservation(struct vcpu *v, unsigned long cmd, uint64_t arg)
{
	uint64_t start = cmd >> MEMOP_EXTENT_SHIFT, i;
	struct xen_memory_reservation r;
	struct domain *d;
	int rc = 0;

	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	d = memop_target(v, r.domid, &rc);
	if (!d)
		return rc;
	if (r.extent_order > MEMOP_MAX_ORDER || start > r.nr_extents)
		return -EINVAL;
	for (i = start; i < r.nr_extents; i++) {
		xen_pfn_t gpfn;

		if (copy_from_guest(v, &gpfn, r.extent_start + i * sizeof(gpfn), sizeof(gpfn)))
			break;
		if (gpfn & ((1UL << r.extent_order) - 1))
			break;
		if ((cmd & MEMOP_CMD_MASK) == XENMEM_decrease_reservation)
			rc = give_back(d, gfn_init(gpfn), 1UL << r.extent_order);
		else
			rc = populate_one(d, gfn_init(gpfn), r.extent_order);
		if (rc)
			break;
	}
	return (long)i;
}
