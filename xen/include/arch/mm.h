/* SPDX-License-Identifier: GPL-2.0-only */
/* Arch contract: how the hypervisor reaches physical memory. */
#ifndef ARCH_MM_H
#define ARCH_MM_H

#include <xen/types.h>

/*
 * Every arch maps RAM and the hypervisor's image at their physical addresses
 * (AArch64: the EL2 identity map of mmu.c; the fake arch: host pointers), so
 * the conversions are inline: every guest-memory access goes through them.
 */

/* The hypervisor's pointer to RAM at physical address pa (mapped RW). */
static inline void *arch_pa_to_va(paddr_t pa)
{
	return (void *)(uintptr_t)pa_val(pa);
}

/* The physical address behind a hypervisor pointer into RAM or the image. */
static inline paddr_t arch_va_to_pa(const void *va)
{
	return pa_init((uint64_t)(uintptr_t)va);
}

/* Cleans [va, va+len) to the point of coherency (for a reader with caches off). */
void arch_clean_dcache(const void *va, size_t len);

#endif /* ARCH_MM_H */
