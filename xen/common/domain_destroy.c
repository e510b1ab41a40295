// SPDX-License-Identifier: GPL-2.0-only
/*
 * Destroying a domain, in two stages. The first (domain_destroy) stops it
 * for good: vCPUs, event channels, shared_info, its own mappings of others'
 * grants. The second frees its grant table, p2m and memory. Between the two
 * the domain is a zombie if another domain still maps one of its grants (a
 * dom0 backend that has not yet let go of a ring or of a page in flight) or
 * one of its frames (dom0's foreign mappings, e.g. xenstored's of its ring):
 * revoking those mappings would pull memory from under the backend, and
 * freeing the pages would hand them to the next domain while the backend
 * still writes them. As in Xen, the zombie is listed as dying and keeps its
 * ID until the last such mapping is removed; the unmap that removes it (or
 * the next domctl) finishes the destroy.
 */
#include <arch/cpu.h>
#include <xen/domain.h>
#include <xen/domain_pv.h>
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/timer.h>
#include <xen/vgic.h>
#include <xen/xmalloc.h>

static unsigned int nr_zombies;   /* updated under the domctl lock; read as a hint */

static void free_vcpus(struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		sched_vcpu_destroy(d->vcpus[i]);
		arch_vcpu_destroy(d->vcpus[i]);
		xfree(d->vcpus[i]);
		d->vcpus[i] = NULL;
	}
	d->nr_vcpus = 0;    /* a zombie has none: getinfo and the debug keys see 0 */
}

/* The second stage: nothing maps d's grants any more. */
static void finish(struct domain *d)
{
	domain_pv_destroy(d);
	arch_domain_destroy(d);
	vgic_domain_destroy(d);
	if (pa_val(d->p2m.root))
		p2m_teardown(&d->p2m);
	domain_free_ram(d);
	timer_stop(&d->reap_timer);   /* a dom0less domain dom0 destroyed before its reap */
	domain_list_remove(d);
	domain_notify_dom_exc(d);
	xfree(d);
}

static unsigned int foreign_maps(const struct domain *d)
{
	return __atomic_load_n(&d->foreign_maps, __ATOMIC_ACQUIRE);
}

static void become_zombie(struct domain *d, unsigned int grants)
{
	d->zombie = true;
	__atomic_add_fetch(&nr_zombies, 1, __ATOMIC_RELEASE);
	printk("d%u: destroyed, but other domains still map %u of its grants and %u of its "
	       "frames: its memory stays until they are unmapped\n", d->id, grants,
	       foreign_maps(d));
	domain_notify_dom_exc(d);
}

void domain_foreign_put(mfn_t mfn)
{
	struct domain *owner = domain_owner_of(mfn);

	if (!owner)
		return;
	if (foreign_maps(owner))
		__atomic_sub_fetch(&owner->foreign_maps, 1, __ATOMIC_RELEASE);
	else
		printk("d%u: foreign mapping count underflow at mfn 0x%lx\n", owner->id,
		       (unsigned long)mfn_val(mfn));
}

int domain_destroy(struct domain *d)
{
	unsigned int mapped;

	if (d->zombie)
		return 0;
	if (d->state == DOMAIN_RUNNING && !d->pause_count)
		return -EBUSY;
	d->state = DOMAIN_DYING;
	domain_stop_vcpus(d);
	mapped = domain_pv_quiesce(d);
	free_vcpus(d);
	if (mapped || foreign_maps(d))
		become_zombie(d, mapped);
	else
		finish(d);
	return 0;
}

bool domain_zombies_pending(void)
{
	return __atomic_load_n(&nr_zombies, __ATOMIC_ACQUIRE) != 0;
}

void domain_reap_zombies(void)
{
	for (unsigned int i = 0; i < MAX_DOMAINS && domain_zombies_pending(); i++) {
		struct domain *d = domain_by_slot(i);

		if (!d || !d->zombie || !grant_table_drained(d) || foreign_maps(d))
			continue;
		__atomic_sub_fetch(&nr_zombies, 1, __ATOMIC_RELEASE);
		printk("d%u: the last mapping of its memory is gone: destroyed\n", d->id);
		finish(d);
		domain_note_all_gone();
	}
}
