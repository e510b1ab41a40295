// SPDX-License-Identifier: GPL-2.0-only
/*
 * Grant tables: creating a table, growing it by frames, and mapping its
 * frames into the owner's physmap (XENMEM_add_to_physmap with
 * XENMAPSPACE_grant_table).
 */
#include <arch/mm.h>
#include <public/memory.h>
#include <xen/errno.h>
#include <xen/p2m.h>
#include <xen/page_alloc.h>
#include <xen/xmalloc.h>
#include "private.h"

/* Drops frame f's mapping in d's p2m, unless the guest put something else there. */
static void unmap_frame_gfn(struct domain *d, struct gnt_frame *f)
{
	mfn_t mfn;

	if (gfn_val(f->gfn) == GNT_GFN_NONE)
		return;
	if (p2m_lookup(&d->p2m, f->gfn, &mfn, NULL) == P2M_RAM_RW && mfn_val(mfn) == mfn_val(f->mfn))
		p2m_unmap(&d->p2m, f->gfn, 1);
	f->gfn = gfn_init(GNT_GFN_NONE);
}

/* Frees frames [from, gt->nr_frames) and makes from the frame count. */
static void shrink(struct grant_table *gt, unsigned int from)
{
	while (gt->nr_frames > from) {
		struct gnt_frame *f = &gt->frames[--gt->nr_frames];

		unmap_frame_gfn(gt->d, f);
		free_pages(f->mfn, 0);
		xfree(f->active);
		*f = (struct gnt_frame){ 0 };
	}
}

static int add_frame(struct grant_table *gt)
{
	struct gnt_frame *f = &gt->frames[gt->nr_frames];

	f->active = xzalloc_array(struct gnt_active, GNT_PER_FRAME);
	if (!f->active)
		return -ENOMEM;
	if (alloc_pages(0, &f->mfn)) {
		xfree(f->active);
		f->active = NULL;
		return -ENOMEM;
	}
	f->shared = arch_pa_to_va(mfn_to_pa(f->mfn));
	memset(f->shared, 0, PAGE_SIZE);
	f->gfn = gfn_init(GNT_GFN_NONE);
	gt->nr_frames++;
	return 0;
}

/* Grows to nr frames (nr <= max_frames); -ENOMEM leaves the size unchanged. */
int gnt_grow(struct grant_table *gt, unsigned int nr)
{
	unsigned int old = gt->nr_frames;

	while (gt->nr_frames < nr) {
		if (add_frame(gt)) {
			shrink(gt, old);
			return -ENOMEM;
		}
	}
	return 0;
}

void gnt_free(struct grant_table *gt)
{
	shrink(gt, 0);
	xfree(gt->frames);
	xfree(gt->maptrack);
	xfree(gt);
}

int grant_table_init(struct domain *d, unsigned int max_frames, unsigned int max_maptrack)
{
	struct grant_table *gt;

	if (d->grant_table || !max_frames || max_frames > GNT_MAX_FRAMES ||
	    max_maptrack > GNT_MAX_MAPTRACK)
		return -EINVAL;
	gt = xzalloc(struct grant_table);
	if (!gt)
		return -ENOMEM;
	spin_lock_init(&gt->lock);
	gt->d = d;
	gt->max_frames = max_frames;
	gt->max_maptrack = max_maptrack;
	gt->maptrack_free = GNT_HANDLE_NONE;
	gt->frames = xzalloc_array(struct gnt_frame, max_frames);
	if (max_maptrack)
		gt->maptrack = xzalloc_array(struct gnt_map, max_maptrack);
	if (!gt->frames || (max_maptrack && !gt->maptrack) || gnt_grow(gt, GNT_INITIAL_FRAMES)) {
		gnt_free(gt);
		return -ENOMEM;
	}
	d->grant_table = gt;
	return 0;
}

/* gfn holds a mapping another structure tracks: replacing it would orphan that. */
static bool gfn_busy(struct domain *d, gfn_t gfn)
{
	enum p2m_type t = p2m_lookup(&d->p2m, gfn, NULL, NULL);

	return t == P2M_GRANT_RW || t == P2M_GRANT_RO || t == P2M_FOREIGN_RW;
}

static int map_frame_locked(struct grant_table *gt, unsigned int idx, gfn_t gfn)
{
	unsigned int old = gt->nr_frames;
	struct gnt_frame *f;
	int rc;

	if (gt->dying || idx >= gt->max_frames)
		return -EINVAL;
	if (gfn_busy(gt->d, gfn))
		return -EBUSY;
	rc = gnt_grow(gt, idx + 1);
	if (rc)
		return rc;
	f = &gt->frames[idx];
	rc = p2m_map(&gt->d->p2m, gfn, f->mfn, 1, P2M_RAM_RW);
	if (rc) {
		shrink(gt, old);
		return rc;
	}
	if (gfn_val(f->gfn) != gfn_val(gfn))
		unmap_frame_gfn(gt->d, f);
	f->gfn = gfn;
	return 0;
}

int gnttab_map_frame(struct domain *d, unsigned int idx, gfn_t gfn)
{
	struct grant_table *gt = d->grant_table;
	int rc;

	if (!gt || (idx & XENMAPIDX_grant_table_status))
		return -EINVAL;
	spin_lock(&gt->lock);
	rc = map_frame_locked(gt, idx, gfn);
	spin_unlock(&gt->lock);
	return rc;
}

unsigned int gnttab_nr_frames(const struct domain *d)
{
	return d->grant_table ? d->grant_table->nr_frames : 0;
}

unsigned int gnttab_max_frames(const struct domain *d)
{
	return d->grant_table ? d->grant_table->max_frames : 0;
}

bool gnttab_mfn_pinned(struct domain *d, mfn_t mfn)
{
	struct grant_table *gt = d->grant_table;
	bool found = false;

	if (!gt)
		return false;
	spin_lock(&gt->lock);
	for (grant_ref_t ref = 0; !found && ref < gnt_nr_entries(gt); ref++) {
		const struct gnt_active *act = gnt_act(gt, ref);

		found = gnt_pinned(act) && mfn_val(act->mfn) == mfn_val(mfn);
	}
	spin_unlock(&gt->lock);
	return found;
}
