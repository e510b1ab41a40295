// SPDX-License-Identifier: GPL-2.0-only
/* Fake arch: CPU identity, interrupt masking and parking on the host. */
#include <asm/fake.h>
#include <stdio.h>
#include <stdlib.h>
#include <arch/cpu.h>

_Thread_local unsigned int fake_cpu_id;
_Thread_local bool fake_irq_masked;
jmp_buf *fake_park_jmp;
unsigned int fake_park_count;

unsigned int arch_cpu_id(void)
{
	return fake_cpu_id;
}

void arch_cpu_relax(void)
{
}

void arch_irq_enable(void)
{
	fake_irq_masked = false;
}

void arch_irq_disable(void)
{
	fake_irq_masked = true;
}

void arch_dump_backtrace(void)
{
}

void arch_cpu_park(void)
{
	fake_park_count++;
	if (fake_park_jmp)
		longjmp(*fake_park_jmp, 1);
	fprintf(stderr, "fake arch: CPU %u parked outside a test expecting it\n", fake_cpu_id);
	abort();
}
