// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stage-2 descriptors and table memory: encoding a mapping of a given p2m
 * type, reaching a table's entries, allocating and freeing table pages.
 *
 * Table pages are written only through arch_pa_to_va(). p2m->table_pages
 * counts every table page in use, root included; p2m->mapped[] counts the
 * frames behind the leaves, by type: both change here and in entry.c only.
 */
#include <arch/mm.h>
#include <xen/errno.h>
#include <xen/page_alloc.h>

#include "private.h"

/* Memory type and access of each p2m type (none for P2M_INVALID). */
static uint64_t type_attrs(enum p2m_type t)
{
	const uint64_t normal = S2_MEMATTR_NORMAL_WB << S2_MEMATTR_SHIFT |
				S2_SH_INNER << S2_SH_SHIFT;

	switch (t) {
	case P2M_RAM_RW:
	case P2M_GRANT_RW:
	case P2M_FOREIGN_RW:
	case P2M_MAGIC:
		return normal | S2_S2AP_RW << S2_S2AP_SHIFT;
	case P2M_RAM_RO:
	case P2M_GRANT_RO:
		return normal | S2_S2AP_RO << S2_S2AP_SHIFT;
	case P2M_MMIO_DIRECT:
		return S2_MEMATTR_DEVICE_nGnRE << S2_MEMATTR_SHIFT |
		       S2_SH_OUTER << S2_SH_SHIFT | S2_S2AP_RW << S2_S2AP_SHIFT | S2_XN;
	default:
		BUG_ON(1);
		return 0;
	}
}

/* A block (level 1 or 2) or page (level 3) descriptor mapping mfn.. with type t. */
uint64_t p2m_leaf_desc(uint64_t mfn, enum p2m_type t, unsigned int level)
{
	uint64_t d = mfn << PAGE_SHIFT;

	ASSERT(level >= 1 && level <= P2M_LAST_LEVEL);
	ASSERT(IS_ALIGNED(mfn, p2m_level_pages(level)) && !(d & ~DESC_OA_MASK));
	d |= DESC_VALID | type_attrs(t) | S2_AF | (uint64_t)t << DESC_SW_SHIFT;
	if (level == P2M_LAST_LEVEL)
		d |= DESC_TABLE; /* the page descriptor format */
	return d;
}

void p2m_root_table(const struct p2m *p2m, struct p2m_table *t)
{
	t->entry = arch_pa_to_va(p2m->root);
	t->level = p2m->root_level;
	t->nr = P2M_TABLE_ENTRIES * p2m->root_pages;
}

/* The table a table descriptor at this level points to. */
void p2m_child_table(uint64_t desc, unsigned int level, struct p2m_table *t)
{
	ASSERT(desc_is_table(desc, level));
	t->entry = arch_pa_to_va(desc_pa(desc));
	t->level = level + 1;
	t->nr = P2M_TABLE_ENTRIES;
}

bool p2m_table_empty(const struct p2m_table *t)
{
	for (uint64_t i = 0; i < t->nr; i++)
		if (desc_valid(p2m_read(&t->entry[i])))
			return false;
	return true;
}

/*
 * A zeroed table page. It is made visible to the walker (arch_p2m_sync())
 * before anyone can link it. -ENOMEM.
 */
int p2m_alloc_table(struct p2m *p2m, paddr_t *pa)
{
	mfn_t mfn;

	if (alloc_pages(0, &mfn))
		return -ENOMEM;
	*pa = mfn_to_pa(mfn);
	BUG_ON(pa_val(*pa) & ~DESC_OA_MASK);
	memset(arch_pa_to_va(*pa), 0, PAGE_SIZE);
	arch_p2m_sync();
	p2m->table_pages++;
	return 0;
}

/* Frees every table below t; t's leaves leave the counters. t itself stays. */
void p2m_free_below(struct p2m *p2m, const struct p2m_table *t)
{
	for (uint64_t i = 0; i < t->nr; i++) {
		uint64_t d = p2m_read(&t->entry[i]);

		if (desc_is_table(d, t->level))
			p2m_free_table(p2m, desc_pa(d), t->level + 1);
		else if (desc_valid(d))
			p2m->mapped[desc_type(d)] -= p2m_level_pages(t->level);
	}
}

/*
 * Frees the table at pa (at this level) and every table below it. The caller
 * has unlinked it and invalidated the TLBs: nothing can walk it any more.
 */
void p2m_free_table(struct p2m *p2m, paddr_t pa, unsigned int level)
{
	struct p2m_table t = { arch_pa_to_va(pa), level, P2M_TABLE_ENTRIES };
	int rc;

	p2m_free_below(p2m, &t);
	rc = free_pages(pa_to_mfn(pa), 0);
	BUG_ON(rc);
	p2m->table_pages--;
}
