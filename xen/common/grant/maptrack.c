// SPDX-License-Identifier: GPL-2.0-only
/*
 * Grant tables: the maptrack, the mappings a domain made of others' grants.
 * Handles are indexes; entries are handed out from a free list, then from
 * the never-used tail, so a new table costs nothing per entry.
 */
#include "private.h"

bool gnt_maptrack_full(const struct grant_table *gt)
{
	return gt->maptrack_free == GNT_HANDLE_NONE && gt->maptrack_hwm == gt->max_maptrack;
}

/* An entry for the caller to fill (flags != 0 makes it live). */
grant_handle_t gnt_maptrack_get(struct grant_table *gt)
{
	grant_handle_t h = gt->maptrack_free;

	if (h != GNT_HANDLE_NONE)
		gt->maptrack_free = gt->maptrack[h].next;
	else if (gt->maptrack_hwm < gt->max_maptrack)
		h = gt->maptrack_hwm++;
	else
		return GNT_HANDLE_NONE;
	gt->maptrack_used++;
	return h;
}

void gnt_maptrack_put(struct grant_table *gt, grant_handle_t h)
{
	gt->maptrack[h] = (struct gnt_map){ .prev = GNT_HANDLE_NONE, .next = gt->maptrack_free };
	gt->maptrack_free = h;
	gt->maptrack_used--;
}

struct gnt_map *gnt_maptrack_entry(const struct grant_table *gt, grant_handle_t h)
{
	struct gnt_map *mt;

	if (h >= gt->maptrack_hwm)
		return NULL;
	mt = &gt->maptrack[h];
	return mt->flags ? mt : NULL;
}

/* Adds mapping h of lgt to the chain of the granter's active entry. */
void gnt_chain_link(struct grant_table *rgt, struct grant_table *lgt, grant_handle_t h)
{
	struct gnt_map *mt = &lgt->maptrack[h];
	struct gnt_active *act = gnt_act(rgt, mt->ref);

	mt->prev = GNT_HANDLE_NONE;
	mt->next = act->maps;
	if (act->maps != GNT_HANDLE_NONE)
		lgt->maptrack[act->maps].prev = h;
	act->maps = h;
}

void gnt_chain_unlink(struct grant_table *rgt, struct grant_table *lgt, grant_handle_t h)
{
	struct gnt_map *mt = &lgt->maptrack[h];
	struct gnt_active *act = gnt_act(rgt, mt->ref);

	if (mt->prev != GNT_HANDLE_NONE)
		lgt->maptrack[mt->prev].next = mt->next;
	else
		act->maps = mt->next;
	if (mt->next != GNT_HANDLE_NONE)
		lgt->maptrack[mt->next].prev = mt->prev;
}
