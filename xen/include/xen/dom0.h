/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Dom0, the control domain (docs/specs/dom0.md): built at boot from the
 * /chosen multiboot modules (kernel, ramdisk), with its RAM direct-mapped
 * (guest-physical == physical), the host's devices passed through and a
 * device tree derived from the host's.
 */
#ifndef XEN_DOM0_H
#define XEN_DOM0_H

#include <xen/bootinfo.h>
#include <xen/dtb.h>

/* Builds and starts dom0 if the boot modules include a kernel; false if there is none. */
bool dom0_build(const struct dtb *host, const struct bootinfo *bi);

/*
 * True if dom0's kernel module k can run where it is (docs/specs/dom0.md):
 * *r is then the region it occupies, from its start to image_size rounded
 * up to 2 MiB, which the boot keeps out of the allocator.
 */
bool dom0_kernel_in_place(const struct bootinfo *bi, const struct boot_module *k,
			  struct mem_region *r);

/* Test aid (debug_watch=N): starts the periodic run-state dump if asked for. */
void debug_watch_start(void);

/* Arch hook: hands physical SPI intid to d (hardware-linked to its vGIC). 0, -EINVAL, -EBUSY. */
struct domain;
int arch_route_irq_to_guest(struct domain *d, unsigned int intid, bool edge);

#endif /* XEN_DOM0_H */
