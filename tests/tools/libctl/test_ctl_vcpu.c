// SPDX-License-Identifier: GPL-2.0-only
/* vCPU and scheduler domctls, HVM params, sysctl and xen_version. */
#include <errno.h>
#include <string.h>

#include "libctl_test.h"
#include "test_ctl_fake.h"

static const struct ctl_domctl *last_domctl(const struct fake *f, uint32_t cmd, uint32_t domid)
{
	const struct fake_call *c = fake_last(f);

	CU_ASSERT_EQUAL(c->nr, __HYPERVISOR_domctl);
	CU_ASSERT_EQUAL(c->u.domctl.cmd, cmd);
	CU_ASSERT_EQUAL(c->u.domctl.version, CTL_INTERFACE_VERSION);
	CU_ASSERT_EQUAL(c->u.domctl.domid, domid);
	return &c->u.domctl;
}

static void test_sched_credit(void)
{
	unsigned int weight = 0, cap = 1;
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_sched_credit_get(f.h, 4, &weight, &cap), 0);
	CU_ASSERT_EQUAL(last_domctl(&f, CTL_DOMCTL_sched_credit, 4)->u.sched.op, CTL_GET);
	CU_ASSERT_EQUAL(weight, 256);
	CU_ASSERT_EQUAL(cap, 0);
	CU_ASSERT_EQUAL(ctl_sched_credit_set(f.h, 4, 512, 50), 0);
	CU_ASSERT_EQUAL(last_domctl(&f, CTL_DOMCTL_sched_credit, 4)->u.sched.op, CTL_SET);
	CU_ASSERT_EQUAL(fake_last(&f)->u.domctl.u.sched.weight, 512);
	CU_ASSERT_EQUAL(fake_last(&f)->u.domctl.u.sched.cap, 50);
	CU_ASSERT_EQUAL(ctl_sched_credit_set(f.h, 4, 70000, 0), -EINVAL);
	CU_ASSERT_EQUAL(ctl_sched_credit_set(f.h, 4, 0, 0), -EINVAL);
	CU_ASSERT_EQUAL(f.ncalls, 2);
	lt_msg_is(ctl_errmsg(f.h), "domctl sched_credit d4: weight 0 (1-65535) or cap 0 (0-65535) "
		  "out of range");
	fake_close(&f);
}

static void test_affinity_and_info(void)
{
	struct ctl_domctl_vcpu_info vi;
	uint64_t map = 0;
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_vcpu_affinity_get(f.h, 5, 1, &map), 0);
	CU_ASSERT_EQUAL(map, 0x3);
	CU_ASSERT_EQUAL(last_domctl(&f, CTL_DOMCTL_vcpu_affinity, 5)->u.affinity.vcpu, 1);
	CU_ASSERT_EQUAL(ctl_vcpu_affinity_set(f.h, 5, 2, 0x4), 0);
	CU_ASSERT_EQUAL(last_domctl(&f, CTL_DOMCTL_vcpu_affinity, 5)->u.affinity.op, CTL_SET);
	CU_ASSERT_EQUAL(fake_last(&f)->u.domctl.u.affinity.cpumap, 0x4);
	CU_ASSERT_EQUAL(fake_last(&f)->u.domctl.u.affinity.vcpu, 2);
	CU_ASSERT_EQUAL(ctl_vcpu_info(f.h, 5, 1, &vi), 0);
	CU_ASSERT_EQUAL(last_domctl(&f, CTL_DOMCTL_getvcpuinfo, 5)->u.vcpu_info.vcpu, 1);
	CU_ASSERT_EQUAL(vi.flags, CTL_VCPUINF_online);
	f.fail_rc = -ENOENT;
	CU_ASSERT_EQUAL(ctl_vcpu_affinity_set(f.h, 5, 9, 1), -ENOENT);
	lt_msg_is(ctl_errmsg(f.h), "domctl vcpu_affinity d5: No such file or directory");
	fake_close(&f);
}

static void test_vcpu_context(void)
{
	struct vcpu_state_v1 in = { .version = 1, .pc = 0x40080000 }, out;
	const struct ctl_domctl *op;
	struct fake f;

	in.x[0] = 0x48000000;
	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_vcpu_context_set(f.h, 6, 0, &in), 0);
	op = last_domctl(&f, CTL_DOMCTL_setvcpucontext, 6);
	CU_ASSERT_EQUAL(op->u.context.size, sizeof(struct vcpu_state_v1));
	CU_ASSERT_EQUAL(op->u.context.vcpu, 0);
	CU_ASSERT_EQUAL(memcmp(&f.ctx, &in, sizeof(in)), 0);
	f.ctx.x[1] = 77;
	memset(&out, 0xff, sizeof(out));
	CU_ASSERT_EQUAL(ctl_vcpu_context_get(f.h, 6, 1, &out), 0);
	op = last_domctl(&f, CTL_DOMCTL_getvcpucontext, 6);
	CU_ASSERT_EQUAL(op->u.context.vcpu, 1);
	CU_ASSERT_EQUAL(memcmp(&out, &f.ctx, sizeof(out)), 0);
	CU_ASSERT_EQUAL(out.x[1], 77);
	f.fail_rc = -EBUSY;
	CU_ASSERT_EQUAL(ctl_vcpu_context_get(f.h, 6, 0, &out), -EBUSY);
	lt_msg_is(ctl_errmsg(f.h), "domctl getvcpucontext d6: Device or resource busy");
	fake_close(&f);
}

