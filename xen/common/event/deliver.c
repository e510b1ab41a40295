// SPDX-License-Identifier: GPL-2.0-only
/*
 * 2-level delivery in the guest-shared pages (Xen's event_2l scheme, see
 * xen/event.h). The guest changes these words concurrently (it clears
 * pending and selector bits, sets and clears mask bits), so every access is
 * atomic. Ordering: a port's pending bit is set before its mask bit is read,
 * and its mask bit is cleared before its pending bit is read (sequentially
 * consistent), so an event racing with the guest's unmask is never lost.
 */
#include "private.h"

static xen_ulong_t bit_of(unsigned int nr)
{
	return (xen_ulong_t)1 << (nr % EVTCHN_WORD_BITS);
}

static bool test_and_set(xen_ulong_t *words, unsigned int nr)
{
	xen_ulong_t m = bit_of(nr);

	return __atomic_fetch_or(&words[nr / EVTCHN_WORD_BITS], m, __ATOMIC_SEQ_CST) & m;
}

static bool test_and_clear(xen_ulong_t *words, unsigned int nr)
{
	xen_ulong_t m = bit_of(nr);

	return __atomic_fetch_and(&words[nr / EVTCHN_WORD_BITS], ~m, __ATOMIC_SEQ_CST) & m;
}

static bool test(xen_ulong_t *words, unsigned int nr)
{
	return __atomic_load_n(&words[nr / EVTCHN_WORD_BITS], __ATOMIC_SEQ_CST) & bit_of(nr);
}

static struct vcpu_info *vcpu_info_of(struct vcpu *v)
{
	/* VCPUOP_register_vcpu_info may move it: read the pointer once. */
	return __atomic_load_n(&v->vcpu_info, __ATOMIC_ACQUIRE);
}

/* Sets upcall_pending; raises the upcall interrupt when it goes 0 -> 1. */
static void mark_upcall(struct vcpu *v, struct vcpu_info *vi)
{
	if (!__atomic_exchange_n(&vi->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST))
		arch_evtchn_upcall(v);
}

/* Flags the word holding port in vCPU vcpu's selector, and the upcall if it was clear. */
static void notify(struct domain *d, unsigned int vcpu, evtchn_port_t port)
{
	struct vcpu *v = vcpu < d->nr_vcpus ? d->vcpus[vcpu] : NULL;
	struct vcpu_info *vi;

	if (!v)
		return;
	vi = vcpu_info_of(v);
	if (!test_and_set(&vi->evtchn_pending_sel, port / EVTCHN_WORD_BITS))
		mark_upcall(v, vi);
}

void evtchn_set_pending(struct domain *d, unsigned int vcpu, evtchn_port_t port)
{
	struct shared_info *s = d->shared_info;

	if (test_and_set(s->evtchn_pending, port))
		return;
	if (!test(s->evtchn_mask, port))
		notify(d, vcpu, port);
	if (__atomic_load_n(&d->nr_polling, __ATOMIC_ACQUIRE))   /* a vCPU in SCHEDOP_poll */
		sched_poll_wake(d, port);
}

void evtchn_clear_pending(struct domain *d, evtchn_port_t port)
{
	test_and_clear(d->shared_info->evtchn_pending, port);
}

void evtchn_unmask_deliver(struct domain *d, unsigned int vcpu, evtchn_port_t port)
{
	struct shared_info *s = d->shared_info;

	/* As Xen: only a port that was masked notifies (Linux relies on it). */
	if (test_and_clear(s->evtchn_mask, port) && test(s->evtchn_pending, port))
		notify(d, vcpu, port);
}

void evtchn_renotify(struct domain *d, unsigned int vcpu, evtchn_port_t port)
{
	struct shared_info *s = d->shared_info;

	if (test(s->evtchn_pending, port) && !test(s->evtchn_mask, port))
		notify(d, vcpu, port);
}

bool evtchn_port_pending(struct domain *d, evtchn_port_t port)
{
	if (!d->shared_info || port >= EVTCHN_2L_NR_PORTS)
		return false;
	return test(d->shared_info->evtchn_pending, port);
}

void evtchn_vcpu_info_moved(struct vcpu *v)
{
	struct vcpu_info *vi = vcpu_info_of(v);

	/*
	 * As Xen's VCPUOP_register_vcpu_info: events flagged in the old area
	 * would be lost, so every word is marked and the upcall raised. The
	 * guest scans once for nothing at worst.
	 */
	__atomic_fetch_or(&vi->evtchn_pending_sel, ~(xen_ulong_t)0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&vi->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
	arch_evtchn_upcall(v);
}
