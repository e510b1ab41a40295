/* SPDX-License-Identifier: GPL-2.0-only */
/* Fake arch: "IRQ masking" is a per-thread flag the tests can read (asm/fake.h). */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include <stdbool.h>

extern _Thread_local bool fake_irq_masked;

static inline unsigned long arch_irq_save(void)
{
	unsigned long old = fake_irq_masked;

	fake_irq_masked = true;
	return old;
}

static inline void arch_irq_restore(unsigned long flags)
{
	fake_irq_masked = flags != 0;
}

#endif /* ASM_IRQFLAGS_H */
