// SPDX-License-Identifier: GPL-2.0-only
/* Fixture of the lifecycle suites: see test_life.h. */
#include "test_life.h"
#include <asm/fake.h>
#include <string.h>
#include <xen/event.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/sched.h>

#define LF_WORD_BITS 64     /* xen_ulong_t on arm64 */

struct domain *lf_dom0;

int lf_suite_init(void)
{
	sched_init(LF_NR_CPUS);
	return ut_domains_init(LF_POOL_MIB);
}

int lf_suite_cleanup(void)
{
	hardware_domain = NULL;
	return ut_domains_fini();
}

void lf_begin(void)
{
	struct domain_config cfg = { .name = "dom0", .max_vcpus = 1 };
	int rc = 0;

	fake_guest_bad_lo = fake_guest_bad_hi = 0;
	lf_dom0 = domain_create(0, &cfg, &rc);
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(lf_dom0);
	hardware_domain = lf_dom0;
}

void lf_end(void)
{
	hardware_domain = NULL;
	lf_dom0->pause_count = 1;
	CU_ASSERT_EQUAL(domain_destroy(lf_dom0), 0);
	lf_dom0 = NULL;
}

long lf_domctl(struct ctl_domctl *op)
{
	uint64_t a[HCALL_ARGS] = { (uintptr_t)op };

	op->version = CTL_INTERFACE_VERSION;
	return do_domctl(lf_dom0->vcpus[0], a);
}

long lf_sysctl(struct ctl_sysctl *op)
{
	uint64_t a[HCALL_ARGS] = { (uintptr_t)op };

	op->version = CTL_INTERFACE_VERSION;
	return do_sysctl(lf_dom0->vcpus[0], a);
}

domid_t lf_create(unsigned int max_vcpus, uint64_t max_mem_kb)
{
	struct ctl_domctl op = { .cmd = CTL_DOMCTL_create, .domid = DOMID_SELF };

	op.u.create = (struct ctl_domctl_create){ .max_vcpus = max_vcpus, .nr_spis = 32,
						  .gic_version = 3, .max_mem_kb = max_mem_kb };
	strcpy(op.u.create.name, "guest");
	CU_ASSERT_EQUAL_FATAL(lf_domctl(&op), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(domain_by_id(op.domid));
	return op.domid;
}

long lf_simple(uint32_t cmd, domid_t domid)
{
	struct ctl_domctl op = { .cmd = cmd, .domid = domid };

	return lf_domctl(&op);
}

long lf_memop(struct domain *d, uint64_t cmd, void *arg)
{
	uint64_t a[HCALL_ARGS] = { cmd, (uintptr_t)arg };

	return do_memory_op(d->vcpus[0], a);
}

long lf_populate(domid_t domid, uint64_t gfn, unsigned int order, uint64_t n)
{
	xen_pfn_t gfns[LF_NR_MAGIC * 4];
	struct xen_memory_reservation r = { .extent_start = (uintptr_t)gfns, .nr_extents = n,
					    .extent_order = order, .domid = domid };

	CU_ASSERT_FATAL(n <= ARRAY_SIZE(gfns));
	for (uint64_t i = 0; i < n; i++)
		gfns[i] = gfn + (i << order);
	return lf_memop(lf_dom0, XENMEM_populate_physmap, &r);
}

long lf_evtchn(struct domain *d, unsigned int cmd, void *arg)
{
	uint64_t a[HCALL_ARGS] = { cmd, (uintptr_t)arg };

	return do_event_channel_op(d->vcpus[0], a);
}

bool lf_take_pending(struct domain *d, evtchn_port_t port)
{
	xen_ulong_t *w = &d->shared_info->evtchn_pending[port / LF_WORD_BITS];
	xen_ulong_t bit = (xen_ulong_t)1 << (port % LF_WORD_BITS);
	bool was = *w & bit;

	*w &= ~bit;
	return was;
}
