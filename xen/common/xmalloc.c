// SPDX-License-Identifier: GPL-2.0-only
/*
 * xzalloc/xfree: power-of-two size classes from 16 bytes to half a page,
 * each class carving objects out of whole pages from the page allocator;
 * larger requests get whole pages. Every object has a 16-byte header naming
 * its size class (or page order), so xfree needs no size.
 */
#include <arch/mm.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>
#include <xen/spinlock.h>
#include <xen/xmalloc.h>

#define XM_MIN_SHIFT    4                      /* 16 bytes */
#define XM_MAX_SHIFT    (PAGE_SHIFT - 1)       /* half a page */
#define XM_CLASSES      (XM_MAX_SHIFT - XM_MIN_SHIFT + 1)
#define XM_MAGIC        0x786d616cU            /* "xmal" */
#define XM_PAGES_FLAG   0x80000000U

struct xm_hdr {
	uint32_t magic;
	uint32_t cls;          /* size class, or XM_PAGES_FLAG | order */
	uint64_t size;         /* bytes requested */
};

struct xm_free {
	struct xm_free *next;
};

static struct xm_free *free_lists[XM_CLASSES];
static spinlock_t xm_lock = SPINLOCK_INIT;
static size_t in_use;
static size_t slab_pages;

static unsigned int class_of(size_t total)
{
	unsigned int c = 0;

	while ((1UL << (c + XM_MIN_SHIFT)) < total)
		c++;
	return c;
}

static unsigned int order_of(size_t total)
{
	unsigned int o = 0;

	while ((PAGE_SIZE << o) < total)
		o++;
	return o;
}

/* Cuts a fresh page into objects of class c. */
static int refill(unsigned int c)
{
	size_t sz = 1UL << (c + XM_MIN_SHIFT);
	mfn_t mfn;
	uint8_t *page;

	if (alloc_pages(0, &mfn))
		return -ENOMEM;
	slab_pages++;
	page = arch_pa_to_va(mfn_to_pa(mfn));
	for (size_t off = 0; off + sz <= PAGE_SIZE; off += sz) {
		struct xm_free *f = (struct xm_free *)(page + off);

		f->next = free_lists[c];
		free_lists[c] = f;
	}
	return 0;
}

static void *alloc_small(unsigned int c)
{
	struct xm_free *f;

	if (!free_lists[c] && refill(c))
		return NULL;
	f = free_lists[c];
	free_lists[c] = f->next;
	return f;
}

static void *alloc_big(unsigned int order)
{
	mfn_t mfn;

	if (alloc_pages(order, &mfn))
		return NULL;
	return arch_pa_to_va(mfn_to_pa(mfn));
}

void *xzalloc_bytes(size_t size)
{
	size_t total = size + sizeof(struct xm_hdr);
	bool small = total <= (1UL << XM_MAX_SHIFT);
	unsigned int cls = small ? class_of(total) : order_of(total);
	unsigned long flags;
	struct xm_hdr *h;

	if (size > GiB(1))
		return NULL;
	flags = spin_lock_irqsave(&xm_lock);
	h = small ? alloc_small(cls) : alloc_big(cls);
	if (h)
		in_use += size;
	spin_unlock_irqrestore(&xm_lock, flags);
	if (!h)
		return NULL;
	memset(h, 0, small ? (1UL << (cls + XM_MIN_SHIFT)) : (PAGE_SIZE << cls));
	*h = (struct xm_hdr){ XM_MAGIC, small ? cls : (XM_PAGES_FLAG | cls), size };
	return h + 1;
}

void xfree(void *p)
{
	struct xm_hdr *h = (struct xm_hdr *)p - 1;
	unsigned long flags;

	if (!p)
		return;
	if (h->magic != XM_MAGIC)
		panic("xfree(%p): not an xmalloc object or already freed", p);
	h->magic = 0;
	flags = spin_lock_irqsave(&xm_lock);
	in_use -= h->size;
	if (h->cls & XM_PAGES_FLAG) {
		free_pages(pa_to_mfn(arch_va_to_pa(h)), h->cls & ~XM_PAGES_FLAG);
	} else {
		struct xm_free *f = (struct xm_free *)h;

		f->next = free_lists[h->cls];
		free_lists[h->cls] = f;
	}
	spin_unlock_irqrestore(&xm_lock, flags);
}

size_t xmalloc_in_use(void)
{
	return in_use;
}

size_t xmalloc_slab_pages(void)
{
	return slab_pages;
}
