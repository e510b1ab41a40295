/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What each pCPU runs: the glue between the scheduler's decisions and the
 * arch's context switch. Every path back into a guest goes through
 * run_continue(), which reschedules if asked to or if the vCPU may not run.
 */
#ifndef XEN_RUN_H
#define XEN_RUN_H

#include <xen/domain.h>

/* Called before re-entering v on this pCPU: returns the vCPU to enter (maybe another). */
struct vcpu *run_continue(struct vcpu *v);
/* A pCPU with nothing loaded picks its first vCPU (idles until there is one). */
struct vcpu *run_first(void);

/* Arch hooks. */
void arch_context_switch(struct vcpu *prev, struct vcpu *next);
/* Waits for an interrupt with interrupts enabled, then masks them again. */
void arch_idle_wait(void);
bool arch_resched_pending(void);
void arch_resched_clear(void);
void arch_resched_set(unsigned int cpu);

#endif /* XEN_RUN_H */
