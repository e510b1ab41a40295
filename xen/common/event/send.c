// SPDX-License-Identifier: GPL-2.0-only
/*
 * Raising events: EVTCHNOP_send from a guest, and VIRQs from the hypervisor
 * (possibly in interrupt context: table locks mask interrupts).
 */
#include <xen/errno.h>

#include "private.h"

/* Sender's table locked: raises the peer end of the interdomain port chn. */
static void send_to_peer(const struct evtchn *chn)
{
	struct domain *rd = chn->u.inter.dom;
	evtchn_port_t rport = chn->u.inter.port;
	/* The peer may move its end (bind_vcpu) under its own lock only. */
	unsigned int vcpu = __atomic_load_n(&rd->evtchn->ports[rport].notify_vcpu, __ATOMIC_RELAXED);

	evtchn_set_pending(rd, vcpu, rport);
}

int evtchn_send(struct domain *d, evtchn_port_t port)
{
	unsigned long flags;
	struct evtchn_table *t = evtchn_lock(d, &flags);
	struct evtchn *chn;
	int rc = 0;

	if (!t)
		return -ESRCH;
	chn = evtchn_port(t, port);
	if (!chn)
		rc = -EINVAL;
	else if (chn->state == EVTCHN_INTERDOMAIN)
		send_to_peer(chn);
	else if (chn->state == EVTCHN_IPI)
		evtchn_set_pending(d, chn->notify_vcpu, port);
	else if (chn->state != EVTCHN_UNBOUND)
		rc = -EINVAL;   /* closed, port 0, VIRQ: nothing a guest may raise */
	/* Unbound: nobody to tell; dropped with success, as Xen does. */
	evtchn_unlock(d, flags);
	return rc;
}

void evtchn_send_virq(struct vcpu *v, unsigned int virq)
{
	struct domain *d = v->domain;
	unsigned long flags;
	struct evtchn_table *t;
	evtchn_port_t port;

	if (virq >= NR_VIRQS || evtchn_virq_is_global(virq))
		return;
	t = evtchn_lock(d, &flags);
	if (!t)
		return;
	if (v->id < t->nr_vcpus) {
		port = t->virq_port[v->id][virq];
		if (port != EVTCHN_PORT_NONE)
			evtchn_set_pending(d, v->id, port);
	}
	evtchn_unlock(d, flags);
}

void evtchn_send_global_virq(struct domain *d, unsigned int virq)
{
	unsigned long flags;
	struct evtchn_table *t;
	evtchn_port_t port;

	if (!d || virq >= NR_VIRQS || !evtchn_virq_is_global(virq))
		return;
	t = evtchn_lock(d, &flags);
	if (!t)
		return;
	port = t->virq_port[0][virq];
	if (port != EVTCHN_PORT_NONE)
		evtchn_set_pending(d, t->ports[port].notify_vcpu, port);
	evtchn_unlock(d, flags);
}
