/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The physical page allocator: a binary buddy allocator over page frames.
 *
 * Each region handed to page_alloc_add_region() is managed on its own (buddies
 * never cross regions); its per-page metadata is carved from the region's own
 * first pages. Blocks are 2^order pages, aligned by physical address (the
 * first mfn is a multiple of 2^order), so 2 MiB blocks suit block mappings.
 * Misuse is detected, not trusted: freeing a block that is not allocated, with
 * another order than it was allocated with, or outside every region is an
 * error and changes nothing.
 */
#ifndef XEN_PAGE_ALLOC_H
#define XEN_PAGE_ALLOC_H

#include <xen/types.h>

#define PAGE_ALLOC_MAX_ORDER    18  /* 2^18 pages = 1 GiB */
#define PAGE_ALLOC_MAX_REGIONS  16

/*
 * Hands [start, start+size) over to the allocator. start and size are rounded
 * inwards to pages. -EINVAL if nothing usable remains after the metadata,
 * -ENOSPC if PAGE_ALLOC_MAX_REGIONS regions exist, -EEXIST if it overlaps one.
 */
int page_alloc_add_region(paddr_t start, uint64_t size);

/* 2^order contiguous pages: 0, -ENOMEM (none free), -EINVAL (order too big). */
int alloc_pages(unsigned int order, mfn_t *out);

/*
 * Gives back a block from alloc_pages: 0; -EINVAL if mfn does not start an
 * allocated block of exactly that order (double free, wrong order, middle of
 * a block); -ENOENT if mfn is in no region.
 */
int free_pages(mfn_t mfn, unsigned int order);

/* Free and managed page counts, over all regions. */
uint64_t page_alloc_free_count(void);
uint64_t page_alloc_total_count(void);

/* Size in pages of the largest block that alloc_pages could return now. */
uint64_t page_alloc_largest_free(void);

/* Forgets every region (unit tests only; the memory is not touched). */
void page_alloc_reset(void);

#endif /* XEN_PAGE_ALLOC_H */
