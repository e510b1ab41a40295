// SPDX-License-Identifier: GPL-2.0-only
/*
 * Changing the type of mappings in place (e.g. RAM_RW -> RAM_RO to start
 * dirty tracking). A leaf of the old type that the range covers whole is
 * rewritten with the new type's attributes (break-before-make); one it covers
 * only in part is split first, so blocks are split only at the edges of the
 * range. Leaves of other types, and holes, are left alone.
 */
#include <xen/errno.h>

#include "private.h"

struct retype_req {
	enum p2m_type from;
	enum p2m_type to;
};

static int64_t retype_in_table(struct p2m *p2m, const struct p2m_table *t, uint64_t gfn,
			       uint64_t end, const struct retype_req *req);

/* Retypes [gfn, stop), the part of the entry at slot in the range: pages changed. */
static int64_t retype_entry(struct p2m *p2m, uint64_t *slot, unsigned int level, uint64_t gfn,
			    uint64_t stop, const struct retype_req *req)
{
	uint64_t d = p2m_read(slot);
	struct p2m_table child;
	int rc;

	if (!desc_valid(d) || (desc_is_leaf(d, level) && desc_type(d) != req->from))
		return 0;
	if (desc_is_leaf(d, level) && p2m_whole_entry(gfn, stop, level)) {
		p2m_set_entry(p2m, slot,
			      p2m_leaf_desc(mfn_val(pa_to_mfn(desc_pa(d))), req->to, level),
			      gfn, level);
		return (int64_t)(stop - gfn);
	}
	rc = p2m_next_table(p2m, slot, gfn, level, &child);
	if (rc)
		return rc;
	return retype_in_table(p2m, &child, gfn, stop, req);
}

static int64_t retype_in_table(struct p2m *p2m, const struct p2m_table *t, uint64_t gfn,
			       uint64_t end, const struct retype_req *req)
{
	int64_t done = 0;

	while (gfn < end) {
		uint64_t stop = p2m_entry_end(gfn, end, t->level);
		int64_t rc = retype_entry(p2m, p2m_slot(t, gfn), t->level, gfn, stop, req);

		if (rc < 0)
			return rc;
		done += rc;
		gfn = stop;
	}
	return done;
}

/*
 * Pages retyped, or -EINVAL (bad range or type), -ENOMEM (a block at an edge
 * could not be split; the pages changed before that keep their new type).
 * from == to changes nothing and returns 0.
 */
int64_t p2m_change_type(struct p2m *p2m, gfn_t gfn, uint64_t nr, enum p2m_type from,
			enum p2m_type to)
{
	struct retype_req req = { from, to };
	struct p2m_table root;
	int64_t rc = -EINVAL;

	if (!p2m_type_ok(from) || !p2m_type_ok(to))
		return -EINVAL;
	spin_lock(&p2m->lock);
	if (p2m_range_ok(p2m, gfn_val(gfn), nr)) {
		p2m_root_table(p2m, &root);
		rc = from == to ? 0 : retype_in_table(p2m, &root, gfn_val(gfn),
						      gfn_val(gfn) + nr, &req);
	}
	spin_unlock(&p2m->lock);
	return rc;
}
