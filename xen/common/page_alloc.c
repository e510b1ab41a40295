// SPDX-License-Identifier: GPL-2.0-only
/*
 * Binary buddy allocator over 4 KiB page frames.
 *
 * Each region keeps one struct page_info per managed page in an array carved
 * from the region's own first pages. The free lists are doubly linked through
 * that array (by index), never through the free pages themselves, so a stray
 * write into a free page cannot corrupt the allocator.
 *
 * Every page is in exactly one block. The first page of a block (its head)
 * records the block's order and whether it is free or allocated; every other
 * page is a tail. A block of order k starts at an mfn aligned to 2^k, so
 * alignment holds for physical addresses (2 MiB blocks are 2 MiB aligned), and
 * its buddy is at mfn ^ 2^k. Buddies merge only inside their region.
 */
#include <arch/mm.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>
#include <xen/spinlock.h>

#define PG_NONE             UINT32_MAX         /* end of a free list */
#define PG_REGION_MAX_PAGES ((uint64_t)UINT32_MAX) /* indices must stay below PG_NONE */
#define NR_ORDERS           (PAGE_ALLOC_MAX_ORDER + 1)

enum pg_state {
	PG_TAIL = 0,    /* inside a block, not its first page */
	PG_FREE,        /* head of a free block, on free list 'order' */
	PG_ALLOCATED,   /* head of a block handed out by alloc_pages */
};

struct page_info {
	uint32_t next;  /* free list links: indices into the region's array */
	uint32_t prev;
	uint8_t order;  /* heads only */
	uint8_t state;  /* enum pg_state */
};

struct pa_region {
	uint64_t first_mfn;         /* first page of the region, metadata included */
	uint64_t end_mfn;           /* one past the last page */
	uint64_t base_mfn;          /* first managed page (after the metadata) */
	uint64_t nr_pages;          /* managed pages */
	struct page_info *pg;       /* nr_pages entries, in the region's first pages */
	uint32_t free_head[NR_ORDERS];
};

static struct pa_region regions[PAGE_ALLOC_MAX_REGIONS];
static unsigned int nr_regions;
static uint64_t free_count;
static uint64_t total_count;
static spinlock_t alloc_lock = SPINLOCK_INIT;

/* ---- free lists ---------------------------------------------------------- */

static void list_push(struct pa_region *r, uint32_t idx, unsigned int order)
{
	struct page_info *p = &r->pg[idx];
	uint32_t head = r->free_head[order];

	p->state = PG_FREE;
	p->order = (uint8_t)order;
	p->prev = PG_NONE;
	p->next = head;
	if (head != PG_NONE)
		r->pg[head].prev = idx;
	r->free_head[order] = idx;
}

static void list_del(struct pa_region *r, uint32_t idx)
{
	struct page_info *p = &r->pg[idx];

	if (p->prev != PG_NONE)
		r->pg[p->prev].next = p->next;
	else
		r->free_head[p->order] = p->next;
	if (p->next != PG_NONE)
		r->pg[p->next].prev = p->prev;
	p->next = PG_NONE;
	p->prev = PG_NONE;
}

/* ---- region set-up ------------------------------------------------------- */

static bool overlaps_a_region(uint64_t first, uint64_t end)
{
	for (unsigned int i = 0; i < nr_regions; i++)
		if (first < regions[i].end_mfn && regions[i].first_mfn < end)
			return true;
	return false;
}

/* Pages of metadata needed to describe nr pages (over-estimates a little). */
static uint64_t meta_pages(uint64_t nr)
{
	return (nr * sizeof(struct page_info) + PAGE_SIZE - 1) / PAGE_SIZE;
}

/* Largest order a block at mfn may have without passing end. */
static unsigned int fit_order(uint64_t mfn, uint64_t end)
{
	unsigned int order = 0;

	while (order < PAGE_ALLOC_MAX_ORDER && !(mfn & BIT(order)) && mfn + BIT(order + 1) <= end)
		order++;
	return order;
}

/* Marks every page a tail, then cuts the region into maximal aligned free blocks. */
static void region_fill(struct pa_region *r)
{
	uint64_t mfn = r->base_mfn, end = r->base_mfn + r->nr_pages;
	unsigned int order;

	memset(r->pg, 0, r->nr_pages * sizeof(struct page_info));
	for (order = 0; order < NR_ORDERS; order++)
		r->free_head[order] = PG_NONE;
	while (mfn < end) {
		order = fit_order(mfn, end);
		list_push(r, (uint32_t)(mfn - r->base_mfn), order);
		mfn += BIT(order);
	}
}

/* Rounds [start, start+size) inwards to whole pages; false if none remain. */
static bool page_bounds(paddr_t start, uint64_t size, uint64_t *first, uint64_t *end)
{
	uint64_t lo = pa_val(start), hi = lo + size;

	if (hi < lo)
		return false;
	*first = (lo >> PAGE_SHIFT) + ((lo & ~PAGE_MASK) ? 1 : 0);
	*end = hi >> PAGE_SHIFT;
	if (*end <= *first)
		return false;
	if (*end - *first > PG_REGION_MAX_PAGES) {
		printk_level(LOG_WARN, "page_alloc: region at 0x%llx clamped to %llu pages\n",
			     (unsigned long long)lo, (unsigned long long)PG_REGION_MAX_PAGES);
		*end = *first + PG_REGION_MAX_PAGES;
	}
	return true;
}

