// SPDX-License-Identifier: GPL-2.0-only
/*
 * Domain destroy gives back everything (docs/specs/domctl.md, destroy): a
 * guest built and used the way dom0's toolstack and Linux do it (RAM with a
 * 2 MiB extent, magic pages, a foreign mapping, shared_info and a grant
 * frame in its window, a grant dom0 maps, an interdomain port) is destroyed
 * 50 times while dom0 still maps its grant and its magic page: it stays a
 * zombie until dom0 has unmapped both, then the allocator's free pages and
 * the heap's bytes must come back exactly. Also VIRQ_DOM_EXC to dom0 on shutdown and
 * destroy, and a dom0less domain destroyed before its reap timer fired.
 */
#include "test_life.h"
#include <arch/mm.h>
#include <asm/fake.h>
#include <public/grant_table.h>
#include <public/hvm.h>
#include <string.h>
#include <xen/domain.h>
#include <xen/grant_table.h>
#include <xen/hypercall.h>
#include <xen/page_alloc.h>
#include <xen/timer.h>
#include <xen/xmalloc.h>

#define ROUNDS        50
#define RAM_GFN       UT_RAM_GFN
#define SMALL_PAGES   4                  /* order-0 extents after the 2 MiB one */
#define GUEST_PAGES   ((1U << LF_ORDER_2M) + SMALL_PAGES + LF_NR_MAGIC)
#define GRANT_REF     8
#define REAP_WAIT_NS  (1000ULL * 1000 * 1000)   /* well past domain.c's 10 ms retry */

static evtchn_port_t exc_port;

static uint64_t pages_now(void)
{
	return page_alloc_free_count() + xmalloc_slab_pages();
}

static void setup(void)
{
	struct evtchn_bind_virq b = { .virq = VIRQ_DOM_EXC };

	lf_begin();
	CU_ASSERT_EQUAL_FATAL(lf_evtchn(lf_dom0, EVTCHNOP_bind_virq, &b), 0);
	exc_port = b.port;
}

static void teardown(void)
{
	lf_end();
}

/* dom0 maps the guest's first magic page (privcmd), as xenstored does its ring. */
static void foreign_map(domid_t id)
{
	xen_ulong_t idx = LF_MAGIC_GFN;
	xen_pfn_t gpfn = LF_DOM0_MAP_GFN;
	int err = -1;
	struct xen_add_to_physmap_batch b = {
		.domid = DOMID_SELF, .space = XENMAPSPACE_gmfn_foreign, .size = 1,
		.foreign_domid = id, .idxs = (uintptr_t)&idx, .gpfns = (uintptr_t)&gpfn,
		.errs = (uintptr_t)&err,
	};

	CU_ASSERT_EQUAL(lf_memop(lf_dom0, XENMEM_add_to_physmap_batch, &b), 0);
	CU_ASSERT_EQUAL(err, 0);
}

/* ... and unmaps it. */
static void foreign_unmap(void)
{
	struct xen_remove_from_physmap r = { .domid = DOMID_SELF, .gpfn = LF_DOM0_MAP_GFN };

	CU_ASSERT_EQUAL(lf_memop(lf_dom0, XENMEM_remove_from_physmap, &r), 0);
}

/* The guest maps shared_info and grant frame 0 into its window (Linux's boot). */
static void guest_window(struct domain *g)
{
	struct xen_add_to_physmap si = { .domid = DOMID_SELF, .space = XENMAPSPACE_shared_info,
					 .gpfn = LF_WINDOW_GFN };
	struct xen_add_to_physmap gt = { .domid = DOMID_SELF, .space = XENMAPSPACE_grant_table,
					 .gpfn = LF_WINDOW_GFN + 1 };

	CU_ASSERT_EQUAL(lf_memop(g, XENMEM_add_to_physmap, &si), 0);
	CU_ASSERT_EQUAL(lf_memop(g, XENMEM_add_to_physmap, &gt), 0);
}

