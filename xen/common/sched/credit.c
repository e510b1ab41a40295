// SPDX-License-Identifier: GPL-2.0-only
/*
 * Credit accounting and caps.
 *
 * Credit is CPU time in ns. A running vCPU burns its credit as it runs. At
 * each accounting point (every SCHED_PERIOD_NS, aligned), one period of the
 * pCPUs that the active vCPUs may use is handed out to the active domains in
 * proportion to their weights ("water filling": a domain never gets more than
 * it can use - its active vCPUs, the pCPUs their affinity allows, its cap -
 * and the rest goes to the others), and each domain's share is split evenly
 * over its active vCPUs. Credit stays within [SCHED_CREDIT_MIN,
 * SCHED_CREDIT_MAX], so neither hoarding nor debt outlives about a period.
 *
 * A capped domain may run cap% of one pCPU per period: once the time its
 * vCPUs ran in the period reaches that budget it is parked (its vCPUs stay
 * queued but are not picked) until the next accounting point; an overshoot is
 * carried into the next period as debt.
 */
#include <xen/errno.h>
#include "private.h"

static uint64_t cap_budget(const struct domain *d)
{
	return (uint64_t)d->sched.params.cap * SCHED_PERIOD_NS / 100;
}

void credit_charge(struct sched_unit *u, uint64_t now)
{
	uint64_t ran = elapsed(u->start_ns, now);

	if (!ran)
		return;
	u->runtime_ns += ran;
	u->credit = MAX(u->credit - (int64_t)ran, SCHED_CREDIT_MIN);
	unit_dom(u)->sched.period_used_ns += ran;
	u->start_ns = now;
}

/* Time d used in this period, counting its slices in progress; *nr_running: how many run. */
static uint64_t dom_used_live(const struct domain *d, uint64_t now, unsigned int *nr_running)
{
	uint64_t used = d->sched.period_used_ns;
	unsigned int cpu, n = 0;

	for_each_cpu(cpu) {
		const struct sched_unit *c = pcpu(cpu)->curr;

		if (c && unit_dom(c) == d) {
			used += elapsed(c->start_ns, now);
			n++;
		}
	}
	if (nr_running)
		*nr_running = n;
	return used;
}

void credit_kick_running(const struct domain *d)
{
	unsigned int cpu;

	for_each_cpu(cpu) {
		const struct sched_unit *c = pcpu(cpu)->curr;

		if (c && unit_dom(c) == d)
			sched_arch_kick(cpu);
	}
}

void credit_cap_enforce(struct domain *d, uint64_t now)
{
	if (!d->sched.params.cap || d->sched.parked)
		return;
	if (dom_used_live(d, now, NULL) < cap_budget(d))
		return;
	d->sched.parked = true;
	credit_kick_running(d);
}

uint64_t credit_slice(const struct sched_unit *u, uint64_t now)
{
	uint64_t slice = sched_state.next_acct_ns - now;
	const struct domain *d;
	uint64_t used, budget, left;
	unsigned int n;

	if (!u)
		return slice;
	slice = MIN(slice, SCHED_SLICE_NS);
	d = unit_dom(u);
	if (!d->sched.params.cap)
		return slice;
	/* Share what is left of the budget among the domain's running vCPUs. */
	used = dom_used_live(d, now, &n);
	budget = cap_budget(d);
	left = used < budget ? (budget - used) / MAX(n, 1U) : 0;
	return MIN(slice, MAX(left, SCHED_CAP_MIN_SLICE_NS));
}

/* --- the accounting point --- */

static int acct_find(const struct domain *d)
{
	for (unsigned int i = 0; i < sched_state.nr_doms; i++)
		if (sched_state.doms[i].d == d)
			return (int)i;
	return -1;
}

static int acct_add(struct domain *d)
{
	struct sched_acct_dom *a;

	if (sched_state.nr_doms == ARRAY_SIZE(sched_state.doms))
		return -1;
	a = &sched_state.doms[sched_state.nr_doms];
	*a = (struct sched_acct_dom){ .d = d };
	return (int)sched_state.nr_doms++;
}

static void dom_reset(struct domain *d)
{
	d->sched.period_used_ns = 0;
	d->sched.parked = false;
}

/* Start a new period for d: an overshoot of its budget becomes debt. */
static void dom_roll(struct domain *d)
{
	struct sched_dom *s = &d->sched;
	uint64_t budget = cap_budget(d);
	uint64_t over = elapsed(budget, s->period_used_ns);

	if (!s->params.cap) {
		dom_reset(d);
		return;
	}
	s->period_used_ns = MIN(over, budget);
	s->parked = s->period_used_ns >= budget;
	if (s->parked)
		credit_kick_running(d);
}

void credit_dom_touch(struct domain *d)
{
	if (acct_find(d) >= 0)
		return;
	/* Not seen this period: its cap state is from an older one. */
	acct_add(d);
	dom_reset(d);
}

