// SPDX-License-Identifier: GPL-2.0-only
/* Secondary vCPU start-up (see smp.h). */
#include <xen/lib.h>
#include "gic.h"
#include "psci.h"
#include "report.h"
#include "smp.h"
#include "spinlock.h"
#include "timer.h"

struct cpu_start {
	cpu_fn_t fn;
	void *arg;
	uint64_t online;
};

static struct cpu_start starts[MAX_CPUS];

long smp_cpu_on(unsigned int cpu, cpu_fn_t fn, void *arg)
{
	if (cpu >= nr_cpus() || cpu == this_cpu())
		return PSCI_INVALID_PARAMETERS;
	starts[cpu].fn = fn;
	starts[cpu].arg = arg;
	atomic_store_release(&starts[cpu].online, 0);
	dsb(ish);
	return psci_cpu_on(platform.cpu_mpidr[cpu], (uint64_t)secondary_entry, cpu);
}

bool smp_wait_online(unsigned int cpu, uint64_t timeout_ms)
{
	uint64_t deadline = timer_deadline_ms(timeout_ms);

	while (!atomic_load_acquire(&starts[cpu].online)) {
		if (timer_expired(deadline))
			return false;
		cpu_relax();
	}
	return true;
}

void smp_start_all(cpu_fn_t fn, void *arg, uint64_t timeout_ms)
{
	long ret;

	for (unsigned int cpu = 1; cpu < nr_cpus(); cpu++) {
		ret = smp_cpu_on(cpu, fn, arg);
		if (ret != PSCI_SUCCESS)
			guest_fail("PSCI CPU_ON of vCPU %u (MPIDR 0x%lx) returned %ld", cpu,
				   platform.cpu_mpidr[cpu], ret);
	}
	for (unsigned int cpu = 1; cpu < nr_cpus(); cpu++)
		if (!smp_wait_online(cpu, timeout_ms))
			guest_fail("vCPU %u not up within %lu ms", cpu, timeout_ms);
}

void secondary_main(unsigned int cpu)
{
	uint64_t mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	struct cpu_start *s = &starts[cpu];

	if (mpidr != platform.cpu_mpidr[cpu])
		guest_fail("vCPU %u started with MPIDR 0x%lx, its cpu node says 0x%lx", cpu, mpidr,
			   platform.cpu_mpidr[cpu]);
	gic_cpu_init();
	atomic_store_release(&s->online, 1);
	local_irq_enable();
	s->fn(s->arg);
	for (;;)
		wfi();
}
