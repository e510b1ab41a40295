/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Small-object allocation for hypervisor structures (domains, vCPUs, vGIC
 * state): power-of-two size classes carved from pages of the page allocator,
 * and whole pages for anything larger. Memory comes back zeroed.
 */
#ifndef XEN_XMALLOC_H
#define XEN_XMALLOC_H

#include <xen/types.h>

void *xzalloc_bytes(size_t size);
void xfree(void *p);

#define xzalloc(type)            ((type *)xzalloc_bytes(sizeof(type)))
#define xzalloc_array(type, n)   ((type *)xzalloc_array_bytes(sizeof(type), (n)))

static inline void *xzalloc_array_bytes(size_t size, size_t n)
{
	if (n && size > (size_t)-1 / n)
		return NULL;
	return xzalloc_bytes(size * n);
}

/* Bytes currently handed out (for leak checks after destroy). */
size_t xmalloc_in_use(void);
/* Pages xmalloc keeps for small objects (taken once, reused, never returned). */
size_t xmalloc_slab_pages(void);

#endif /* XEN_XMALLOC_H */
