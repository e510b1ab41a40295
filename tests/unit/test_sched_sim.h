/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A tiny deterministic simulator of pCPUs driving the scheduler, for the
 * test_sched_*.c suites.
 *
 * Every pCPU has a next decision time (its slice end); a kick (fake_kicks[])
 * moves it to "now". The loop advances simulated time to the earliest
 * decision or vCPU event, calls sched_schedule() there and counts, on its own,
 * how long each vCPU ran and each pCPU was busy. Every decision is checked:
 * affinity respected, only runnable vCPUs, no vCPU on two pCPUs, a sane slice,
 * sched_current() agreeing, and (optionally) sched_check_invariants().
 *
 * vCPUs spin by default; sim_set_burst() makes one block after each burst of
 * CPU time and wake a given time later (an I/O-bound vCPU).
 */
#ifndef TEST_SCHED_SIM_H
#define TEST_SCHED_SIM_H

#include <xen/domain.h>
#include <xen/sched.h>

#define SIM_MAX_VCPUS 32
#define SIM_MAX_DOMS  8
#define MS(x)         ((uint64_t)(x) * 1000000ULL)
#define SEC(x)        ((uint64_t)(x) * 1000000000ULL)

struct sim_vcpu {
	struct vcpu *v;
	bool runnable;          /* as the simulator made it: sched_wake / sched_sleep */
	uint64_t affinity;      /* as the simulator set it */
	uint64_t ran_ns;        /* counted by the simulator */
	uint64_t burst_ns;      /* 0: spins; else blocks after this much CPU */
	uint64_t sleep_ns;      /* ... for this long */
	uint64_t left_ns;       /* CPU left in the current burst */
	uint64_t wake_at;       /* when blocked by its burst pattern (0: not) */
};

struct sim {
	unsigned int nr_cpus;
	uint64_t now;
	uint64_t next[SCHED_MAX_CPUS];
	struct vcpu *cur[SCHED_MAX_CPUS];
	uint64_t busy_ns[SCHED_MAX_CPUS];
	unsigned int seen_kicks[SCHED_MAX_CPUS];
	unsigned int nr_doms;
	struct domain *doms[SIM_MAX_DOMS];
	unsigned int nr_vcpus;
	struct sim_vcpu vcpus[SIM_MAX_VCPUS];
	uint64_t decisions;
	unsigned int same_time;  /* decisions in a row at one instant (livelock guard) */
	unsigned int violations;
	bool check_invariants;  /* sched_check_invariants() after every decision */
};

/* sched_init(nr_cpus), fake hooks reset; every pCPU decides at time 0. */
void sim_init(struct sim *s, unsigned int nr_cpus);
/* Frees the domains and vCPUs (destroying the vCPUs in the scheduler first). */
void sim_free(struct sim *s);
/*
 * Checks that sched_runtime_ns() of every vCPU equals the simulator's count,
 * then sim_free(). True if no check failed, here or in any decision so far.
 */
bool sim_finish(struct sim *s);

/* A domain with nr_vcpus vCPUs (not runnable yet), the given weight and cap. */
struct domain *sim_domain(struct sim *s, unsigned int nr_vcpus, uint16_t weight, uint16_t cap);
/* Makes every vCPU of d runnable. */
void sim_wake_domain(struct sim *s, struct domain *d);

void sim_wake(struct sim *s, struct vcpu *v);
void sim_sleep(struct sim *s, struct vcpu *v);
void sim_yield(struct sim *s, struct vcpu *v);    /* v yields (its pCPU is kicked) */
int sim_affinity(struct sim *s, struct vcpu *v, uint64_t mask);
void sim_set_burst(struct sim *s, struct vcpu *v, uint64_t burst_ns, uint64_t sleep_ns);

/* Runs until simulated time "until". */
void sim_run(struct sim *s, uint64_t until);
/* Picks up kicks made outside the simulator: kicked pCPUs decide now. */
void sim_collect_kicks(struct sim *s);

uint64_t sim_ran(const struct sim *s, const struct vcpu *v);
uint64_t sim_dom_ran(const struct sim *s, const struct domain *d);
/* |a - b| <= tol_pct percent of b */
bool sim_close(uint64_t a, uint64_t b, unsigned int tol_pct);

#endif /* TEST_SCHED_SIM_H */
