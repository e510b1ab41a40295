// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_memory_op(cmd, arg): dispatch and the small queries. */
#include <arch/guest_access.h>
#include <xen/ctl.h>
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

struct domain *memop_target(struct vcpu *v, domid_t id, int *err)
{
	struct domain *self = v->domain;
	struct domain *d;

	if (id == DOMID_SELF || id == self->id)
		return self;
	if (self != hardware_domain) {
		*err = -EPERM;
		return NULL;
	}
	d = domain_live_by_id(id);
	if (!d)
		*err = -ESRCH;
	return d;
}

struct domain *memop_read_arg(struct vcpu *v, uint64_t gva, void *arg, size_t len, int *err)
{
	domid_t id;

	if (copy_from_guest(v, arg, gva, len)) {
		*err = -EFAULT;
		return NULL;
	}
	memcpy(&id, arg, sizeof(id));
	return memop_target(v, id, err);
}

/* XENMEM_current_reservation / maximum_reservation: arg points at a domid_t. */
static long reservation_query(struct vcpu *v, unsigned long cmd, uint64_t arg)
{
	struct domain *d;
	domid_t id;
	int rc = 0;

	if (copy_from_guest(v, &id, arg, sizeof(id)))
		return -EFAULT;
	d = memop_target(v, id, &rc);
	if (!d)
		return rc;
	if (cmd == XENMEM_current_reservation)
		return (long)d->tot_pages;
	return (long)d->cfg.max_pages;
}

/* The ops that may drop a foreign mapping: a destroyed domain may be waiting for it. */
static long physmap_op(struct vcpu *v, unsigned long cmd, uint64_t arg)
{
	long rc = cmd == XENMEM_remove_from_physmap ? memop_remove_from_physmap(v, arg)
						   : memop_add_to_physmap_batch(v, arg);

	domctl_reap_zombies();
	return rc;
}

long do_memory_op(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	unsigned long cmd = a[0] & MEMOP_CMD_MASK;

	switch (cmd) {
	case XENMEM_decrease_reservation:
	case XENMEM_populate_physmap:
		return memop_reservation(v, a[0], a[1]);
	case XENMEM_current_reservation:
	case XENMEM_maximum_reservation:
		return reservation_query(v, cmd, a[1]);
	case XENMEM_add_to_physmap:
		return memop_add_to_physmap(v, a[1]);
	case XENMEM_add_to_physmap_batch:
	case XENMEM_remove_from_physmap:
		return physmap_op(v, cmd, a[1]);
	default:
		return -ENOSYS;
	}
}
