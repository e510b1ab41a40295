// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_multicall(entries, nr): runs each entry's hypercall in order
 * and stores its result in the entry; a multicall inside a multicall gets
 * -EINVAL. And HYPERVISOR_vm_assist: on Arm only the runstate update flag.
 */
#include <arch/guest_access.h>
#include <public/xen.h>
#include <xen/errno.h>
#include <xen/hypercall.h>

#define MULTICALL_MAX 4096   /* entries per call (bounded work per hypercall) */

static int run_entry(struct vcpu *v, uint64_t gva)
{
	struct multicall_entry e;

	if (copy_from_guest(v, &e, gva, sizeof(e)))
		return -EFAULT;
	if (e.op == __HYPERVISOR_multicall)
		e.result = -EINVAL;
	else
		e.result = do_hypercall(v, e.op, e.args);
	return copy_to_guest(v, gva + offsetof(struct multicall_entry, result), &e.result,
			     sizeof(e.result)) ? -EFAULT : 0;
}

long do_multicall(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	int rc = 0;

	if (a[1] > MULTICALL_MAX)
		return -EINVAL;
	for (uint64_t i = 0; !rc && i < a[1]; i++)
		rc = run_entry(v, a[0] + i * sizeof(struct multicall_entry));
	return rc;
}

long do_vm_assist(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	if (a[1] != VMASST_TYPE_runstate_update_flag)
		return -EINVAL;
	switch (a[0]) {
	case VMASST_CMD_enable:
		v->domain->runstate_update_flag = true;
		return 0;
	case VMASST_CMD_disable:
		v->domain->runstate_update_flag = false;
		return 0;
	default:
		return -EINVAL;
	}
}
