// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_sysctl: the machine, for the toolstack (docs/specs/domctl.md). */
#include <arch/guest_access.h>
#include <arch/setup.h>
#include <arch/time.h>
#include <public/domctl.h>
#include <xen/console.h>
#include <xen/ctl.h>
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>
#include <xen/timer.h>
#include <xen/xmalloc.h>

#define HZ_PER_KHZ      1000
#define READCONSOLE_MAX (64U << 10)

static void physinfo(struct ctl_sysctl_physinfo *p)
{
	*p = (struct ctl_sysctl_physinfo){
		.nr_cpus = arch_nr_cpus_started(), .cpu_khz = arch_counter_freq() / HZ_PER_KHZ,
		.total_pages = page_alloc_total_count(),
		.free_pages = page_alloc_free_count() + xmalloc_slab_pages(), .now_ns = now_ns(),
	};
}

/* The hypervisor's log ring, oldest first, as much as fits. */
static long readconsole(struct vcpu *v, struct ctl_sysctl_readconsole *r)
{
	uint32_t n = MIN(r->count, READCONSOLE_MAX);
	char *buf = xzalloc_bytes(n ? n : 1);
	size_t got;

	if (!buf)
		return -ENOMEM;
	got = console_ring_read(buf, n);
	r->count = (uint32_t)got;
	if (got && copy_to_guest(v, r->buffer, buf, got)) {
		xfree(buf);
		return -EFAULT;
	}
	xfree(buf);
	return 0;
}

long do_sysctl(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	struct ctl_sysctl op;
	long rc = ctl_read_op(v, a[0], &op, sizeof(op));

	if (rc)
		return rc;
	switch (op.cmd) {
	case CTL_SYSCTL_physinfo:
		physinfo(&op.u.physinfo);
		rc = 0;
		break;
	case CTL_SYSCTL_readconsole:
		rc = readconsole(v, &op.u.readconsole);
		break;
	default:
		return -ENOSYS;
	}
	if (!rc && copy_to_guest(v, a[0], &op, sizeof(op)))
		return -EFAULT;
	return rc;
}
