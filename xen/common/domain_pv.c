// SPDX-License-Identifier: GPL-2.0-only
/*
 * The paravirtual parts of a domain: the shared_info page, each vCPU's
 * vcpu_info location, the event-channel and grant tables. Set up after the
 * vCPUs exist; torn down before the p2m and the RAM go (grant teardown
 * edits p2ms).
 */
#include <arch/mm.h>
#include <xen/domain.h>
#include <xen/domain_pv.h>
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>
#include <xen/wallclock.h>

static int alloc_shared_info(struct domain *d)
{
	mfn_t mfn;
	int rc = alloc_pages(0, &mfn);

	if (rc)
		return rc;
	d->shared_info = arch_pa_to_va(mfn_to_pa(mfn));
	memset(d->shared_info, 0, PAGE_SIZE);
	return 0;
}

static void point_vcpu_infos(struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = d->vcpus[i];

		v->vcpu_info = i < XEN_LEGACY_MAX_VCPUS ? &d->shared_info->vcpu_info[i]
							: &v->vcpu_info_dummy;
	}
}

int domain_pv_init(struct domain *d)
{
	const struct domain_config *c = &d->cfg;
	int rc = alloc_shared_info(d);

	if (rc)
		return rc;
	point_vcpu_infos(d);
	wallclock_publish(d);
	rc = evtchn_domain_init(d, c->max_evtchn ? c->max_evtchn : DOMAIN_DEFAULT_EVTCHN);
	if (rc)
		return rc;
	return grant_table_init(d, c->max_grant_frames ? c->max_grant_frames
						       : DOMAIN_DEFAULT_GRANT_FRAMES,
				c->max_maptrack ? c->max_maptrack : DOMAIN_DEFAULT_MAPTRACK);
}

unsigned int domain_pv_quiesce(struct domain *d)
{
	unsigned int mapped = grant_table_quiesce(d);

	if (d->evtchn)
		evtchn_domain_destroy(d);
	if (d->shared_info)
		free_pages(pa_to_mfn(arch_va_to_pa(d->shared_info)), 0);
	d->shared_info = NULL;
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		if (d->vcpus[i])
			d->vcpus[i]->vcpu_info = &d->vcpus[i]->vcpu_info_dummy;
	return mapped;
}

void domain_pv_destroy(struct domain *d)
{
	domain_pv_quiesce(d);
	grant_table_destroy(d);
	domain_balloon_release(d);
}
