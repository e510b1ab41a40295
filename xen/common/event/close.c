// SPDX-License-Identifier: GPL-2.0-only
/*
 * Closing ports: EVTCHNOP_close and EVTCHNOP_reset, and the teardown of a
 * domain's ports. Closing one end of an interdomain pair leaves the other
 * end unbound, waiting for the closer to bind again (as Xen).
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

/* Both ends' tables locked: the peer of chn (a port of d) goes back to unbound. */
static void unbind_peer(struct domain *d, struct evtchn *chn)
{
	struct domain *rd = chn->u.inter.dom;
	struct evtchn *rchn = &rd->evtchn->ports[chn->u.inter.port];

	memset(&rchn->u, 0, sizeof(rchn->u));
	rchn->state = EVTCHN_UNBOUND;
	rchn->u.unbound_dom = d->id;
}

/* The tables of d and of port's peer locked. */
static int close_locked(struct domain *d, evtchn_port_t port)
{
	struct evtchn_table *t = d->evtchn;
	struct evtchn *chn = evtchn_port(t, port);

	if (!chn)
		return -EINVAL;
	switch (chn->state) {
	case EVTCHN_FREE:
		return -EINVAL;
	case EVTCHN_VIRQ:
		/* A global VIRQ is in vCPU 0's row wherever bind_vcpu sent it. */
		t->virq_port[evtchn_virq_is_global(chn->u.virq) ? 0 : chn->notify_vcpu][chn->u.virq] =
			EVTCHN_PORT_NONE;
		break;
	case EVTCHN_INTERDOMAIN:
		unbind_peer(d, chn);
		break;
	case EVTCHN_UNBOUND:
	case EVTCHN_IPI:
		break;
	}
	evtchn_port_free(d, chn, port);
	return 0;
}

/*
 * Pair lock held: the domain at the other end of port, else d. Only
 * pair-locked operations make or undo a pair, so the answer holds until
 * the pair lock goes.
 */
static struct domain *peer_of(struct domain *d, evtchn_port_t port)
{
	unsigned long flags;
	struct evtchn_table *t = evtchn_lock(d, &flags);
	struct evtchn *chn = evtchn_port(t, port);
	struct domain *peer = d;

	if (chn && chn->state == EVTCHN_INTERDOMAIN)
		peer = chn->u.inter.dom;
	evtchn_unlock(d, flags);
	return peer;
}

int evtchn_close_port(struct domain *d, evtchn_port_t port)
{
	unsigned long f0 = spin_lock_irqsave(&evtchn_pair_lock);
	unsigned long f1;
	struct domain *peer;
	int rc = -ESRCH;

	if (d->evtchn) {
		peer = peer_of(d, port);
		evtchn_lock_pair(d, peer, &f1);
		rc = close_locked(d, port);
		evtchn_unlock_pair(d, peer, f1);
	}
	spin_unlock_irqrestore(&evtchn_pair_lock, f0);
	return rc;
}

void evtchn_close_all(struct domain *d)
{
	unsigned int max = d->evtchn->max_ports;

	for (evtchn_port_t p = EVTCHN_PORT_NONE + 1; p < max; p++)
		(void)evtchn_close_port(d, p);
}

int evtchn_op_reset(struct domain *caller, domid_t dom)
{
	struct domain *d;
	int rc = evtchn_target(caller, dom, &d);

	if (rc)
		return rc;
	evtchn_close_all(d);
	return 0;
}
