/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals shared by the event-channel files (xen/common/event/).
 *
 * Locking.
 *  - A domain's table lock (t->lock) protects its ports and VIRQ maps. It is
 *    always taken with interrupts masked: the hypervisor sends VIRQs from
 *    interrupt context.
 *  - evtchn_pair_lock serialises everything that changes an interdomain pair
 *    or a table's existence: bind_interdomain, close, reset and destroy.
 *    Under it, a port's interdomain peer cannot change, so a closer may read
 *    the peer with one table lock and then take both.
 *  - Two table locks are only held together under evtchn_pair_lock, and
 *    then lower domid first (evtchn_lock_pair).
 *  - Sending on an interdomain port takes only the sender's table lock: the
 *    pair cannot be undone without it, and delivery into the peer touches
 *    only guest-shared words (atomics) and the peer port's notify_vcpu,
 *    which is read atomically.
 *  - arch_evtchn_upcall() and sched_poll_wake() are called with table locks
 *    held; they must not call back into event channels.
 *
 * Lifetime: a table goes with its domain (evtchn_domain_destroy). Nothing
 * may still use the domain then (its vCPUs stopped, no hypervisor sender
 * left): the domain code does not reference-count domains.
 */
#ifndef EVENT_PRIVATE_H
#define EVENT_PRIVATE_H

#include <xen/domain.h>
#include <xen/event.h>
#include <xen/spinlock.h>

/* Bits of one 2-level word (xen_ulong_t: 64 bits on Arm, public/xen.h). */
#define EVTCHN_WORD_BITS    (sizeof(xen_ulong_t) * 8)
/*
 * Port 0 is never handed out (Xen reserves it), so 0 means "none"; it stays
 * EVTCHN_FREE, which every operation but status refuses.
 */
#define EVTCHN_PORT_NONE    0U

enum evtchn_state {
	EVTCHN_FREE = 0,        /* closed: may be allocated (zeroed memory) */
	EVTCHN_UNBOUND,         /* waits for u.unbound_dom to bind to it */
	EVTCHN_INTERDOMAIN,     /* bound to u.inter.port of u.inter.dom */
	EVTCHN_VIRQ,            /* delivers u.virq */
	EVTCHN_IPI,             /* delivers to its own domain */
};

struct evtchn {
	enum evtchn_state state;
	unsigned int notify_vcpu;       /* vCPU flagged on delivery */
	union {
		domid_t unbound_dom;
		struct {
			struct domain *dom;
			evtchn_port_t port;
		} inter;
		unsigned int virq;
	} u;
};

struct evtchn_table {
	spinlock_t lock;
	bool dying;                     /* destroy started: no new ports */
	unsigned int max_ports;
	unsigned int nr_vcpus;          /* rows of virq_port */
	evtchn_port_t (*virq_port)[NR_VIRQS];   /* [vcpu][virq]: bound port or 0 */
	struct evtchn ports[];
};

extern spinlock_t evtchn_pair_lock;

/* table.c */
bool evtchn_privileged(const struct domain *d);
bool evtchn_virq_is_global(unsigned int virq);
/* The domain a caller names: itself, or (privileged callers) any: 0, -ESRCH, -EPERM. */
int evtchn_target(struct domain *caller, domid_t dom, struct domain **out);
/* d's vCPU id (d has a table), or NULL if there is none. */
struct vcpu *evtchn_vcpu(struct domain *d, uint32_t id);
/* Locks d's table (interrupts masked); NULL, nothing locked, if d has none. */
static inline struct evtchn_table *evtchn_lock(struct domain *d, unsigned long *flags)
{
	struct evtchn_table *t = d->evtchn;

	if (t)
		*flags = spin_lock_irqsave(&t->lock);
	return t;
}

static inline void evtchn_unlock(struct domain *d, unsigned long flags)
{
	spin_unlock_irqrestore(&d->evtchn->lock, flags);
}
/* Both tables, lower domid first (once if a == b); caller holds evtchn_pair_lock. */
void evtchn_lock_pair(struct domain *a, struct domain *b, unsigned long *flags);
void evtchn_unlock_pair(struct domain *a, struct domain *b, unsigned long flags);
/* The port if it exists in t (below max_ports), else NULL. */
struct evtchn *evtchn_port(struct evtchn_table *t, evtchn_port_t port);
/* Lowest free port of t: > 0, or -ENOSPC (-ESRCH if t is dying). */
int evtchn_free_port(const struct evtchn_table *t);
/* Returns a port to EVTCHN_FREE: its pending bit cleared, notify_vcpu 0. */
void evtchn_port_free(struct domain *d, struct evtchn *chn, evtchn_port_t port);

/*
 * deliver.c: the 2-level bits in d's shared_info and its vCPUs' vcpu_info.
 * Callers hold a lock that keeps the port bound (see above).
 */
void evtchn_set_pending(struct domain *d, unsigned int vcpu, evtchn_port_t port);
void evtchn_clear_pending(struct domain *d, evtchn_port_t port);
/* Clears the mask bit; if it was set and port is pending, notifies vcpu. */
void evtchn_unmask_deliver(struct domain *d, unsigned int vcpu, evtchn_port_t port);
/* If port is pending and unmasked, notifies vcpu (after bind_vcpu). */
void evtchn_renotify(struct domain *d, unsigned int vcpu, evtchn_port_t port);

/* close.c: EVTCHNOP_close on d's port (0, -EINVAL, -ESRCH); every port of d. */
int evtchn_close_port(struct domain *d, evtchn_port_t port);
void evtchn_close_all(struct domain *d);

/* Per-operation handlers for do_event_channel_op (caller = the calling domain). */
int evtchn_op_alloc_unbound(struct domain *caller, struct evtchn_alloc_unbound *a);
int evtchn_op_bind_interdomain(struct domain *caller, struct evtchn_bind_interdomain *a);
int evtchn_op_bind_virq(struct domain *caller, struct evtchn_bind_virq *a);
int evtchn_op_bind_ipi(struct domain *caller, struct evtchn_bind_ipi *a);
int evtchn_op_status(struct domain *caller, struct evtchn_status *s);
int evtchn_op_bind_vcpu(struct domain *caller, evtchn_port_t port, uint32_t vcpu);
int evtchn_op_unmask(struct domain *caller, evtchn_port_t port);
int evtchn_op_reset(struct domain *caller, domid_t dom);

#endif /* EVENT_PRIVATE_H */
