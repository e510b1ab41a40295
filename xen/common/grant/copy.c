// SPDX-License-Identifier: GPL-2.0-only
/*
 * GNTTABOP_copy: copies bytes between two frames, each either a grant of
 * some domain (GNTCOPY_*_gref) or a frame of the caller's own RAM. A grant
 * is held like a short-lived pin: its access bits are set, the bytes are
 * copied, and the bits are cleared again, all under the granters' locks so
 * a granter being destroyed cannot free the frame under the copy.
 */
#include <arch/mm.h>
#include "private.h"

/* One side of a copy. */
struct copy_end {
	struct domain *d;         /* the granter (gref) or the caller (frame) */
	bool gref;
	bool acquired;            /* d's entry has access bits this copy set */
	struct gnt_grant g;
};

static int16_t resolve(struct domain *ld, const struct gnttab_copy_ptr *p, bool gref,
		       struct copy_end *e)
{
	e->gref = gref;
	e->acquired = false;
	/* As Xen: only DOMID_SELF may name a frame rather than a grant. */
	if (!gref && p->domid != DOMID_SELF)
		return GNTST_permission_denied;
	e->d = gref ? gnt_domain_any(ld, p->domid) : ld;
	return e->d ? GNTST_okay : GNTST_bad_domain;
}

static int16_t claim(struct domain *ld, struct copy_end *e, const struct gnttab_copy_ptr *p,
		     bool ro)
{
	int16_t rc;

	if (!e->gref)
		return gnt_own_frame(ld, gfn_init(p->u.gmfn), ro, &e->g);
	rc = gnt_acquire(e->d, p->u.ref, ld->id, ro ? GNT_ACQ_RO : 0, &e->g);
	e->acquired = rc == GNTST_okay;
	return rc;
}

static void release(struct copy_end *e, const struct gnttab_copy_ptr *p)
{
	if (e->acquired)
		gnt_settle(e->d->grant_table, p->u.ref);
}

static int16_t copy_bytes(const struct gnttab_copy *op, const struct copy_end *src,
			  const struct copy_end *dst)
{
	const uint8_t *from;
	uint8_t *to;

	if (op->source.offset + op->len > PAGE_SIZE || op->dest.offset + op->len > PAGE_SIZE)
		return GNTST_bad_copy_arg;
	from = arch_pa_to_va(mfn_to_pa(src->g.mfn));
	to = arch_pa_to_va(mfn_to_pa(dst->g.mfn));
	memmove(to + op->dest.offset, from + op->source.offset, op->len);
	return GNTST_okay;
}

static int16_t copy_locked(struct domain *ld, const struct gnttab_copy *op,
			   struct copy_end *src, struct copy_end *dst)
{
	int16_t rc = claim(ld, src, &op->source, true);

	if (rc == GNTST_okay)
		rc = claim(ld, dst, &op->dest, false);
	if (rc == GNTST_okay)
		rc = copy_bytes(op, src, dst);
	release(src, &op->source);
	release(dst, &op->dest);
	return rc;
}

/* The tables to lock: the granters of the grant sides (the caller's RAM needs none). */
static void lock_ends(const struct copy_end *src, const struct copy_end *dst, bool lock)
{
	struct domain *a = src->gref ? src->d : dst->d;
	struct domain *b = dst->gref ? dst->d : src->d;

	if (!src->gref && !dst->gref)
		return;
	if (lock)
		gnt_lock2(a, b);
	else
		gnt_unlock2(a, b);
}

void gnt_copy_one(struct domain *ld, struct gnttab_copy *op)
{
	struct copy_end src, dst;
	int16_t rc;

	rc = resolve(ld, &op->source, op->flags & GNTCOPY_source_gref, &src);
	if (rc == GNTST_okay)
		rc = resolve(ld, &op->dest, op->flags & GNTCOPY_dest_gref, &dst);
	if (rc != GNTST_okay) {
		op->status = rc;
		return;
	}
	lock_ends(&src, &dst, true);
	op->status = copy_locked(ld, op, &src, &dst);
	lock_ends(&src, &dst, false);
}
