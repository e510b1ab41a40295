/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Private to xen/common/p2m: the VMSAv8-64 stage-2 descriptor layout for the
 * 4 KiB granule (Arm ARM DDI 0487, D8.3 "Translation table descriptor
 * formats") and the helpers the p2m's files share.
 *
 * All positions and sizes are counted in 4 KiB frames (gfns), never in bytes:
 * an entry at level L covers 2^p2m_level_order(L) frames.
 */
#ifndef XEN_COMMON_P2M_PRIVATE_H
#define XEN_COMMON_P2M_PRIVATE_H

#include <xen/lib.h>
#include <xen/p2m.h>

/* Geometry (D8.2, 4 KiB granule): levels 0..3, each resolving 9 bits. */
#define P2M_LEVEL_BITS      9
#define P2M_TABLE_ENTRIES   (1UL << P2M_LEVEL_BITS)
#define P2M_LAST_LEVEL      3
#define P2M_MAX_ROOT_ORDER  4   /* D8.2.5: at most 16 concatenated root tables */

/* Every descriptor (D8.3.1). */
#define DESC_VALID          BIT(0)
#define DESC_TABLE          BIT(1)  /* table at levels 0-2, page at level 3; 0 = block */
#define DESC_OA_MASK        GENMASK(47, 12) /* output address / next-level table */

/* Stage-2 block and page descriptor attributes (D8.3.2). */
#define S2_MEMATTR_SHIFT        2       /* MemAttr[3:0], bits [5:2] */
#define S2_MEMATTR_NORMAL_WB    0xfUL   /* Normal, Outer and Inner Write-Back Cacheable */
#define S2_MEMATTR_DEVICE_nGnRE 0x1UL
#define S2_S2AP_SHIFT           6       /* S2AP[1:0], bits [7:6] */
#define S2_S2AP_RO              0x1UL
#define S2_S2AP_RW              0x3UL
#define S2_SH_SHIFT             8       /* SH[1:0], bits [9:8] */
#define S2_SH_OUTER             0x2UL   /* what Device memory is treated as anyway */
#define S2_SH_INNER             0x3UL
#define S2_AF                   BIT(10) /* Access flag: set, so no Access flag faults */
#define S2_XN                   BIT(54) /* XN[1] (FEAT_XNX XN[1:0] = 0b10): no EL1/EL0 execution */
#define DESC_SW_SHIFT           55      /* bits [58:55], for software use: the p2m type */
#define DESC_SW_MASK            GENMASK(58, 55)

/* One translation table as the walk sees it. */
struct p2m_table {
	uint64_t *entry;    /* its descriptors, through arch_pa_to_va() */
	unsigned int level;
	uint64_t nr;        /* entries: 512, or 512 * root_pages at the root */
};

static inline unsigned int p2m_level_order(unsigned int level)
{
	return P2M_LEVEL_BITS * (P2M_LAST_LEVEL - level);
}

/* Frames one entry at this level covers. */
static inline uint64_t p2m_level_pages(unsigned int level)
{
	return 1ULL << p2m_level_order(level);
}

/* Where the part of [gfn, end) under the entry holding gfn stops. */
static inline uint64_t p2m_entry_end(uint64_t gfn, uint64_t end, unsigned int level)
{
	return MIN(ALIGN_DOWN(gfn, p2m_level_pages(level)) + p2m_level_pages(level), end);
}

/* True if [gfn, stop) is the whole of an entry at this level. */
static inline bool p2m_whole_entry(uint64_t gfn, uint64_t stop, unsigned int level)
{
	return IS_ALIGNED(gfn, p2m_level_pages(level)) && stop - gfn == p2m_level_pages(level);
}

static inline uint64_t *p2m_slot(const struct p2m_table *t, uint64_t gfn)
{
	return &t->entry[(gfn >> p2m_level_order(t->level)) & (t->nr - 1)];
}

/* Descriptors are read and written whole: the table walker may read concurrently. */
static inline uint64_t p2m_read(const uint64_t *slot)
{
	return __atomic_load_n(slot, __ATOMIC_RELAXED);
}

static inline void p2m_write(uint64_t *slot, uint64_t desc)
{
	__atomic_store_n(slot, desc, __ATOMIC_RELAXED);
}

static inline bool desc_valid(uint64_t d)
{
	return d & DESC_VALID;
}

static inline bool desc_is_table(uint64_t d, unsigned int level)
{
	return desc_valid(d) && (d & DESC_TABLE) && level < P2M_LAST_LEVEL;
}

/* A block (levels 1-2) or page (level 3) descriptor. */
static inline bool desc_is_leaf(uint64_t d, unsigned int level)
{
	return desc_valid(d) && !desc_is_table(d, level);
}

static inline paddr_t desc_pa(uint64_t d)
{
	return pa_init(d & DESC_OA_MASK);
}

static inline enum p2m_type desc_type(uint64_t d)
{
	return (enum p2m_type)((d & DESC_SW_MASK) >> DESC_SW_SHIFT);
}

/* desc.c: descriptors and table memory. */
uint64_t p2m_leaf_desc(uint64_t mfn, enum p2m_type t, unsigned int level);
void p2m_root_table(const struct p2m *p2m, struct p2m_table *t);
void p2m_child_table(uint64_t desc, unsigned int level, struct p2m_table *t);
bool p2m_table_empty(const struct p2m_table *t);
int p2m_alloc_table(struct p2m *p2m, paddr_t *pa);
void p2m_free_below(struct p2m *p2m, const struct p2m_table *t);
void p2m_free_table(struct p2m *p2m, paddr_t pa, unsigned int level);

/* entry.c: changing entries with break-before-make. */
void p2m_set_entry(struct p2m *p2m, uint64_t *slot, uint64_t desc, uint64_t gfn,
		   unsigned int level);
int p2m_next_table(struct p2m *p2m, uint64_t *slot, uint64_t gfn, unsigned int level,
		   struct p2m_table *child);
void p2m_drop_if_empty(struct p2m *p2m, uint64_t *slot, uint64_t gfn, unsigned int level);

/* init.c: argument checks shared by the operations. */
bool p2m_range_ok(const struct p2m *p2m, uint64_t gfn, uint64_t nr);
bool p2m_type_ok(enum p2m_type t);

#endif /* XEN_COMMON_P2M_PRIVATE_H */
