// SPDX-License-Identifier: GPL-2.0-only
/*
 * domctl getvcpucontext/setvcpucontext, getvcpuinfo, get/set_hvm_param,
 * getinfo's created_ns and physinfo's now_ns (docs/specs/domctl.md),
 * through do_domctl from a real dom0 on real domains.
 */
#include "test_life.h"
#include <asm/fake.h>
#include <public/hvm.h>
#include <public/vcpu_state.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/vgic.h>

#define START_PC    0x40080000UL
#define START_X0    0x48000000UL
#define NEW_PC      0x40001000UL
#define STORE_PFN   0x39001UL
#define SPSR_EL1H   5
#define NS_PER_TICK 1           /* the fake counter runs at 1 GHz */
#define AFFINITY_0  1UL
#define CALLBACK_INTID_MASK 0xffU   /* HVM_PARAM_CALLBACK_IRQ: INTID in bits 7:0 (public/hvm.h) */

static domid_t g;

static void setup(void)
{
	lf_begin();
	g = lf_create(2, 0);
}

static void teardown(void)
{
	CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_destroy, g), 0);
	lf_end();
}

static long context(uint32_t cmd, uint32_t vcpu, struct vcpu_state_v1 *r, uint32_t size)
{
	struct ctl_domctl op = { .cmd = cmd, .domid = g };

	op.u.context = (struct ctl_domctl_vcpu_context){ vcpu, size, (uintptr_t)r };
	return lf_domctl(&op);
}

static void start_vcpu0(void)
{
	struct ctl_domctl op = { .cmd = CTL_DOMCTL_vcpu_start, .domid = g };

	op.u.vcpu_start = (struct ctl_domctl_vcpu_start){ .pc = START_PC, .x0 = START_X0 };
	CU_ASSERT_EQUAL_FATAL(lf_domctl(&op), 0);
}

static void test_context_after_start(void)
{
	struct vcpu_state_v1 r = { 0 };

	setup();
	start_vcpu0();
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 0, &r, sizeof(r)), 0);
	CU_ASSERT_EQUAL(r.version, VCPU_STATE_VERSION);
	CU_ASSERT_EQUAL(r.pc, START_PC);
	CU_ASSERT_EQUAL(r.x[0], START_X0);
	CU_ASSERT_EQUAL(r.flags, VCPU_STATE_F_ONLINE | VCPU_STATE_F_INITIALISED);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 1, &r, sizeof(r)), 0);
	CU_ASSERT_EQUAL(r.flags, 0);
	teardown();
}

static void test_context_set_roundtrip(void)
{
	struct vcpu_state_v1 r = { .version = VCPU_STATE_VERSION, .pc = NEW_PC,
				   .pstate = SPSR_EL1H, .flags = VCPU_STATE_F_ONLINE };
	struct vcpu_state_v1 back = { 0 };

	setup();
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_setvcpucontext, 1, &r, sizeof(r)), 0);
	CU_ASSERT_TRUE(domain_by_id(g)->vcpus[1]->online);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 1, &back, sizeof(back)), 0);
	CU_ASSERT_EQUAL(back.pc, NEW_PC);
	r.version = VCPU_STATE_VERSION + 1;
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_setvcpucontext, 1, &r, sizeof(r)), -EINVAL);
	teardown();
}

static void test_context_errors(void)
{
	struct vcpu_state_v1 r = { 0 };
	struct domain *d;

	setup();
	d = domain_by_id(g);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 0, &r, sizeof(r) - 8), -EINVAL);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_setvcpucontext, 0, &r, sizeof(r) + 8), -EINVAL);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 2, &r, sizeof(r)), -ENOENT);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 0, NULL, sizeof(r)), -EFAULT);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_setvcpucontext, 0, NULL, sizeof(r)), -EFAULT);
	d->vcpus[0]->arch.on_cpu = true;
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 0, &r, sizeof(r)), -EBUSY);
	d->vcpus[0]->arch.on_cpu = false;
	CU_ASSERT_EQUAL(lf_simple(CTL_DOMCTL_unpause, g), 0);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 0, &r, sizeof(r)), -EBUSY);
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_setvcpucontext, 0, &r, sizeof(r)), -EBUSY);
	domain_shutdown(d, SHUTDOWN_SUSPEND);      /* save after suspend reads it */
	CU_ASSERT_EQUAL(context(CTL_DOMCTL_getvcpucontext, 0, &r, sizeof(r)), 0);
	teardown();
}

