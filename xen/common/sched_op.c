// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_sched_op: yield, block, shutdown, poll. SCHEDOP_poll blocks the
 * vCPU until one of the event-channel ports it names is pending (masked or
 * not) or the timeout passes; it returns at once if one already is.
 */
#include <arch/guest_access.h>
#include <public/xen.h>
#include <xen/errno.h>
#include <xen/event.h>
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

static void poll_end(struct vcpu *v)
{
	if (__atomic_exchange_n(&v->poll.active, false, __ATOMIC_SEQ_CST))
		__atomic_sub_fetch(&v->domain->nr_polling, 1, __ATOMIC_SEQ_CST);
	if (v->poll.timer_ready)
		timer_stop(&v->poll.timeout);
	vcpu_unblock(v);
}

static void poll_timeout(void *data)
{
	struct vcpu *v = data;

	if (__atomic_load_n(&v->poll.active, __ATOMIC_ACQUIRE))
		poll_end(v);
}

void sched_poll_wake(struct domain *d, evtchn_port_t port)
{
	if (!__atomic_load_n(&d->nr_polling, __ATOMIC_ACQUIRE))
		return;
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = d->vcpus[i];

		if (!__atomic_load_n(&v->poll.active, __ATOMIC_ACQUIRE))
			continue;
		for (unsigned int p = 0; p < v->poll.nr; p++)
			if (v->poll.ports[p] == port) {
				poll_end(v);
				break;
			}
	}
}

static bool any_pending(struct vcpu *v)
{
	for (unsigned int p = 0; p < v->poll.nr; p++)
		if (evtchn_port_pending(v->domain, v->poll.ports[p]))
			return true;
	return false;
}

static long sched_poll(struct vcpu *v, uint64_t gva)
{
	struct sched_poll sp;

	if (copy_from_guest(v, &sp, gva, sizeof(sp)))
		return -EFAULT;
	if (sp.nr_ports > SCHED_POLL_MAX_PORTS)
		return -EINVAL;
	if (copy_from_guest(v, v->poll.ports, sp.ports, sp.nr_ports * sizeof(uint32_t)))
		return -EFAULT;
	v->poll.nr = sp.nr_ports;
	__atomic_add_fetch(&v->domain->nr_polling, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&v->poll.active, true, __ATOMIC_SEQ_CST);
	if (any_pending(v)) {     /* after active is set: a send now sees us, or we see it */
		poll_end(v);
		return 0;
	}
	if (!v->poll.timer_ready) {
		timer_init(&v->poll.timeout, poll_timeout, v);
		v->poll.timer_ready = true;
	}
	if (sp.timeout)
		timer_set(&v->poll.timeout, sp.timeout);
	vcpu_block(v);
	return 0;
}

/* SCHEDOP_remote_shutdown: the hardware domain stops another domain. */
static long remote_shutdown(struct vcpu *v, uint64_t gva)
{
	struct {
		domid_t domid;
		uint16_t pad;
		uint32_t reason;
	} rs;
	struct domain *d;

	if (copy_from_guest(v, &rs, gva, sizeof(rs)))
		return -EFAULT;
	if (v->domain != hardware_domain)
		return -EPERM;
	d = domain_live_by_id(rs.domid);
	if (!d)
		return -ESRCH;
	if (rs.reason > SHUTDOWN_WATCHDOG)
		return -EINVAL;
	domain_shutdown(d, rs.reason);
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
	case SCHEDOP_poll:
		return sched_poll(v, a[1]);
	case SCHEDOP_remote_shutdown:
		return remote_shutdown(v, a[1]);
	default:
		return -ENOSYS;
	}
}
