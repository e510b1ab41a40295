/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Event channels, the 2-level ABI (docs/specs/event-channels.md).
 *
 * A domain's ports live in a table private to xen/common/event/ (d->evtchn).
 * Delivery follows Xen's 2-level scheme in the guest-shared pages: the port's
 * bit in shared_info.evtchn_pending is set (if it already was, nothing else
 * happens); if it is not masked in shared_info.evtchn_mask, the word's bit in
 * the notified vCPU's vcpu_info.evtchn_pending_sel is set; if that bit was
 * clear, vcpu_info.evtchn_upcall_pending is set, and when it goes from 0 to 1
 * the arch raises the event PPI (arch_evtchn_upcall).
 */
#ifndef XEN_EVENT_H
#define XEN_EVENT_H

#include <public/event_channel.h>
#include <xen/hypercall.h>

struct domain;
struct vcpu;

/*
 * Sets up d's port table for max_ports ports (1..EVTCHN_2L_NR_PORTS; port 0
 * is never handed out). d->shared_info must be set and d->cfg.max_vcpus
 * final. 0; -EINVAL (d has a table, no shared_info, or max_ports out of
 * range); -ENOMEM.
 */
int evtchn_domain_init(struct domain *d, unsigned int max_ports);
/*
 * Closes every port (interdomain peers are left unbound towards d) and frees
 * the table; nothing else may use d any more. Harmless without a table.
 */
void evtchn_domain_destroy(struct domain *d);

long do_event_channel_op(struct vcpu *v, const uint64_t a[HCALL_ARGS]);

/*
 * What the hypervisor and the toolstack call directly (same rules as the
 * hypercalls; errors also -ESRCH if d has no table). evtchn_alloc_unbound:
 * a new port of d that remote may bind (DOMID_SELF: d itself); -ENOSPC.
 * evtchn_send: as EVTCHNOP_send from d; -EINVAL for a closed or VIRQ port.
 * Sending works in interrupt context.
 */
int evtchn_alloc_unbound(struct domain *d, domid_t remote, evtchn_port_t *port);
int evtchn_send(struct domain *d, evtchn_port_t port);
/* Raises a per-vCPU VIRQ (VIRQ_TIMER, VIRQ_DEBUG, ...) on v if it is bound. */
void evtchn_send_virq(struct vcpu *v, unsigned int virq);
/* Raises a global VIRQ (VIRQ_CONSOLE, VIRQ_DOM_EXC, ...) if d bound it. */
void evtchn_send_global_virq(struct domain *d, unsigned int virq);

/* True if port is pending in d's shared_info (SCHEDOP_poll). */
bool evtchn_port_pending(struct domain *d, evtchn_port_t port);
/*
 * v got a new vcpu_info (VCPUOP_register_vcpu_info): as Xen, every selector
 * bit and upcall_pending are set in it and the upcall is raised, so nothing
 * flagged in the old area is lost (the guest scans once for nothing at worst).
 */
void evtchn_vcpu_info_moved(struct vcpu *v);

/*
 * Arch hook: make the event-channel upcall interrupt pending on v (the PPI
 * given to the guest in its /hypervisor node) and kick v. Called with event
 * locks held, possibly in interrupt context: it must not call back into
 * event channels. Until the arch defines it, a weak default panics
 * (xen/common/event/hooks.c).
 */
void arch_evtchn_upcall(struct vcpu *v);
/*
 * Hook into SCHEDOP_poll: a port of d became pending (also when masked);
 * wake vCPUs polling it. Same constraints; the weak default does nothing.
 */
void sched_poll_wake(struct domain *d, evtchn_port_t port);

#endif /* XEN_EVENT_H */
