/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vCPUs: logical index N is the Nth cpu node of the DT (the boot vCPU is 0),
 * started with PSCI CPU_ON at secondary_entry (start.S) with N as context id.
 */
#ifndef GUEST_SMP_H
#define GUEST_SMP_H

#include "platform.h"
#include "sysreg.h"

typedef void (*cpu_fn_t)(void *arg);

/* This vCPU's logical index, kept in TPIDR_EL1. */
static inline unsigned int this_cpu(void)
{
	return (unsigned int)read_sysreg(tpidr_el1);
}

static inline unsigned int nr_cpus(void)
{
	return platform.nr_cpus;
}

/*
 * Starts vCPU cpu (which must be off): it sets up its MMU, GIC CPU interface
 * and redistributor, unmasks IRQs and calls fn(arg); when fn returns it
 * idles in WFI with IRQs on. Returns the PSCI CPU_ON result.
 */
long smp_cpu_on(unsigned int cpu, cpu_fn_t fn, void *arg);
/* Waits until cpu is running fn (true) or timeout_ms passed (false). */
bool smp_wait_online(unsigned int cpu, uint64_t timeout_ms);
/* Starts every other vCPU with fn(arg) and waits for them; fails the guest on error. */
void smp_start_all(cpu_fn_t fn, void *arg, uint64_t timeout_ms);

/* start.S: the boot vCPU's C entry, the PSCI CPU_ON entry point and its C code. */
void __noreturn boot_main(uint64_t dtb_addr);
void secondary_entry(void);
void __noreturn secondary_main(unsigned int cpu);

#endif /* GUEST_SMP_H */
