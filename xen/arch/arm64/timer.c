// SPDX-License-Identifier: GPL-2.0-only
/*
 * The system counter and the EL2 physical timer (Arm ARM D11, "The Generic
 * Timer"). The hypervisor owns CNTHP_*; guests get the virtual timer.
 */
#include <arch/setup.h>
#include <arch/time.h>
#include <asm/irq.h>
#include <asm/percpu.h>
#include <asm/timer.h>
#include <xen/lib.h>
#include <xen/timer.h>

#define TIMER_HYP_PHYS   3      /* index of the EL2 physical timer in the DT binding */
#define SELFTEST_DIV     1000   /* fire 1 ms ahead */
#define SELFTEST_WAIT_S  5      /* give up after 5 s */

static uint64_t freq;
static unsigned int hyp_intid;

uint64_t arch_counter_read(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

uint64_t arch_counter_freq(void)
{
	return freq;
}

unsigned int timer_intid(void)
{
	return hyp_intid;
}

void timer_set_deadline(uint64_t cval)
{
	write_sysreg(cval, CNTHP_CVAL_EL2);
	write_sysreg(CNT_CTL_ENABLE, CNTHP_CTL_EL2);
	isb();
}

static void timer_irq(unsigned int intid, void *data)
{
	(void)intid;
	(void)data;
	write_sysreg(CNT_CTL_IMASK, CNTHP_CTL_EL2);   /* one-shot: stop it firing */
	this_pcpu()->timer_irqs++;
	timer_run();
}

void arch_timer_program(uint64_t deadline_ns)
{
	if (deadline_ns == ~0ULL) {
		write_sysreg(CNT_CTL_IMASK, CNTHP_CTL_EL2);
		return;
	}
	timer_set_deadline(ns_to_ticks(deadline_ns));
}

void timer_cpu_init(void)
{
	write_sysreg(CNT_CTL_IMASK, CNTHP_CTL_EL2);
	write_sysreg(0, cntvoff_el2);
	/* EL1 may read the physical counter; its physical timer is trapped (emulated later). */
	write_sysreg(CNTHCTL_EL1PCTEN, cnthctl_el2);
	isb();
	if (arch_cpu_id() != 0)
		irq_enable_local(hyp_intid);
}

void arch_timer_init(const struct bootinfo *bi)
{
	freq = read_sysreg(cntfrq_el0);
	if (!freq)
		freq = bi->timer.clock_frequency;
	if (!freq)
		panic("the system counter frequency is unknown: CNTFRQ_EL0 is 0 and the timer "
		      "node has no clock-frequency");
	hyp_intid = bi->timer.intid[TIMER_HYP_PHYS];
	if (!hyp_intid)
		panic("the timer node lists no EL2 physical timer interrupt (4th entry)");
	timer_cpu_init();
	if (irq_request(hyp_intid, timer_irq, NULL))
		panic("cannot install the EL2 timer interrupt %u", hyp_intid);
}

bool timer_selftest(void)
{
	uint64_t before = this_pcpu()->timer_irqs;
	uint64_t start = arch_counter_read();
	unsigned long flags = arch_irq_save();

	timer_set_deadline(start + freq / SELFTEST_DIV);
	arch_irq_enable();
	while (this_pcpu()->timer_irqs == before &&
	       arch_counter_read() - start < freq * SELFTEST_WAIT_S)
		wfi();
	arch_irq_restore(flags);
	return this_pcpu()->timer_irqs != before;
}
