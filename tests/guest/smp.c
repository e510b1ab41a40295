// SPDX-License-Identifier: GPL-2.0-only
/*
 * Brings up every vCPU of the DT with PSCI CPU_ON. Each counts to
 * COUNT_TARGET in its own cache line; vCPU 0 then checks the counts and that
 * PSCI AFFINITY_INFO (and under the hypervisor VCPUOP_is_up) says every vCPU
 * is on. With cpu_off=1 the secondaries then call PSCI CPU_OFF and vCPU 0
 * waits for AFFINITY_INFO to say OFF.
 */
#include "lib/guest.h"

#define COUNT_TARGET        1000000
#define BRINGUP_TIMEOUT_MS  5000
#define COUNT_TIMEOUT_MS    60000
#define OFF_TIMEOUT_MS      5000
#define COUNTER_ALIGN       128      /* one counter per cache line (and then some) */

struct counter {
	uint64_t count;
	uint64_t done;
} __aligned(COUNTER_ALIGN);

const char guest_name[] = "smp";

static struct counter counters[MAX_CPUS];
static uint64_t go_off;

static void count(struct counter *c)
{
	for (uint64_t i = 0; i < COUNT_TARGET; i++)
		WRITE_ONCE(c->count, READ_ONCE(c->count) + 1);
	atomic_store_release(&c->done, 1);
}

static void secondary(void *arg)
{
	long ret;

	count(&counters[this_cpu()]);
	if (!*(const bool *)arg)
		return;
	while (!atomic_load_acquire(&go_off))
		cpu_relax();
	local_irq_disable();
	ret = psci_cpu_off();
	guest_fail("vCPU %u: PSCI CPU_OFF returned %ld", this_cpu(), ret);
}

static void wait_counted(void)
{
	uint64_t deadline = timer_deadline_ms(COUNT_TIMEOUT_MS);

	for (unsigned int cpu = 0; cpu < nr_cpus(); cpu++)
		while (!atomic_load_acquire(&counters[cpu].done))
			if (timer_expired(deadline))
				guest_fail("vCPU %u: counted to %lu of %u within %u ms", cpu,
					   READ_ONCE(counters[cpu].count), COUNT_TARGET,
					   COUNT_TIMEOUT_MS);
	for (unsigned int cpu = 0; cpu < nr_cpus(); cpu++)
		if (counters[cpu].count != COUNT_TARGET)
			guest_fail("vCPU %u: count %lu, expected %u", cpu, counters[cpu].count,
				   COUNT_TARGET);
}

static void check_all_on(void)
{
	long state;

	for (unsigned int cpu = 0; cpu < nr_cpus(); cpu++) {
		state = psci_affinity_info(platform.cpu_mpidr[cpu]);
		if (state != PSCI_AFFINITY_ON)
			guest_fail("PSCI AFFINITY_INFO(vCPU %u) = %ld, expected ON (%d)", cpu,
				   state, PSCI_AFFINITY_ON);
		if (platform.xen && xen_vcpu_is_up(cpu) != 1)
			guest_fail("VCPUOP_is_up(%u) = %ld, expected 1", cpu, xen_vcpu_is_up(cpu));
	}
}

static void wait_off(unsigned int cpu)
{
	uint64_t deadline = timer_deadline_ms(OFF_TIMEOUT_MS);
	long state;

	while ((state = psci_affinity_info(platform.cpu_mpidr[cpu])) != PSCI_AFFINITY_OFF)
		if (timer_expired(deadline))
			guest_fail("vCPU %u: AFFINITY_INFO %ld, not OFF %u ms after CPU_OFF", cpu,
				   state, OFF_TIMEOUT_MS);
}

void guest_main(void)
{
	static bool cpu_off;

	cpu_off = bootarg_u64("cpu_off", 0);
	smp_start_all(secondary, &cpu_off, BRINGUP_TIMEOUT_MS);
	guest_info("%u vCPU(s) up", nr_cpus());
	count(&counters[0]);
	wait_counted();
	check_all_on();
	guest_info("every vCPU counted to %u and is on", COUNT_TARGET);
	if (!cpu_off)
		return;
	atomic_store_release(&go_off, 1);
	for (unsigned int cpu = 1; cpu < nr_cpus(); cpu++)
		wait_off(cpu);
	guest_info("every secondary vCPU is off after CPU_OFF");
}