static int region_add_locked(uint64_t first, uint64_t end)
{
	struct pa_region *r;
	uint64_t meta = meta_pages(end - first);

	if (meta >= end - first)
		return -EINVAL;
	if (nr_regions == PAGE_ALLOC_MAX_REGIONS)
		return -ENOSPC;
	if (overlaps_a_region(first, end))
		return -EEXIST;

	r = &regions[nr_regions];
	r->first_mfn = first;
	r->end_mfn = end;
	r->base_mfn = first + meta;
	r->nr_pages = end - r->base_mfn;
	r->pg = arch_pa_to_va(mfn_to_pa(mfn_init(first)));
	region_fill(r);

	nr_regions++;
	total_count += r->nr_pages;
	free_count += r->nr_pages;
	return 0;
}

int page_alloc_add_region(paddr_t start, uint64_t size)
{
	uint64_t first, end;
	unsigned long flags;
	int rc;

	if (!page_bounds(start, size, &first, &end))
		return -EINVAL;

	flags = spin_lock_irqsave(&alloc_lock);
	rc = region_add_locked(first, end);
	spin_unlock_irqrestore(&alloc_lock, flags);
	return rc;
}

/* ---- allocation ---------------------------------------------------------- */

/* Takes free block idx of order 'have' and splits off upper halves down to 'want'. */
static void split_block(struct pa_region *r, uint32_t idx, unsigned int have, unsigned int want)
{
	list_del(r, idx);
	while (have > want) {
		have--;
		list_push(r, idx + (uint32_t)BIT(have), have);
	}
	r->pg[idx].state = PG_ALLOCATED;
	r->pg[idx].order = (uint8_t)want;
}

int alloc_pages(unsigned int order, mfn_t *out)
{
	unsigned long flags;
	int rc = -ENOMEM;

	if (order > PAGE_ALLOC_MAX_ORDER || !out)
		return -EINVAL;

	flags = spin_lock_irqsave(&alloc_lock);
	/* Smallest fitting block over all regions: keeps big blocks whole. */
	for (unsigned int k = order; k < NR_ORDERS && rc; k++) {
		for (unsigned int i = 0; i < nr_regions; i++) {
			struct pa_region *r = &regions[i];
			uint32_t idx = r->free_head[k];

			if (idx == PG_NONE)
				continue;
			split_block(r, idx, k, order);
			free_count -= BIT(order);
			*out = mfn_init(r->base_mfn + idx);
			rc = 0;
			break;
		}
	}
	spin_unlock_irqrestore(&alloc_lock, flags);
	return rc;
}

/* ---- freeing ------------------------------------------------------------- */

static struct pa_region *region_of(uint64_t mfn)
{
	for (unsigned int i = 0; i < nr_regions; i++)
		if (mfn >= regions[i].first_mfn && mfn < regions[i].end_mfn)
			return &regions[i];
	return NULL;
}

/* True if mfn heads a free block of exactly this order in r. */
static bool is_free_head(const struct pa_region *r, uint64_t mfn, unsigned int order)
{
	const struct page_info *p;

	if (mfn < r->base_mfn || mfn - r->base_mfn >= r->nr_pages)
		return false;
	p = &r->pg[mfn - r->base_mfn];
	return p->state == PG_FREE && p->order == order;
}

/* Returns allocated block (mfn, order) to r, merging it with free buddies. */
static void merge_and_push(struct pa_region *r, uint64_t mfn, unsigned int order)
{
	while (order < PAGE_ALLOC_MAX_ORDER) {
		uint64_t buddy = mfn ^ BIT(order);

		if (!is_free_head(r, buddy, order))
			break;
		list_del(r, (uint32_t)(buddy - r->base_mfn));
		r->pg[MAX(mfn, buddy) - r->base_mfn].state = PG_TAIL;
		mfn = MIN(mfn, buddy);
		order++;
	}
	list_push(r, (uint32_t)(mfn - r->base_mfn), order);
}

static int free_locked(uint64_t mfn, unsigned int order)
{
	struct pa_region *r = region_of(mfn);
	const struct page_info *p;

	if (!r)
		return -ENOENT;
	if (mfn < r->base_mfn)
		return -EINVAL;     /* the region's metadata */
	p = &r->pg[mfn - r->base_mfn];
	if (p->state != PG_ALLOCATED || p->order != order)
		return -EINVAL;
	merge_and_push(r, mfn, order);
	free_count += BIT(order);
	return 0;
}

int free_pages(mfn_t mfn, unsigned int order)
{
	unsigned long flags;
	int rc;

	if (order > PAGE_ALLOC_MAX_ORDER)
		return -EINVAL;

	flags = spin_lock_irqsave(&alloc_lock);
	rc = free_locked(mfn_val(mfn), order);
	spin_unlock_irqrestore(&alloc_lock, flags);
	return rc;
}

/* ---- statistics ---------------------------------------------------------- */

static uint64_t read_locked(const uint64_t *v)
{
	unsigned long flags = spin_lock_irqsave(&alloc_lock);
	uint64_t val = *v;

	spin_unlock_irqrestore(&alloc_lock, flags);
	return val;
}

uint64_t page_alloc_free_count(void)
{
	return read_locked(&free_count);
}

uint64_t page_alloc_total_count(void)
{
	return read_locked(&total_count);
}

uint64_t page_alloc_largest_free(void)
{
	unsigned long flags = spin_lock_irqsave(&alloc_lock);
	uint64_t largest = 0;

	for (unsigned int i = 0; i < nr_regions; i++)
		for (unsigned int k = 0; k < NR_ORDERS; k++)
			if (regions[i].free_head[k] != PG_NONE)
				largest = MAX(largest, BIT(k));
	spin_unlock_irqrestore(&alloc_lock, flags);
	return largest;
}

void page_alloc_reset(void)
{
	unsigned long flags = spin_lock_irqsave(&alloc_lock);

	nr_regions = 0;
	free_count = 0;
	total_count = 0;
	spin_unlock_irqrestore(&alloc_lock, flags);
}
