// SPDX-License-Identifier: GPL-2.0-only
/*
 * domctl commands on one vCPU or parameter of a domain: the vCPU context
 * (save/restore, the debugger), vCPU info (`ctl vcpu-list`) and HVM params
 * (the builder's console and xenstore pages). docs/specs/domctl.md.
 */
#include <arch/guest_access.h>
#include <public/domctl.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/hvm_param.h>
#include <xen/lib.h>
#include <xen/timer.h>
#include <xen/vcpu_state.h>
#include <xen/xmalloc.h>

#include "domctl_private.h"

/* The vCPU a context command names, if its state may be touched now. */
static struct vcpu *context_vcpu(struct domain *d, const struct ctl_domctl_vcpu_context *c,
				 int *err)
{
	struct vcpu *v;

	*err = -EINVAL;
	if (c->size != sizeof(struct vcpu_state_v1))
		return NULL;
	*err = -ENOENT;
	if (c->vcpu >= d->nr_vcpus)
		return NULL;
	v = d->vcpus[c->vcpu];
	*err = -EBUSY;
	if ((!d->pause_count && d->state != DOMAIN_SHUTDOWN) || arch_vcpu_on_cpu(v))
		return NULL;
	*err = 0;
	return v;
}

static long get_context(struct vcpu *caller, struct domain *d,
			const struct ctl_domctl_vcpu_context *c)
{
	struct vcpu_state_v1 *r;
	int rc = 0;
	struct vcpu *v = context_vcpu(d, c, &rc);

	if (!v)
		return rc;
	r = xzalloc(struct vcpu_state_v1);
	if (!r)
		return -ENOMEM;
	rc = vcpu_state_save(v, r);
	if (!rc && copy_to_guest(caller, c->buffer, r, sizeof(*r)))
		rc = -EFAULT;
	xfree(r);
	return rc;
}

static long set_context(struct vcpu *caller, struct domain *d,
			const struct ctl_domctl_vcpu_context *c)
{
	struct vcpu_state_v1 *r;
	int rc = 0;
	struct vcpu *v = context_vcpu(d, c, &rc);

	if (!v)
		return rc;
	r = xzalloc(struct vcpu_state_v1);
	if (!r)
		return -ENOMEM;
	rc = copy_from_guest(caller, r, c->buffer, sizeof(*r)) ? -EFAULT : vcpu_state_load(v, r);
	xfree(r);
	if (!rc)
		vcpu_update_runnable(v);   /* online may have changed */
	return rc;
}

static long vcpu_info(struct domain *d, struct ctl_domctl_vcpu_info *i)
{
	const struct vcpu *v;

	if (i->vcpu >= d->nr_vcpus)
		return -ENOENT;
	v = d->vcpus[i->vcpu];
	*i = (struct ctl_domctl_vcpu_info){
		.vcpu = i->vcpu,
		.flags = (v->online ? CTL_VCPUINF_online : 0) |
			 (__atomic_load_n(&v->blocked, __ATOMIC_RELAXED) ? CTL_VCPUINF_blocked : 0) |
			 (__atomic_load_n(&v->sched.running, __ATOMIC_RELAXED) ?
			  CTL_VCPUINF_running : 0),
		.cpu = __atomic_load_n(&v->sched.cpu, __ATOMIC_RELAXED),
		.cpu_time_ns = sched_runtime_ns(v, now_ns()),
		.cpumap = v->sched.affinity,
	};
	return 0;
}

static long hvm_param(struct domain *d, uint32_t cmd, struct ctl_domctl_hvm_param *p)
{
	if (p->index >= HVM_NR_PARAMS)
		return -EINVAL;
	if (cmd == CTL_DOMCTL_set_hvm_param)
		hvm_param_set(d, p->index, p->value);
	else
		p->value = hvm_param_get(d, p->index);
	return 0;
}

long domctl_vcpu_op(struct vcpu *caller, struct domain *d, struct ctl_domctl *op)
{
	switch (op->cmd) {
	case CTL_DOMCTL_getvcpucontext:
		return get_context(caller, d, &op->u.context);
	case CTL_DOMCTL_setvcpucontext:
		return set_context(caller, d, &op->u.context);
	case CTL_DOMCTL_getvcpuinfo:
		return vcpu_info(d, &op->u.vcpu_info);
	case CTL_DOMCTL_get_hvm_param:
	case CTL_DOMCTL_set_hvm_param:
		return hvm_param(d, op->cmd, &op->u.hvm_param);
	default:
		return -ENOSYS;
	}
}
