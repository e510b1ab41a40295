// SPDX-License-Identifier: GPL-2.0-only
/*
 * The path of a Linux domU built from dom0 (docs/specs/domctl.md, "Building
 * a guest"): dom0 populates the guest's RAM and magic pages within its
 * max_mem, maps them through privcmd, allocates its ports and sets its HVM
 * params; the guest reads them back itself.
 */
#include "test_life.h"
#include <public/hvm.h>
#include <xen/errno.h>
#include <xen/hypercall.h>

#define RAM_GFN      UT_RAM_GFN
#define LIMIT_PAGES  ((1U << LF_ORDER_2M) + LF_NR_MAGIC)
#define UNALIGNED    (RAM_GFN + 1)

static domid_t g;

static void setup(uint64_t max_pages)
{
	lf_begin();
	g = lf_create(1, max_pages * LF_KB_PER_PAGE);
}

static void teardown(void)
{
	CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_destroy, g), 0);
	lf_end();
}

static void test_populate_within_max_mem(void)
{
	struct domain *d;

	setup(LIMIT_PAGES);
	d = domain_by_id(g);
	CU_ASSERT_EQUAL(lf_populate(g, UNALIGNED, LF_ORDER_2M, 1), 0);   /* misaligned: none */
	CU_ASSERT_EQUAL(lf_populate(g, RAM_GFN, LF_ORDER_2M, 1), 1);
	CU_ASSERT_EQUAL(lf_populate(g, LF_MAGIC_GFN, 0, LF_NR_MAGIC), LF_NR_MAGIC);
	CU_ASSERT_EQUAL(d->tot_pages, LIMIT_PAGES);
	CU_ASSERT_EQUAL(p2m_lookup(&d->p2m, gfn_init(LF_MAGIC_GFN + LF_NR_MAGIC - 1), NULL, NULL),
			P2M_RAM_RW);
	/* One more page is past max_mem: 0 extents done. */
	CU_ASSERT_EQUAL(lf_populate(g, LF_MAGIC_GFN + LF_NR_MAGIC, 0, 1), 0);
	CU_ASSERT_EQUAL(d->tot_pages, LIMIT_PAGES);
	teardown();
}

static void test_populate_twice_refused(void)
{
	setup(0);
	CU_ASSERT_EQUAL(lf_populate(g, LF_MAGIC_GFN, 0, 1), 1);
	CU_ASSERT_EQUAL(lf_populate(g, LF_MAGIC_GFN, 0, 1), 0);
	teardown();
}

/* Only the hardware domain may populate another domain. */
static void test_guest_cannot_populate_others(void)
{
	xen_pfn_t gfn = LF_MAGIC_GFN;
	struct xen_memory_reservation r = { .extent_start = (uintptr_t)&gfn, .nr_extents = 1,
					    .domid = 0 };

	setup(0);
	CU_ASSERT_EQUAL(lf_memop(domain_by_id(g), XENMEM_populate_physmap, &r), -EPERM);
	teardown();
}

static long guest_hvm_get(struct domain *d, uint32_t index, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = index };
	uint64_t a[HCALL_ARGS] = { HVMOP_get_param, (uintptr_t)&p };
	long rc = do_hvm_op(d->vcpus[0], a);

	*value = p.value;
	return rc;
}

/* dom0 sets the console and store params and ports; the guest reads them at boot. */
static void test_guest_reads_its_params(void)
{
	struct evtchn_alloc_unbound u = { .dom = 0, .remote_dom = 0 };
	struct ctl_domctl op = { .cmd = CTL_DOMCTL_set_hvm_param };
	uint64_t v = 0;

	setup(0);
	u.dom = g;
	CU_ASSERT_EQUAL(lf_evtchn(lf_dom0, EVTCHNOP_alloc_unbound, &u), 0);
	op.domid = g;
	op.u.hvm_param = (struct ctl_domctl_hvm_param){ HVM_PARAM_STORE_EVTCHN, 0, u.port };
	CU_ASSERT_EQUAL(lf_domctl(&op), 0);
	op.u.hvm_param = (struct ctl_domctl_hvm_param){ HVM_PARAM_CONSOLE_PFN, 0, LF_MAGIC_GFN };
	CU_ASSERT_EQUAL(lf_domctl(&op), 0);
	CU_ASSERT_EQUAL(guest_hvm_get(domain_by_id(g), HVM_PARAM_STORE_EVTCHN, &v), 0);
	CU_ASSERT_EQUAL(v, u.port);
	CU_ASSERT_EQUAL(guest_hvm_get(domain_by_id(g), HVM_PARAM_CONSOLE_PFN, &v), 0);
	CU_ASSERT_EQUAL(v, LF_MAGIC_GFN);
	teardown();
}

UT_SUITE(life_builder, "life_builder", lf_suite_init, lf_suite_cleanup,
	 UT_CASE(test_populate_within_max_mem), UT_CASE(test_populate_twice_refused),
	 UT_CASE(test_guest_cannot_populate_others), UT_CASE(test_guest_reads_its_params))
