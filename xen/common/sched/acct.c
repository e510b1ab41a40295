// SPDX-License-Identifier: GPL-2.0-only
/*
 * The accounting point (every SCHED_PERIOD_NS, aligned): new cap periods, and
 * one period of pCPU time handed out as credit to the active vCPUs (those
 * running or queued).
 *
 * The pCPUs are first split into groups that the active vCPUs' affinities
 * link (two pCPUs are in one group if some vCPU may run on both, directly or
 * through others). Each group's time is shared only by the vCPUs confined to
 * it: two domains pinned to pCPU 0 share pCPU 0, whatever runs elsewhere.
 *
 * Within a group, each domain present gets a part of the group's time by its
 * weight, scaled by the fraction of its active vCPUs that are there. "Water
 * filling": a domain never gets more than it can use there - its vCPUs, the
 * pCPUs they may use, its cap - and what it leaves goes to the others by
 * their weights. A domain's part is split evenly over its vCPUs there.
 */
#include "private.h"

#define WEIGHT_SHIFT 12  /* fixed-point weights: a domain's weight scaled by a vCPU fraction */

static void for_each_active(void (*fn)(struct sched_unit *u, void *arg), void *arg)
{
	struct sched_unit *u;
	unsigned int cpu;

	for_each_cpu(cpu) {
		if (pcpu(cpu)->curr)
			fn(pcpu(cpu)->curr, arg);
		for_each_queued(u, cpu)
			fn(u, arg);
	}
}

static uint64_t unit_mask(const struct sched_unit *u)
{
	return u->affinity & sched_state.cpu_mask;
}

/* Running vCPUs pay up to now, into the period that ends. */
static void checkpoint_unit(struct sched_unit *u, void *arg)
{
	if (u->running)
		credit_charge(u, *(const uint64_t *)arg);
}

/* Domains active now: their new cap period starts. */
static void collect_dom(struct sched_unit *u, void *arg)
{
	struct domain *d = unit_dom(u);
	int i = credit_dom_find(d);

	if (i < 0) {
		i = credit_dom_add(d);
		if (i < 0)
			return;
		credit_dom_roll(d);
	}
	sched_state.doms[i].nr_active++;
}

/* Groups are disjoint: a mask joins (and merges) every group it meets. */
static void collect_group(struct sched_unit *u, void *arg)
{
	uint64_t mask = unit_mask(u), merged = mask;
	unsigned int i = 0;

	if (!mask)
		return;
	while (i < sched_state.nr_groups) {
		if (sched_state.groups[i] & mask) {
			merged |= sched_state.groups[i];
			sched_state.groups[i] = sched_state.groups[--sched_state.nr_groups];
		} else {
			i++;
		}
	}
	sched_state.groups[sched_state.nr_groups++] = merged;
}

static int group_of(const struct sched_unit *u)
{
	for (unsigned int i = 0; i < sched_state.nr_groups; i++)
		if (sched_state.groups[i] & unit_mask(u))
			return (int)i;
	return -1;
}

/* u's slice: its domain's vCPUs in its group; created if add. -1 if none (or no room). */
static int slice_of(const struct sched_unit *u, bool add)
{
	int dom = credit_dom_find(unit_dom(u)), group = group_of(u);
	struct sched_slice *s;
	unsigned int i;

	if (dom < 0 || group < 0)
		return -1;
	for (i = 0; i < sched_state.nr_slices; i++) {
		s = &sched_state.slices[i];
		if (s->dom == (unsigned int)dom && s->group == (unsigned int)group)
			return (int)i;
	}
	if (!add || i == ARRAY_SIZE(sched_state.slices))
		return -1;
	sched_state.slices[i] = (struct sched_slice){ .dom = dom, .group = group };
	sched_state.nr_slices++;
	return (int)i;
}

static void collect_slice(struct sched_unit *u, void *arg)
{
	int i = slice_of(u, true);

	if (i < 0) {
		*(bool *)arg = true;
		return;
	}
	sched_state.slices[i].nr++;
	sched_state.slices[i].affinity |= unit_mask(u);
}

/* One slice per (domain, group); too many for the table: one group of all pCPUs. */
static void collect_slices(void)
{
	bool overflow = false;
	uint64_t all = 0;

	sched_state.nr_slices = 0;
	for_each_active(collect_slice, &overflow);
	if (!overflow)
		return;
	for (unsigned int i = 0; i < sched_state.nr_groups; i++)
		all |= sched_state.groups[i];
	sched_state.groups[0] = all;
	sched_state.nr_groups = 1;
	sched_state.nr_slices = 0;
	for_each_active(collect_slice, &overflow);
}

static void weigh_slice(struct sched_slice *s)
{
	const struct sched_acct_dom *a = &sched_state.doms[s->dom];
	const struct domain *d = a->d;
	uint64_t cpus = MIN(s->nr, mask_weight(s->affinity));

	s->weight = ((uint64_t)d->sched.params.weight << WEIGHT_SHIFT) * s->nr / a->nr_active;
	s->demand = cpus * SCHED_PERIOD_NS;
	if (d->sched.params.cap)
		s->demand = MIN(s->demand, cap_budget(d) * s->nr / a->nr_active);
	s->share_ns = 0;
	s->fixed = false;
}

/*
 * One round of water filling in group g: settles every slice whose demand is
 * within its weighted part of what is left. Returns false when none was.
 */
static bool fill_round(unsigned int g, uint64_t *capacity, uint64_t *weight)
{
	uint64_t cap0 = *capacity, w0 = *weight;
	bool changed = false;

	for (unsigned int i = 0; i < sched_state.nr_slices; i++) {
		struct sched_slice *s = &sched_state.slices[i];

		if (s->group != g || s->fixed || s->demand > cap0 * s->weight / w0)
			continue;
		s->share_ns = s->demand;
		s->fixed = true;
		*capacity -= s->demand;
		*weight -= s->weight;
		changed = true;
	}
	return changed;
}

static void distribute(unsigned int g)
{
	uint64_t capacity = mask_weight(sched_state.groups[g]) * SCHED_PERIOD_NS, weight = 0;
	unsigned int i;

	for (i = 0; i < sched_state.nr_slices; i++)
		if (sched_state.slices[i].group == g)
			weight += sched_state.slices[i].weight;
	while (weight && fill_round(g, &capacity, &weight))
		;
	for (i = 0; i < sched_state.nr_slices; i++) {
		struct sched_slice *s = &sched_state.slices[i];

		if (s->group == g && !s->fixed)
			s->share_ns = capacity * s->weight / weight;
	}
}

static void credit_unit(struct sched_unit *u, void *arg)
{
	const struct sched_slice *s;
	int i = slice_of(u, false);

	if (i < 0)
		return;
	s = &sched_state.slices[i];
	u->credit = MIN(u->credit + (int64_t)(s->share_ns / s->nr), SCHED_CREDIT_MAX);
}

void credit_account(uint64_t now)
{
	unsigned int i;

	for_each_active(checkpoint_unit, &now);
	sched_state.nr_doms = 0;
	for_each_active(collect_dom, NULL);
	sched_state.nr_groups = 0;
	for_each_active(collect_group, NULL);
	collect_slices();
	for (i = 0; i < sched_state.nr_slices; i++)
		weigh_slice(&sched_state.slices[i]);
	for (i = 0; i < sched_state.nr_groups; i++)
		distribute(i);
	for_each_active(credit_unit, NULL);
	sched_state.next_acct_ns = (now / SCHED_PERIOD_NS + 1) * SCHED_PERIOD_NS;
}
