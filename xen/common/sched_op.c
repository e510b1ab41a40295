// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_sched_op and HYPERVISOR_vcpu_op (the parts guests use now). */
#include <arch/guest_access.h>
#include <public/xen.h>
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/timer.h>

static long sched_shutdown(struct vcpu *v, uint64_t gva)
{
	struct sched_shutdown s;

	if (copy_from_guest(v, &s, gva, sizeof(s)))
		return -EFAULT;
	if (s.reason > SHUTDOWN_WATCHDOG)
		return -EINVAL;
	domain_shutdown(v->domain, s.reason);
	return 0;
}

long do_sched_op(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	switch (a[0]) {
	case SCHEDOP_yield:
		sched_yield(v, now_ns());
		return 0;
	case SCHEDOP_block:
		if (!vgic_vcpu_pending(v))
			vcpu_block(v);
		return 0;
	case SCHEDOP_shutdown:
		return sched_shutdown(v, a[1]);
	default:
		return -ENOSYS;
	}
}

long do_vcpu_op(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	struct domain *d = v->domain;
	struct vcpu *t;

	if (a[1] >= d->nr_vcpus)
		return -ENOENT;
	t = d->vcpus[a[1]];
	switch (a[0]) {
	case VCPUOP_is_up:
		return t->online;
	case VCPUOP_down:
		vcpu_set_online(t, false);
		return 0;
	case VCPUOP_up:
		/* On Arm a vCPU gets its first context from PSCI CPU_ON. */
		if (!t->initialised)
			return -EINVAL;
		vcpu_set_online(t, true);
		return 0;
	default:
		return -ENOSYS;
	}
}
