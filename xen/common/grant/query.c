// SPDX-License-Identifier: GPL-2.0-only
/*
 * The single-struct commands: GNTTABOP_setup_table, query_size, set_version
 * and get_version. Statuses and return values follow Xen on Arm (v1 only).
 */
#include <arch/guest_access.h>
#include <stddef.h>
#include <xen/errno.h>
#include "private.h"

/* Grant table v2 (Xen's grant_entry_v2): known to Xen, not offered on Arm. */
#define GNT_VERSION_V2 2U

/* Xen's XSM_TARGET default: a domain may look at itself; dom0 at anyone. */
static bool may_see(const struct domain *caller, const struct domain *d)
{
	return caller == d || gnt_privileged(caller);
}

long gnt_query_size(struct vcpu *v, uint64_t uop, unsigned int count)
{
	struct gnttab_query_size op;
	struct domain *d;

	if (count != 1)
		return -EINVAL;
	if (copy_from_guest(v, &op, uop, sizeof(op)))
		return -EFAULT;
	d = gnt_domain_any(v->domain, op.dom);
	if (!d) {
		op.status = GNTST_bad_domain;
	} else if (!may_see(v->domain, d)) {
		op.status = GNTST_permission_denied;
	} else {
		op.nr_frames = gnttab_nr_frames(d);
		op.max_nr_frames = gnttab_max_frames(d);
		op.status = GNTST_okay;
	}
	return copy_to_guest(v, uop, &op, sizeof(op)) ? -EFAULT : 0;
}

/* Grows d's table to nr frames and collects where each frame is mapped. */
static int16_t setup(struct domain *d, uint32_t nr, uint64_t *gfns)
{
	struct grant_table *gt = d->grant_table;
	int16_t rc = GNTST_okay;

	spin_lock(&gt->lock);
	if (gt->dying || nr > gt->max_frames || gnt_grow(gt, nr))
		rc = GNTST_general_error;
	for (uint32_t i = 0; rc == GNTST_okay && i < nr; i++)
		gfns[i] = gfn_val(gt->frames[i].gfn);
	spin_unlock(&gt->lock);
	return rc;
}

/* Writes the frame list (Arm: the gfns, GNT_GFN_NONE if unmapped), as Xen. */
static int16_t put_frames(struct vcpu *v, uint64_t list, const uint64_t *gfns, uint32_t nr)
{
	int16_t rc = GNTST_okay;

	for (uint32_t i = 0; i < nr; i++)
		if (copy_to_guest(v, list + i * sizeof(xen_pfn_t), &gfns[i], sizeof(xen_pfn_t)))
			rc = GNTST_bad_virt_addr;
	return rc;
}

long gnt_setup_table(struct vcpu *v, uint64_t uop, unsigned int count)
{
	struct gnttab_setup_table op;
	uint64_t gfns[GNT_MAX_FRAMES];
	struct domain *d;

	if (count != 1)
		return -EINVAL;
	if (copy_from_guest(v, &op, uop, sizeof(op)))
		return -EFAULT;
	d = gnt_domain_any(v->domain, op.dom);
	if (!d)
		op.status = GNTST_bad_domain;
	else if (!may_see(v->domain, d))
		op.status = GNTST_permission_denied;
	else
		op.status = setup(d, op.nr_frames, gfns);
	if (op.status == GNTST_okay)
		op.status = put_frames(v, op.frame_list, gfns, op.nr_frames);
	return copy_to_guest(v, uop + offsetof(struct gnttab_setup_table, status), &op.status,
			     sizeof(op.status)) ? -EFAULT : 0;
}

/* Only v1: v2 is -ENOSYS (Xen built with max version 1), others -EINVAL. */
long gnt_set_version(struct vcpu *v, uint64_t uop, unsigned int count)
{
	struct gnttab_set_version op;
	long rc;

	if (copy_from_guest(v, &op, uop, sizeof(op)))
		return -EFAULT;
	if (op.version == GNT_VERSION)
		rc = 0;
	else if (op.version == GNT_VERSION_V2)
		rc = -ENOSYS;
	else
		rc = -EINVAL;
	op.version = GNT_VERSION;
	return copy_to_guest(v, uop, &op, sizeof(op)) ? -EFAULT : rc;
}

long gnt_get_version(struct vcpu *v, uint64_t uop, unsigned int count)
{
	struct gnttab_get_version op;
	struct domain *d;

	if (copy_from_guest(v, &op, uop, sizeof(op)))
		return -EFAULT;
	d = gnt_domain_any(v->domain, op.dom);
	if (!d)
		return -ESRCH;
	if (!may_see(v->domain, d))
		return -EPERM;
	op.version = GNT_VERSION;
	return copy_to_guest(v, uop + offsetof(struct gnttab_get_version, version), &op.version,
			     sizeof(op.version)) ? -EFAULT : 0;
}
