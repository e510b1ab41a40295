// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scheduler core: set-up, the vCPU life cycle (wake, sleep, yield, affinity)
 * and the scheduling decision. Credit and caps live in credit.c, placement
 * and work stealing in balance.c, the queues in runq.c.
 */
#include <xen/errno.h>
#include "private.h"

struct sched_state sched_state;

void sched_init(unsigned int nr_cpus)
{
	unsigned int cpu;

	BUG_ON(nr_cpus == 0 || nr_cpus > SCHED_MAX_CPUS);
	memset(&sched_state, 0, sizeof(sched_state));
	spin_lock_init(&sched_state.lock);
	sched_state.nr_cpus = nr_cpus;
	sched_state.cpu_mask = nr_cpus == 64 ? ~(uint64_t)0 : CPU_BIT(nr_cpus) - 1;
	for_each_cpu(cpu)
		runq_init(cpu);
}

unsigned int sched_nr_cpus(void)
{
	return sched_state.nr_cpus;
}

void sched_domain_init(struct domain *d)
{
	d->sched.params.weight = SCHED_DEFAULT_WEIGHT;
	d->sched.params.cap = 0;
	d->sched.period_used_ns = 0;
	d->sched.parked = false;
}

void sched_vcpu_init(struct vcpu *v)
{
	struct sched_unit *u = &v->sched;

	memset(u, 0, sizeof(*u));
	u->affinity = sched_state.cpu_mask;
	u->cpu = sched_state.nr_cpus ? v->id % sched_state.nr_cpus : 0;
}

void sched_vcpu_destroy(struct vcpu *v)
{
	struct sched_unit *u = &v->sched;
	unsigned long flags = sched_lock();

	/* Callers sleep v first; should one not, leave no pCPU or queue pointing at v. */
	if (u->queued)
		runq_remove(u);
	if (u->running) {
		pcpu(u->cpu)->curr = NULL;
		pcpu(u->cpu)->yielder = NULL;
		sched_arch_kick(u->cpu);
	}
	u->runnable = false;
	u->running = false;
	sched_unlock(flags);
}

int sched_set_affinity(struct vcpu *v, uint64_t mask, uint64_t now_ns)
{
	struct sched_unit *u = &v->sched;
	unsigned long flags;

	mask &= sched_state.cpu_mask;
	if (!mask)
		return -EINVAL;
	flags = sched_lock();
	u->affinity = mask;
	if (u->running) {
		/* Its pCPU moves it at the decision. */
		if (!cpu_allowed(u, u->cpu))
			sched_arch_kick(u->cpu);
	} else if (u->queued && (!cpu_allowed(u, u->cpu) || balance_has_idle(u))) {
		runq_remove(u);
		balance_place(u);
	} else if (!cpu_allowed(u, u->cpu)) {
		u->cpu = mask_first(mask);
	}
	sched_unlock(flags);
	return 0;
}

void sched_wake(struct vcpu *v, uint64_t now_ns)
{
	struct sched_unit *u = &v->sched;
	unsigned long flags = sched_lock();

	if (!u->runnable) {
		u->runnable = true;
		credit_dom_touch(v->domain);
		/* Still running (its sleep not yet acted on): its pCPU keeps it. */
		if (!u->running)
			balance_place(u);
	}
	sched_unlock(flags);
}

void sched_sleep(struct vcpu *v, uint64_t now_ns)
{
	struct sched_unit *u = &v->sched;
	unsigned long flags = sched_lock();

	if (u->runnable) {
		u->runnable = false;
		if (u->queued)
			runq_remove(u);
		if (u->running)
			sched_arch_kick(u->cpu);
	}
	sched_unlock(flags);
}

/* Kicks v's pCPU, whose next decision prefers any other eligible vCPU to v. */
bool sched_others_waiting(unsigned int cpu)
{
	return __atomic_load_n(&pcpu(cpu)->nr_queued, __ATOMIC_RELAXED) != 0;
}

void sched_yield(struct vcpu *v, uint64_t now_ns)
{
	struct sched_unit *u = &v->sched;
	unsigned long flags = sched_lock();

	if (u->running && u->runnable) {
		pcpu(u->cpu)->yielder = u;
		sched_arch_kick(u->cpu);
	}
	sched_unlock(flags);
}

/* Takes cpu's current vCPU off: accounts it and queues it again if still runnable. */
static void deschedule(unsigned int cpu, uint64_t now)
{
	struct sched_pcpu *p = pcpu(cpu);
	struct sched_unit *prev = p->curr;

	if (!prev)
		return;
	credit_charge(prev, now);
	prev->running = false;
	p->curr = NULL;
	credit_cap_enforce(unit_dom(prev), now);
	if (!prev->runnable)
		return;
	if (cpu_allowed(prev, cpu))
		runq_insert(cpu, prev);
	else
		balance_place(prev);
}

static void run_unit(unsigned int cpu, struct sched_unit *u, uint64_t now)
{
	runq_remove(u);
	u->cpu = cpu;
	u->running = true;
	u->start_ns = now;
	pcpu(cpu)->curr = u;
}

struct sched_decision sched_schedule(unsigned int cpu, uint64_t now_ns)
{
	uint64_t kicked = CPU_BIT(cpu), slice;
	struct sched_unit *next;
	bool accounted = false;
	unsigned long flags;

	BUG_ON(cpu >= sched_state.nr_cpus);
	flags = sched_lock();
	if (now_ns >= sched_state.next_acct_ns) {
		credit_account(now_ns);
		accounted = true;
	}
	deschedule(cpu, now_ns);
	next = balance_pick(cpu, pcpu(cpu)->yielder);
	pcpu(cpu)->yielder = NULL;
	if (next)
		run_unit(cpu, next, now_ns);
	/* Work left queued while allowed pCPUs idle: have them take it. */
	if (accounted)
		balance_tickle_all(&kicked);
	else
		balance_tickle(cpu, &kicked);
	slice = credit_slice(next, now_ns);
	sched_unlock(flags);
	return (struct sched_decision){ .next = next ? unit_vcpu(next) : NULL, .slice_ns = slice };
}

struct vcpu *sched_current(unsigned int cpu)
{
	struct vcpu *v = NULL;
	unsigned long flags;

	if (cpu >= sched_state.nr_cpus)
		return NULL;
	flags = sched_lock();
	if (pcpu(cpu)->curr)
		v = unit_vcpu(pcpu(cpu)->curr);
	sched_unlock(flags);
	return v;
}

uint64_t sched_runtime_ns(const struct vcpu *v, uint64_t now_ns)
{
	const struct sched_unit *u = &v->sched;
	unsigned long flags = sched_lock();
	uint64_t t = u->runtime_ns;

	if (u->running)
		t += elapsed(u->start_ns, now_ns);
	sched_unlock(flags);
	return t;
}
