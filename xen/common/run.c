// SPDX-License-Identifier: GPL-2.0-only
/* Per-pCPU run loop: scheduler decisions, slice timers, idling. */
#include <arch/cpu.h>
#include <xen/lib.h>
#include <xen/run.h>
#include <xen/timer.h>
#include <xen/vcpu_area.h>

static struct timer slice_timer[SCHED_MAX_CPUS];
static bool slice_ready[SCHED_MAX_CPUS];

static void slice_end(void *data)
{
	(void)data;
	arch_resched_set(arch_cpu_id());
}

void sched_arch_kick(unsigned int cpu)
{
	arch_resched_set(cpu);
}

static void runstate_switch(struct vcpu *prev, struct vcpu *next)
{
	uint64_t now;

	if (prev == next)
		return;
	now = now_ns();
	if (prev)
		vcpu_runstate_change(prev, vcpu_runstate_idle_state(prev), now);
	if (next)
		vcpu_runstate_change(next, RUNSTATE_running, now);
}

/* Asks the scheduler once; NULL means idle. */
static struct vcpu *pick(unsigned int cpu)
{
	uint64_t now = now_ns();
	struct sched_decision dec;

	arch_resched_clear();
	dec = sched_schedule(cpu, now);
	if (!slice_ready[cpu]) {
		timer_init(&slice_timer[cpu], slice_end, NULL);
		slice_ready[cpu] = true;
	}
	/* Idle too: the scheduler may need this pCPU back (e.g. to unpark a capped domain). */
	timer_set(&slice_timer[cpu], now + dec.slice_ns);
	return dec.next;
}

static struct vcpu *schedule_from(struct vcpu *prev)
{
	unsigned int cpu = arch_cpu_id();

	for (;;) {
		struct vcpu *next = pick(cpu);

		arch_context_switch(prev, next);
		runstate_switch(prev, next);
		if (next)
			return next;
		prev = NULL;
		while (!arch_resched_pending())
			arch_idle_wait();
	}
}

struct vcpu *run_continue(struct vcpu *v)
{
	if (arch_resched_pending() || !vcpu_runnable(v))
		return schedule_from(v);
	return v;
}

struct vcpu *run_first(void)
{
	return schedule_from(NULL);
}
