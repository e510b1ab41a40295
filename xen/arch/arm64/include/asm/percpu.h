/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU data; TPIDR_EL2 points at the running CPU's entry. */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

#include <arch/cpu.h>
#include <asm/config.h>
#include <asm/sysregs.h>

struct pcpu {
	unsigned int id;
	uint64_t mpidr;
	volatile bool online;
	volatile bool parked;
	volatile uint64_t timer_irqs;
	uintptr_t stack_base;
	uintptr_t gicr_base;      /* RD_base of this CPU's redistributor */
};

extern struct pcpu pcpu_data[NR_CPUS];
extern uint8_t cpu_stacks[NR_CPUS][STACK_SIZE];

static inline struct pcpu *this_pcpu(void)
{
	return (struct pcpu *)read_sysreg(tpidr_el2);
}

void pcpu_init(unsigned int id);

#endif /* ASM_PERCPU_H */
