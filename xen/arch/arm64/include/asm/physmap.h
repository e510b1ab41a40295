/* SPDX-License-Identifier: GPL-2.0-only */
/* The EL2 stage 1 maps RAM and the image at their physical addresses (mmu.c): identity. */
#ifndef ASM_PHYSMAP_H
#define ASM_PHYSMAP_H

#include <xen/types.h>

static inline void *arch_pa_to_va(paddr_t pa)
{
	return (void *)(uintptr_t)pa_val(pa);
}

static inline paddr_t arch_va_to_pa(const void *va)
{
	return pa_init((uint64_t)(uintptr_t)va);
}

#endif /* ASM_PHYSMAP_H */
