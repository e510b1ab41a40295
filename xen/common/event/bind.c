// SPDX-License-Identifier: GPL-2.0-only
/*
 * Allocating ports: EVTCHNOP_alloc_unbound, bind_interdomain, bind_virq and
 * bind_ipi. A port is taken only once every check passed, so a failed
 * operation leaves both tables as they were.
 */
#include <xen/errno.h>

#include "private.h"

/* A new port of d waiting for domain remote to bind to it. */
static int alloc_unbound(struct domain *d, domid_t remote, evtchn_port_t *port)
{
	unsigned long flags;
	struct evtchn_table *t = evtchn_lock(d, &flags);
	int p;

	if (!t)
		return -ESRCH;
	p = evtchn_free_port(t);
	if (p > 0) {
		t->ports[p].state = EVTCHN_UNBOUND;
		t->ports[p].u.unbound_dom = remote;
		*port = (evtchn_port_t)p;
	}
	evtchn_unlock(d, flags);
	return p < 0 ? p : 0;
}

int evtchn_alloc_unbound(struct domain *d, domid_t remote, evtchn_port_t *port)
{
	return alloc_unbound(d, remote == DOMID_SELF ? d->id : remote, port);
}

int evtchn_op_alloc_unbound(struct domain *caller, struct evtchn_alloc_unbound *a)
{
	struct domain *d;
	int rc = evtchn_target(caller, a->dom, &d);

	if (rc)
		return rc;
	/* DOMID_SELF names the caller, not the domain that gets the port (Xen). */
	return alloc_unbound(d, a->remote_dom == DOMID_SELF ? caller->id : a->remote_dom, &a->port);
}

/* Both tables locked: joins ld's new port to rd's port rport; the new port or an error. */
static int join(struct domain *ld, struct domain *rd, evtchn_port_t rport)
{
	struct evtchn *rchn = evtchn_port(rd->evtchn, rport);
	struct evtchn *lchn;
	int lport;

	if (!rchn || rchn->state != EVTCHN_UNBOUND || rchn->u.unbound_dom != ld->id)
		return -EINVAL;
	lport = evtchn_free_port(ld->evtchn);
	if (lport < 0)
		return lport;
	lchn = &ld->evtchn->ports[lport];
	lchn->state = EVTCHN_INTERDOMAIN;
	lchn->u.inter.dom = rd;
	lchn->u.inter.port = rport;
	rchn->state = EVTCHN_INTERDOMAIN;
	rchn->u.inter.dom = ld;
	rchn->u.inter.port = (evtchn_port_t)lport;
	/*
	 * As Xen: the peer may have sent while its port was unbound (dropped),
	 * so the new port starts with an event.
	 */
	evtchn_set_pending(ld, lchn->notify_vcpu, (evtchn_port_t)lport);
	return lport;
}

int evtchn_op_bind_interdomain(struct domain *ld, struct evtchn_bind_interdomain *a)
{
	domid_t rid = a->remote_dom == DOMID_SELF ? ld->id : a->remote_dom;
	struct domain *rd = rid == ld->id ? ld : domain_live_by_id(rid);
	unsigned long f0, f1;
	int rc = -ESRCH;

	if (!rd)
		return -ESRCH;
	f0 = spin_lock_irqsave(&evtchn_pair_lock);
	if (ld->evtchn && rd->evtchn) {
		evtchn_lock_pair(ld, rd, &f1);
		rc = join(ld, rd, a->remote_port);
		evtchn_unlock_pair(ld, rd, f1);
	}
	spin_unlock_irqrestore(&evtchn_pair_lock, f0);
	if (rc < 0)
		return rc;
	a->local_port = (evtchn_port_t)rc;
	return 0;
}

/* Table locked: takes a free port for state on vCPU vcpu; the port or an error. */
static int take(struct evtchn_table *t, enum evtchn_state state, uint32_t vcpu)
{
	int p = evtchn_free_port(t);

	if (p > 0) {
		t->ports[p].state = state;
		t->ports[p].notify_vcpu = vcpu;
	}
	return p;
}

int evtchn_op_bind_virq(struct domain *d, struct evtchn_bind_virq *a)
{
	unsigned long flags;
	struct evtchn_table *t;
	int rc;

	if (a->virq >= NR_VIRQS || (evtchn_virq_is_global(a->virq) && a->vcpu))
		return -EINVAL;
	t = evtchn_lock(d, &flags);
	if (!t)
		return -ESRCH;
	if (!evtchn_vcpu(d, a->vcpu))
		rc = -ENOENT;
	else if (t->virq_port[a->vcpu][a->virq] != EVTCHN_PORT_NONE)
		rc = -EEXIST;
	else if ((rc = take(t, EVTCHN_VIRQ, a->vcpu)) > 0) {
		t->ports[rc].u.virq = a->virq;
		t->virq_port[a->vcpu][a->virq] = (evtchn_port_t)rc;
		a->port = (evtchn_port_t)rc;
	}
	evtchn_unlock(d, flags);
	return rc < 0 ? rc : 0;
}

int evtchn_op_bind_ipi(struct domain *d, struct evtchn_bind_ipi *a)
{
	unsigned long flags;
	struct evtchn_table *t = evtchn_lock(d, &flags);
	int rc;

	if (!t)
		return -ESRCH;
	if (!evtchn_vcpu(d, a->vcpu))
		rc = -ENOENT;
	else if ((rc = take(t, EVTCHN_IPI, a->vcpu)) > 0)
		a->port = (evtchn_port_t)rc;
	evtchn_unlock(d, flags);
	return rc < 0 ? rc : 0;
}
