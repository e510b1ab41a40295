/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The domain builder: lays out a paused, empty domain (ctl_domain_create())
 * as Xen lays out an Arm guest, loads a Linux arm64 Image, its initramfs and
 * a device tree made with libfdt, and starts vCPU 0 (docs/specs/guest-layout.md).
 */
#ifndef CTL_BUILD_H
#define CTL_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "libctl.h"

/* The guest's physical memory map (the numbers of Xen's public/arch-arm.h). */
#define CTL_GUEST_GICD_BASE     0x03001000ULL
#define CTL_GUEST_GICD_SIZE     0x00010000ULL
#define CTL_GUEST_GICR_BASE     0x03020000ULL
#define CTL_GUEST_GICR_STRIDE   0x00020000ULL   /* one redistributor per vCPU */
#define CTL_GUEST_GICR_SIZE     0x01000000ULL   /* GUEST_GICV3_GICR0_SIZE: 128 vCPUs at most */
#define CTL_GUEST_GNTTAB_BASE   0x38000000ULL
#define CTL_GUEST_GNTTAB_SIZE   0x01000000ULL
#define CTL_GUEST_MAGIC_BASE    0x39000000ULL
#define CTL_GUEST_MAGIC_SIZE    0x01000000ULL
#define CTL_GUEST_RAM0_BASE     0x40000000ULL
#define CTL_GUEST_RAM0_SIZE     0xc0000000ULL   /* 3 GiB: the most RAM a guest gets */

/* Magic pages, frames from CTL_GUEST_MAGIC_BASE (Xen's xc_dom_arm.c order). */
#define CTL_MAGIC_CONSOLE       0
#define CTL_MAGIC_XENSTORE      1
#define CTL_MAGIC_MEMACCESS     2
#define CTL_MAGIC_VUART         3
#define CTL_NR_MAGIC_PAGES      4

/* Interrupts the guest DT names (GIC INTIDs). */
#define CTL_GUEST_EVTCHN_INTID  31               /* the event-channel PPI */
#define CTL_GUEST_VTIMER_INTID  27
#define CTL_GUEST_PTIMER_INTID  30
#define CTL_GUEST_STIMER_INTID  29
#define CTL_GUEST_HTIMER_INTID  26

struct ctl_build_args {
	uint32_t domid;
	unsigned int max_vcpus;        /* cpus in the DT */
	uint64_t mem_mib;              /* RAM from CTL_GUEST_RAM0_BASE */
	const char *kernel;            /* path of a Linux arm64 Image */
	const char *ramdisk;           /* path, or NULL */
	const char *cmdline;           /* /chosen/bootargs, or NULL */
	uint32_t console_domid;        /* backend of the console ring (0) */
	uint32_t store_domid;          /* xenstored's domain (0) */
};

struct ctl_build_result {
	uint64_t entry;                /* where vCPU 0 starts */
	uint64_t dtb_addr;             /* x0 */
	uint64_t initrd_addr, initrd_size;
	uint64_t console_gfn, store_gfn;
	uint32_t console_port, store_port;   /* the guest's ports, remote = console/store domid */
};

/*
 * The layout it makes: docs/specs/guest-layout.md. max_vcpus is 1 to
 * CTL_GUEST_GICR_SIZE / CTL_GUEST_GICR_STRIDE, mem_mib 1 to
 * CTL_GUEST_RAM0_SIZE in MiB; the kernel must be an uncompressed,
 * little-endian arm64 Image (a gzip'd one is refused, saying so).
 *
 * Populate RAM (2 MiB blocks where possible) and the magic pages, load the
 * kernel by its header (text_offset, image_size), the initramfs and the DT,
 * allocate the console and xenstore event channels, set the HVM params
 * (CONSOLE_PFN/EVTCHN, STORE_PFN/EVTCHN) and start vCPU 0 with x0 = DT.
 * The domain stays paused. Errors name the file or step ("d5 build: kernel
 * /boot/Image is gzip-compressed; give the uncompressed Image"); on failure
 * nothing stays mapped or open in this process, and the caller destroys the
 * domain (RAM already populated is freed with it).
 */
int ctl_build_linux(struct ctl_handle *h, const struct ctl_build_args *a,
		    struct ctl_build_result *r);

#endif /* CTL_BUILD_H */
