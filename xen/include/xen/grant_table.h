/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Grant tables v1 (docs/specs/hypercalls.md, grant_table_op).
 *
 * A domain's grant table (d->grant_table, private to xen/common/grant/) is
 * up to max_frames pages of struct grant_entry_v1 that the hypervisor owns
 * and the guest maps into its physmap with XENMEM_add_to_physmap
 * (XENMAPSPACE_grant_table). Its maptrack records the grants d has mapped
 * from others, indexed by the handle map_grant_ref returns.
 */
#ifndef XEN_GRANT_TABLE_H
#define XEN_GRANT_TABLE_H

#include <public/grant_table.h>
#include <xen/hypercall.h>

struct domain;
struct vcpu;

/* max_frames grant frames (1..64), maptrack for max_maptrack entries: 0, -EINVAL, -ENOMEM. */
int grant_table_init(struct domain *d, unsigned int max_frames, unsigned int max_maptrack);
/*
 * Undoes every mapping d holds of other domains' grants, revokes every
 * mapping other domains hold of d's grants (removing them from their p2m),
 * and frees the table. Called with d paused, before its RAM is freed.
 */
void grant_table_destroy(struct domain *d);
/*
 * The first half of destroying d's table: no new pin of its entries, and
 * d's own mappings of others' grants undone. Returns how many of d's
 * entries other domains still map (0: grant_table_destroy() revokes
 * nothing). Idempotent.
 */
unsigned int grant_table_quiesce(struct domain *d);
/* True once a quiesced table has no entry mapped by anyone. */
bool grant_table_drained(struct domain *d);

long do_grant_table_op(struct vcpu *v, const uint64_t a[HCALL_ARGS]);

/*
 * XENMEM_add_to_physmap(XENMAPSPACE_grant_table, idx, gfn): maps frame idx
 * of d's table at gfn in d's p2m as P2M_RAM_RW (growing the table to idx + 1
 * frames, dropping the frame's previous gfn mapping). 0, -EINVAL (idx >=
 * max_frames, status frame, gfn outside the IPA space), -EBUSY (gfn holds a
 * grant or foreign mapping), -ENOMEM; on failure nothing changed.
 */
int gnttab_map_frame(struct domain *d, unsigned int idx, gfn_t gfn);

/*
 * True if a mapping of one of d's grants holds frame mfn, which d must then
 * not free (XENMEM_decrease_reservation and the like). Race-free when the
 * caller first removes the frame from d's p2m: a new pin finds frames
 * through the p2m under the same lock this takes. O(d's grant entries).
 */
bool gnttab_mfn_pinned(struct domain *d, mfn_t mfn);

/* Frames in use and the maximum (GNTTABOP_query_size). */
unsigned int gnttab_nr_frames(const struct domain *d);
unsigned int gnttab_max_frames(const struct domain *d);

#endif /* XEN_GRANT_TABLE_H */
