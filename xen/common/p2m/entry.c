// SPDX-License-Identifier: GPL-2.0-only
/*
 * Changing one entry of the tables, always break-before-make (Arm ARM
 * D8.16.1): a valid descriptor is never overwritten by another one. It is
 * first replaced by an invalid one, that write is made visible to the walker
 * (arch_p2m_sync), and the TLBs are invalidated; only then is the new
 * descriptor written and made visible. A previously invalid entry needs no
 * TLB invalidation: nothing can be cached for it.
 *
 * TLB invalidation granularity: a level-3 page entry invalidates its one IPA
 * (arch_p2m_flush_ipa); a block or table entry invalidates the whole VMID
 * (arch_p2m_flush_vmid), because a block may be held in the TLBs as smaller
 * pieces and a table in the walk caches. Each changed entry is invalidated
 * on its own, so an operation on a range of n single pages costs n
 * single-IPA invalidations.
 *
 * Tables emptied by an unmap are freed at once (see p2m_drop_if_empty), so
 * every table below the root maps something.
 */
#include <arch/mm.h>
#include <xen/errno.h>

#include "private.h"

static uint64_t table_desc(paddr_t pa)
{
	return pa_val(pa) | DESC_VALID | DESC_TABLE;
}

static void invalidate_tlbs(struct p2m *p2m, uint64_t gfn, unsigned int level)
{
	if (level == P2M_LAST_LEVEL)
		arch_p2m_flush_ipa(p2m->vmid, gfn_to_ipa(gfn_init(gfn)));
	else
		arch_p2m_flush_vmid(p2m->vmid);
}

/* Writes desc (0: none) over the entry at slot, breaking it first if valid. */
static void bbm_write(struct p2m *p2m, uint64_t *slot, uint64_t desc, uint64_t gfn,
		      unsigned int level)
{
	if (desc_valid(p2m_read(slot))) {
		p2m_write(slot, 0);
		arch_p2m_sync();
		invalidate_tlbs(p2m, ALIGN_DOWN(gfn, p2m_level_pages(level)), level);
	}
	if (desc) {
		p2m_write(slot, desc);
		arch_p2m_sync();
	}
}

/*
 * Makes the entry at slot (at level, covering gfn) a leaf desc, or invalid if
 * desc is 0. Whatever was there goes: a table below it is freed, after the
 * TLB invalidation. Keeps the counters. Rewriting the same descriptor does
 * nothing.
 */
void p2m_set_entry(struct p2m *p2m, uint64_t *slot, uint64_t desc, uint64_t gfn,
		   unsigned int level)
{
	uint64_t old = p2m_read(slot);

	ASSERT(!desc || desc_is_leaf(desc, level));
	if (old == desc)
		return;
	bbm_write(p2m, slot, desc, gfn, level);
	if (desc_is_table(old, level))
		p2m_free_table(p2m, desc_pa(old), level + 1);
	else if (desc_valid(old))
		p2m->mapped[desc_type(old)] -= p2m_level_pages(level);
	if (desc)
		p2m->mapped[desc_type(desc)] += p2m_level_pages(level);
}

/* Links a new empty table at the invalid entry slot. -ENOMEM. */
static int link_new_table(struct p2m *p2m, uint64_t *slot, uint64_t gfn, unsigned int level)
{
	paddr_t pa;

	if (p2m_alloc_table(p2m, &pa))
		return -ENOMEM;
	bbm_write(p2m, slot, table_desc(pa), gfn, level);
	return 0;
}

/*
 * Replaces the block at slot by a table of the next level mapping the same
 * frames with the same attributes (and type), so the translation is the same
 * before and after. -ENOMEM, with the block left as it was.
 */
static int split_block(struct p2m *p2m, uint64_t *slot, uint64_t gfn, unsigned int level)
{
	uint64_t block = p2m_read(slot);
	uint64_t attrs = block & ~(DESC_OA_MASK | DESC_TABLE);
	uint64_t step = p2m_level_pages(level + 1) << PAGE_SHIFT;
	uint64_t *entry;
	paddr_t pa;

	if (p2m_alloc_table(p2m, &pa))
		return -ENOMEM;
	entry = arch_pa_to_va(pa);
	for (uint64_t i = 0; i < P2M_TABLE_ENTRIES; i++)
		entry[i] = attrs | (pa_val(desc_pa(block)) + i * step) |
			   (level + 1 == P2M_LAST_LEVEL ? DESC_TABLE : 0);
	arch_p2m_sync();
	bbm_write(p2m, slot, table_desc(pa), gfn, level);
	return 0;
}

/*
 * The table below the entry at slot (level < 3), made if needed: an invalid
 * entry gets a new empty table, a block is split. -ENOMEM.
 */
int p2m_next_table(struct p2m *p2m, uint64_t *slot, uint64_t gfn, unsigned int level,
		   struct p2m_table *child)
{
	uint64_t d = p2m_read(slot);
	int rc = 0;

	ASSERT(level < P2M_LAST_LEVEL);
	if (!desc_valid(d))
		rc = link_new_table(p2m, slot, gfn, level);
	else if (!desc_is_table(d, level))
		rc = split_block(p2m, slot, gfn, level);
	if (rc)
		return rc;
	p2m_child_table(p2m_read(slot), level, child);
	return 0;
}

/* Unlinks and frees the table below the entry at slot if it maps nothing. */
void p2m_drop_if_empty(struct p2m *p2m, uint64_t *slot, uint64_t gfn, unsigned int level)
{
	uint64_t d = p2m_read(slot);
	struct p2m_table child;

	if (!desc_is_table(d, level))
		return;
	p2m_child_table(d, level, &child);
	if (p2m_table_empty(&child))
		p2m_set_entry(p2m, slot, 0, gfn, level);
}
