// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_platform_op (hardware domain only) and the wall clock every
 * domain reads from its shared_info (wc_sec/wc_nsec: the wall-clock time at
 * system time 0, under the version protocol: odd while being written).
 */
#include <arch/guest_access.h>
#include <public/platform.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/timer.h>
#include <xen/wallclock.h>

static uint64_t boot_wallclock_ns;   /* wall-clock time at system time 0 */

void wallclock_publish(struct domain *d)
{
	struct shared_info *s = d->shared_info;
	uint64_t secs = boot_wallclock_ns / NS_PER_SEC;

	if (!s)
		return;
	__atomic_add_fetch(&s->wc_version, 1, __ATOMIC_SEQ_CST);
	s->wc_sec = (uint32_t)secs;
	s->wc_sec_hi = (uint32_t)(secs >> 32);
	s->wc_nsec = (uint32_t)(boot_wallclock_ns % NS_PER_SEC);
	__atomic_add_fetch(&s->wc_version, 1, __ATOMIC_SEQ_CST);
}

static void publish_one(struct domain *d, void *arg)
{
	(void)arg;
	wallclock_publish(d);
}

static long settime64(const struct xenpf_settime64 *t)
{
	uint64_t wall = t->secs * NS_PER_SEC + t->nsecs;

	if (t->mbz || t->nsecs >= NS_PER_SEC)
		return -EINVAL;
	boot_wallclock_ns = wall > t->system_time ? wall - t->system_time : 0;
	domain_for_each(publish_one, NULL);
	return 0;
}

long do_platform_op(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	struct xen_platform_op op;

	if (v->domain != hardware_domain)
		return -EPERM;
	if (copy_from_guest(v, &op, a[0], sizeof(op)))
		return -EFAULT;
	if (op.interface_version != XENPF_INTERFACE_VERSION)
		return -EACCES;
	switch (op.cmd) {
	case XENPF_settime64:
		return settime64(&op.u.settime64);
	default:
		return -ENOSYS;
	}
}
