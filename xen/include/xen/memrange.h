/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sets of physical address ranges, kept sorted, merged and disjoint, in
 * storage the caller provides. Used to compute free RAM from the DT's memory
 * banks minus everything reserved.
 */
#ifndef XEN_MEMRANGE_H
#define XEN_MEMRANGE_H

#include <xen/types.h>

struct mem_region {
	paddr_t start;
	uint64_t size;
};

struct memrange_set {
	struct mem_region *r;
	unsigned int count;
	unsigned int max;
};

void memrange_init(struct memrange_set *s, struct mem_region *storage, unsigned int max);

/* Adds [start, start+size), merging with neighbours: -ENOSPC when full, -EINVAL on overflow. */
int memrange_add(struct memrange_set *s, paddr_t start, uint64_t size);

/* Removes [start, start+size) wherever it overlaps; -ENOSPC if a split needs a slot there is not. */
int memrange_remove(struct memrange_set *s, paddr_t start, uint64_t size);

/* True if [start, start+size) lies wholly inside one range of s. */
bool memrange_contains(const struct memrange_set *s, paddr_t start, uint64_t size);

uint64_t memrange_total(const struct memrange_set *s);

#endif /* XEN_MEMRANGE_H */
