// SPDX-License-Identifier: GPL-2.0-only
/*
 * Where vCPUs go and what a pCPU runs.
 *
 * Picking: a pCPU runs the highest-credit eligible vCPU (runnable, domain not
 * parked, affinity allows this pCPU) from its own queue, unless another
 * pCPU's queue holds one with strictly more credit, which it then takes: the
 * queues behave as one global credit order, with a preference for local work.
 * An idle pCPU therefore takes any work it is allowed to run.
 *
 * Placing (wake, affinity change, preempted vCPU no longer allowed): an idle
 * allowed pCPU if there is one, else the allowed pCPU running the vCPU with
 * the least credit, which is kicked if the newcomer has more.
 *
 * Tickling: work left queued while an allowed pCPU idles makes that pCPU
 * reschedule (and steal it).
 */
#include "private.h"

bool unit_eligible(const struct sched_unit *u, unsigned int cpu)
{
	return u->runnable && !unit_dom(u)->sched.parked && cpu_allowed(u, cpu);
}

/* The highest-credit vCPU queued on qcpu that may run on cpu, skip aside; the first of equals. */
static struct sched_unit *runq_best(unsigned int qcpu, unsigned int cpu,
				    const struct sched_unit *skip)
{
	struct sched_unit *u, *best = NULL;

	for_each_queued(u, qcpu)
		if (u != skip && unit_eligible(u, cpu) && (!best || u->credit > best->credit))
			best = u;
	return best;
}

struct sched_unit *balance_pick(unsigned int cpu, struct sched_unit *yielder)
{
	struct sched_unit *best = runq_best(cpu, cpu, yielder), *u;
	unsigned int nr = sched_state.nr_cpus;

	for (unsigned int i = 1; i < nr; i++) {
		u = runq_best((cpu + i) % nr, cpu, yielder);
		if (u && (!best || u->credit > best->credit))
			best = u;
	}
	if (!best && yielder && yielder->queued && unit_eligible(yielder, cpu))
		best = yielder;
	return best;
}

/* pCPUs running nothing; with empty_queue, only those with nothing queued either. */
static uint64_t idle_mask(bool empty_queue)
{
	uint64_t mask = 0;
	unsigned int cpu;

	for_each_cpu(cpu)
		if (!pcpu(cpu)->curr && (!empty_queue || !pcpu(cpu)->nr_queued))
			mask |= CPU_BIT(cpu);
	return mask;
}

/* An allowed pCPU with nothing to do, u's last one first; -1 if none. */
static int find_idle(const struct sched_unit *u)
{
	uint64_t mask = u->affinity & idle_mask(true);

	if (!mask)
		return -1;
	return (int)((mask & CPU_BIT(u->cpu)) ? u->cpu : mask_first(mask));
}

bool balance_has_idle(const struct sched_unit *u)
{
	return find_idle(u) >= 0;
}

/* The allowed pCPU whose current vCPU has the least credit (idle: least of all), u's on ties. */
static unsigned int find_weakest(const struct sched_unit *u)
{
	unsigned int cpu, best = sched_state.nr_cpus;
	int64_t best_credit = 0;

	for_each_cpu(cpu) {
		const struct sched_unit *c = pcpu(cpu)->curr;
		int64_t credit = c ? c->credit : INT64_MIN;

		if (!cpu_allowed(u, cpu))
			continue;
		if (best == sched_state.nr_cpus || credit < best_credit ||
		    (credit == best_credit && cpu == u->cpu)) {
			best = cpu;
			best_credit = credit;
		}
	}
	ASSERT(best < sched_state.nr_cpus);
	return best;
}

void balance_place(struct sched_unit *u)
{
	int idle = find_idle(u);
	unsigned int cpu = idle >= 0 ? (unsigned int)idle : find_weakest(u);
	const struct sched_unit *c = pcpu(cpu)->curr;

	runq_insert(cpu, u);
	if (unit_eligible(u, cpu) && (!c || u->credit > c->credit))
		sched_arch_kick(cpu);
}

void balance_tickle(unsigned int qcpu, uint64_t *kicked)
{
	uint64_t idle = idle_mask(false) & ~*kicked;
	struct sched_unit *u;

	for_each_queued(u, qcpu) {
		uint64_t mask = u->affinity & idle;
		unsigned int cpu;

		if (!mask || !u->runnable || unit_dom(u)->sched.parked)
			continue;
		cpu = (mask & CPU_BIT(qcpu)) ? qcpu : mask_first(mask);
		sched_arch_kick(cpu);
		idle &= ~CPU_BIT(cpu);
		*kicked |= CPU_BIT(cpu);
	}
}

void balance_tickle_all(uint64_t *kicked)
{
	unsigned int cpu;

	for_each_cpu(cpu)
		balance_tickle(cpu, kicked);
}
