// SPDX-License-Identifier: GPL-2.0-only
/*
 * GNTTABOP_unmap_grant_ref: removes a mapping by its handle; and the removal
 * itself, which grant_table_destroy() shares.
 */
#include <xen/p2m.h>
#include "private.h"

/* True if gfn of d's p2m holds exactly mapping mt of frame mfn (a 4 KiB leaf). */
static bool still_mapped(struct domain *d, const struct gnt_map *mt, mfn_t mfn)
{
	enum p2m_type want = (mt->flags & GNTMAP_readonly) ? P2M_GRANT_RO : P2M_GRANT_RW;
	unsigned int order;
	mfn_t cur;

	return p2m_lookup(&d->p2m, mt->gfn, &cur, &order) == want && order == 0 &&
	       mfn_val(cur) == mfn_val(mfn);
}

int gnt_unmap_handle(struct domain *ld, struct domain *rd, grant_handle_t h)
{
	struct grant_table *lgt = ld->grant_table;
	struct grant_table *rgt = rd->grant_table;
	struct gnt_map *mt = &lgt->maptrack[h];
	bool ro = mt->flags & GNTMAP_readonly;
	int rc;

	if (still_mapped(ld, mt, gnt_act(rgt, mt->ref)->mfn)) {
		rc = p2m_unmap(&ld->p2m, mt->gfn, 1);
		if (rc)
			return rc;
	}
	gnt_chain_unlink(rgt, lgt, h);
	gnt_unpin(rgt, mt->ref, ro);
	gnt_maptrack_put(lgt, h);
	return 0;
}

static int16_t unmap_locked(struct domain *ld, struct domain *rd,
			    const struct gnttab_unmap_grant_ref *op)
{
	const struct gnt_map *mt = gnt_maptrack_entry(ld->grant_table, op->handle);
	uint64_t maddr;

	if (!mt || mt->domid != rd->id)
		return GNTST_bad_handle;
	maddr = pa_val(mfn_to_pa(gnt_act(rd->grant_table, mt->ref)->mfn));
	if (op->dev_bus_addr && op->dev_bus_addr != maddr)
		return GNTST_general_error;
	/* As Xen: host_addr 0 names no host mapping, so nothing is removed. */
	if (!op->host_addr)
		return GNTST_okay;
	if (gfn_val(ipa_to_gfn(ipa_init(op->host_addr))) != gfn_val(mt->gfn))
		return GNTST_general_error;
	return gnt_unmap_handle(ld, rd, op->handle) ? GNTST_general_error : GNTST_okay;
}

/* The granter behind a live handle of ld, or NULL. */
static struct domain *granter_of(struct domain *ld, grant_handle_t h)
{
	struct grant_table *lgt = ld->grant_table;
	const struct gnt_map *mt;
	domid_t dom = DOMID_INVALID;

	spin_lock(&lgt->lock);
	mt = gnt_maptrack_entry(lgt, h);
	if (mt)
		dom = mt->domid;
	spin_unlock(&lgt->lock);
	/* A zombie granter's mappings are undone as any other's. */
	return dom == DOMID_INVALID ? NULL : gnt_domain_mapped(dom);
}

void gnt_unmap_one(struct domain *ld, struct gnttab_unmap_grant_ref *op)
{
	struct domain *rd = granter_of(ld, op->handle);

	if (!rd) {
		op->status = GNTST_bad_handle;
		return;
	}
	/* Both locked now: unmap_locked() checks the handle again. */
	gnt_lock2(ld, rd);
	op->status = unmap_locked(ld, rd, op);
	gnt_unlock2(ld, rd);
}
