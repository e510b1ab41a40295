// SPDX-License-Identifier: GPL-2.0-only
/* The pCPU simulator behind the scheduler suites (see test_sched_sim.h). */
#include "test_sched_sim.h"
#include <asm/fake.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../xen/common/sched/private.h"

#define SAME_TIME_LIMIT 256  /* decisions at one instant before we call it a livelock */
#define MAX_REPORTS     10

static __printf(2, 3) void violation(struct sim *s, const char *fmt, ...)
{
	va_list ap;

	if (s->violations++ >= MAX_REPORTS)
		return;
	fprintf(stderr, "\nsim @%llu ns: ", (unsigned long long)s->now);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static struct sim_vcpu *sv_of(struct sim *s, const struct vcpu *v)
{
	for (unsigned int i = 0; i < s->nr_vcpus; i++)
		if (s->vcpus[i].v == v)
			return &s->vcpus[i];
	return NULL;
}

void sim_init(struct sim *s, unsigned int nr_cpus)
{
	memset(s, 0, sizeof(*s));
	s->nr_cpus = nr_cpus;
	s->check_invariants = true;
	sched_init(nr_cpus);
	fake_hooks_reset();
}

struct domain *sim_domain(struct sim *s, unsigned int nr_vcpus, uint16_t weight, uint16_t cap)
{
	struct sched_params p = { .weight = weight, .cap = cap };
	struct domain *d = calloc(1, sizeof(*d));

	if (!d || s->nr_doms == SIM_MAX_DOMS || s->nr_vcpus + nr_vcpus > SIM_MAX_VCPUS)
		abort();
	d->id = (domid_t)(s->nr_doms + 1);
	d->nr_vcpus = nr_vcpus;
	sched_domain_init(d);
	for (unsigned int i = 0; i < nr_vcpus; i++) {
		struct vcpu *v = calloc(1, sizeof(*v));
		struct sim_vcpu *sv = &s->vcpus[s->nr_vcpus++];

		if (!v)
			abort();
		v->id = i;
		v->domain = d;
		d->vcpus[i] = v;
		sched_vcpu_init(v);
		sv->v = v;
		sv->affinity = sched_state.cpu_mask;
	}
	if (sched_set_params(d, &p))
		violation(s, "sched_set_params(%u, %u) failed", weight, cap);
	s->doms[s->nr_doms++] = d;
	return d;
}

void sim_free(struct sim *s)
{
	unsigned int i;

	for (i = 0; i < s->nr_vcpus; i++)
		sim_sleep(s, s->vcpus[i].v);
	for (i = 0; i < s->nr_cpus; i++)
		if (sched_schedule(i, s->now).next)
			violation(s, "cpu%u still runs a vCPU after all slept", i);
	for (i = 0; i < s->nr_vcpus; i++) {
		sched_vcpu_destroy(s->vcpus[i].v);
		free(s->vcpus[i].v);
	}
	for (i = 0; i < s->nr_doms; i++)
		free(s->doms[i]);
	s->nr_vcpus = 0;
	s->nr_doms = 0;
}

bool sim_finish(struct sim *s)
{
	for (unsigned int i = 0; i < s->nr_vcpus; i++) {
		const struct sim_vcpu *sv = &s->vcpus[i];
		uint64_t rt = sched_runtime_ns(sv->v, s->now);

		if (rt != sv->ran_ns)
			violation(s, "d%u v%u: sched_runtime_ns %llu, simulator %llu",
				  sv->v->domain->id, sv->v->id, (unsigned long long)rt,
				  (unsigned long long)sv->ran_ns);
	}
	sim_free(s);
	return s->violations == 0;
}

void sim_collect_kicks(struct sim *s)
{
	for (unsigned int c = 0; c < s->nr_cpus; c++) {
		if (fake_kicks[c] == s->seen_kicks[c])
			continue;
		s->seen_kicks[c] = fake_kicks[c];
		s->next[c] = s->now;
	}
}

void sim_wake(struct sim *s, struct vcpu *v)
{
	sv_of(s, v)->runnable = true;
	sched_wake(v, s->now);
	sim_collect_kicks(s);
}

void sim_wake_domain(struct sim *s, struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		sim_wake(s, d->vcpus[i]);
}

void sim_sleep(struct sim *s, struct vcpu *v)
{
	sv_of(s, v)->runnable = false;
	sched_sleep(v, s->now);
	sim_collect_kicks(s);
}

void sim_yield(struct sim *s, struct vcpu *v)
{
	sched_yield(v, s->now);
	sim_collect_kicks(s);
}

int sim_affinity(struct sim *s, struct vcpu *v, uint64_t mask)
{
	int rc = sched_set_affinity(v, mask, s->now);

	if (!rc)
		sv_of(s, v)->affinity = mask & sched_state.cpu_mask;
	sim_collect_kicks(s);
	return rc;
}

void sim_set_burst(struct sim *s, struct vcpu *v, uint64_t burst_ns, uint64_t sleep_ns)
{
	struct sim_vcpu *sv = sv_of(s, v);

	sv->burst_ns = burst_ns;
	sv->sleep_ns = sleep_ns;
	sv->left_ns = burst_ns;
}

/* The earliest decision or vCPU event, at most until. */
static uint64_t next_event(struct sim *s, uint64_t until)
{
	uint64_t t = until;

	for (unsigned int c = 0; c < s->nr_cpus; c++) {
		struct sim_vcpu *sv = s->cur[c] ? sv_of(s, s->cur[c]) : NULL;

		t = MIN(t, s->next[c]);
		if (sv && sv->burst_ns && sv->runnable)
			t = MIN(t, s->now + sv->left_ns);
	}
	for (unsigned int i = 0; i < s->nr_vcpus; i++)
		if (s->vcpus[i].wake_at)
			t = MIN(t, s->vcpus[i].wake_at);
	return t;
}

static void advance(struct sim *s, uint64_t t)
{
	uint64_t dt = t - s->now;

	if (!dt)
		return;
	for (unsigned int c = 0; c < s->nr_cpus; c++) {
		struct sim_vcpu *sv = s->cur[c] ? sv_of(s, s->cur[c]) : NULL;

		if (!sv)
			continue;
		sv->ran_ns += dt;
		s->busy_ns[c] += dt;
		sv->left_ns -= MIN(dt, sv->left_ns);
	}
	s->now = t;
	s->same_time = 0;
}

/* vCPUs with a burst pattern block when the burst is used up and wake after their sleep. */
static void burst_events(struct sim *s)
{
	for (unsigned int c = 0; c < s->nr_cpus; c++) {
		struct sim_vcpu *sv = s->cur[c] ? sv_of(s, s->cur[c]) : NULL;

		if (sv && sv->burst_ns && sv->runnable && !sv->left_ns) {
			sv->wake_at = s->now + MAX(sv->sleep_ns, 1ULL);
			sim_sleep(s, sv->v);
		}
	}
	for (unsigned int i = 0; i < s->nr_vcpus; i++) {
		struct sim_vcpu *sv = &s->vcpus[i];

		if (sv->wake_at && sv->wake_at <= s->now) {
			sv->wake_at = 0;
			sv->left_ns = sv->burst_ns;
			sim_wake(s, sv->v);
		}
	}
}

static void check_decision(struct sim *s, unsigned int cpu, struct sched_decision d)
{
	struct sim_vcpu *sv = d.next ? sv_of(s, d.next) : NULL;

	if (!d.slice_ns || d.slice_ns > SCHED_PERIOD_NS)
		violation(s, "cpu%u: slice %llu", cpu, (unsigned long long)d.slice_ns);
	if (sched_current(cpu) != d.next)
		violation(s, "cpu%u: sched_current disagrees with the decision", cpu);
	if (s->check_invariants && sched_check_invariants())
		violation(s, "cpu%u: invariants broken", cpu);
	if (!d.next)
		return;
	if (!sv) {
		violation(s, "cpu%u: unknown vCPU picked", cpu);
		return;
	}
	if (!(sv->affinity & CPU_BIT(cpu)))
		violation(s, "cpu%u: d%u v%u picked against its affinity", cpu, d.next->domain->id,
			  d.next->id);
	if (!sv->runnable)
		violation(s, "cpu%u: blocked d%u v%u picked", cpu, d.next->domain->id, d.next->id);
	for (unsigned int c = 0; c < s->nr_cpus; c++)
		if (c != cpu && s->cur[c] == d.next)
			violation(s, "cpu%u: d%u v%u also runs on cpu%u", cpu, d.next->domain->id,
				  d.next->id, c);
}

static void decide(struct sim *s, unsigned int cpu)
{
	struct sched_decision d = sched_schedule(cpu, s->now);

	check_decision(s, cpu, d);
	s->cur[cpu] = d.next;
	s->next[cpu] = s->now + d.slice_ns;
	s->decisions++;
	if (++s->same_time > SAME_TIME_LIMIT)
		violation(s, "livelock: %u decisions at one instant", s->same_time);
	sim_collect_kicks(s);
}

static int due_cpu(const struct sim *s)
{
	for (unsigned int c = 0; c < s->nr_cpus; c++)
		if (s->next[c] <= s->now)
			return (int)c;
	return -1;
}

void sim_run(struct sim *s, uint64_t until)
{
	/* Gone wrong already: only move time on, so that callers' loops end. */
	if (s->violations > MAX_REPORTS) {
		s->now = MAX(s->now, until);
		return;
	}
	while (s->violations <= MAX_REPORTS) {
		uint64_t t = next_event(s, until);
		int cpu;

		advance(s, t);
		burst_events(s);
		cpu = due_cpu(s);
		if (cpu >= 0)
			decide(s, (unsigned int)cpu);
		else if (t >= until)
			break;
	}
}

uint64_t sim_ran(const struct sim *s, const struct vcpu *v)
{
	for (unsigned int i = 0; i < s->nr_vcpus; i++)
		if (s->vcpus[i].v == v)
			return s->vcpus[i].ran_ns;
	return 0;
}

uint64_t sim_dom_ran(const struct sim *s, const struct domain *d)
{
	uint64_t sum = 0;

	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		sum += sim_ran(s, d->vcpus[i]);
	return sum;
}

bool sim_close(uint64_t a, uint64_t b, unsigned int tol_pct)
{
	uint64_t diff = a > b ? a - b : b - a;

	return diff * 100 <= (uint64_t)tol_pct * b;
}
