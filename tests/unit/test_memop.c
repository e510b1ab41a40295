// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_memory_op (xen/common/memory/): the balloon (decrease and
 * populate, pooled or direct-mapped), shared_info and foreign mappings,
 * remove_from_physmap, and who may name which domain.
 */
#include "harness.h"
#include "ut_domain.h"
#include <arch/mm.h>
#include <asm/fake.h>
#include <public/memory.h>
#include <xen/errno.h>
#include <xen/grant_table.h>
#include <xen/hypercall.h>
#include <xen/page_alloc.h>

#define POOL_MIB   32
#define RAM_PAGES  16
#define HOLE_GFN   (UT_RAM_GFN + 0x1000)   /* nothing mapped there */

static struct domain *d0, *d1;
static uint64_t free_at_start;

static int suite_init(void)
{
	ut_ipa_bits = P2M_MAX_IPA_BITS;   /* direct-mapped frames at host-pointer addresses */
	return ut_domains_init(POOL_MIB);
}

static int suite_cleanup(void)
{
	ut_ipa_bits = UT_IPA_BITS_DEFAULT;
	return ut_domains_fini();
}

static void setup(void)
{
	free_at_start = page_alloc_free_count();
	d0 = ut_domain_create(0, 1, RAM_PAGES);
	d1 = ut_domain_create(1, 1, RAM_PAGES);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(d1);
	hardware_domain = d0;
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
}

static void teardown(void)
{
	ut_domain_destroy(d0);
	ut_domain_destroy(d1);
	hardware_domain = NULL;
	CU_ASSERT_EQUAL(page_alloc_free_count(), free_at_start);
}

static long memop(struct domain *d, uint64_t cmd, void *arg)
{
	uint64_t a[HCALL_ARGS] = { cmd, (uint64_t)(uintptr_t)arg };

	return do_memory_op(d->vcpus[0], a);
}

static long reservation(struct domain *d, uint64_t cmd, xen_pfn_t *gfns, uint64_t n,
			domid_t id)
{
	struct xen_memory_reservation r = { .extent_start = (uint64_t)(uintptr_t)gfns,
					    .nr_extents = n, .domid = id };

	return memop(d, cmd, &r);
}

static enum p2m_type type_at(struct domain *d, uint64_t gfn, mfn_t *mfn)
{
	return p2m_lookup(&d->p2m, gfn_init(gfn), mfn, NULL);
}

static void test_balloon_pooled(void)
{
	xen_pfn_t gfns[2] = { UT_RAM_GFN + 3, UT_RAM_GFN + 4 };
	mfn_t m3, m4, back;

	setup();
	d1->cfg.max_pages = RAM_PAGES;
	type_at(d1, gfns[0], &m3);
	type_at(d1, gfns[1], &m4);
	CU_ASSERT_EQUAL(reservation(d1, XENMEM_decrease_reservation, gfns, 2, DOMID_SELF), 2);
	CU_ASSERT_EQUAL(type_at(d1, gfns[0], NULL), P2M_INVALID);
	CU_ASSERT_EQUAL(d1->tot_pages, RAM_PAGES - 2);
	CU_ASSERT_EQUAL(d1->ballooned, 2);
	/* Back, elsewhere: the given-back frames are reused, nothing new allocated. */
	gfns[0] = HOLE_GFN;
	gfns[1] = HOLE_GFN + 1;
	CU_ASSERT_EQUAL(reservation(d1, XENMEM_populate_physmap, gfns, 2, DOMID_SELF), 2);
	CU_ASSERT_EQUAL(type_at(d1, HOLE_GFN, &back), P2M_RAM_RW);
	CU_ASSERT_TRUE(mfn_val(back) == mfn_val(m4) || mfn_val(back) == mfn_val(m3));
	CU_ASSERT_EQUAL(d1->tot_pages, RAM_PAGES);
	CU_ASSERT_EQUAL(d1->ballooned, 0);
	/* At its limit: no new RAM. */
	gfns[0] = HOLE_GFN + 2;
	CU_ASSERT_EQUAL(reservation(d1, XENMEM_populate_physmap, gfns, 1, DOMID_SELF), 0);
	teardown();
}

