// SPDX-License-Identifier: GPL-2.0-only
/* Scheduler debugging: the run-queue dump (debug key) and a consistency check. */
#include <xen/errno.h>
#include "private.h"

static void dump_unit(const char *what, const struct sched_unit *u)
{
	const struct vcpu *v = unit_vcpu(u);

	printk("    %s d%u v%u credit %lld runtime %llu%s%s\n", what, v->domain->id, v->id,
	       (long long)u->credit, (unsigned long long)u->runtime_ns,
	       u->runnable ? "" : " (sleeping)", v->domain->sched.parked ? " (parked)" : "");
}

void sched_dump(void)
{
	unsigned long flags = sched_lock();
	const struct sched_unit *u;
	unsigned int cpu;

	printk("sched: %u pCPUs, next accounting at %llu ns\n", sched_state.nr_cpus,
	       (unsigned long long)sched_state.next_acct_ns);
	for_each_cpu(cpu) {
		const struct sched_pcpu *p = pcpu(cpu);

		printk("  cpu%u: %u queued%s\n", cpu, p->nr_queued, p->curr ? "" : ", idle");
		if (p->curr)
			dump_unit("running", p->curr);
		for_each_queued(u, cpu)
			dump_unit("queued ", u);
	}
	sched_unlock(flags);
}

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printk("sched: cpu%u: '%s' does not hold\n", cpu, #cond); \
			return -EINVAL;                                        \
		}                                                              \
	} while (0)

static bool credit_in_range(const struct sched_unit *u)
{
	return u->credit >= SCHED_CREDIT_MIN && u->credit <= SCHED_CREDIT_MAX;
}

static int check_queue(unsigned int cpu)
{
	const struct sched_pcpu *p = pcpu(cpu);
	const struct sched_unit *u = &p->rq;
	unsigned int n = 0;

	CHECK(u->next && u->prev);
	for (u = p->rq.next; u != &p->rq; u = u->next) {
		CHECK(++n <= p->nr_queued);
		CHECK(u->next && u->next->prev == u && u->prev->next == u);
		CHECK(u->queued && !u->running && u->runnable);
		CHECK(u->cpu == cpu && cpu_allowed(u, cpu));
		CHECK(credit_in_range(u));
	}
	CHECK(n == p->nr_queued);
	return 0;
}

static int check_current(unsigned int cpu)
{
	const struct sched_pcpu *p = pcpu(cpu);
	const struct sched_unit *c = p->curr;
	unsigned int other;

	CHECK(!p->yielder || p->yielder == c);
	if (!c)
		return 0;
	CHECK(c->running && !c->queued && c->cpu == cpu);
	CHECK(credit_in_range(c));
	for (other = 0; other < cpu; other++)
		CHECK(pcpu(other)->curr != c);
	return 0;
}

int sched_check_invariants(void)
{
	unsigned long flags = sched_lock();
	unsigned int cpu;
	int rc = 0;

	for_each_cpu(cpu) {
		rc = check_queue(cpu);
		if (!rc)
			rc = check_current(cpu);
		if (rc)
			break;
	}
	sched_unlock(flags);
	return rc;
}
