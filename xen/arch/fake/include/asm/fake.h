/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The host "fake" architecture: lets the unit tests link the real generic
 * hypervisor code. Controls the tests use to steer it.
 */
#ifndef ASM_FAKE_H
#define ASM_FAKE_H

#include <setjmp.h>
#include <xen/types.h>

/* The CPU index arch_cpu_id() reports for the calling thread. */
extern _Thread_local unsigned int fake_cpu_id;

/* If set, arch_cpu_park() (the end of panic) long-jumps here instead of aborting. */
extern jmp_buf *fake_park_jmp;
extern unsigned int fake_park_count;

/* Console output captured since the last fake_console_clear(). */
extern bool fake_console_is_ready;
const char *fake_console_output(void);
void fake_console_clear(void);

/* The counter arch_counter_read() returns; tests may move it. */
extern uint64_t fake_counter;

/* IRQ mask state of the calling thread (true = masked). */
extern _Thread_local bool fake_irq_masked;

/* Records of the hooks generic code calls (xen/arch/fake/hooks.c); tests may reset them. */
struct vcpu;
#define FAKE_MAX_CPUS 64
extern unsigned int fake_kicks[FAKE_MAX_CPUS];     /* sched_arch_kick(cpu) calls per pCPU */
extern unsigned int fake_vcpu_kicks;               /* vcpu_kick() calls */
extern struct vcpu *fake_last_kicked;              /* argument of the last vcpu_kick() */
extern unsigned int fake_tlb_flush_vmid;           /* arch_p2m_flush_vmid() calls */
extern unsigned int fake_tlb_flush_ipa;            /* arch_p2m_flush_ipa() calls */
extern unsigned int fake_evtchn_upcalls;           /* arch_evtchn_upcall() calls */
extern struct vcpu *fake_last_upcall;              /* argument of the last arch_evtchn_upcall() */
extern unsigned int fake_poll_wakes;               /* sched_poll_wake() calls */
extern unsigned int fake_last_poll_port;           /* port of the last sched_poll_wake() */
void fake_hooks_reset(void);

/* copy_from_guest/copy_to_guest fault on [fake_guest_bad_lo, fake_guest_bad_hi) and on 0. */
extern uint64_t fake_guest_bad_lo;
extern uint64_t fake_guest_bad_hi;

/* The deadline arch_timer_program() was last given (xen/arch/fake/domain.c). */
extern uint64_t fake_timer_deadline;

/* Bytes the fake xmalloc (libc calloc) has outstanding. */
size_t fake_xmalloc_in_use(void);

#endif /* ASM_FAKE_H */
