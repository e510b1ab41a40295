/* SPDX-License-Identifier: GPL-2.0-only */
/* The dom0 builder's steps (build.c drives them). */
#ifndef XEN_COMMON_DOM0_PRIVATE_H
#define XEN_COMMON_DOM0_PRIVATE_H

#include <xen/dom0.h>
#include <xen/dom0_fdt.h>
#include <xen/domain.h>

#define DOM0_DT_MAX   (128UL << 10)   /* room for dom0's device tree */

/* dom0's RAM as allocated: banks sorted by address, adjacent blocks merged. */
struct dom0_ram {
	struct mem_region bank[DOM0_MAX_BANKS];
	unsigned int nr;
};

/* Allocates bytes of direct-mapped RAM to d in as few banks as possible, added to ram: 0, -ENOMEM, -ENOSPC. */
int dom0_alloc_ram(struct domain *d, uint64_t bytes, struct dom0_ram *ram);
/* A free guest-physical window of size bytes for the grant table (host RAM dom0 does not own). */
int dom0_gnttab_window(const struct bootinfo *bi, const struct dom0_ram *ram, uint64_t size,
		       uint64_t *base);
/* Maps the passed-through MMIO 1:1 and routes the SPIs: 0 or an error, printed. */
int dom0_passthrough(struct domain *d, const struct dom0_passthrough *pt);

#endif /* XEN_COMMON_DOM0_PRIVATE_H */