/* The guest grants its first RAM page to dom0, which maps it: the handle. */
static grant_handle_t grant_to_dom0(struct domain *g)
{
	mfn_t mfn;
	struct grant_entry_v1 *e;
	struct gnttab_map_grant_ref m = { .host_addr = (LF_DOM0_MAP_GFN + 1) << PAGE_SHIFT,
					  .flags = GNTMAP_host_map, .ref = GRANT_REF, .dom = g->id };
	uint64_t a[HCALL_ARGS] = { GNTTABOP_map_grant_ref, (uintptr_t)&m, 1 };

	CU_ASSERT_FATAL(p2m_lookup(&g->p2m, gfn_init(LF_WINDOW_GFN + 1), &mfn, NULL) !=
			P2M_INVALID);
	e = (struct grant_entry_v1 *)arch_pa_to_va(mfn_to_pa(mfn)) + GRANT_REF;
	*e = (struct grant_entry_v1){ .domid = 0, .frame = RAM_GFN, .flags = GTF_permit_access };
	CU_ASSERT_EQUAL(do_grant_table_op(lf_dom0->vcpus[0], a), 0);
	CU_ASSERT_EQUAL(m.status, GNTST_okay);
	return m.handle;
}

/* dom0 lets go of the guest's page (as a backend does when it disconnects). */
static void dom0_unmap(grant_handle_t h)
{
	struct gnttab_unmap_grant_ref u = { .host_addr = (LF_DOM0_MAP_GFN + 1) << PAGE_SHIFT,
					    .handle = h };
	uint64_t a[HCALL_ARGS] = { GNTTABOP_unmap_grant_ref, (uintptr_t)&u, 1 };

	CU_ASSERT_EQUAL(do_grant_table_op(lf_dom0->vcpus[0], a), 0);
	CU_ASSERT_EQUAL(u.status, GNTST_okay);
}

/* A port of the guest for dom0 (the console's), bound by dom0; dom0's end. */
static evtchn_port_t interdomain(domid_t id)
{
	struct evtchn_alloc_unbound u = { .dom = id, .remote_dom = 0 };
	struct evtchn_bind_interdomain b = { .remote_dom = id };

	CU_ASSERT_EQUAL(lf_evtchn(lf_dom0, EVTCHNOP_alloc_unbound, &u), 0);
	b.remote_port = u.port;
	CU_ASSERT_EQUAL(lf_evtchn(lf_dom0, EVTCHNOP_bind_interdomain, &b), 0);
	return b.local_port;
}

static grant_handle_t build_guest(domid_t id)
{
	struct domain *g = domain_by_id(id);
	struct ctl_domctl hp = { .cmd = CTL_DOMCTL_set_hvm_param, .domid = id };

	CU_ASSERT_EQUAL(lf_populate(id, RAM_GFN, LF_ORDER_2M, 1), 1);
	CU_ASSERT_EQUAL(lf_populate(id, RAM_GFN + (1U << LF_ORDER_2M), 0, SMALL_PAGES),
			SMALL_PAGES);
	CU_ASSERT_EQUAL(lf_populate(id, LF_MAGIC_GFN, 0, LF_NR_MAGIC), LF_NR_MAGIC);
	CU_ASSERT_EQUAL(g->tot_pages, GUEST_PAGES);
	hp.u.hvm_param = (struct ctl_domctl_hvm_param){ HVM_PARAM_CONSOLE_PFN, 0, LF_MAGIC_GFN };
	CU_ASSERT_EQUAL(lf_domctl(&hp), 0);
	foreign_map(id);
	guest_window(g);
	return grant_to_dom0(g);
}

/*
 * One guest from create to destroy; dom0 sees VIRQ_DOM_EXC at shutdown and
 * at destroy. dom0 still maps one of its grants and one of its frames then:
 * the guest stays, dying (a zombie), until dom0 unmaps both, and is gone
 * after the last unmap.
 */
static void one_life(void)
{
	domid_t id = lf_create(2, (uint64_t)GUEST_PAGES * LF_KB_PER_PAGE);
	struct ctl_domctl sd = { .cmd = CTL_DOMCTL_shutdown, .domid = id };
	struct ctl_domctl info = { .cmd = CTL_DOMCTL_getinfo, .domid = id };
	struct evtchn_close c;
	grant_handle_t h = build_guest(id);

	c.port = interdomain(id);
	CU_ASSERT_FALSE(lf_take_pending(lf_dom0, exc_port));
	sd.u.shutdown_reason = SHUTDOWN_CRASH;
	CU_ASSERT_EQUAL(lf_domctl(&sd), 0);
	CU_ASSERT_TRUE(lf_take_pending(lf_dom0, exc_port));
	CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_destroy, id), 0);
	CU_ASSERT_TRUE(lf_take_pending(lf_dom0, exc_port));
	CU_ASSERT_EQUAL(lf_domctl(&info), 0);
	CU_ASSERT_EQUAL(info.u.info.domid, id);
	CU_ASSERT_TRUE(info.u.info.flags & CTL_DOMINF_dying);
	CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_pause, id), -ESRCH);
	CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_destroy, id), 0);     /* again: a no-op */
	dom0_unmap(h);
	CU_ASSERT_PTR_NOT_NULL(domain_by_id(id));   /* its magic page is still mapped */
	CU_ASSERT_FALSE(lf_take_pending(lf_dom0, exc_port));
	foreign_unmap();
	CU_ASSERT_TRUE(lf_take_pending(lf_dom0, exc_port));
	CU_ASSERT_PTR_NULL(domain_by_id(id));
	CU_ASSERT_EQUAL(lf_evtchn(lf_dom0, EVTCHNOP_close, &c), 0);
}

