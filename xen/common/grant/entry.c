// SPDX-License-Identifier: GPL-2.0-only
/*
 * Grant tables: the shared-entry protocol. The granter writes flags, domid
 * and frame; the hypervisor sets GTF_reading/GTF_writing while it uses the
 * frame and clears them after. The granter revokes an entry by replacing
 * its flags with a compare-and-swap that fails while those bits are set, so
 * the hypervisor sets them with a compare-and-swap that checks the entry
 * still grants what is asked, in the same step (docs/specs/grant-tables.md).
 */
#include <stddef.h>
#include <xen/p2m.h>
#include "private.h"

/*
 * Compare-and-swap attempts on a shared entry before giving up: the guest
 * may rewrite it concurrently, and must not be able to keep the hypervisor
 * looping (Xen bounds its retries the same way).
 */
#define GNT_CAS_TRIES 16

/* flags and domid, the first 32 bits of an entry, updated as one word. */
union gnt_header {
	uint32_t raw;
	struct {
		uint16_t flags;
		domid_t domid;
	} f;
};

_Static_assert(offsetof(struct grant_entry_v1, flags) == 0 &&
		       offsetof(struct grant_entry_v1, domid) == sizeof(uint16_t),
	       "grant entry header is flags then domid");

static uint32_t *header_word(struct grant_entry_v1 *e)
{
	return (uint32_t *)(void *)e;
}

static bool cas(uint32_t *w, union gnt_header *old, union gnt_header new)
{
	return __atomic_compare_exchange_n(w, &old->raw, new.raw, true, __ATOMIC_ACQ_REL,
					   __ATOMIC_ACQUIRE);
}

/* Sets the access bits if the entry (still) grants this access to ldomid. */
static int16_t set_status(struct grant_entry_v1 *e, bool pinned, unsigned int how,
			  domid_t ldomid)
{
	uint16_t mask = GTF_type_mask | ((how & GNT_ACQ_MAP) ? GTF_sub_page : 0);
	uint16_t add = GTF_reading | ((how & GNT_ACQ_RO) ? 0 : GTF_writing);
	union gnt_header old, new;

	old.raw = __atomic_load_n(header_word(e), __ATOMIC_ACQUIRE);
	for (unsigned int i = 0; i < GNT_CAS_TRIES; i++) {
		/* Once pinned, the entry was checked: only a write upgrade is. */
		if (!pinned && ((old.f.flags & mask) != GTF_permit_access || old.f.domid != ldomid))
			return GNTST_general_error;
		if ((add & GTF_writing) && (old.f.flags & GTF_readonly))
			return GNTST_general_error;
		new = old;
		new.f.flags = (uint16_t)(new.f.flags | add);
		if (cas(header_word(e), &old, new))
			return GNTST_okay;
	}
	return GNTST_general_error;
}

/* A granter rewriting its entry without pause keeps stale bits: its own loss. */
static void clear_flags(struct grant_entry_v1 *e, uint16_t bits)
{
	union gnt_header old, new;

	old.raw = __atomic_load_n(header_word(e), __ATOMIC_ACQUIRE);
	for (unsigned int i = 0; i < GNT_CAS_TRIES && (old.f.flags & bits); i++) {
		new = old;
		new.f.flags = (uint16_t)(new.f.flags & ~bits);
		if (cas(header_word(e), &old, new))
			return;
	}
}

void gnt_settle(struct grant_table *gt, grant_ref_t ref)
{
	const struct gnt_active *act = gnt_act(gt, ref);
	uint16_t bits = 0;

	if (!act->pin_rw)
		bits |= GTF_writing;
	if (!gnt_pinned(act))
		bits |= GTF_reading;
	if (bits)
		clear_flags(gnt_shared(gt, ref), bits);
}

int16_t gnt_own_frame(struct domain *d, gfn_t gfn, bool ro, struct gnt_grant *g)
{
	mfn_t mfn;
	enum p2m_type t = p2m_lookup(&d->p2m, gfn, &mfn, NULL);

	/* P2M_MAGIC: console and xenstore rings, which dom0 maps by grant. */
	g->writable = t == P2M_RAM_RW || t == P2M_MAGIC;
	if (!g->writable && !(ro && t == P2M_RAM_RO))
		return GNTST_bad_page;
	g->mfn = mfn;
	return GNTST_okay;
}

/* The frame behind an entry whose access bits are set. */
static int16_t find_frame(struct domain *rd, grant_ref_t ref, bool ro, struct gnt_grant *g)
{
	struct grant_table *gt = rd->grant_table;
	const struct gnt_active *act = gnt_act(gt, ref);
	uint32_t frame;

	if (!gnt_pinned(act)) {
		frame = __atomic_load_n(&gnt_shared(gt, ref)->frame, __ATOMIC_ACQUIRE);
		return gnt_own_frame(rd, gfn_init(frame), ro, g);
	}
	if (!ro && !act->writable)
		return GNTST_bad_page;
	g->mfn = act->mfn;
	g->writable = act->writable;
	return GNTST_okay;
}

int16_t gnt_acquire(struct domain *rd, grant_ref_t ref, domid_t ldomid, unsigned int how,
		    struct gnt_grant *g)
{
	struct grant_table *gt = rd->grant_table;
	bool ro = how & GNT_ACQ_RO;
	const struct gnt_active *act;
	int16_t rc;

	if (gt->dying)
		return GNTST_bad_domain;
	if (ref >= gnt_nr_entries(gt))
		return GNTST_bad_gntref;
	act = gnt_act(gt, ref);
	if (gnt_pinned(act) && act->domid != ldomid)
		return GNTST_general_error;
	if (!gnt_pinned(act) || (!ro && !act->pin_rw)) {
		rc = set_status(gnt_shared(gt, ref), gnt_pinned(act), how, ldomid);
		if (rc != GNTST_okay)
			return rc;
	}
	rc = find_frame(rd, ref, ro, g);
	if (rc != GNTST_okay)
		gnt_settle(gt, ref);
	return rc;
}

void gnt_pin(struct grant_table *gt, grant_ref_t ref, domid_t ldomid, bool ro,
	     const struct gnt_grant *g)
{
	struct gnt_active *act = gnt_act(gt, ref);

	if (!gnt_pinned(act)) {
		gt->nr_pinned++;
		act->domid = ldomid;
		act->mfn = g->mfn;
		act->writable = g->writable;
		act->maps = GNT_HANDLE_NONE;
	}
	if (ro)
		act->pin_ro++;
	else
		act->pin_rw++;
}

void gnt_unpin(struct grant_table *gt, grant_ref_t ref, bool ro)
{
	struct gnt_active *act = gnt_act(gt, ref);

	if (ro)
		act->pin_ro--;
	else
		act->pin_rw--;
	if (!gnt_pinned(act))
		gt->nr_pinned--;
	gnt_settle(gt, ref);
}
