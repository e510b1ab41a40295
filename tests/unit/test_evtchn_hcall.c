// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event channels through HYPERVISOR_event_channel_op: commands that are not
 * supported, faulting argument addresses, OUT fields and EVTCHNOP_status.
 */
#include "test_evtchn.h"
#include <stddef.h>

#define TE_NO_SUCH_CMD 99

/* Makes [p, p + len) fault for copy_from_guest and copy_to_guest. */
static void fault_on(const void *p, size_t len)
{
	fake_guest_bad_lo = (uintptr_t)p;
	fake_guest_bad_hi = (uintptr_t)p + len;
}

static void no_fault(void)
{
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
}

static void test_unsupported(void)
{
	static const unsigned int cmds[] = {
		EVTCHNOP_bind_pirq, EVTCHNOP_init_control, EVTCHNOP_expand_array,
		EVTCHNOP_set_priority, EVTCHNOP_reset_cont + 1, TE_NO_SUCH_CMD,
	};
	uint64_t a[HCALL_ARGS] = { 0 };
	uint8_t arg[64] = { 0 };

	te_setup(TE_PORTS);
	for (unsigned int i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		CU_ASSERT_EQUAL(te_op(te_d[1], 0, cmds[i], arg), -ENOSYS);
	a[0] = 1ULL << 32 | EVTCHNOP_send;
	CU_ASSERT_EQUAL(do_event_channel_op(te_d[1]->vcpus[0], a), -ENOSYS);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 0);
	te_teardown();
}

static void test_fault_on_read(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = 0, .port = TE_BAD_PORT };
	struct evtchn_bind_ipi b = { .vcpu = 0, .port = TE_BAD_PORT };
	struct evtchn_send s = { .port = 1 };

	te_setup(TE_PORTS);
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_alloc_unbound, NULL), -EFAULT);
	fault_on(&a.dom, sizeof(a.dom));
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_alloc_unbound, &a), -EFAULT);
	fault_on(&b, 1);
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_bind_ipi, &b), -EFAULT);
	fault_on(&s, sizeof(s));
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_send, &s), -EFAULT);
	no_fault();
	CU_ASSERT_EQUAL(a.port, TE_BAD_PORT);
	CU_ASSERT_EQUAL(b.port, TE_BAD_PORT);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 0);
	te_teardown();
}

/* The OUT field faults: the port the operation took is given back. */
static void test_fault_on_write_alloc(void)
{
	struct evtchn_alloc_unbound a = { .dom = 1, .remote_dom = 2, .port = TE_BAD_PORT };

	te_setup(TE_PORTS);
	fault_on(&a.port, sizeof(a.port));
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_alloc_unbound, &a), -EFAULT);
	a.dom = 2;      /* dom0 allocating in dom2 */
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_alloc_unbound, &a), -EFAULT);
	no_fault();
	CU_ASSERT_EQUAL(a.port, TE_BAD_PORT);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[2]), 0);
	te_teardown();
}

static void test_fault_on_write_bind(void)
{
	struct evtchn_bind_interdomain bi = { .remote_dom = 1, .local_port = TE_BAD_PORT };
	struct evtchn_bind_virq bv = { .virq = VIRQ_TIMER, .vcpu = 1, .port = TE_BAD_PORT };
	struct evtchn_bind_ipi bp = { .vcpu = 1, .port = TE_BAD_PORT };
	struct evtchn_status st;

	te_setup(TE_PORTS);
	bi.remote_port = te_alloc(te_d[1], DOMID_SELF, 2);
	fault_on(&bi.local_port, sizeof(bi.local_port));
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_bind_interdomain, &bi), -EFAULT);
	CU_ASSERT_EQUAL(te_status(te_d[1], bi.remote_port, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 2);
	CU_ASSERT_FALSE(te_pending(te_d[2], 1));
	fault_on(&bv.port, sizeof(bv.port));
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_bind_virq, &bv), -EFAULT);
	fault_on(&bp.port, sizeof(bp.port));
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_bind_ipi, &bp), -EFAULT);
	no_fault();
	CU_ASSERT_EQUAL(bi.local_port, TE_BAD_PORT);
	CU_ASSERT_EQUAL(bv.port, TE_BAD_PORT);
	CU_ASSERT_EQUAL(bp.port, TE_BAD_PORT);
	CU_ASSERT_EQUAL(te_open_ports(te_d[2]), 0);
	/* The VIRQ is not left bound. */
	CU_ASSERT_EQUAL(te_virq(te_d[2], VIRQ_TIMER, 1), 1);
	te_teardown();
}