static void test_destroy_returns_everything(void)
{
	uint64_t pages;
	size_t heap;

	setup();
	one_life();     /* dom0's p2m grows its tables for the mappings once */
	pages = pages_now();
	heap = fake_xmalloc_in_use();
	for (unsigned int i = 0; i < ROUNDS; i++)
		one_life();
	CU_ASSERT_EQUAL(pages_now(), pages);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), heap);
	teardown();
}

/* Without dom0 at all: every page and byte from before the first domain. */
static void test_create_destroy_from_nothing(void)
{
	struct domain_config cfg = { .name = "bare", .max_vcpus = 4, .nr_spis = 64 };
	uint64_t pages = pages_now();
	size_t heap = fake_xmalloc_in_use();
	struct domain *d;
	int rc;

	for (unsigned int i = 0; i < ROUNDS; i++) {
		d = domain_create(DOMID_SELF, &cfg, &rc);
		CU_ASSERT_PTR_NOT_NULL_FATAL(d);
		CU_ASSERT_EQUAL(domain_populate(d, gfn_init(RAM_GFN), LF_ORDER_2M), 0);
		CU_ASSERT_EQUAL(domain_populate(d, gfn_init(LF_MAGIC_GFN), 0), 0);
		CU_ASSERT_EQUAL(domain_destroy(d), 0);
	}
	CU_ASSERT_EQUAL(domain_count(), 0);
	CU_ASSERT_EQUAL(pages_now(), pages);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), heap);
}

/* dom0 itself shutting down raises nothing; a guest's poweroff and reboot do. */
static void test_dom_exc_reasons(void)
{
	struct ctl_domctl sd = { .cmd = CTL_DOMCTL_shutdown };
	domid_t id;

	setup();
	domain_shutdown(lf_dom0, SHUTDOWN_POWEROFF);
	CU_ASSERT_FALSE(lf_take_pending(lf_dom0, exc_port));
	lf_dom0->state = DOMAIN_RUNNING;
	for (uint32_t reason = SHUTDOWN_POWEROFF; reason <= SHUTDOWN_REBOOT; reason++) {
		id = lf_create(1, 0);
		domain_shutdown(domain_by_id(id), reason);   /* as PSCI SYSTEM_OFF / RESET do */
		CU_ASSERT_TRUE(lf_take_pending(lf_dom0, exc_port));
		sd.domid = id;
		sd.u.shutdown_reason = reason;
		CU_ASSERT_EQUAL(lf_domctl(&sd), 0);          /* already down: nothing more */
		CU_ASSERT_FALSE(lf_take_pending(lf_dom0, exc_port));
		CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_destroy, id), 0);
		CU_ASSERT_TRUE(lf_take_pending(lf_dom0, exc_port));
	}
	teardown();
}

/*
 * A dom0less domain (destroy_on_shutdown) shut down arms its reap timer;
 * destroyed by dom0 first, the timer must be gone with it (ASan would see
 * the timer list walk into the freed domain otherwise).
 */
static void test_destroy_before_reap(void)
{
	struct domain *g;

	setup();
	g = domain_by_id(lf_create(1, 0));
	g->destroy_on_shutdown = true;
	domain_shutdown(g, SHUTDOWN_POWEROFF);
	CU_ASSERT_TRUE(g->reap_timer.active);
	CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_destroy, g->id), 0);
	fake_counter += REAP_WAIT_NS;
	timer_run();
	CU_ASSERT_EQUAL(domain_count(), 1);
	teardown();
}

UT_SUITE(life_leak, "life_leak", lf_suite_init, lf_suite_cleanup,
	 UT_CASE(test_destroy_returns_everything), UT_CASE(test_create_destroy_from_nothing),
	 UT_CASE(test_dom_exc_reasons), UT_CASE(test_destroy_before_reap))
