// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_hvm_op: a domain's parameters (xenstore and console pages and
 * event channels, the event upcall interrupt). A domain reads its own; only
 * the hardware domain sets them (the toolstack), except the callback IRQ.
 */
#include <arch/guest_access.h>
#include <public/hvm.h>
#include <xen/errno.h>
#include <xen/hvm_param.h>
#include <xen/hypercall.h>
#include <xen/vgic.h>

/* What HVM_PARAM_CALLBACK_IRQ reads: the event PPI, level, active-low (as in the DT). */
static uint64_t callback_irq(void)
{
	return (HVM_PARAM_CALLBACK_TYPE_PPI << HVM_PARAM_CALLBACK_TYPE_SHIFT) |
	       HVM_PARAM_CALLBACK_PPI_ACTIVE_LOW | VGIC_EVTCHN_INTID;
}

uint64_t hvm_param_get(const struct domain *d, unsigned int index)
{
	return index == HVM_PARAM_CALLBACK_IRQ ? callback_irq() : d->hvm_params[index];
}

void hvm_param_set(struct domain *d, unsigned int index, uint64_t value)
{
	if (index != HVM_PARAM_CALLBACK_IRQ)   /* the callback is always the event PPI on Arm */
		d->hvm_params[index] = value;
}

static struct domain *target(struct vcpu *v, domid_t id, int *err)
{
	struct domain *d;

	if (id == DOMID_SELF || id == v->domain->id)
		return v->domain;
	*err = -EPERM;
	if (v->domain != hardware_domain)
		return NULL;
	d = domain_live_by_id(id);
	*err = -ESRCH;
	return d;
}

static long param_op(struct vcpu *v, uint64_t op, uint64_t arg)
{
	struct xen_hvm_param p;
	struct domain *d;
	int rc = 0;

	if (copy_from_guest(v, &p, arg, sizeof(p)))
		return -EFAULT;
	if (p.index >= HVM_NR_PARAMS)
		return -EINVAL;
	d = target(v, p.domid, &rc);
	if (!d)
		return rc;
	if (op == HVMOP_set_param) {
		if (v->domain != hardware_domain && p.index != HVM_PARAM_CALLBACK_IRQ)
			return -EPERM;
		hvm_param_set(d, p.index, p.value);
		return 0;
	}
	p.value = hvm_param_get(d, p.index);
	return copy_to_guest(v, arg, &p, sizeof(p)) ? -EFAULT : 0;
}

long do_hvm_op(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	switch (a[0]) {
	case HVMOP_set_param:
	case HVMOP_get_param:
		return param_op(v, a[0], a[1]);
	default:
		return -ENOSYS;
	}
}
