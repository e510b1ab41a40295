// SPDX-License-Identifier: GPL-2.0-only
/* Fake arch: xzalloc/xfree on libc, with a byte count so tests can check for leaks. */
#include <asm/fake.h>
#include <stdlib.h>
#include <xen/xmalloc.h>

struct fake_hdr {
	size_t size;
	size_t pad;     /* keeps the payload 16-byte aligned */
};

static size_t in_use;

void *xzalloc_bytes(size_t size)
{
	struct fake_hdr *h = calloc(1, sizeof(*h) + size);

	if (!h)
		return NULL;
	h->size = size;
	in_use += size;
	return h + 1;
}

void xfree(void *p)
{
	struct fake_hdr *h = p;

	if (!p)
		return;
	h--;
	in_use -= h->size;
	free(h);
}

size_t xmalloc_in_use(void)
{
	return in_use;
}

size_t fake_xmalloc_in_use(void)
{
	return in_use;
}

size_t xmalloc_slab_pages(void)
{
	return 0;
}
