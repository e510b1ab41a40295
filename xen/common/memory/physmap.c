// SPDX-License-Identifier: GPL-2.0-only
/*
 * XENMEM_add_to_physmap, add_to_physmap_batch (Linux: add_to_physmap_range)
 * and remove_from_physmap: pages that are not the domain's own RAM placed
 * in its physmap. Whatever the domain had at the frame before is replaced;
 * if that was its RAM, the page counts as given back (see private.h).
 */
#include <arch/guest_access.h>
#include <arch/mm.h>
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/lib.h>

#include "private.h"

/*
 * Before replacing what gfn maps: RAM of the domain counts as given back; a
 * foreign frame no longer holds its owner (which may be a zombie waiting).
 */
static void account_replaced(struct domain *d, gfn_t gfn)
{
	mfn_t mfn;
	enum p2m_type t = p2m_lookup(&d->p2m, gfn, &mfn, NULL);

	if (t == P2M_RAM_RW && domain_owns_mfn(d, mfn)) {
		d->tot_pages--;
		d->ballooned++;
	} else if (t == P2M_FOREIGN_RW) {
		domain_foreign_put(mfn);
	}
}

static int map_shared_info(struct domain *d, gfn_t gfn)
{
	mfn_t mfn = pa_to_mfn(arch_va_to_pa(d->shared_info));
	int rc;

	account_replaced(d, gfn);
	rc = p2m_map(&d->p2m, gfn, mfn, 1, P2M_RAM_RW);
	if (rc)
		return rc;
	if (d->shared_info_mapped && gfn_val(d->shared_info_gfn) != gfn_val(gfn))
		p2m_unmap(&d->p2m, d->shared_info_gfn, 1);
	d->shared_info_gfn = gfn;
	d->shared_info_mapped = true;
	return 0;
}

long memop_add_to_physmap(struct vcpu *v, uint64_t arg)
{
	struct xen_add_to_physmap x;
	struct domain *d;
	int rc = 0;

	d = memop_read_arg(v, arg, &x, sizeof(x), &rc);
	if (!d)
		return rc;
	switch (x.space) {
	case XENMAPSPACE_shared_info:
		if (x.idx != 0)
			return -EINVAL;
		return map_shared_info(d, gfn_init(x.gpfn));
	case XENMAPSPACE_grant_table:
		if (x.idx >= UINT32_MAX)
			return -EINVAL;
		account_replaced(d, gfn_init(x.gpfn));
		return gnttab_map_frame(d, (unsigned int)x.idx, gfn_init(x.gpfn));
	case XENMAPSPACE_gmfn_foreign:
		return -EINVAL;      /* needs a foreign domain: add_to_physmap_batch */
	default:
		return -EOPNOTSUPP;
	}
}

/* Maps foreign frame idx of f at gfn in d: f's RAM only. */
static int map_foreign(struct domain *d, struct domain *f, uint64_t idx, gfn_t gfn)
{
	enum p2m_type t;
	mfn_t mfn;
	int rc;

	t = p2m_lookup(&f->p2m, gfn_init(idx), &mfn, NULL);
	if (t != P2M_RAM_RW && t != P2M_RAM_RO && t != P2M_MAGIC)
		return -EINVAL;
	/* Counted first: the replaced entry's put must not let f go meanwhile. */
	__atomic_add_fetch(&f->foreign_maps, 1, __ATOMIC_RELEASE);
	account_replaced(d, gfn);
	rc = p2m_map(&d->p2m, gfn, mfn, 1, P2M_FOREIGN_RW);
	if (rc)
		domain_foreign_put(mfn);
	return rc;
}

static int batch_one(struct vcpu *v, struct domain *d, struct domain *f,
		     const struct xen_add_to_physmap_batch *b, uint16_t i)
{
	xen_ulong_t idx;
	xen_pfn_t gpfn;
	int err;

	if (copy_from_guest(v, &idx, b->idxs + i * sizeof(idx), sizeof(idx)) ||
	    copy_from_guest(v, &gpfn, b->gpfns + i * sizeof(gpfn), sizeof(gpfn)))
		return -EFAULT;
	if (b->space == XENMAPSPACE_gmfn_foreign)
		err = map_foreign(d, f, idx, gfn_init(gpfn));
	else if (idx >= UINT32_MAX)
		err = -EINVAL;
	else
		err = gnttab_map_frame(d, (unsigned int)idx, gfn_init(gpfn));
	if (copy_to_guest(v, b->errs + i * sizeof(err), &err, sizeof(err)))
		return -EFAULT;
	return 0;
}

/* The foreign domain of a batch: another domain, and only for the hardware domain. */
static struct domain *foreign_of(struct vcpu *v, domid_t id, int *err)
{
	struct domain *f;

	*err = -EPERM;
	if (v->domain != hardware_domain)
		return NULL;
	f = domain_live_by_id(id);
	if (!f || f == v->domain) {
		*err = f ? -EINVAL : -ESRCH;
		return NULL;
	}
	*err = 0;
	return f;
}

long memop_add_to_physmap_batch(struct vcpu *v, uint64_t arg)
{
	struct xen_add_to_physmap_batch b;
	struct domain *d, *f = NULL;
	int rc = 0;

	d = memop_read_arg(v, arg, &b, sizeof(b), &rc);
	if (!d)
		return rc;
	if (b.space == XENMAPSPACE_gmfn_foreign) {
		if (d != v->domain)
			return -EINVAL;
		f = foreign_of(v, b.foreign_domid, &rc);
		if (!f)
			return rc;
	} else if (b.space != XENMAPSPACE_grant_table) {
		return -EOPNOTSUPP;
	}
	for (uint16_t i = 0; !rc && i < b.size; i++)
		rc = batch_one(v, d, f, &b, i);
	return rc;
}

long memop_remove_from_physmap(struct vcpu *v, uint64_t arg)
{
	struct xen_remove_from_physmap x;
	struct domain *d;
	enum p2m_type t;
	mfn_t mfn;
	int rc = 0;

	d = memop_read_arg(v, arg, &x, sizeof(x), &rc);
	if (!d)
		return rc;
	t = p2m_lookup(&d->p2m, gfn_init(x.gpfn), &mfn, NULL);
	if (t == P2M_INVALID || t == P2M_GRANT_RW || t == P2M_GRANT_RO)
		return -EINVAL;   /* nothing there, or a grant: unmap_grant_ref owns those */
	account_replaced(d, gfn_init(x.gpfn));
	if (d->shared_info_mapped && gfn_val(d->shared_info_gfn) == x.gpfn)
		d->shared_info_mapped = false;
	return p2m_unmap(&d->p2m, gfn_init(x.gpfn), 1);
}
