// SPDX-License-Identifier: GPL-2.0-only
/*
 * grant_table_quiesce(): d's table is marked dying, so no new pin of its
 * entries can start, and d's mappings of others' grants are undone; what is
 * left are others' mappings of d's grants, which the domain layer waits for
 * (a zombie) before grant_table_destroy(). grant_table_destroy(): both of
 * those, then others' remaining mappings of d's grants are revoked (removed
 * from their p2m, their handles freed: a later unmap of one gets
 * GNTST_bad_handle), then the table goes.
 * Cost: d's maptrack entries ever used, plus d's grant entries, plus the
 * mappings found; no other domain is looked at except the ones named by
 * maptrack entries and active entries (private.h, "Reverse map").
 */
#include "private.h"

/* A 4 KiB leaf is removed without allocating a table: it cannot fail. */
static void unmap_handle(struct domain *ld, struct domain *rd, grant_handle_t h)
{
	int rc = gnt_unmap_handle(ld, rd, h);

	BUG_ON(rc);
}

/* Undoes d's mapping h, if live. */
static void release_mapping(struct domain *d, grant_handle_t h)
{
	struct grant_table *gt = d->grant_table;
	const struct gnt_map *mt;
	domid_t rid = DOMID_INVALID;
	struct domain *rd;

	spin_lock(&gt->lock);
	mt = gnt_maptrack_entry(gt, h);
	if (mt)
		rid = mt->domid;
	spin_unlock(&gt->lock);
	/* A granter without a table has revoked every mapping of its grants. */
	rd = rid == DOMID_INVALID ? NULL : gnt_domain_mapped(rid);
	if (!rd)
		return;
	gnt_lock2(d, rd);
	mt = gnt_maptrack_entry(gt, h);
	if (mt && mt->domid == rid)
		unmap_handle(d, rd, h);
	gnt_unlock2(d, rd);
}

/* Removes every mapping of d's entry ref (all held by one mapper). */
static void revoke_entry(struct domain *d, grant_ref_t ref)
{
	struct grant_table *gt = d->grant_table;
	struct gnt_active *act = gnt_act(gt, ref);
	struct domain *md;
	domid_t mid;
	bool pinned;

	spin_lock(&gt->lock);
	pinned = gnt_pinned(act);
	mid = act->domid;
	spin_unlock(&gt->lock);
	md = pinned ? gnt_domain(mid) : NULL;
	if (!md)
		return;
	gnt_lock2(d, md);
	while (gnt_pinned(act) && act->domid == mid && act->maps != GNT_HANDLE_NONE)
		unmap_handle(md, d, act->maps);
	/* Every pin is a mapping on the chain: one left would outlive the frame. */
	BUG_ON(gnt_pinned(act));
	gnt_unlock2(d, md);
}

unsigned int grant_table_quiesce(struct domain *d)
{
	struct grant_table *gt = d->grant_table;
	unsigned int pinned;

	if (!gt)
		return 0;
	spin_lock(&gt->lock);
	gt->dying = true;
	spin_unlock(&gt->lock);
	for (grant_handle_t h = 0; h < gt->maptrack_hwm; h++)
		release_mapping(d, h);
	spin_lock(&gt->lock);
	pinned = gt->nr_pinned;
	spin_unlock(&gt->lock);
	return pinned;
}

bool grant_table_drained(struct domain *d)
{
	const struct grant_table *gt = d->grant_table;

	return !gt || (gt->dying && !__atomic_load_n(&gt->nr_pinned, __ATOMIC_ACQUIRE));
}

void grant_table_destroy(struct domain *d)
{
	struct grant_table *gt = d->grant_table;

	if (!gt)
		return;
	grant_table_quiesce(d);
	for (grant_ref_t ref = 0; ref < gnt_nr_entries(gt); ref++)
		revoke_entry(d, ref);
	/* New lookups find no table; wait out anyone still holding the lock. */
	d->grant_table = NULL;
	spin_lock(&gt->lock);
	spin_unlock(&gt->lock);
	gnt_free(gt);
}
