/* SPDX-License-Identifier: GPL-2.0-only */
/* Arch contract: how the hypervisor reaches physical memory. */
#ifndef ARCH_MM_H
#define ARCH_MM_H

#include <xen/types.h>

/*
 * arch_pa_to_va(pa): the hypervisor's pointer to RAM at physical address pa
 * (mapped RW); arch_va_to_pa(va): the physical address behind a hypervisor
 * pointer into RAM or the image. Inline, from the arch's asm/physmap.h: every
 * guest-memory access goes through them.
 */
#include <asm/physmap.h>

/* Cleans [va, va+len) to the point of coherency (for a reader with caches off). */
void arch_clean_dcache(const void *va, size_t len);

#endif /* ARCH_MM_H */
