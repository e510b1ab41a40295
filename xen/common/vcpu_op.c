// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_vcpu_op(cmd, vcpuid, arg): a domain's vCPUs, by the domain itself. */
#include <arch/guest_access.h>
#include <public/xen.h>
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/vcpu_area.h>

static long register_info(struct vcpu *v, struct vcpu *t, uint64_t arg)
{
	struct vcpu_register_vcpu_info r;

	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	if (r.rsvd)
		return -EINVAL;
	return vcpu_register_info(t, r.mfn, r.offset);
}

static long register_runstate(struct vcpu *v, struct vcpu *t, uint64_t arg)
{
	struct vcpu_register_runstate_memory_area r;

	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	return vcpu_register_runstate(v, t, r.addr);
}

static long get_runstate(struct vcpu *v, struct vcpu *t, uint64_t arg)
{
	return copy_to_guest(v, arg, &t->runstate, sizeof(t->runstate)) ? -EFAULT : 0;
}

static long vcpu_up(struct vcpu *t)
{
	/* On Arm a vCPU gets its first context from PSCI CPU_ON. */
	if (!t->initialised)
		return -EINVAL;
	vcpu_set_online(t, true);
	return 0;
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
		return vcpu_up(t);
	case VCPUOP_register_vcpu_info:
		return register_info(v, t, a[2]);
	case VCPUOP_register_runstate_memory_area:
		return register_runstate(v, t, a[2]);
	case VCPUOP_get_runstate_info:
		return get_runstate(v, t, a[2]);
	default:
		return -ENOSYS;
	}
}
