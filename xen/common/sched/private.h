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
	unsigned int nr_active;         /* its queued or running vCPUs */
	uint64_t affinity;              /* union of their masks */
	uint64_t share_ns;              /* credit handed to it this period */
	bool fixed;                     /* share settled at its demand (water filling) */
};

struct sched_state {
	spinlock_t lock;
	unsigned int nr_cpus;
	uint64_t cpu_mask;              /* pCPUs that exist */
	uint64_t next_acct_ns;          /* the next accounting point */
	unsigned int nr_doms;
	struct sched_acct_dom doms[MAX_DOMAINS];
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

#define for_each_cpu(cpu) for ((cpu) = 0; (cpu) < sched_state.nr_cpus; (cpu)++)
#define for_each_queued(u, cpu)                                                \
	for ((u) = pcpu(cpu)->rq.next; (u) != &pcpu(cpu)->rq; (u) = (u)->next)

/* runq.c: queue primitives. */
void runq_init(unsigned int cpu);
void runq_insert(unsigned int cpu, struct sched_unit *u);   /* at the tail */
void runq_remove(struct sched_unit *u);
unsigned int mask_first(uint64_t mask);                    /* lowest set bit; mask != 0 */
unsigned int mask_weight(uint64_t mask);

/* credit.c: credit, run time and caps. */
void credit_account(uint64_t now);            /* the accounting point: credit and cap periods */
void credit_charge(struct sched_unit *u, uint64_t now);
void credit_cap_enforce(struct domain *d, uint64_t now);
void credit_dom_touch(struct domain *d);      /* a vCPU of d wakes: bring its cap period up to date */
uint64_t credit_slice(const struct sched_unit *u, uint64_t now);
void credit_kick_running(const struct domain *d);

/* balance.c: where vCPUs go and what a pCPU runs. */
bool unit_eligible(const struct sched_unit *u, unsigned int cpu);
struct sched_unit *balance_pick(unsigned int cpu, struct sched_unit *yielder);
void balance_place(struct sched_unit *u);
bool balance_has_idle(const struct sched_unit *u);
void balance_tickle(unsigned int qcpu, uint64_t *kicked);
void balance_tickle_all(uint64_t *kicked);

/* debug.c: 0 if every queue and pCPU is consistent, else -EINVAL (and says why). */
int sched_check_invariants(void);

#endif /* XEN_COMMON_SCHED_PRIVATE_H */