static void test_balloon_stops_at_bad_extent(void)
{
	xen_pfn_t gfns[3] = { UT_RAM_GFN, HOLE_GFN, UT_RAM_GFN + 1 };

	setup();
	/* The second extent is not RAM: one done, the third untouched. */
	CU_ASSERT_EQUAL(reservation(d1, XENMEM_decrease_reservation, gfns, 3, DOMID_SELF), 1);
	CU_ASSERT_EQUAL(type_at(d1, UT_RAM_GFN + 1, NULL), P2M_RAM_RW);
	/* Populating over RAM refuses at once. */
	gfns[0] = UT_RAM_GFN + 2;
	CU_ASSERT_EQUAL(reservation(d1, XENMEM_populate_physmap, gfns, 1, DOMID_SELF), 0);
	/* The continuation bits name the extent to start from. */
	gfns[0] = HOLE_GFN;
	gfns[1] = UT_RAM_GFN + 5;
	CU_ASSERT_EQUAL(reservation(d1, XENMEM_decrease_reservation | (1UL << 6), gfns, 2,
				    DOMID_SELF), 2);
	CU_ASSERT_EQUAL(type_at(d1, UT_RAM_GFN + 5, NULL), P2M_INVALID);
	teardown();
}

static void test_balloon_direct_mapped(void)
{
	xen_pfn_t gfn;
	mfn_t mfn;

	setup();
	d0->cfg.direct_mapped = true;
	type_at(d0, UT_RAM_GFN, &mfn);
	/* Give a frame back by its gfn, then ask for it at its own address. */
	gfn = UT_RAM_GFN;
	CU_ASSERT_EQUAL(reservation(d0, XENMEM_decrease_reservation, &gfn, 1, DOMID_SELF), 1);
	gfn = mfn_val(mfn);
	CU_ASSERT_EQUAL(reservation(d0, XENMEM_populate_physmap, &gfn, 1, DOMID_SELF), 1);
	CU_ASSERT_EQUAL(type_at(d0, mfn_val(mfn), NULL), P2M_RAM_RW);
	/* A frame it does not own cannot come "back". */
	type_at(d1, UT_RAM_GFN, &mfn);
	gfn = mfn_val(mfn);
	CU_ASSERT_EQUAL(reservation(d0, XENMEM_populate_physmap, &gfn, 1, DOMID_SELF), 0);
	CU_ASSERT_EQUAL(type_at(d0, gfn, NULL), P2M_INVALID);
	teardown();
}

static void test_who_may_name_whom(void)
{
	xen_pfn_t gfn = UT_RAM_GFN;
	domid_t id = 0;

	setup();
	CU_ASSERT_EQUAL(reservation(d1, XENMEM_decrease_reservation, &gfn, 1, 0), -EPERM);
	CU_ASSERT_EQUAL(reservation(d0, XENMEM_decrease_reservation, &gfn, 1, 7), -ESRCH);
	CU_ASSERT_EQUAL(reservation(d0, XENMEM_decrease_reservation, &gfn, 1, 1), 1);
	CU_ASSERT_EQUAL(memop(d1, XENMEM_current_reservation, &id), -EPERM);
	id = DOMID_SELF;
	CU_ASSERT_EQUAL(memop(d1, XENMEM_current_reservation, &id), RAM_PAGES - 1);
	CU_ASSERT_EQUAL(memop(d1, XENMEM_maximum_reservation, &id), 0);
	CU_ASSERT_EQUAL(memop(d1, XENMEM_current_reservation, NULL), -EFAULT);
	CU_ASSERT_EQUAL(memop(d1, 63, &id), -ENOSYS);
	teardown();
}

static long add_to_physmap(struct domain *d, unsigned int space, uint64_t idx, uint64_t gfn)
{
	struct xen_add_to_physmap x = { .domid = DOMID_SELF, .space = space, .idx = idx,
					.gpfn = gfn };

	return memop(d, XENMEM_add_to_physmap, &x);
}

static void test_shared_info_moves(void)
{
	mfn_t si, m;

	setup();
	si = pa_to_mfn(arch_va_to_pa(d1->shared_info));
	CU_ASSERT_EQUAL(add_to_physmap(d1, XENMAPSPACE_shared_info, 1, HOLE_GFN), -EINVAL);
	/* Over a RAM page, as Linux does: the page counts as given back. */
	CU_ASSERT_EQUAL(add_to_physmap(d1, XENMAPSPACE_shared_info, 0, UT_RAM_GFN + 7), 0);
	CU_ASSERT_EQUAL(type_at(d1, UT_RAM_GFN + 7, &m), P2M_RAM_RW);
	CU_ASSERT_EQUAL(mfn_val(m), mfn_val(si));
	CU_ASSERT_EQUAL(d1->ballooned, 1);
	/* Again elsewhere: the old place is unmapped. */
	CU_ASSERT_EQUAL(add_to_physmap(d1, XENMAPSPACE_shared_info, 0, HOLE_GFN), 0);
	CU_ASSERT_EQUAL(type_at(d1, UT_RAM_GFN + 7, NULL), P2M_INVALID);
	CU_ASSERT_EQUAL(type_at(d1, HOLE_GFN, &m), P2M_RAM_RW);
	CU_ASSERT_EQUAL(mfn_val(m), mfn_val(si));
	CU_ASSERT_EQUAL(add_to_physmap(d1, XENMAPSPACE_gmfn_foreign, 0, HOLE_GFN), -EINVAL);
	CU_ASSERT_EQUAL(add_to_physmap(d1, XENMAPSPACE_dev_mmio, 0, HOLE_GFN), -EOPNOTSUPP);
	teardown();
}

