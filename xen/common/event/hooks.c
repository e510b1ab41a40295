// SPDX-License-Identifier: GPL-2.0-only
/*
 * Defaults for the hooks event channels call (xen/event.h), used until the
 * arch and the scheduler provide theirs (a strong definition replaces them).
 * Without SCHEDOP_poll nobody polls, so there is nobody to wake; an upcall
 * that cannot be raised would lose guest events silently, so that one stops
 * the hypervisor instead.
 */
#include <xen/lib.h>

#include "private.h"

__attribute__((weak)) void arch_evtchn_upcall(struct vcpu *v)
{
	panic("d%u v%u: event upcall raised, but the arch has no arch_evtchn_upcall",
	      v->domain->id, v->id);
}

__attribute__((weak)) void sched_poll_wake(struct domain *d, evtchn_port_t port)
{
}
