// SPDX-License-Identifier: GPL-2.0-only
/*
 * Whether a vCPU may run: blocking for an interrupt, PSCI on/off, and kicks
 * when something changed for it. Arch-bound (the kick is an SGI), so the
 * host unit tests use the fake arch's vcpu_kick instead of this file.
 */
#include <arch/cpu.h>
#include <xen/domain.h>

/*
 * Sets blocked first, then looks for a pending interrupt: a concurrent
 * vgic_inject queues first, then looks at blocked (vcpu_kick). One of the two
 * sees the other, so a wake-up cannot fall between them.
 */
void vcpu_block(struct vcpu *v)
{
	__atomic_store_n(&v->blocked, true, __ATOMIC_SEQ_CST);
	if (vgic_vcpu_pending(v)) {
		__atomic_store_n(&v->blocked, false, __ATOMIC_SEQ_CST);
		return;
	}
	vcpu_update_runnable(v);
}

void vcpu_unblock(struct vcpu *v)
{
	if (!v->blocked)
		return;
	v->blocked = false;
	vcpu_update_runnable(v);
}

void vcpu_set_online(struct vcpu *v, bool online)
{
	v->online = online;
	vcpu_update_runnable(v);
}

void vcpu_kick(struct vcpu *v)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (__atomic_load_n(&v->blocked, __ATOMIC_SEQ_CST))
		vcpu_unblock(v);
	else if (v->sched.running && v->arch.pcpu != arch_cpu_id())
		arch_vcpu_kick(v);
}