static long foreign_batch(struct domain *d, domid_t foreign, xen_ulong_t *idxs, xen_pfn_t *gfns,
			  int *errs, uint16_t n)
{
	struct xen_add_to_physmap_batch b = {
		.domid = DOMID_SELF, .space = XENMAPSPACE_gmfn_foreign, .size = n,
		.foreign_domid = foreign, .idxs = (uint64_t)(uintptr_t)idxs,
		.gpfns = (uint64_t)(uintptr_t)gfns, .errs = (uint64_t)(uintptr_t)errs,
	};

	return memop(d, XENMEM_add_to_physmap_batch, &b);
}

static void test_foreign_mapping(void)
{
	xen_ulong_t idxs[2] = { UT_RAM_GFN + 2, HOLE_GFN };
	xen_pfn_t gfns[2] = { HOLE_GFN + 10, HOLE_GFN + 11 };
	int errs[2] = { 99, 99 };
	struct xen_remove_from_physmap r = { .domid = DOMID_SELF, .gpfn = HOLE_GFN + 10 };
	mfn_t theirs, mine;

	setup();
	CU_ASSERT_EQUAL(foreign_batch(d1, 0, idxs, gfns, errs, 2), -EPERM);
	CU_ASSERT_EQUAL(foreign_batch(d0, 0, idxs, gfns, errs, 2), -EINVAL);   /* itself */
	CU_ASSERT_EQUAL(foreign_batch(d0, 9, idxs, gfns, errs, 2), -ESRCH);
	CU_ASSERT_EQUAL(foreign_batch(d0, 1, idxs, gfns, errs, 2), 0);
	CU_ASSERT_EQUAL(errs[0], 0);
	CU_ASSERT_EQUAL(errs[1], -EINVAL);        /* not RAM of d1 */
	type_at(d1, UT_RAM_GFN + 2, &theirs);
	CU_ASSERT_EQUAL(type_at(d0, HOLE_GFN + 10, &mine), P2M_FOREIGN_RW);
	CU_ASSERT_EQUAL(mfn_val(mine), mfn_val(theirs));
	CU_ASSERT_EQUAL(type_at(d0, HOLE_GFN + 11, NULL), P2M_INVALID);
	/* Unmapped again; a hole cannot be removed. */
	CU_ASSERT_EQUAL(memop(d0, XENMEM_remove_from_physmap, &r), 0);
	CU_ASSERT_EQUAL(type_at(d0, HOLE_GFN + 10, NULL), P2M_INVALID);
	CU_ASSERT_EQUAL(memop(d0, XENMEM_remove_from_physmap, &r), -EINVAL);
	teardown();
}

static void test_remove_refuses_grants(void)
{
	struct xen_remove_from_physmap r = { .domid = DOMID_SELF, .gpfn = HOLE_GFN };
	mfn_t m;

	setup();
	type_at(d1, UT_RAM_GFN, &m);
	CU_ASSERT_EQUAL_FATAL(p2m_map(&d0->p2m, gfn_init(HOLE_GFN), m, 1, P2M_GRANT_RW), 0);
	CU_ASSERT_EQUAL(memop(d0, XENMEM_remove_from_physmap, &r), -EINVAL);
	CU_ASSERT_EQUAL(type_at(d0, HOLE_GFN, NULL), P2M_GRANT_RW);
	CU_ASSERT_EQUAL(p2m_unmap(&d0->p2m, gfn_init(HOLE_GFN), 1), 0);
	teardown();
}

UT_SUITE(memop_suite, "memop", suite_init, suite_cleanup,
	 UT_CASE(test_balloon_pooled), UT_CASE(test_balloon_stops_at_bad_extent),
	 UT_CASE(test_balloon_direct_mapped), UT_CASE(test_who_may_name_whom),
	 UT_CASE(test_shared_info_moves), UT_CASE(test_foreign_mapping),
	 UT_CASE(test_remove_refuses_grants))
