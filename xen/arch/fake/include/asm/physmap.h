/* SPDX-License-Identifier: GPL-2.0-only */
/* Fake arch: "physical" addresses are host pointers, as on AArch64's identity map. */
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
