/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Private to xen/common/grant: the grant table of one domain and the helpers
 * its files share (docs/specs/grant-tables.md).
 *
 * State, per domain d:
 *   frames    up to max_frames hypervisor pages of struct grant_entry_v1,
 *             written by d (the granter), each with the gfn it is mapped at
 *             in d's p2m and an array of active entries, one per grant entry.
 *   active    what the hypervisor holds of a grant entry: pin counts of the
 *             read-only and writable mappings, the one domain holding them
 *             (Xen's rule: one mapper per entry at a time), the frame pinned,
 *             and the head of the chain of those mappings.
 *   maptrack  the mappings d made of other domains' grants, indexed by the
 *             handle map_grant_ref returned.
 *
 * Reverse map (how destroy revokes others' mappings in O(mappings)): every
 * live maptrack entry is linked into a doubly-linked chain that starts at
 * the granter's active entry (act->maps) and runs through the mapper's
 * maptrack (mt->prev/mt->next are handles in act->domid's maptrack). Walking
 * d's active entries and following each chain reaches every mapping of d's
 * grants without looking at any other domain. Copies take no pin: they hold
 * the granters' locks from setting the GTF bits to clearing them, so every
 * pin is a mapping on a chain. Pin counts cannot overflow: they are bounded
 * by the mappers' maptrack sizes (GNT_MAX_MAPTRACK each).
 *
 * Locking: one spinlock per table covers its frames, active entries and
 * maptrack. An operation touching two tables (mapper and granter, or copy
 * source and destination) takes both, lower domid first; the same domain is
 * locked once. p2m calls are made with table locks held (table lock, then
 * p2m lock; never the other way round). GTF_reading/GTF_writing in the
 * shared entry are set and cleared only under the granter's lock, so the
 * bits always match the pins plus any copy in progress.
 *
 * Lifetime: domains have no reference counts yet. Destroying a domain first
 * quiesces its table (grant_table_quiesce: dying, no new pins, its own
 * mappings undone); while other domains still map its entries (nr_pinned)
 * the domain stays a zombie with its table and memory, reachable only by
 * gnt_domain_mapped() (unmap, release), never by gnt_domain(). When the last
 * pin goes, the domain layer finishes it: grant_table_destroy() clears
 * d->grant_table and waits out the lock's holders before freeing. A holder
 * of a pin cannot race that (the table is not drained while it holds one).
 */
#ifndef XEN_COMMON_GRANT_PRIVATE_H
#define XEN_COMMON_GRANT_PRIVATE_H

#include <public/grant_table.h>
#include <xen/domain.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <xen/spinlock.h>

/* Grant entries per frame: 4096 / 8 = 512 (public/grant_table.h, v1 layout). */
#define GNT_PER_FRAME        (PAGE_SIZE / sizeof(struct grant_entry_v1))
/* Xen's opt_max_grant_frames default, and the grant_table_init() limit. */
#define GNT_MAX_FRAMES       64U
/* Xen's INITIAL_NR_GRANT_FRAMES: frames a new table starts with. */
#define GNT_INITIAL_FRAMES   1U
/* Maptrack limit: Xen's default capacity (1024 frames of 256 entries). */
#define GNT_MAX_MAPTRACK     (1U << 18)

/* No handle: end of a chain or of the free list. */
#define GNT_HANDLE_NONE      UINT32_MAX
/* A frame not mapped in the granter's p2m (Xen's INVALID_GFN). */
#define GNT_GFN_NONE         (~0ULL)

/* Grant tables v1 only (Arm's GNTTAB_MAX_VERSION is 1). */
#define GNT_VERSION          1U

struct gnt_active {
	uint32_t pin_ro;          /* read-only mappings held by domid */
	uint32_t pin_rw;          /* writable mappings held by domid */
	mfn_t mfn;                /* the frame pinned (valid while pinned) */
	grant_handle_t maps;      /* first mapping, in domid's maptrack */
	domid_t domid;            /* the mapper (valid while pinned) */
	bool writable;            /* the frame was the granter's writable RAM */
};

struct gnt_frame {
	mfn_t mfn;
	gfn_t gfn;                        /* in the granter's p2m, or GNT_GFN_NONE */
	struct grant_entry_v1 *shared;    /* the page, through arch_pa_to_va() */
	struct gnt_active *active;        /* GNT_PER_FRAME entries */
};

/* A mapping this domain made: flags == 0 means free. */
struct gnt_map {
	uint16_t flags;           /* GNTMAP_host_map [| GNTMAP_readonly] */
	domid_t domid;            /* the granter */
	grant_ref_t ref;
	gfn_t gfn;                /* where it is mapped in this domain's p2m */
	grant_handle_t prev;      /* chain of the granter's active entry */
	grant_handle_t next;      /* chain, or free list while free */
};

struct grant_table {
	spinlock_t lock;
	struct domain *d;
	bool dying;               /* grant_table_destroy() started: no new pins */
	unsigned int nr_frames;
	unsigned int max_frames;
	struct gnt_frame *frames;
	struct gnt_map *maptrack;
	unsigned int max_maptrack;
	unsigned int maptrack_hwm;    /* entries ever handed out: [0, hwm) */
	unsigned int maptrack_used;
	grant_handle_t maptrack_free; /* freed entries below hwm */
	unsigned int nr_pinned;       /* active entries with a pin (mapped by someone) */
};

/* What a grant entry gives access to, once acquired. */
struct gnt_grant {
	mfn_t mfn;
	bool writable;            /* the frame may be written */
};

static inline unsigned int gnt_nr_entries(const struct grant_table *gt)
{
	return gt->nr_frames * (unsigned int)GNT_PER_FRAME;
}

static inline struct grant_entry_v1 *gnt_shared(const struct grant_table *gt, grant_ref_t ref)
{
	return &gt->frames[ref / GNT_PER_FRAME].shared[ref % GNT_PER_FRAME];
}

static inline struct gnt_active *gnt_act(const struct grant_table *gt, grant_ref_t ref)
{
	return &gt->frames[ref / GNT_PER_FRAME].active[ref % GNT_PER_FRAME];
}

static inline bool gnt_pinned(const struct gnt_active *act)
{
	return act->pin_ro || act->pin_rw;
}

/* lock.c: domains and lock order. */
bool gnt_privileged(const struct domain *d);
/* domid or DOMID_SELF (meaning caller), with a grant table; NULL if none. */
struct domain *gnt_domain_any(struct domain *caller, domid_t domid);
/* domid exactly (DOMID_SELF is no domain), with a live grant table, not being destroyed. */
struct domain *gnt_domain(domid_t domid);
/* As gnt_domain(), but also a zombie: for undoing a mapping of its grants. */
struct domain *gnt_domain_mapped(domid_t domid);
void gnt_lock2(struct domain *a, struct domain *b);
void gnt_unlock2(struct domain *a, struct domain *b);

/* entry.c: the shared-entry protocol, under the granter's lock. */
#define GNT_ACQ_RO   BIT(0)   /* read access only */
#define GNT_ACQ_MAP  BIT(1)   /* a mapping (sub-page entries refused) */
/*
 * Lets domain ldomid use entry ref of rd's table: checks the entry, sets
 * GTF_reading (and GTF_writing unless read-only) and finds the frame. Pins
 * are not changed: a mapping then calls gnt_pin(); anything else calls
 * gnt_settle() when done. GNTST_okay or the failure's status (nothing set).
 */
int16_t gnt_acquire(struct domain *rd, grant_ref_t ref, domid_t ldomid, unsigned int how,
		    struct gnt_grant *g);
/* Clears the GTF bits that no pin of entry ref backs any more. */
void gnt_settle(struct grant_table *gt, grant_ref_t ref);
void gnt_pin(struct grant_table *gt, grant_ref_t ref, domid_t ldomid, bool ro,
	     const struct gnt_grant *g);
void gnt_unpin(struct grant_table *gt, grant_ref_t ref, bool ro);
/* d's own frame at gfn, for a copy (RAM, or RAM read-only if ro). */
int16_t gnt_own_frame(struct domain *d, gfn_t gfn, bool ro, struct gnt_grant *g);

/* maptrack.c: under the mapper's lock (and the granter's for link/unlink). */
bool gnt_maptrack_full(const struct grant_table *gt);
grant_handle_t gnt_maptrack_get(struct grant_table *gt);
void gnt_maptrack_put(struct grant_table *gt, grant_handle_t h);
/* The live entry behind handle h, or NULL. */
struct gnt_map *gnt_maptrack_entry(const struct grant_table *gt, grant_handle_t h);
void gnt_chain_link(struct grant_table *rgt, struct grant_table *lgt, grant_handle_t h);
void gnt_chain_unlink(struct grant_table *rgt, struct grant_table *lgt, grant_handle_t h);

/* unmap.c: removes mapping h of ld (both tables locked); 0 or -errno (nothing changed). */
int gnt_unmap_handle(struct domain *ld, struct domain *rd, grant_handle_t h);

/* table.c: grows to nr frames (0 or -ENOMEM, size unchanged); frees everything. */
int gnt_grow(struct grant_table *gt, unsigned int nr);
void gnt_free(struct grant_table *gt);

/* Per-op handlers (map.c, unmap.c, copy.c), called by hypercall.c's batch loop. */
void gnt_map_one(struct domain *ld, struct gnttab_map_grant_ref *op);
void gnt_unmap_one(struct domain *ld, struct gnttab_unmap_grant_ref *op);
void gnt_copy_one(struct domain *ld, struct gnttab_copy *op);

/* query.c: single-struct commands. */
long gnt_setup_table(struct vcpu *v, uint64_t uop, unsigned int count);
long gnt_query_size(struct vcpu *v, uint64_t uop, unsigned int count);
long gnt_set_version(struct vcpu *v, uint64_t uop, unsigned int count);
long gnt_get_version(struct vcpu *v, uint64_t uop, unsigned int count);

#endif /* XEN_COMMON_GRANT_PRIVATE_H */