/* Calls fn on every vCPU present on a pCPU, running or queued. */
static void for_each_active(void (*fn)(struct sched_unit *u, uint64_t now), uint64_t now)
{
	struct sched_unit *u;
	unsigned int cpu;

	for_each_cpu(cpu) {
		if (pcpu(cpu)->curr)
			fn(pcpu(cpu)->curr, now);
		for_each_queued(u, cpu)
			fn(u, now);
	}
}

static void checkpoint_unit(struct sched_unit *u, uint64_t now)
{
	if (u->running)
		credit_charge(u, now);
}

static void collect_unit(struct sched_unit *u, uint64_t now)
{
	struct domain *d = unit_dom(u);
	int i = acct_find(d);

	if (i < 0) {
		i = acct_add(d);
		if (i < 0)
			return;
		dom_roll(d);
	}
	sched_state.doms[i].nr_active++;
	sched_state.doms[i].affinity |= u->affinity;
}

static void credit_unit(struct sched_unit *u, uint64_t now)
{
	const struct sched_acct_dom *a;
	int i = acct_find(unit_dom(u));

	if (i < 0)
		return;
	a = &sched_state.doms[i];
	u->credit = MIN(u->credit + (int64_t)(a->share_ns / a->nr_active), SCHED_CREDIT_MAX);
}

/* The most a domain can use in a period. */
static uint64_t dom_demand(const struct sched_acct_dom *a)
{
	uint64_t cpus = MIN(a->nr_active, mask_weight(a->affinity & sched_state.cpu_mask));
	uint64_t demand = cpus * SCHED_PERIOD_NS;

	if (a->d->sched.params.cap)
		demand = MIN(demand, cap_budget(a->d));
	return demand;
}

/*
 * One round of water filling: fixes the share of every domain whose demand is
 * below its weighted part of what is left. Returns false when none was.
 */
static bool fill_round(uint64_t *capacity, uint64_t *weight)
{
	uint64_t cap0 = *capacity, w0 = *weight;
	bool changed = false;

	for (unsigned int i = 0; i < sched_state.nr_doms; i++) {
		struct sched_acct_dom *a = &sched_state.doms[i];
		uint64_t w = a->d->sched.params.weight, demand;

		if (a->fixed)
			continue;
		demand = dom_demand(a);
		if (demand > cap0 * w / w0)
			continue;
		a->share_ns = demand;
		a->fixed = true;
		*capacity -= demand;
		*weight -= w;
		changed = true;
	}
	return changed;
}

static void distribute(uint64_t capacity)
{
	uint64_t weight = 0;
	unsigned int i;

	for (i = 0; i < sched_state.nr_doms; i++)
		weight += sched_state.doms[i].d->sched.params.weight;
	while (weight && fill_round(&capacity, &weight))
		;
	for (i = 0; i < sched_state.nr_doms; i++) {
		struct sched_acct_dom *a = &sched_state.doms[i];

		if (!a->fixed)
			a->share_ns = capacity * a->d->sched.params.weight / weight;
	}
}

void credit_account(uint64_t now)
{
	uint64_t cpus = 0;

	for_each_active(checkpoint_unit, now);
	sched_state.nr_doms = 0;
	for_each_active(collect_unit, now);
	for (unsigned int i = 0; i < sched_state.nr_doms; i++)
		cpus |= sched_state.doms[i].affinity;
	distribute(mask_weight(cpus & sched_state.cpu_mask) * SCHED_PERIOD_NS);
	for_each_active(credit_unit, now);
	sched_state.next_acct_ns = (now / SCHED_PERIOD_NS + 1) * SCHED_PERIOD_NS;
}

/* --- parameters --- */

static bool in_range(unsigned int v, unsigned int lo, unsigned int hi)
{
	return v >= lo && v <= hi;
}

int sched_set_params(struct domain *d, const struct sched_params *p)
{
	uint64_t kicked = 0;
	bool was_parked, new_cap;
	unsigned long flags;

	if (!in_range(p->weight, SCHED_MIN_WEIGHT, SCHED_MAX_WEIGHT) ||
	    !in_range(p->cap, 0, SCHED_MAX_CAP))
		return -EINVAL;
	flags = sched_lock();
	was_parked = d->sched.parked;
	new_cap = p->cap != d->sched.params.cap;
	d->sched.params = *p;
	d->sched.parked = p->cap && d->sched.period_used_ns >= cap_budget(d);
	/* Running vCPUs get a slice fitting the new cap (or are parked) at once. */
	if (new_cap)
		credit_kick_running(d);
	if (!d->sched.parked && was_parked)
		balance_tickle_all(&kicked);
	sched_unlock(flags);
	return 0;
}

void sched_get_params(const struct domain *d, struct sched_params *p)
{
	unsigned long flags = sched_lock();

	*p = d->sched.params;
	sched_unlock(flags);
}
