/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Arch contract: the steps of boot that generic start_xen() asks the
 * architecture to carry out, in the order it calls them.
 */
#ifndef ARCH_SETUP_H
#define ARCH_SETUP_H

#include <xen/bootinfo.h>

/* Brings up the console device named by the DT, if the arch drives it. */
void arch_console_init(const struct bootinfo *bi);

/* Physical extent of the hypervisor image, BSS included. */
void arch_image_region(struct mem_region *out);

/* Physical extent of the boot DTB (mapped read-only by the arch). */
void arch_dtb_region(struct mem_region *out);

/* Maps free RAM read-write, non-executable, for the allocator's use. */
int arch_mm_map_ram(paddr_t start, uint64_t size);

/* Interrupt controller, then the hypervisor's timer, on the boot CPU. */
void arch_irq_init(const struct bootinfo *bi);
void arch_timer_init(const struct bootinfo *bi);

/* Starts every other CPU in bi; returns how many CPUs are online in all. */
unsigned int arch_smp_boot(const struct bootinfo *bi);

/* Prints the arch's part of the boot banner (CPU, GIC and timer facts). */
void arch_print_banner(const struct bootinfo *bi, unsigned int cpus_online);

/* Logical CPUs started (online or not): the scheduler's pCPU range. */
unsigned int arch_nr_cpus_started(void);

/* Lets every CPU run guests (or idle waiting for them); never returns. */
void __noreturn arch_run_guests(void);

#endif /* ARCH_SETUP_H */
