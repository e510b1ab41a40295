// SPDX-License-Identifier: GPL-2.0-only
/*
 * Run queues: per-pCPU circular lists of runnable vCPUs, linked through the
 * vCPUs themselves. Order is arrival order; the pick (balance.c) scans for
 * the highest credit, so among equals the longest waiting goes first.
 */
#include "private.h"

void runq_init(unsigned int cpu)
{
	struct sched_pcpu *p = pcpu(cpu);

	p->rq.next = &p->rq;
	p->rq.prev = &p->rq;
	p->nr_queued = 0;
}

void runq_insert(unsigned int cpu, struct sched_unit *u)
{
	struct sched_pcpu *p = pcpu(cpu);

	ASSERT(!u->queued && !u->running && cpu_allowed(u, cpu));
	u->next = &p->rq;
	u->prev = p->rq.prev;
	p->rq.prev->next = u;
	p->rq.prev = u;
	u->cpu = cpu;
	u->queued = true;
	p->nr_queued++;
}

void runq_remove(struct sched_unit *u)
{
	ASSERT(u->queued);
	u->prev->next = u->next;
	u->next->prev = u->prev;
	u->next = NULL;
	u->prev = NULL;
	u->queued = false;
	pcpu(u->cpu)->nr_queued--;
}

unsigned int mask_first(uint64_t mask)
{
	unsigned int n = 0;

	ASSERT(mask);
	while (!(mask & 1)) {
		mask >>= 1;
		n++;
	}
	return n;
}

/* No __builtin_popcount: without FP/SIMD registers it becomes a libgcc call. */
unsigned int mask_weight(uint64_t mask)
{
	unsigned int n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}
