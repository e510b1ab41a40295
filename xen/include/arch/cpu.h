/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Arch contract: the CPU. Generic code calls these; xen/arch/arm64 implements
 * them for AArch64 and xen/arch/fake for the host unit tests.
 */
#ifndef ARCH_CPU_H
#define ARCH_CPU_H

#include <xen/compiler.h>

/* Logical index of the calling CPU, 0 for the boot CPU. */
unsigned int arch_cpu_id(void);

/* A hint inside spin loops. */
void arch_cpu_relax(void);

/*
 * arch_irq_save() masks interrupts on this CPU and returns the previous
 * state for arch_irq_restore(flags): inline, from the arch's asm/irqflags.h
 * (every lock with interrupts masked goes through them).
 */
#include <asm/irqflags.h>

/* Unmask / mask interrupts on this CPU. */
void arch_irq_enable(void);
void arch_irq_disable(void);

/* Stop this CPU for good: interrupts masked, never returns. Others go on. */
void __noreturn arch_cpu_park(void);

/* Print a stack backtrace of the calling context to the console. */
void arch_dump_backtrace(void);

/*
 * Print a vCPU's registers (debug key 'v'): its saved context, or what this
 * CPU holds of it; a vCPU running on another CPU is only named, not stopped.
 */
struct vcpu;
void arch_vcpu_dump(const struct vcpu *v);

#endif /* ARCH_CPU_H */
