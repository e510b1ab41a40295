/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fake arch: the arch parts of domains and vCPUs on the host. A vCPU keeps
 * only what the generic code's tests look at: where it starts and whether
 * the test says it is on a pCPU.
 */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>

struct arch_domain {
	bool created;          /* arch_domain_create ran */
};

struct arch_vcpu {
	uint64_t pc;           /* arch_vcpu_start's pc, or a loaded record's */
	uint64_t x0;
	uint64_t pstate;
	unsigned int pcpu;     /* where it runs, when sched.running (as arm64's) */
	bool on_cpu;           /* tests set it: arch_vcpu_on_cpu() reports it */
};

#endif /* ASM_DOMAIN_H */
