/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Reading and writing a domain's RAM by guest-physical address, through its
 * p2m (RAM and magic pages only, never a device). For the hypervisor's own
 * accesses: loading images, the runstate area, vcpu_info.
 */
#ifndef XEN_GUEST_PHYS_H
#define XEN_GUEST_PHYS_H

#include <xen/types.h>

struct domain;

/* Copies len bytes to ipa; clean: also to the point of coherency (a guest with caches off). 0 or -EFAULT. */
int guest_phys_write(struct domain *d, uint64_t ipa, const void *src, size_t len, bool clean);
/* The hypervisor's pointer to the RAM page behind gfn (writable RAM only), or NULL. */
void *guest_phys_page(struct domain *d, gfn_t gfn);

#endif /* XEN_GUEST_PHYS_H */
