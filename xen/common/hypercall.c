// SPDX-License-Identifier: GPL-2.0-only
/* Hypercall dispatch (the Xen Arm ABI: number in x16, arguments x0-x4). */
#include <public/xen.h>
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/grant_table.h>
#include <xen/hypercall.h>

static const hypercall_fn hypercalls[NR_HYPERCALLS] = {
	[__HYPERVISOR_platform_op] = do_platform_op,
	[__HYPERVISOR_memory_op] = do_memory_op,
	[__HYPERVISOR_multicall] = do_multicall,
	[__HYPERVISOR_grant_table_op] = do_grant_table_op,
	[__HYPERVISOR_vm_assist] = do_vm_assist,
	[__HYPERVISOR_event_channel_op] = do_event_channel_op,
	[__HYPERVISOR_hvm_op] = do_hvm_op,
	[__HYPERVISOR_sysctl] = do_sysctl,
	[__HYPERVISOR_domctl] = do_domctl,
	[__HYPERVISOR_xen_version] = do_xen_version,
	[__HYPERVISOR_console_io] = do_console_io,
	[__HYPERVISOR_sched_op] = do_sched_op,
	[__HYPERVISOR_vcpu_op] = do_vcpu_op,
};

long do_hypercall(struct vcpu *v, uint64_t nr, const uint64_t a[HCALL_ARGS])
{
	if (nr >= NR_HYPERCALLS || !hypercalls[nr])
		return -ENOSYS;
	return hypercalls[nr](v, a);
}