static long hvm(uint32_t cmd, domid_t id, uint32_t index, uint64_t *value)
{
	struct ctl_domctl op = { .cmd = cmd, .domid = id };
	long rc;

	op.u.hvm_param = (struct ctl_domctl_hvm_param){ .index = index, .value = *value };
	rc = lf_domctl(&op);
	*value = op.u.hvm_param.value;
	return rc;
}

static void test_hvm_params(void)
{
	uint64_t v = STORE_PFN;

	setup();
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_set_hvm_param, g, HVM_PARAM_STORE_PFN, &v), 0);
	v = 0;
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_get_hvm_param, g, HVM_PARAM_STORE_PFN, &v), 0);
	CU_ASSERT_EQUAL(v, STORE_PFN);
	CU_ASSERT_EQUAL(domain_by_id(g)->hvm_params[HVM_PARAM_STORE_PFN], STORE_PFN);
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_set_hvm_param, g, HVM_PARAM_CALLBACK_IRQ, &v), 0);
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_get_hvm_param, g, HVM_PARAM_CALLBACK_IRQ, &v), 0);
	CU_ASSERT_EQUAL(v & CALLBACK_INTID_MASK, VGIC_EVTCHN_INTID);   /* fixed: the event PPI */
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_get_hvm_param, g, HVM_NR_PARAMS, &v), -EINVAL);
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_set_hvm_param, g, HVM_NR_PARAMS, &v), -EINVAL);
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_get_hvm_param, g + 1, HVM_PARAM_STORE_PFN, &v), -ESRCH);
	CU_ASSERT_EQUAL(hvm(CTL_DOMCTL_get_hvm_param, 0, HVM_PARAM_STORE_PFN, &v), 0);  /* dom0's */
	teardown();
}

static long vcpu_info(domid_t id, uint32_t vcpu, struct ctl_domctl_vcpu_info *out)
{
	struct ctl_domctl op = { .cmd = CTL_DOMCTL_getvcpuinfo, .domid = id };
	long rc;

	op.u.vcpu_info.vcpu = vcpu;
	rc = lf_domctl(&op);
	*out = op.u.vcpu_info;
	return rc;
}

static void test_vcpu_info(void)
{
	struct ctl_domctl_vcpu_info i;
	struct ctl_domctl aff = { .cmd = CTL_DOMCTL_vcpu_affinity };

	setup();
	CU_ASSERT_EQUAL(vcpu_info(g, 0, &i), 0);
	CU_ASSERT_EQUAL(i.flags, 0);
	start_vcpu0();
	aff.domid = g;
	aff.u.affinity = (struct ctl_domctl_vcpu_affinity){ CTL_SET, 0, AFFINITY_0 };
	CU_ASSERT_EQUAL(lf_domctl(&aff), 0);
	domain_by_id(g)->vcpus[0]->blocked = true;
	CU_ASSERT_EQUAL(vcpu_info(g, 0, &i), 0);
	CU_ASSERT_EQUAL(i.vcpu, 0);
	CU_ASSERT_EQUAL(i.flags, CTL_VCPUINF_online | CTL_VCPUINF_blocked);
	CU_ASSERT_EQUAL(i.cpumap, AFFINITY_0);
	CU_ASSERT_EQUAL(i.cpu, 0);
	CU_ASSERT_EQUAL(vcpu_info(g, 2, &i), -ENOENT);
	CU_ASSERT_EQUAL(vcpu_info(0, 0, &i), 0);      /* dom0's own vCPUs are listed too */
	teardown();
}

static void test_created_before_now(void)
{
	struct ctl_domctl info = { .cmd = CTL_DOMCTL_getinfo };
	struct ctl_sysctl phys = { .cmd = CTL_SYSCTL_physinfo };
	uint64_t created = fake_counter * NS_PER_TICK;

	fake_counter += NS_PER_SEC;
	setup();
	fake_counter += NS_PER_SEC;
	info.domid = g;
	CU_ASSERT_EQUAL(lf_domctl(&info), 0);
	CU_ASSERT_EQUAL(info.u.info.created_ns, created + NS_PER_SEC);
	CU_ASSERT_EQUAL(lf_sysctl(&phys), 0);
	CU_ASSERT_EQUAL(phys.u.physinfo.now_ns, created + 2 * NS_PER_SEC);
	teardown();
}

UT_SUITE(domctl_vcpu, "domctl_vcpu", lf_suite_init, lf_suite_cleanup,
	 UT_CASE(test_context_after_start), UT_CASE(test_context_set_roundtrip),
	 UT_CASE(test_context_errors), UT_CASE(test_hvm_params), UT_CASE(test_vcpu_info),
	 UT_CASE(test_created_before_now))
