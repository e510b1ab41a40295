// SPDX-License-Identifier: GPL-2.0-only
/* Test domains: see ut_domain.h. */
#include "ut_domain.h"
#include <arch/mm.h>
#include <stdlib.h>
#include <string.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define UT_POOL_ALIGN  (2UL << 20)

unsigned int ut_ipa_bits = UT_IPA_BITS_DEFAULT;
static struct domain *table[MAX_DOMAINS];
static void *pool;

int ut_domains_init(unsigned int pool_mib)
{
	uint64_t bytes = (uint64_t)pool_mib << 20;

	ut_domains_fini();
	pool = aligned_alloc(UT_POOL_ALIGN, bytes);
	if (!pool || page_alloc_add_region(pa_init((uintptr_t)pool), bytes))
		return -1;
	return 0;
}

int ut_domains_fini(void)
{
	for (unsigned int i = 0; i < MAX_DOMAINS; i++)
		if (table[i])
			ut_domain_destroy(table[i]);
	page_alloc_reset();
	free(pool);
	pool = NULL;
	return 0;
}

/* RAM through the real domain_populate, so it is tracked as the hypervisor tracks it. */
static int add_ram(struct domain *d, uint64_t pages)
{
	for (uint64_t i = 0; i < pages; i++)
		if (domain_populate(d, gfn_init(UT_RAM_GFN + i), 0))
			return -1;
	return 0;
}

static struct vcpu *make_vcpu(struct domain *d, unsigned int id)
{
	struct vcpu *v = calloc(1, sizeof(*v));

	if (!v)
		return NULL;
	v->id = id;
	v->domain = d;
	v->online = true;
	spin_lock_init(&v->lock);
	v->vcpu_info = id < XEN_LEGACY_MAX_VCPUS ? &d->shared_info->vcpu_info[id] : &v->vcpu_info_dummy;
	return v;
}

/* In the real domain table (domain_by_id finds it) and in this fixture's, to free it. */
static int slot_of(struct domain *d, domid_t id)
{
	if (domain_list_add(d, id))
		return -1;
	table[d->slot] = d;
	return 0;
}

struct domain *ut_domain_create(domid_t id, unsigned int nr_vcpus, uint64_t ram_pages)
{
	struct domain *d = calloc(1, sizeof(*d));
	mfn_t si;

	if (!d || slot_of(d, id))
		return NULL;
	spin_lock_init(&d->lock);
	if (p2m_init(&d->p2m, ut_ipa_bits, (uint16_t)(d->slot + 1)) || alloc_pages(0, &si))
		return NULL;
	d->shared_info = arch_pa_to_va(mfn_to_pa(si));
	memset(d->shared_info, 0, PAGE_SIZE);
	d->nr_vcpus = nr_vcpus;
	d->cfg.max_vcpus = nr_vcpus;
	for (unsigned int i = 0; i < nr_vcpus; i++)
		if (!(d->vcpus[i] = make_vcpu(d, i)))
			return NULL;
	if (add_ram(d, ram_pages))
		return NULL;
	return d;
}

void ut_domain_destroy(struct domain *d)
{
	domain_free_ram(d);
	domain_balloon_release(d);
	p2m_teardown(&d->p2m);
	free_pages(pa_to_mfn(arch_va_to_pa(d->shared_info)), 0);
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		free(d->vcpus[i]);
	domain_list_remove(d);
	table[d->slot] = NULL;
	free(d);
}

void *ut_gfn_ptr(struct domain *d, gfn_t gfn)
{
	mfn_t mfn;
	enum p2m_type t = p2m_lookup(&d->p2m, gfn, &mfn, NULL);

	if (t != P2M_RAM_RW && t != P2M_RAM_RO)
		return NULL;
	return arch_pa_to_va(mfn_to_pa(mfn));
}
