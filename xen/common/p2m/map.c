// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mapping and unmapping ranges. Both walk the tables recursively from the
 * root, one entry at a time, over the part of the range each entry covers.
 *
 * Mapping takes, at each position, the biggest leaf that gfn, mfn and the
 * remaining length allow: a 1 GiB level-1 block, else a 2 MiB level-2 block,
 * else a 4 KiB page (level 0 has no blocks with the 4 KiB granule). A leaf
 * replaces whatever its entry held, a whole table included. Mapping less than
 * an entry goes one level down, splitting a block there first, unless the
 * block already maps that part the same way.
 *
 * Unmapping clears the entries the range covers whole, splits blocks it
 * covers in part, and frees the tables it leaves empty.
 */
#include <xen/errno.h>

#include "private.h"

/* What p2m_map was asked: gfn0.. to mfn0.. with type. */
struct map_req {
	uint64_t gfn0;
	uint64_t mfn0;
	enum p2m_type type;
};

static uint64_t req_mfn(const struct map_req *req, uint64_t gfn)
{
	return req->mfn0 + (gfn - req->gfn0);
}

static int map_in_table(struct p2m *p2m, const struct p2m_table *t, uint64_t gfn,
			uint64_t end, const struct map_req *req);

static bool leaf_fits(unsigned int level, uint64_t gfn, uint64_t stop, uint64_t mfn)
{
	return level > 0 && p2m_whole_entry(gfn, stop, level) &&
	       IS_ALIGNED(mfn, p2m_level_pages(level));
}

/* True if the leaf d already maps gfn.. to the requested frames and type. */
static bool leaf_matches(uint64_t d, unsigned int level, uint64_t gfn, const struct map_req *req)
{
	uint64_t off = gfn & (p2m_level_pages(level) - 1);

	return desc_is_leaf(d, level) && desc_type(d) == req->type &&
	       mfn_val(pa_to_mfn(desc_pa(d))) + off == req_mfn(req, gfn);
}

/* Maps [gfn, stop), which is part of the entry at slot, one level down. */
static int map_below(struct p2m *p2m, uint64_t *slot, unsigned int level, uint64_t gfn,
		     uint64_t stop, const struct map_req *req)
{
	struct p2m_table child;
	int rc;

	if (leaf_matches(p2m_read(slot), level, gfn, req))
		return 0;
	rc = p2m_next_table(p2m, slot, gfn, level, &child);
	if (rc)
		return rc;
	rc = map_in_table(p2m, &child, gfn, stop, req);
	if (rc)
		p2m_drop_if_empty(p2m, slot, gfn, level);
	return rc;
}

/* Maps [gfn, stop), the part of the entry at slot in the range. */
static int map_entry(struct p2m *p2m, uint64_t *slot, unsigned int level, uint64_t gfn,
		     uint64_t stop, const struct map_req *req)
{
	uint64_t mfn = req_mfn(req, gfn);

	if (!leaf_fits(level, gfn, stop, mfn))
		return map_below(p2m, slot, level, gfn, stop, req);
	p2m_set_entry(p2m, slot, p2m_leaf_desc(mfn, req->type, level), gfn, level);
	return 0;
}

static int map_in_table(struct p2m *p2m, const struct p2m_table *t, uint64_t gfn,
			uint64_t end, const struct map_req *req)
{
	while (gfn < end) {
		uint64_t stop = p2m_entry_end(gfn, end, t->level);
		int rc = map_entry(p2m, p2m_slot(t, gfn), t->level, gfn, stop, req);

		if (rc)
			return rc;
		gfn = stop;
	}
	return 0;
}

static bool mfn_range_ok(uint64_t mfn, uint64_t nr)
{
	uint64_t limit = 1ULL << (48 - PAGE_SHIFT); /* the 48-bit output address */

	return mfn <= limit && nr <= limit - mfn;
}

int p2m_map(struct p2m *p2m, gfn_t gfn, mfn_t mfn, uint64_t nr, enum p2m_type t)
{
	struct map_req req = { gfn_val(gfn), mfn_val(mfn), t };
	struct p2m_table root;
	int rc;

	if (!p2m_type_ok(t) || !mfn_range_ok(mfn_val(mfn), nr))
		return -EINVAL;
	spin_lock(&p2m->lock);
	if (p2m_range_ok(p2m, gfn_val(gfn), nr)) {
		p2m_root_table(p2m, &root);
		rc = map_in_table(p2m, &root, gfn_val(gfn), gfn_val(gfn) + nr, &req);
	} else {
		rc = -EINVAL;
	}
	spin_unlock(&p2m->lock);
	return rc;
}

static int unmap_in_table(struct p2m *p2m, const struct p2m_table *t, uint64_t gfn,
			  uint64_t end);

/* Unmaps [gfn, stop), part of the valid entry at slot, one level down. */
static int unmap_below(struct p2m *p2m, uint64_t *slot, unsigned int level, uint64_t gfn,
		       uint64_t stop)
{
	struct p2m_table child;
	int rc;

	rc = p2m_next_table(p2m, slot, gfn, level, &child);
	if (rc)
		return rc;
	rc = unmap_in_table(p2m, &child, gfn, stop);
	p2m_drop_if_empty(p2m, slot, gfn, level);
	return rc;
}

/* Unmaps [gfn, stop), the part of the entry at slot in the range. */
static int unmap_entry(struct p2m *p2m, uint64_t *slot, unsigned int level, uint64_t gfn,
		       uint64_t stop)
{
	if (!desc_valid(p2m_read(slot)))
		return 0;
	if (!p2m_whole_entry(gfn, stop, level))
		return unmap_below(p2m, slot, level, gfn, stop);
	p2m_set_entry(p2m, slot, 0, gfn, level);
	return 0;
}

static int unmap_in_table(struct p2m *p2m, const struct p2m_table *t, uint64_t gfn,
			  uint64_t end)
{
	while (gfn < end) {
		uint64_t stop = p2m_entry_end(gfn, end, t->level);
		int rc = unmap_entry(p2m, p2m_slot(t, gfn), t->level, gfn, stop);

		if (rc)
			return rc;
		gfn = stop;
	}
	return 0;
}

int p2m_unmap(struct p2m *p2m, gfn_t gfn, uint64_t nr)
{
	struct p2m_table root;
	int rc = -EINVAL;

	spin_lock(&p2m->lock);
	if (p2m_range_ok(p2m, gfn_val(gfn), nr)) {
		p2m_root_table(p2m, &root);
		rc = unmap_in_table(p2m, &root, gfn_val(gfn), gfn_val(gfn) + nr);
	}
	spin_unlock(&p2m->lock);
	return rc;
}
