// SPDX-License-Identifier: GPL-2.0-only
/*
 * GNTTABOP_map_grant_ref: maps another domain's granted frame (or one of the
 * caller's own) into the caller's physmap at host_addr. Checks and statuses
 * follow Xen on Arm, in Xen's order (docs/specs/grant-tables.md).
 */
#include <xen/p2m.h>
#include "private.h"

/* A map op must ask for a host or a device mapping (else GNTST_bad_gntref). */
#define GNT_MAP_KIND         (GNTMAP_host_map | GNTMAP_device_map)
/* Not for auto-translated guests (Xen's paging_mode_external check). */
#define GNT_MAP_UNSUPPORTED  (GNTMAP_device_map | GNTMAP_application_map | GNTMAP_contains_pte)

/* Maps mfn at gfn of ld's physmap, which must be empty. */
static int16_t map_host(struct domain *ld, gfn_t gfn, mfn_t mfn, bool ro)
{
	if (p2m_lookup(&ld->p2m, gfn, NULL, NULL) != P2M_INVALID)
		return GNTST_general_error;
	if (p2m_map(&ld->p2m, gfn, mfn, 1, ro ? P2M_GRANT_RO : P2M_GRANT_RW))
		return GNTST_general_error;
	return GNTST_okay;
}

/* Everything checked and mapped: record the mapping, pin, answer. */
static void commit(struct domain *ld, struct domain *rd, struct gnttab_map_grant_ref *op,
		   gfn_t gfn, const struct gnt_grant *g)
{
	struct grant_table *lgt = ld->grant_table;
	bool ro = op->flags & GNTMAP_readonly;
	grant_handle_t h = gnt_maptrack_get(lgt);
	struct gnt_map *mt = &lgt->maptrack[h];

	mt->flags = (uint16_t)(GNTMAP_host_map | (ro ? GNTMAP_readonly : 0));
	mt->domid = rd->id;
	mt->ref = op->ref;
	mt->gfn = gfn;
	gnt_pin(rd->grant_table, op->ref, ld->id, ro, g);
	gnt_chain_link(rd->grant_table, lgt, h);
	op->handle = h;
	op->dev_bus_addr = pa_val(mfn_to_pa(g->mfn));
}

static int16_t map_locked(struct domain *ld, struct domain *rd, struct gnttab_map_grant_ref *op)
{
	bool ro = op->flags & GNTMAP_readonly;
	gfn_t gfn = ipa_to_gfn(ipa_init(op->host_addr));
	struct gnt_grant g;
	int16_t rc;

	if (gnt_maptrack_full(ld->grant_table))
		return GNTST_no_device_space;
	rc = gnt_acquire(rd, op->ref, ld->id, GNT_ACQ_MAP | (ro ? GNT_ACQ_RO : 0), &g);
	if (rc != GNTST_okay)
		return rc;
	rc = map_host(ld, gfn, g.mfn, ro);
	if (rc != GNTST_okay) {
		gnt_settle(rd->grant_table, op->ref);
		return rc;
	}
	commit(ld, rd, op, gfn, &g);
	return GNTST_okay;
}

void gnt_map_one(struct domain *ld, struct gnttab_map_grant_ref *op)
{
	struct domain *rd;

	if (!(op->flags & GNT_MAP_KIND)) {
		op->status = GNTST_bad_gntref;
		return;
	}
	if (op->flags & GNT_MAP_UNSUPPORTED) {
		op->status = GNTST_general_error;
		return;
	}
	rd = gnt_domain(op->dom);
	if (!rd) {
		op->status = GNTST_bad_domain;
		return;
	}
	gnt_lock2(ld, rd);
	op->status = map_locked(ld, rd, op);
	gnt_unlock2(ld, rd);
}
