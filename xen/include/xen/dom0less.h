/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains started at boot from the device tree, in the spirit of Xen's
 * dom0less binding (docs/specs/dom0less.md): /chosen children compatible
 * "xen,domain", each with a "multiboot,kernel" module child.
 */
#ifndef XEN_DOM0LESS_H
#define XEN_DOM0LESS_H

#include <xen/dtb.h>
#include <xen/memrange.h>

struct vcpu;

/* Guest memory map (Xen public/arch-arm.h). */
#define GUEST_RAM0_BASE     0x40000000UL
#define GUEST_RAM0_SIZE     0xc0000000UL
#define GUEST_GNTTAB_BASE   0x38000000UL
#define GUEST_GNTTAB_SIZE   0x01000000UL
#define GUEST_EVTCHN_PPI    31

/* Takes every dom0less module out of free RAM (called before the allocator starts). */
int dom0less_reserve(const struct dtb *dtb, struct memrange_set *free_ram);
/* Builds and unpauses every domain described; returns how many were started. */
unsigned int dom0less_build_all(const struct dtb *dtb);

/* Arch hooks. */
int arch_mm_map_ro(paddr_t start, uint64_t size);
void arch_vcpu_start(struct vcpu *v, uint64_t pc, uint64_t x0);

#endif /* XEN_DOM0LESS_H */