/* An IN field faulting: nothing bound, and the same call works once it is readable. */
static void test_fault_in_field(void)
{
	struct evtchn_bind_virq bv = { .virq = VIRQ_DEBUG, .vcpu = 0, .port = TE_BAD_PORT };

	te_setup(TE_PORTS);
	fault_on(&bv.vcpu, sizeof(bv.vcpu));
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_bind_virq, &bv), -EFAULT);
	no_fault();
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_bind_virq, &bv), 0);
	CU_ASSERT_EQUAL(bv.port, 1);
	CU_ASSERT_EQUAL(bv.virq, VIRQ_DEBUG);
	te_teardown();
}

static void test_status(void)
{
	struct evtchn_status s;
	evtchn_port_t p;

	te_setup(TE_PORTS);
	p = te_ipi(te_d[2], 1);
	/* A domain asks about itself by DOMID_SELF or its id. */
	s = (struct evtchn_status){ .dom = DOMID_SELF, .port = p };
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_status, &s), 0);
	CU_ASSERT_EQUAL(s.status, EVTCHNSTAT_ipi);
	CU_ASSERT_EQUAL(s.vcpu, 1);
	s = (struct evtchn_status){ .dom = 2, .port = 0 };
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_status, &s), 0);
	CU_ASSERT_EQUAL(s.status, EVTCHNSTAT_closed);
	/* Another domain: only the hardware domain. */
	s = (struct evtchn_status){ .dom = 2, .port = p, .status = TE_BAD_PORT };
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_status, &s), -EPERM);
	CU_ASSERT_EQUAL(s.status, TE_BAD_PORT);
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_status, &s), 0);
	CU_ASSERT_EQUAL(s.status, EVTCHNSTAT_ipi);
	s = (struct evtchn_status){ .dom = 5, .port = p, .status = TE_BAD_PORT };
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_status, &s), -ESRCH);
	s = (struct evtchn_status){ .dom = DOMID_SELF, .port = TE_PORTS, .status = TE_BAD_PORT };
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_status, &s), -EINVAL);
	CU_ASSERT_EQUAL(s.status, TE_BAD_PORT);
	/* The OUT part faulting is -EFAULT; status changes nothing anyway. */
	s = (struct evtchn_status){ .dom = DOMID_SELF, .port = p, .status = TE_BAD_PORT };
	fault_on(&s.u, sizeof(s.u));
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_status, &s), -EFAULT);
	no_fault();
	CU_ASSERT_EQUAL(s.status, TE_BAD_PORT);
	te_teardown();
}

/* The whole dom0 loopback scenario, as Linux's /dev/xen/evtchn drives it. */
static void test_dom0_loopback_by_hypercall(void)
{
	struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	struct evtchn_bind_interdomain b = { .remote_dom = DOMID_SELF };
	struct evtchn_unmask u;
	struct evtchn_send s;
	struct evtchn_close c;

	te_setup(TE_PORTS);
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_alloc_unbound, &a), 0);
	b.remote_port = a.port;
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_bind_interdomain, &b), 0);
	/* Linux keeps new ports masked until it has a handler. */
	te_mask(te_d[0], a.port);
	te_ack(te_d[0], 0, b.local_port);
	fake_hooks_reset();
	s.port = b.local_port;
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_send, &s), 0);
	CU_ASSERT_TRUE(te_pending(te_d[0], a.port));
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 0);
	u.port = a.port;
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_unmask, &u), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	CU_ASSERT_EQUAL(te_upcall(te_d[0], 0), 1);
	c.port = b.local_port;
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_close, &c), 0);
	c.port = a.port;
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_close, &c), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[0]), 0);
	te_teardown();
}

UT_SUITE(evtchn_hcall_suite, "evtchn_hcall", te_suite_init, te_suite_clean,
	 UT_CASE(test_unsupported), UT_CASE(test_fault_on_read),
	 UT_CASE(test_fault_on_write_alloc), UT_CASE(test_fault_on_write_bind),
	 UT_CASE(test_fault_in_field), UT_CASE(test_status),
	 UT_CASE(test_dom0_loopback_by_hypercall))
