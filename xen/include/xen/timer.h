/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypervisor software timers: per-pCPU lists of deadlines in ns, driven by
 * the arch's one-shot timer. A timer fires on the pCPU it was set on, with
 * interrupts masked; callbacks must be short.
 */
#ifndef XEN_TIMER_H
#define XEN_TIMER_H

#include <xen/types.h>

#define TIMER_MAX_CPUS 64
#define NS_PER_SEC     1000000000ULL

struct timer {
	uint64_t expires_ns;
	void (*fn)(void *data);
	void *data;
	unsigned int cpu;        /* list it is on, when active */
	bool active;
	struct timer *next;
};

/* Monotonic time since boot, from the system counter. */
uint64_t now_ns(void);
uint64_t ns_to_ticks(uint64_t ns);
uint64_t ticks_to_ns(uint64_t ticks);

void timer_init(struct timer *t, void (*fn)(void *data), void *data);
/* (Re)arms t on the calling pCPU. */
void timer_set(struct timer *t, uint64_t expires_ns);
/* Disarms t if armed (on any pCPU: caller must make sure it is not firing). */
void timer_stop(struct timer *t);
/* Runs the expired timers of the calling pCPU and reprograms the hardware. */
void timer_run(void);

/* Arch hook: fire the timer interrupt on this pCPU at deadline_ns (~0: never). */
void arch_timer_program(uint64_t deadline_ns);

#endif /* XEN_TIMER_H */
