// SPDX-License-Identifier: GPL-2.0-only
/* Per-CPU data and the CPU part of the arch contract. */
#include <arch/cpu.h>
#include <asm/percpu.h>

struct pcpu pcpu_data[NR_CPUS];

_Static_assert(__builtin_offsetof(struct pcpu, guest_regs) == PCPU_GUEST_REGS, "entry.S");
_Static_assert(__builtin_offsetof(struct pcpu, stack_top) == PCPU_STACK_TOP, "entry.S");
uint8_t cpu_stacks[NR_CPUS][STACK_SIZE] __aligned(PAGE_SIZE) __section(".bss.page_aligned");

void pcpu_init(unsigned int id)
{
	struct pcpu *p = &pcpu_data[id];

	p->id = id;
	p->mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	p->stack_base = (uintptr_t)cpu_stacks[id];
	p->stack_top = p->stack_base + STACK_SIZE;
	write_sysreg(p, tpidr_el2);
	isb();
}

unsigned int arch_cpu_id(void)
{
	return this_pcpu()->id;
}

void arch_cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

void arch_irq_enable(void)
{
	asm volatile("msr daifclr, #2" : : : "memory");
}

void arch_irq_disable(void)
{
	asm volatile("msr daifset, #2" : : : "memory");
}

void arch_cpu_park(void)
{
	asm volatile("msr daifset, #0xf" : : : "memory");
	this_pcpu()->parked = true;
	this_pcpu()->online = false;
	for (;;)
		wfi();
}
