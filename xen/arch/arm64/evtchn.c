// SPDX-License-Identifier: GPL-2.0-only
/* The event-channel upcall: the PPI named in the guest's /hypervisor node (edge, see vgic/init.c). */
#include <xen/domain.h>
#include <xen/event.h>
#include <xen/vgic.h>

void arch_evtchn_upcall(struct vcpu *v)
{
	vgic_inject(v->domain, v, VGIC_EVTCHN_INTID, true);
}
