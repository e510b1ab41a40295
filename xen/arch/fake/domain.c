// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fake arch: the domain and vCPU hooks of xen/common/domain.c, the vCPU
 * record (a fake vCPU has only pc, x0 and pstate) and the timer hardware.
 */
#include <arch/setup.h>
#include <asm/fake.h>
#include <string.h>
#include <xen/dom0less.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/timer.h>
#include <xen/vcpu_state.h>

#define FAKE_NR_LRS    4     /* as QEMU's GICv3 */
#define FAKE_IPA_BITS  40    /* as the arm64 arch's limit */
#define FAKE_NR_CPUS   4
#define FAKE_EL1H      5     /* SPSR.M for EL1h */

uint64_t fake_timer_deadline;

int arch_domain_create(struct domain *d)
{
	d->arch.created = true;
	return 0;
}

void arch_domain_destroy(struct domain *d)
{
	d->arch.created = false;
}

void arch_vcpu_create(struct vcpu *v)
{
	memset(&v->arch, 0, sizeof(v->arch));
}

void arch_vcpu_destroy(struct vcpu *v)
{
	(void)v;
}

bool arch_vcpu_on_cpu(const struct vcpu *v)
{
	return v->arch.on_cpu;
}

unsigned int arch_nr_lrs(void)
{
	return FAKE_NR_LRS;
}

unsigned int arch_p2m_ipa_bits(void)
{
	return FAKE_IPA_BITS;
}

unsigned int arch_nr_cpus_started(void)
{
	return FAKE_NR_CPUS;
}

void arch_vcpu_start(struct vcpu *v, uint64_t pc, uint64_t x0)
{
	v->arch.pc = pc;
	v->arch.x0 = x0;
	v->arch.pstate = FAKE_EL1H;
	v->initialised = true;
	v->online = true;
	vcpu_update_runnable(v);
}

void arch_timer_program(uint64_t deadline_ns)
{
	fake_timer_deadline = deadline_ns;
}

int vcpu_state_save(struct vcpu *v, struct vcpu_state_v1 *r)
{
	if (v->arch.on_cpu)
		return -EBUSY;
	memset(r, 0, sizeof(*r));
	r->version = VCPU_STATE_VERSION;
	r->flags = (v->online ? VCPU_STATE_F_ONLINE : 0) |
		   (v->initialised ? VCPU_STATE_F_INITIALISED : 0);
	r->pc = v->arch.pc;
	r->x[0] = v->arch.x0;
	r->pstate = v->arch.pstate;
	return 0;
}

int vcpu_state_load(struct vcpu *v, const struct vcpu_state_v1 *r)
{
	if (v->arch.on_cpu)
		return -EBUSY;
	if (r->version != VCPU_STATE_VERSION ||
	    (r->flags & ~(VCPU_STATE_F_ONLINE | VCPU_STATE_F_INITIALISED)))
		return -EINVAL;
	v->arch.pc = r->pc;
	v->arch.x0 = r->x[0];
	v->arch.pstate = r->pstate;
	v->initialised = r->flags & VCPU_STATE_F_INITIALISED;
	v->online = r->flags & VCPU_STATE_F_ONLINE;
	return 0;
}
