// SPDX-License-Identifier: GPL-2.0-only
/*
 * A domain's port table: creation and teardown, port lookup and allocation,
 * and the locking helpers (see private.h for the rules).
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/xmalloc.h>

#include "private.h"

spinlock_t evtchn_pair_lock = SPINLOCK_INIT;

bool evtchn_privileged(const struct domain *d)
{
	return d && d == hardware_domain;
}

/* Per-vCPU VIRQs (public/xen.h); every other VIRQ is global, bound on vCPU 0. */
bool evtchn_virq_is_global(unsigned int virq)
{
	switch (virq) {
	case VIRQ_TIMER:
	case VIRQ_DEBUG:
	case VIRQ_XENOPROF:
	case VIRQ_XENPMU:
		return false;
	default:
		return true;
	}
}

int evtchn_target(struct domain *caller, domid_t dom, struct domain **out)
{
	struct domain *d = caller;

	if (dom != DOMID_SELF && dom != caller->id)
		d = domain_live_by_id(dom);
	if (!d || !d->evtchn)
		return -ESRCH;
	if (d != caller && !evtchn_privileged(caller))
		return -EPERM;
	*out = d;
	return 0;
}

struct vcpu *evtchn_vcpu(struct domain *d, uint32_t id)
{
	if (id >= d->nr_vcpus || id >= d->evtchn->nr_vcpus)
		return NULL;
	return d->vcpus[id];
}

void evtchn_lock_pair(struct domain *a, struct domain *b, unsigned long *flags)
{
	struct domain *first = a->id <= b->id ? a : b;
	struct domain *second = first == a ? b : a;

	*flags = spin_lock_irqsave(&first->evtchn->lock);
	if (second != first)
		spin_lock(&second->evtchn->lock);
}

void evtchn_unlock_pair(struct domain *a, struct domain *b, unsigned long flags)
{
	if (a != b)
		spin_unlock(&b->evtchn->lock);
	spin_unlock_irqrestore(&a->evtchn->lock, flags);
}

struct evtchn *evtchn_port(struct evtchn_table *t, evtchn_port_t port)
{
	return port < t->max_ports ? &t->ports[port] : NULL;
}

int evtchn_free_port(const struct evtchn_table *t)
{
	if (t->dying)
		return -ESRCH;
	for (unsigned int p = EVTCHN_PORT_NONE + 1; p < t->max_ports; p++)
		if (t->ports[p].state == EVTCHN_FREE)
			return (int)p;
	return -ENOSPC;
}

void evtchn_port_free(struct domain *d, struct evtchn *chn, evtchn_port_t port)
{
	/* As Xen: a re-bound port must not inherit a stale event or vCPU. */
	evtchn_clear_pending(d, port);
	__atomic_store_n(&chn->notify_vcpu, 0, __ATOMIC_RELAXED);
	chn->state = EVTCHN_FREE;
	memset(&chn->u, 0, sizeof(chn->u));
}

int evtchn_domain_init(struct domain *d, unsigned int max_ports)
{
	unsigned int rows = MAX(MAX(d->cfg.max_vcpus, d->nr_vcpus), 1U);
	struct evtchn_table *t;

	if (d->evtchn || !d->shared_info || !max_ports || max_ports > EVTCHN_2L_NR_PORTS)
		return -EINVAL;
	t = xzalloc_bytes(sizeof(*t) + max_ports * sizeof(t->ports[0]));
	if (!t)
		return -ENOMEM;
	t->virq_port = xzalloc_array_bytes(sizeof(*t->virq_port), rows);
	if (!t->virq_port) {
		xfree(t);
		return -ENOMEM;
	}
	spin_lock_init(&t->lock);
	t->max_ports = max_ports;
	t->nr_vcpus = rows;
	d->evtchn = t;
	return 0;
}

/*
 * Under both the pair lock and d's table lock: nobody is between reading
 * d->evtchn and using it in an operation that could add a port or a pair.
 */
static void destroy_step(struct domain *d, struct evtchn_table *t, bool unlink)
{
	unsigned long f0 = spin_lock_irqsave(&evtchn_pair_lock);
	unsigned long f1 = spin_lock_irqsave(&t->lock);

	t->dying = true;
	if (unlink)
		d->evtchn = NULL;
	spin_unlock_irqrestore(&t->lock, f1);
	spin_unlock_irqrestore(&evtchn_pair_lock, f0);
}

void evtchn_domain_destroy(struct domain *d)
{
	struct evtchn_table *t = d->evtchn;

	if (!t)
		return;
	/* No new ports from here, so one pass closes them all. */
	destroy_step(d, t, false);
	evtchn_close_all(d);
	destroy_step(d, t, true);
	xfree(t->virq_port);
	xfree(t);
}
