// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Guest RAM and the magic pages. RAM starts 2 MiB-aligned, so it goes in
 * 2 MiB extents (order 9, one stage-2 block each) with order-0 pages for a
 * tail of less than 2 MiB. The magic pages (console ring, xenstore ring,
 * ...) must start zeroed: the rings' producers and consumers read them
 * before anyone writes.
 */
#include <stdio.h>
#include <string.h>

#include "build_int.h"
#include "ctl_int.h"

static uint64_t gfn_of(uint64_t addr)
{
	return addr >> BUILD_PAGE_SHIFT;
}

static int populate(struct build_ctx *c, uint64_t addr, uint64_t nr, unsigned int order,
		    const char *what)
{
	char step[CTL_MSG_LEN];
	int rc;

	if (!nr)
		return 0;
	rc = ctl_populate(c->h, c->a->domid, gfn_of(addr), nr, order);
	if (!rc)
		return 0;
	snprintf(step, sizeof(step), "populate %s (%llu order-%u extents at 0x%llx)", what,
		 (unsigned long long)nr, order, (unsigned long long)addr);
	return build_fail_step(c, rc, step);
}

int build_populate(struct build_ctx *c)
{
	uint64_t bytes = c->lay.ram_end - c->lay.ram_base;
	uint64_t blocks = bytes / BUILD_BLOCK_SIZE;
	uint64_t tail = blocks * BUILD_BLOCK_SIZE;
	int rc;

	rc = populate(c, c->lay.ram_base, blocks, BUILD_BLOCK_ORDER, "RAM");
	if (!rc)
		rc = populate(c, c->lay.ram_base + tail, (bytes - tail) / BUILD_PAGE_SIZE, 0,
			      "RAM tail");
	if (!rc)
		rc = populate(c, CTL_GUEST_MAGIC_BASE, CTL_NR_MAGIC_PAGES, 0, "magic pages");
	return rc;
}

int build_zero_magic(struct build_ctx *c)
{
	int rc;
	void *p = build_map(c, gfn_of(CTL_GUEST_MAGIC_BASE), CTL_NR_MAGIC_PAGES, "the magic pages",
			    &rc);

	if (!p)
		return rc;
	memset(p, 0, CTL_NR_MAGIC_PAGES * BUILD_PAGE_SIZE);
	rc = ctl_unmap_foreign(c->h, p, CTL_NR_MAGIC_PAGES);
	return rc ? build_fail_step(c, rc, "unmap the magic pages") : 0;
}
