// SPDX-License-Identifier: GPL-2.0-only
/*
 * Credit and caps: what running costs, how long a slice may be, and the cap
 * periods of domains. Handing out credit at the accounting points is acct.c.
 *
 * Credit is CPU time in ns; a running vCPU burns its credit as it runs and
 * stays within [SCHED_CREDIT_MIN, SCHED_CREDIT_MAX], so neither hoarding nor
 * debt outlives about a period.
 *
 * A capped domain may run cap% of one pCPU per period: once the time its
 * vCPUs ran in the period reaches that budget it is parked (its vCPUs stay
 * queued but are not picked) until the next accounting point; an overshoot
 * (up to a period) is carried into the next period as debt.
 *
 * The scheduler keeps no list of domains (nothing tells it when one ends): it
 * reaches them through their vCPUs present on the pCPUs. sched_state.doms
 * lists the domains whose cap period is current - those active at the last
 * accounting point, and those with a vCPU woken since, whose period, stale
 * from an older one, is reset then (and only then, so that blocking and
 * waking within a period does not renew the budget).
 */
#include <xen/errno.h>
#include "private.h"

void credit_charge(struct sched_unit *u, uint64_t now)
{
	uint64_t ran = elapsed(u->start_ns, now);
	/* Bounded so that the subtraction cannot overflow: credit bottoms out anyway. */
	int64_t burn = (int64_t)MIN(ran, 4 * SCHED_PERIOD_NS);

	if (!ran)
		return;
	u->runtime_ns += ran;
	u->credit = MAX(u->credit - burn, SCHED_CREDIT_MIN);
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

/* --- cap periods --- */

int credit_dom_find(const struct domain *d)
{
	for (unsigned int i = 0; i < sched_state.nr_doms; i++)
		if (sched_state.doms[i].d == d)
			return (int)i;
	return -1;
}

int credit_dom_add(struct domain *d)
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

void credit_dom_roll(struct domain *d)
{
	struct sched_dom *s = &d->sched;
	uint64_t budget = cap_budget(d);
	uint64_t over = elapsed(budget, s->period_used_ns);

	if (!s->params.cap) {
		dom_reset(d);
		return;
	}
	/* Late timers make slices overrun: up to a period of debt is kept, caps hold on average. */
	s->period_used_ns = MIN(over, SCHED_PERIOD_NS);
	s->parked = s->period_used_ns >= budget;
	if (s->parked)
		credit_kick_running(d);
}

void credit_dom_touch(struct domain *d)
{
	if (credit_dom_find(d) >= 0)
		return;
	/* Not seen this period: its cap state is from an older one. */
	credit_dom_add(d);
	dom_reset(d);
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
