/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Scheduler internals shared by the files of xen/common/sched (and the unit tests).
 *
 * All state is guarded by the one global lock, sched_state.lock: the public
 * entry points take it, every function declared here expects it held (except
 * sched_check_invariants(), which takes it itself).
 *
 * Each pCPU has a run queue: a circular doubly-linked list of the runnable,
 * not running vCPUs queued there, threaded through sched_unit.next/prev around
 * a sentinel unit. A running vCPU is on no queue; it is its pCPU's curr.
 */
#ifndef XEN_COMMON_SCHED_PRIVATE_H
#define XEN_COMMON_SCHED_PRIVATE_H

#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/sched.h>
#include <xen/spinlock.h>

#define SCHED_PERIOD_NS          10000000ULL /* accounting period: credit handed out, caps reset */
#define SCHED_SLICE_NS           5000000ULL  /* longest uninterrupted run */
#define SCHED_CAP_MIN_SLICE_NS   100000ULL   /* shortest slice of a capped domain near its limit */
#define SCHED_CREDIT_MAX         ((int64_t)SCHED_PERIOD_NS)  /* no hoarding beyond a period */
#define SCHED_CREDIT_MIN         (-(int64_t)SCHED_PERIOD_NS) /* no debt beyond a period */

#define CPU_BIT(cpu)             ((uint64_t)1 << (cpu))

struct sched_pcpu {
	struct sched_unit rq;           /* queue sentinel: rq.next is the head, rq.prev the tail */
	unsigned int nr_queued;
	struct sched_unit *curr;        /* what runs here (NULL: idle) */
	struct sched_unit *yielder;     /* curr gave way: prefer anyone else at the next decision */
};

/*
 * A domain whose cap state belongs to the current period: it was active at the
 * last accounting, or woke since. The pointer is dereferenced only during the
 * accounting that collects it from a live vCPU; later it is a lookup key only,
 * so a domain freed meanwhile does no harm.
 */
struct sched_acct_dom {
	struct domain *d;
	unsigned int nr_active;         /* its queued or running vCPUs at the accounting */
};

/* At an accounting point: the active vCPUs of one domain in one group of pCPUs (acct.c). */
struct sched_slice {
	unsigned int dom;               /* index in sched_state.doms */
	unsigned int group;             /* index in sched_state.groups */
	unsigned int nr;                /* its vCPUs */
	uint64_t affinity;              /* union of their masks */
	uint64_t weight;                /* fixed point: the domain's weight x nr / its nr_active */
	uint64_t demand;                /* the most it can use in a period */
	uint64_t share_ns;              /* credit handed to it this period */
	bool fixed;                     /* share settled at its demand (water filling) */
};

#define SCHED_MAX_SLICES (2 * MAX_DOMAINS)  /* more: all pCPUs are taken as one group */

struct sched_state {
	spinlock_t lock;
	unsigned int nr_cpus;
	uint64_t cpu_mask;              /* pCPUs that exist */
	uint64_t next_acct_ns;          /* the next accounting point */
	unsigned int nr_doms;
	struct sched_acct_dom doms[MAX_DOMAINS];  /* beyond: no credit, cap period reset on wake */
	unsigned int nr_groups;
	uint64_t groups[SCHED_MAX_CPUS];          /* disjoint pCPU masks (acct.c) */
	unsigned int nr_slices;
	struct sched_slice slices[SCHED_MAX_SLICES];
	struct sched_pcpu pcpu[SCHED_MAX_CPUS];
};

extern struct sched_state sched_state;

static inline unsigned long sched_lock(void)
{
	return spin_lock_irqsave(&sched_state.lock);
}

static inline void sched_unlock(unsigned long flags)
{
	spin_unlock_irqrestore(&sched_state.lock, flags);
}

static inline struct sched_pcpu *pcpu(unsigned int cpu)
{
	return &sched_state.pcpu[cpu];
}

static inline struct vcpu *unit_vcpu(const struct sched_unit *u)
{
	return (struct vcpu *)((uintptr_t)u - offsetof(struct vcpu, sched));
}

static inline struct domain *unit_dom(const struct sched_unit *u)
{
	return unit_vcpu(u)->domain;
}

static inline bool cpu_allowed(const struct sched_unit *u, unsigned int cpu)
{
	return (u->affinity & CPU_BIT(cpu)) != 0;
}

static inline uint64_t elapsed(uint64_t from, uint64_t to)
{
	return to > from ? to - from : 0;
}

/* What a capped domain may run per period. */
static inline uint64_t cap_budget(const struct domain *d)
{
	return (uint64_t)d->sched.params.cap * SCHED_PERIOD_NS / 100;
}

#define for_each_cpu(cpu) for ((cpu) = 0; (cpu) < sched_state.nr_cpus; (cpu)++)
#define for_each_queued(u, cpu)                                                \
	for ((u) = pcpu(cpu)->rq.next; (u) != &pcpu(cpu)->rq; (u) = (u)->next)

/* runq.c: queue primitives. */
void runq_init(unsigned int cpu);
void runq_insert(unsigned int cpu, struct sched_unit *u);   /* at the tail */
void runq_remove(struct sched_unit *u);
unsigned int mask_first(uint64_t mask);                    /* lowest set bit; mask != 0 */
unsigned int mask_weight(uint64_t mask);                   /* number of set bits */

/* acct.c: the accounting point: hand out credit, start new cap periods. */
void credit_account(uint64_t now);

/* credit.c: credit, run time and caps. */
void credit_charge(struct sched_unit *u, uint64_t now);  /* running u: burn what it ran */
void credit_cap_enforce(struct domain *d, uint64_t now); /* park d if over its cap */
uint64_t credit_slice(const struct sched_unit *u, uint64_t now);  /* u NULL: idle */
void credit_kick_running(const struct domain *d);
int credit_dom_find(const struct domain *d);  /* index in sched_state.doms, or -1 */
int credit_dom_add(struct domain *d);         /* -1 if the table is full */
void credit_dom_roll(struct domain *d);       /* a new cap period: overshoot becomes debt */
void credit_dom_touch(struct domain *d);      /* a vCPU of d wakes: cap period up to date */

/* balance.c: where vCPUs go and what a pCPU runs. */
bool unit_eligible(const struct sched_unit *u, unsigned int cpu);
struct sched_unit *balance_pick(unsigned int cpu, struct sched_unit *yielder);
void balance_place(struct sched_unit *u);     /* queue a runnable u somewhere, kick if due */
bool balance_has_idle(const struct sched_unit *u);
void balance_tickle(unsigned int qcpu, uint64_t *kicked);  /* idle pCPUs for qcpu's queue */
void balance_tickle_all(uint64_t *kicked);

/* debug.c: 0 if every queue and pCPU is consistent, else -EINVAL (and says why). */
int sched_check_invariants(void);

#endif /* XEN_COMMON_SCHED_PRIVATE_H */