static void test_vcpu_start_and_hvm_params(void)
{
	const struct ctl_domctl *op;
	uint64_t v = 0;
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_vcpu_start(f.h, 2, 0, 0x40200000, 0x48000000), 0);
	op = last_domctl(&f, CTL_DOMCTL_vcpu_start, 2);
	CU_ASSERT_EQUAL(op->u.vcpu_start.pc, 0x40200000);
	CU_ASSERT_EQUAL(op->u.vcpu_start.x0, 0x48000000);
	CU_ASSERT_EQUAL(ctl_hvm_param_set(f.h, 2, 1, 0x39000), 0);
	op = last_domctl(&f, CTL_DOMCTL_set_hvm_param, 2);
	CU_ASSERT_EQUAL(op->u.hvm_param.index, 1);
	CU_ASSERT_EQUAL(op->u.hvm_param.value, 0x39000);
	CU_ASSERT_EQUAL(ctl_hvm_param_get(f.h, 2, 18, &v), 0);
	CU_ASSERT_EQUAL(last_domctl(&f, CTL_DOMCTL_get_hvm_param, 2)->u.hvm_param.index, 18);
	CU_ASSERT_EQUAL(v, 1800);
	fake_close(&f);
}

static void test_physinfo_and_console(void)
{
	struct ctl_sysctl_physinfo pi;
	char buf[8];
	size_t len = sizeof(buf);
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_physinfo(f.h, &pi), 0);
	CU_ASSERT_EQUAL(fake_last(&f)->nr, __HYPERVISOR_sysctl);
	CU_ASSERT_EQUAL(fake_last(&f)->u.sysctl.cmd, CTL_SYSCTL_physinfo);
	CU_ASSERT_EQUAL(fake_last(&f)->u.sysctl.version, CTL_INTERFACE_VERSION);
	CU_ASSERT_EQUAL(pi.nr_cpus, 4);
	f.console = "(XEN) hello world\n";
	CU_ASSERT_EQUAL(ctl_readconsole(f.h, buf, &len), 0);
	CU_ASSERT_EQUAL(fake_last(&f)->u.sysctl.cmd, CTL_SYSCTL_readconsole);
	CU_ASSERT_EQUAL(fake_last(&f)->u.sysctl.u.readconsole.count, sizeof(buf));
	CU_ASSERT_EQUAL(len, sizeof(buf));
	CU_ASSERT_EQUAL(memcmp(buf, "(XEN) he", sizeof(buf)), 0);
	f.fail_rc = -EFAULT;
	CU_ASSERT_EQUAL(ctl_readconsole(f.h, buf, &len), -EFAULT);
	lt_msg_is(ctl_errmsg(f.h), "sysctl readconsole: Bad address");
	fake_close(&f);
}

static void test_hypervisor_version(void)
{
	char buf[32], small[6];
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_hypervisor_version(f.h, buf, sizeof(buf)), 0);
	CU_ASSERT_STRING_EQUAL(buf, "4.17.0-ctl");
	CU_ASSERT_EQUAL(f.calls[0].nr, __HYPERVISOR_xen_version);
	CU_ASSERT_EQUAL(f.calls[0].args[0], XENVER_version);
	CU_ASSERT_EQUAL(f.calls[1].args[0], XENVER_extraversion);
	CU_ASSERT_EQUAL(ctl_hypervisor_version(f.h, small, sizeof(small)), -ERANGE);
	lt_msg_is(ctl_errmsg(f.h), "hypervisor version: 6 bytes are too few for '4.17.0-ctl'");
	f.fail_rc = -ENOSYS;
	CU_ASSERT_EQUAL(ctl_hypervisor_version(f.h, buf, sizeof(buf)), -ENOSYS);
	lt_msg_is(ctl_errmsg(f.h), "xen_version version: Function not implemented");
	fake_close(&f);
}

static const struct tt_case cases[] = {
	{ "sched credit", test_sched_credit },
	{ "affinity and vcpu info", test_affinity_and_info },
	{ "vcpu context", test_vcpu_context },
	{ "vcpu start, hvm params", test_vcpu_start_and_hvm_params },
	{ "physinfo, readconsole", test_physinfo_and_console },
	{ "hypervisor version", test_hypervisor_version },
	{ NULL, NULL },
};

const struct tt_suite lt_ctl_vcpu_suite = { "ctl_vcpu", cases };
