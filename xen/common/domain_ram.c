// SPDX-License-Identifier: GPL-2.0-only
/*
 * A domain's RAM: blocks from the page allocator, each mapped in its p2m and
 * tracked as an extent so that destroy frees exactly what was given.
 */
#include <arch/mm.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>
#include <xen/xmalloc.h>

#define RAM_EXTENTS_INITIAL 16

static int ram_track(struct domain *d, mfn_t mfn, unsigned int order, bool adopted)
{
	if (d->nr_ram == d->max_ram) {
		unsigned int max = d->max_ram ? 2 * d->max_ram : RAM_EXTENTS_INITIAL;
		struct ram_extent *r = xzalloc_array(struct ram_extent, max);

		if (!r)
			return -ENOMEM;
		if (d->ram)
			memcpy(r, d->ram, d->nr_ram * sizeof(*r));
		xfree(d->ram);
		d->ram = r;
		d->max_ram = max;
	}
	d->ram[d->nr_ram++] = (struct ram_extent){ mfn, order, adopted };
	return 0;
}

/* Allocates 2^order pages, maps them at *gfn (direct: at their own address). */
static int populate(struct domain *d, gfn_t *gfn, unsigned int order, bool direct)
{
	mfn_t mfn;
	int rc;

	if (d->cfg.max_pages && d->tot_pages + (1UL << order) > d->cfg.max_pages)
		return -ENOSPC;
	rc = alloc_pages(order, &mfn);
	if (rc)
		return rc;
	if (direct) {
		/*
		 * Direct-mapped RAM is dom0's, taken at boot: memory nothing has
		 * used since power-on (boot modules and the DTB are kept out of
		 * the allocator), so it is not scrubbed; Linux clears what it uses.
		 */
		*gfn = gfn_init(mfn_val(mfn));
	} else {
		memset(arch_pa_to_va(mfn_to_pa(mfn)), 0, PAGE_SIZE << order);
		/* A guest starting with caches off must see the zeros, not what was there before. */
		arch_clean_dcache(arch_pa_to_va(mfn_to_pa(mfn)), PAGE_SIZE << order);
	}
	rc = ram_track(d, mfn, order, false);
	if (!rc)
		rc = p2m_map(&d->p2m, *gfn, mfn, 1UL << order, P2M_RAM_RW);
	if (rc) {
		if (d->nr_ram && mfn_val(d->ram[d->nr_ram - 1].mfn) == mfn_val(mfn))
			d->nr_ram--;
		free_pages(mfn, order);
		return rc;
	}
	d->tot_pages += 1UL << order;
	return 0;
}

int domain_populate(struct domain *d, gfn_t gfn, unsigned int order)
{
	return populate(d, &gfn, order, false);
}

int domain_populate_direct(struct domain *d, unsigned int order, gfn_t *gfn)
{
	return populate(d, gfn, order, true);
}

bool domain_owns_mfn(const struct domain *d, mfn_t mfn)
{
	for (unsigned int i = 0; i < d->nr_ram; i++) {
		uint64_t base = mfn_val(d->ram[i].mfn);

		if (mfn_val(mfn) >= base && mfn_val(mfn) < base + (1UL << d->ram[i].order))
			return true;
	}
	return false;
}

struct domain *domain_owner_of(mfn_t mfn)
{
	for (unsigned int i = 0; i < MAX_DOMAINS; i++) {
		struct domain *d = domain_by_slot(i);

		if (d && domain_owns_mfn(d, mfn))
			return d;
	}
	return NULL;
}

void domain_free_ram(struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_ram; i++)
		if (!d->ram[i].adopted)
			free_pages(d->ram[i].mfn, d->ram[i].order);
	xfree(d->ram);
	d->ram = NULL;
	d->nr_ram = d->max_ram = 0;
	d->tot_pages = 0;
}

#define ADOPT_ALIGN_ORDER 9   /* 2 MiB */

/* The largest block at frame mfn (aligned to its size) that fits in pages. */
static unsigned int block_order(uint64_t mfn, uint64_t pages)
{
	unsigned int order = PAGE_ALLOC_MAX_ORDER;

	while (order > 0 && ((mfn & ((1UL << order) - 1)) || (1UL << order) > pages))
		order--;
	return order;
}

int domain_adopt_ram(struct domain *d, paddr_t start, uint64_t size)
{
	uint64_t mfn = pa_val(start) >> PAGE_SHIFT, left = size >> PAGE_SHIFT;
	int rc = 0;

	if ((mfn | left) & ((1UL << ADOPT_ALIGN_ORDER) - 1) || !left)
		return -EINVAL;
	while (left && !rc) {
		unsigned int order = block_order(mfn, left);

		rc = ram_track(d, mfn_init(mfn), order, true);
		if (!rc)
			rc = p2m_map(&d->p2m, gfn_init(mfn), mfn_init(mfn), 1UL << order, P2M_RAM_RW);
		if (!rc)
			d->tot_pages += 1UL << order;
		mfn += 1UL << order;
		left -= 1UL << order;
	}
	return rc;
}
