/* SPDX-License-Identifier: GPL-2.0-only */
/* IRQ masking around the hypervisor's critical sections: PSTATE.I through DAIF (Arm ARM C5.2.2). */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include <asm/sysregs.h>

/* Masks IRQs; returns the previous DAIF for arch_irq_restore. */
static inline unsigned long arch_irq_save(void)
{
	unsigned long flags = read_sysreg(daif);

	asm volatile("msr daifset, #2" : : : "memory");
	return flags;
}

static inline void arch_irq_restore(unsigned long flags)
{
	write_sysreg(flags, daif);
}

#endif /* ASM_IRQFLAGS_H */
