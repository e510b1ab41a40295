// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dom0's RAM: direct-mapped blocks, largest first (1 GiB down to 2 MiB), so
 * that a fresh boot gives one bank or very few, then merged into banks.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#include "private.h"

#define DOM0_MIN_ORDER  9    /* 2 MiB: Linux wants its banks at least that aligned */

static int add_block(struct dom0_ram *ram, paddr_t start, uint64_t size)
{
	unsigned int i;

	for (i = 0; i < ram->nr; i++) {
		struct mem_region *b = &ram->bank[i];

		if (pa_val(b->start) + b->size == pa_val(start)) {
			b->size += size;
			return 0;
		}
		if (pa_val(start) + size == pa_val(b->start)) {
			b->start = start;
			b->size += size;
			return 0;
		}
	}
	if (ram->nr == DOM0_MAX_BANKS)
		return -ENOSPC;
	ram->bank[ram->nr++] = (struct mem_region){ start, size };
	return 0;
}

static void sort_banks(struct dom0_ram *ram)
{
	for (unsigned int i = 1; i < ram->nr; i++)
		for (unsigned int j = i; j && pa_val(ram->bank[j - 1].start) > pa_val(ram->bank[j].start); j--) {
			struct mem_region t = ram->bank[j];

			ram->bank[j] = ram->bank[j - 1];
			ram->bank[j - 1] = t;
		}
}

/* Merges banks that became adjacent through a block added between them. */
static void merge_banks(struct dom0_ram *ram)
{
	unsigned int out = 0;

	sort_banks(ram);
	for (unsigned int i = 0; i < ram->nr; i++) {
		struct mem_region *last = out ? &ram->bank[out - 1] : NULL;

		if (last && pa_val(last->start) + last->size == pa_val(ram->bank[i].start))
			last->size += ram->bank[i].size;
		else
			ram->bank[out++] = ram->bank[i];
	}
	ram->nr = out;
}

static unsigned int order_for(uint64_t pages)
{
	unsigned int order = PAGE_ALLOC_MAX_ORDER;

	while (order > DOM0_MIN_ORDER && (1UL << order) > pages)
		order--;
	return order;
}

int dom0_alloc_ram(struct domain *d, uint64_t bytes, struct dom0_ram *ram)
{
	uint64_t left = ALIGN_UP(bytes, PAGE_SIZE << DOM0_MIN_ORDER) >> PAGE_SHIFT;
	unsigned int order = order_for(left);
	int rc = 0;

	while (left && !rc) {
		gfn_t gfn;

		order = MIN(order, order_for(left));
		rc = domain_populate_direct(d, order, &gfn);
		if (rc == -ENOMEM && order > DOM0_MIN_ORDER) {
			order--;
			rc = 0;
			continue;
		}
		if (!rc)
			rc = add_block(ram, mfn_to_pa(mfn_init(gfn_val(gfn))), PAGE_SIZE << order);
		left -= rc ? 0 : 1UL << order;
	}
	merge_banks(ram);
	return rc;
}

static bool overlaps_ram(const struct dom0_ram *ram, uint64_t base, uint64_t size)
{
	for (unsigned int i = 0; i < ram->nr; i++) {
		uint64_t s = pa_val(ram->bank[i].start);

		if (base < s + ram->bank[i].size && s < base + size)
			return true;
	}
	return false;
}

int dom0_gnttab_window(const struct bootinfo *bi, const struct dom0_ram *ram, uint64_t size,
		       uint64_t *base)
{
	uint64_t step = PAGE_SIZE << DOM0_MIN_ORDER;

	size = ALIGN_UP(size, step);
	for (unsigned int i = 0; i < bi->nr_mem; i++) {
		uint64_t lo = ALIGN_UP(pa_val(bi->mem[i].start), step);
		uint64_t hi = ALIGN_DOWN(pa_val(bi->mem[i].start) + bi->mem[i].size, step);

		for (uint64_t b = hi; b >= lo + size; b -= step)
			if (!overlaps_ram(ram, b - size, size)) {
				*base = b - size;
				return 0;
			}
	}
	return -ENOSPC;
}
