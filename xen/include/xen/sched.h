/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vCPU scheduler: credit-style proportional share.
 *
 * Each domain has a weight (default 256) and an optional cap (percent of one
 * pCPU; 0 = none). Runnable vCPUs share the pCPUs in proportion to their
 * domain's weight; a capped domain never gets more than its cap, even when
 * pCPUs are idle. Each vCPU has a hard affinity mask; within it the scheduler
 * is work-conserving: an idle pCPU takes runnable work queued elsewhere.
 *
 * The scheduler is pure decision logic: callers pass the time in ns and carry
 * out the decision (the context switch). It never calls the clock itself.
 */
#ifndef XEN_SCHED_H
#define XEN_SCHED_H

#include <xen/types.h>

#define SCHED_MAX_CPUS        64
#define SCHED_DEFAULT_WEIGHT  256
#define SCHED_MAX_WEIGHT      65535
#define SCHED_MIN_WEIGHT      1
#define SCHED_MAX_CAP         6400   /* percent: 64 pCPUs */

struct vcpu;
struct domain;

struct sched_params {
	uint16_t weight;
	uint16_t cap;        /* percent of one pCPU, 0 = uncapped */
};

/* Per-vCPU scheduler state, embedded in struct vcpu. */
struct sched_unit {
	struct sched_unit *next;     /* run-queue links */
	struct sched_unit *prev;
	uint64_t affinity;           /* pCPUs allowed (bit n = pCPU n) */
	unsigned int cpu;            /* pCPU it runs on, or is queued on */
	bool runnable;               /* between sched_wake and sched_sleep */
	bool running;                /* is some pCPU's current vCPU */
	bool queued;                 /* is on a run queue */
	int64_t credit;              /* in ns of CPU time */
	uint64_t runtime_ns;         /* total time run so far */
	uint64_t start_ns;           /* when it last started running */
};

/* Per-domain scheduler state, embedded in struct domain. */
struct sched_dom {
	struct sched_params params;
	uint64_t period_used_ns;     /* time used in the current cap period */
	bool parked;                 /* over its cap until the next period */
};

struct sched_decision {
	struct vcpu *next;           /* NULL: run the idle loop */
	uint64_t slice_ns;           /* call sched_schedule again at most this much later */
};

/* Must be called once before anything else; pCPUs are 0 .. nr_cpus-1. */
void sched_init(unsigned int nr_cpus);
unsigned int sched_nr_cpus(void);

/* A domain starts with weight 256, no cap. */
void sched_domain_init(struct domain *d);
int sched_set_params(struct domain *d, const struct sched_params *p);   /* -EINVAL on bad values */
void sched_get_params(const struct domain *d, struct sched_params *p);

/* A new vCPU: not runnable, affinity = all pCPUs. */
void sched_vcpu_init(struct vcpu *v);
/* Removes a vCPU that is neither running nor runnable. */
void sched_vcpu_destroy(struct vcpu *v);
/* Hard affinity; -EINVAL if the mask holds no pCPU that exists. Moves the vCPU if needed. */
int sched_set_affinity(struct vcpu *v, uint64_t mask, uint64_t now_ns);

/*
 * v may run now (it became runnable). If a pCPU should reschedule to run it
 * (an idle one, or one running something with less claim), the scheduler
 * calls sched_arch_kick(cpu) for it.
 */
void sched_wake(struct vcpu *v, uint64_t now_ns);
/* v may not run any more (blocked, paused, offline). If it runs now, its pCPU is kicked. */
void sched_sleep(struct vcpu *v, uint64_t now_ns);
/*
 * v gives up the rest of its slice (still runnable): its pCPU is kicked and
 * prefers any other eligible vCPU at its next decision. In the host unit tests the
 * symbol is renamed: as "sched_yield" it would interpose libc's sched_yield(2),
 * which the sanitizer runtime and libpthread call.
 */
/*
 * True if another vCPU waits in cpu's run queue: lock-free hint, so a guest
 * spinning on WFE yields only when that can help, without the scheduler lock.
 */
bool sched_others_waiting(unsigned int cpu);

#ifdef __XEN_UNIT_TEST__
void sched_yield(struct vcpu *v, uint64_t now_ns) __asm__("xen_sched_yield");
#else
void sched_yield(struct vcpu *v, uint64_t now_ns);
#endif

/*
 * Called on pCPU cpu at a scheduling point (slice expiry, kick, block, yield).
 * Accounts the vCPU that ran there until now_ns, requeues it if still
 * runnable, and returns what to run next and for how long at most.
 */
struct sched_decision sched_schedule(unsigned int cpu, uint64_t now_ns);

/* The vCPU a pCPU runs according to the last sched_schedule there (NULL: idle). */
struct vcpu *sched_current(unsigned int cpu);

/* Total run time of v, including its current slice if running. */
uint64_t sched_runtime_ns(const struct vcpu *v, uint64_t now_ns);

/* Writes a human-readable dump of the run queues (debug key). */
void sched_dump(void);

/* Implemented by the arch (an SGI) or the test harness: make cpu call sched_schedule soon. */
void sched_arch_kick(unsigned int cpu);

#endif /* XEN_SCHED_H */
