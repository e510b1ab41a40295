// SPDX-License-Identifier: GPL-2.0-only
/*
 * A p2m's life and lookups: the root tables, teardown, translating one gfn.
 *
 * Start level and concatenation (Arm ARM D8.2.5, VTCR_EL2.SL0 and T0SZ): the
 * walk starts at level 1 whenever at most 16 concatenated level-1 tables
 * cover the IPA space (up to 39 + 4 = 43 bits: 40 bits -> 2 tables, 42 -> 8,
 * 32 -> 1 table with 4 entries in use), else at level 0 with one table (44
 * to 48 bits). A level-2 start is never used although the architecture
 * allows it for up to 34 bits: it would rule out 1 GiB blocks.
 */
#include <arch/mm.h>
#include <xen/errno.h>
#include <xen/page_alloc.h>

#include "private.h"

/* Input address bits a walk starting at this level resolves with one table. */
static unsigned int level_ipa_bits(unsigned int level)
{
	return PAGE_SHIFT + P2M_LEVEL_BITS * (P2M_LAST_LEVEL + 1 - level);
}

static unsigned int start_level(unsigned int ipa_bits)
{
	return ipa_bits <= level_ipa_bits(1) + P2M_MAX_ROOT_ORDER ? 1 : 0;
}

/* log2 of the number of concatenated root tables. */
static unsigned int root_order(unsigned int ipa_bits, unsigned int level)
{
	return ipa_bits > level_ipa_bits(level) ? ipa_bits - level_ipa_bits(level) : 0;
}

bool p2m_type_ok(enum p2m_type t)
{
	return t > P2M_INVALID && t < P2M_TYPE_COUNT;
}

/* [gfn, gfn + nr) lies in the p2m's IPA space (and the p2m has tables). */
bool p2m_range_ok(const struct p2m *p2m, uint64_t gfn, uint64_t nr)
{
	uint64_t limit;

	if (!p2m->root_pages)
		return false;
	limit = 1ULL << (p2m->ipa_bits - PAGE_SHIFT);
	return gfn <= limit && nr <= limit - gfn;
}

int p2m_init(struct p2m *p2m, unsigned int ipa_bits, uint16_t vmid)
{
	unsigned int level = start_level(ipa_bits), order;
	mfn_t root;

	*p2m = (struct p2m){ .lock = SPINLOCK_INIT };
	if (ipa_bits < P2M_MIN_IPA_BITS || ipa_bits > P2M_MAX_IPA_BITS)
		return -EINVAL;
	order = root_order(ipa_bits, level);
	ASSERT(order <= P2M_MAX_ROOT_ORDER);
	if (alloc_pages(order, &root))
		return -ENOMEM;
	BUG_ON(pa_val(mfn_to_pa(root)) & ~DESC_OA_MASK);
	memset(arch_pa_to_va(mfn_to_pa(root)), 0, PAGE_SIZE << order);
	arch_p2m_sync();
	p2m->root = mfn_to_pa(root);
	p2m->ipa_bits = ipa_bits;
	p2m->root_level = level;
	p2m->root_pages = 1U << order;
	p2m->vmid = vmid;
	p2m->table_pages = p2m->root_pages;
	return 0;
}

/*
 * Frees every table, then the root. The VMID's TLB entries are invalidated
 * first, so nothing cached can point into the freed pages once the VMID is
 * used again. Tearing down twice is harmless.
 */
void p2m_teardown(struct p2m *p2m)
{
	struct p2m_table root;
	int rc;

	spin_lock(&p2m->lock);
	if (p2m->root_pages) {
		arch_p2m_flush_vmid(p2m->vmid);
		p2m_root_table(p2m, &root);
		p2m_free_below(p2m, &root);
		rc = free_pages(pa_to_mfn(p2m->root), root_order(p2m->ipa_bits, root.level));
		BUG_ON(rc);
		p2m->table_pages -= p2m->root_pages;
		p2m->root_pages = 0;
		p2m->root = pa_init(0);
	}
	spin_unlock(&p2m->lock);
}

/* The last descriptor the walk for gfn reads (a leaf, or invalid) and its level. */
static uint64_t walk(const struct p2m *p2m, uint64_t gfn, unsigned int *level)
{
	struct p2m_table t;
	uint64_t d;

	p2m_root_table(p2m, &t);
	for (d = p2m_read(p2m_slot(&t, gfn)); desc_is_table(d, t.level);
	     d = p2m_read(p2m_slot(&t, gfn)))
		p2m_child_table(d, t.level, &t);
	*level = t.level;
	return desc_valid(d) ? d : 0;
}

enum p2m_type p2m_lookup(struct p2m *p2m, gfn_t gfn, mfn_t *mfn, unsigned int *order)
{
	enum p2m_type t = P2M_INVALID;
	unsigned int level;
	uint64_t d;

	spin_lock(&p2m->lock);
	if (p2m_range_ok(p2m, gfn_val(gfn), 1)) {
		d = walk(p2m, gfn_val(gfn), &level);
		if (d) {
			t = desc_type(d);
			if (mfn)
				*mfn = mfn_init(mfn_val(pa_to_mfn(desc_pa(d))) +
						(gfn_val(gfn) & (p2m_level_pages(level) - 1)));
			if (order)
				*order = p2m_level_order(level);
		}
	}
	spin_unlock(&p2m->lock);
	return t;
}

uint64_t p2m_raw_entry(struct p2m *p2m, gfn_t gfn, unsigned int *level)
{
	unsigned int lvl = p2m->root_level;
	uint64_t d = 0;

	spin_lock(&p2m->lock);
	if (p2m_range_ok(p2m, gfn_val(gfn), 1))
		d = walk(p2m, gfn_val(gfn), &lvl);
	spin_unlock(&p2m->lock);
	if (level)
		*level = lvl;
	return d;
}
