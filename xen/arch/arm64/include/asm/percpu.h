/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU data; TPIDR_EL2 points at the running CPU's entry. */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include <asm/config.h>

/* Offsets used by entry.S. */
#define PCPU_GUEST_REGS  0
#define PCPU_STACK_TOP   8

#ifndef __ASSEMBLER__
#include <arch/cpu.h>
#include <asm/regs.h>
#include <asm/sysregs.h>

struct vcpu;

struct pcpu {
	struct cpu_regs *guest_regs;   /* the running vCPU's frame (entry.S saves into it) */
	uintptr_t stack_top;           /* entry.S restarts here on every guest exit */
	struct vcpu *cur;              /* vCPU whose state is on this CPU, NULL if none */
	volatile unsigned long softirq;/* SOFTIRQ_* bits */
	unsigned int id;
	uint64_t mpidr;
	volatile bool online;
	volatile bool parked;
	volatile uint64_t timer_irqs;
	uintptr_t stack_base;
	uintptr_t gicr_base;      /* RD_base of this CPU's redistributor */
};

#define SOFTIRQ_RESCHED  0   /* call the scheduler before entering a guest */

extern struct pcpu pcpu_data[NR_CPUS];
extern uint8_t cpu_stacks[NR_CPUS][STACK_SIZE];

static inline struct pcpu *this_pcpu(void)
{
	return (struct pcpu *)read_sysreg(tpidr_el2);
}

void pcpu_init(unsigned int id);
#endif /* __ASSEMBLER__ */

#endif /* ASM_PERCPU_H */
