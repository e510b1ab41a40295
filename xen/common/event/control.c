// SPDX-License-Identifier: GPL-2.0-only
/* Operations on a bound port: EVTCHNOP_status, bind_vcpu and unmask. */
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

/* The table locked: what EVTCHNOP_status reports for chn. */
static void fill_status(const struct evtchn *chn, struct evtchn_status *s)
{
	memset(&s->u, 0, sizeof(s->u));
	s->vcpu = chn->notify_vcpu;
	switch (chn->state) {
	case EVTCHN_FREE:
		s->status = EVTCHNSTAT_closed;
		break;
	case EVTCHN_UNBOUND:
		s->status = EVTCHNSTAT_unbound;
		s->u.unbound.dom = chn->u.unbound_dom;
		break;
	case EVTCHN_INTERDOMAIN:
		s->status = EVTCHNSTAT_interdomain;
		s->u.interdomain.dom = chn->u.inter.dom->id;
		s->u.interdomain.port = chn->u.inter.port;
		break;
	case EVTCHN_VIRQ:
		s->status = EVTCHNSTAT_virq;
		s->u.virq = chn->u.virq;
		break;
	case EVTCHN_IPI:
		s->status = EVTCHNSTAT_ipi;
		break;
	}
}

int evtchn_op_status(struct domain *caller, struct evtchn_status *s)
{
	unsigned long flags;
	struct evtchn_table *t;
	struct evtchn *chn;
	struct domain *d;
	int rc = evtchn_target(caller, s->dom, &d);

	if (rc)
		return rc;
	t = evtchn_lock(d, &flags);
	if (!t)
		return -ESRCH;
	chn = evtchn_port(t, s->port);
	if (chn)
		fill_status(chn, s);
	else
		rc = -EINVAL;
	evtchn_unlock(d, flags);
	return rc;
}

/* Ports whose notified vCPU the guest may choose (Xen: no per-vCPU VIRQ, no IPI). */
static bool movable(const struct evtchn *chn)
{
	switch (chn->state) {
	case EVTCHN_VIRQ:
		return evtchn_virq_is_global(chn->u.virq);
	case EVTCHN_UNBOUND:
	case EVTCHN_INTERDOMAIN:
		return true;
	default:
		return false;
	}
}

int evtchn_op_bind_vcpu(struct domain *d, evtchn_port_t port, uint32_t vcpu)
{
	unsigned long flags;
	struct evtchn_table *t = evtchn_lock(d, &flags);
	struct evtchn *chn;
	int rc = 0;

	if (!t)
		return -ESRCH;
	chn = evtchn_port(t, port);
	if (!evtchn_vcpu(d, vcpu))
		rc = -ENOENT;
	else if (!chn || !movable(chn))
		rc = -EINVAL;
	else if (chn->notify_vcpu != vcpu) {
		/* Atomic: a peer's send reads it without our lock. */
		__atomic_store_n(&chn->notify_vcpu, vcpu, __ATOMIC_RELAXED);
		/* An event flagged on the old vCPU is flagged on the new one too. */
		evtchn_renotify(d, vcpu, port);
	}
	evtchn_unlock(d, flags);
	return rc;
}

int evtchn_op_unmask(struct domain *d, evtchn_port_t port)
{
	unsigned long flags;
	struct evtchn_table *t = evtchn_lock(d, &flags);
	struct evtchn *chn;
	int rc = 0;

	if (!t)
		return -ESRCH;
	chn = evtchn_port(t, port);
	if (!chn || chn->state == EVTCHN_FREE)
		rc = -EINVAL;
	else
		evtchn_unmask_deliver(d, chn->notify_vcpu, port);
	evtchn_unlock(d, flags);
	return rc;
}
