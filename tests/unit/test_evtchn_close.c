// SPDX-License-Identifier: GPL-2.0-only
/* Event channels: close, reset and the teardown of a domain's ports. */
#include "test_evtchn.h"

static long close_port(struct domain *d, evtchn_port_t port)
{
	struct evtchn_close c = { .port = port };

	return te_op(d, 0, EVTCHNOP_close, &c);
}

static long reset(struct domain *caller, domid_t dom)
{
	struct evtchn_reset r = { .dom = dom };

	return te_op(caller, 0, EVTCHNOP_reset, &r);
}

static void test_close_unbound_and_ipi(void)
{
	struct evtchn_status st;
	struct evtchn_send s;
	evtchn_port_t u, i;

	te_setup(TE_PORTS);
	u = te_alloc(te_d[1], DOMID_SELF, 2);
	i = te_ipi(te_d[1], 1);
	CU_ASSERT_EQUAL(close_port(te_d[1], u), 0);
	CU_ASSERT_EQUAL(te_status(te_d[1], u, NULL), EVTCHNSTAT_closed);
	/* A closed port is free again: the lowest one is reused. */
	CU_ASSERT_EQUAL(te_alloc(te_d[1], DOMID_SELF, 0), u);
	/* Closing clears a pending event and the vCPU binding. */
	s.port = i;
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_send, &s), 0);
	CU_ASSERT_TRUE(te_pending(te_d[1], i));
	CU_ASSERT_EQUAL(close_port(te_d[1], i), 0);
	CU_ASSERT_FALSE(te_pending(te_d[1], i));
	CU_ASSERT_EQUAL(te_status(te_d[1], i, &st), EVTCHNSTAT_closed);
	CU_ASSERT_EQUAL(st.vcpu, 0);
	te_teardown();
}

static void test_close_interdomain(void)
{
	struct evtchn_status st;
	evtchn_port_t rp, lp;

	te_setup(TE_PORTS);
	rp = te_alloc(te_d[1], DOMID_SELF, 2);
	lp = te_bind(te_d[2], 1, rp);
	CU_ASSERT_TRUE(te_pending(te_d[2], lp));
	CU_ASSERT_EQUAL(close_port(te_d[2], lp), 0);
	CU_ASSERT_FALSE(te_pending(te_d[2], lp));
	CU_ASSERT_EQUAL(te_status(te_d[2], lp, NULL), EVTCHNSTAT_closed);
	/* The peer waits for the closer again, and it can re-bind. */
	CU_ASSERT_EQUAL(te_status(te_d[1], rp, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 2);
	lp = te_bind(te_d[2], 1, rp);
	/* Closed from the other end, this time from the lower domid. */
	CU_ASSERT_EQUAL(close_port(te_d[1], rp), 0);
	CU_ASSERT_EQUAL(te_status(te_d[2], lp, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
	te_teardown();
}

static void test_close_loopback(void)
{
	struct evtchn_status st;
	evtchn_port_t a, b;

	te_setup(TE_PORTS);
	a = te_alloc(te_d[0], DOMID_SELF, DOMID_SELF);
	b = te_bind(te_d[0], DOMID_SELF, a);
	CU_ASSERT_EQUAL(close_port(te_d[0], a), 0);
	CU_ASSERT_EQUAL(te_status(te_d[0], b, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 0);
	CU_ASSERT_EQUAL(close_port(te_d[0], b), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[0]), 0);
	te_teardown();
}

static void test_close_virq(void)
{
	struct evtchn_bind_vcpu bv;
	evtchn_port_t con, t1;

	te_setup(TE_PORTS);
	con = te_virq(te_d[1], VIRQ_CONSOLE, 0);
	t1 = te_virq(te_d[1], VIRQ_TIMER, 1);
	bv = (struct evtchn_bind_vcpu){ .port = con, .vcpu = 1 };
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_bind_vcpu, &bv), 0);
	CU_ASSERT_EQUAL(close_port(te_d[1], con), 0);
	CU_ASSERT_EQUAL(close_port(te_d[1], t1), 0);
	/* Both VIRQs are free to bind again, and sending them reaches no port. */
	evtchn_send_global_virq(te_d[1], VIRQ_CONSOLE);
	evtchn_send_virq(te_d[1]->vcpus[1], VIRQ_TIMER);
	CU_ASSERT_EQUAL(fake_poll_wakes, 0);
	te_virq(te_d[1], VIRQ_CONSOLE, 0);
	te_virq(te_d[1], VIRQ_TIMER, 1);
	te_teardown();
}

static void test_close_misuse(void)
{
	evtchn_port_t rp;

	te_setup(TE_PORTS);
	rp = te_alloc(te_d[1], DOMID_SELF, 2);
	te_bind(te_d[2], 1, rp);
	CU_ASSERT_EQUAL(close_port(te_d[1], 0), -EINVAL);
	CU_ASSERT_EQUAL(close_port(te_d[1], 7), -EINVAL);            /* closed */
	CU_ASSERT_EQUAL(close_port(te_d[1], TE_PORTS), -EINVAL);
	CU_ASSERT_EQUAL(close_port(te_d[1], 0xffffffffU), -EINVAL);
	CU_ASSERT_EQUAL(close_port(te_d[1], rp), 0);
	CU_ASSERT_EQUAL(close_port(te_d[1], rp), -EINVAL);           /* twice */
	CU_ASSERT_EQUAL(te_status(te_d[0], 0, NULL), EVTCHNSTAT_closed);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[2]), 1);
	te_teardown();
}

static void test_reset(void)
{
	struct evtchn_reset r = { .dom = DOMID_SELF };
	struct evtchn_status st;
	evtchn_port_t rp, lp;

	te_setup(TE_PORTS);
	rp = te_alloc(te_d[1], DOMID_SELF, 2);
	lp = te_bind(te_d[2], 1, rp);
	te_ipi(te_d[1], 1);
	te_virq(te_d[1], VIRQ_TIMER, 0);
	te_alloc(te_d[1], DOMID_SELF, 0);
	CU_ASSERT_EQUAL(reset(te_d[1], DOMID_SELF), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 0);
	CU_ASSERT_EQUAL(te_status(te_d[2], lp, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
	/* The VIRQ can be bound again after the reset. */
	te_virq(te_d[1], VIRQ_TIMER, 0);
	/* Another domain's table: only the hardware domain, and only a real one. */
	CU_ASSERT_EQUAL(reset(te_d[2], 1), -EPERM);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 1);
	CU_ASSERT_EQUAL(reset(te_d[0], 9), -ESRCH);
	CU_ASSERT_EQUAL(reset(te_d[0], 1), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 0);
	/* By its own id, and through the continuation command. */
	te_ipi(te_d[2], 0);
	CU_ASSERT_EQUAL(reset(te_d[2], 2), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[2]), 0);
	te_ipi(te_d[2], 0);
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_reset_cont, &r), 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[2]), 0);
	te_teardown();
}

static void test_destroy_unbinds_peers(void)
{
	struct evtchn_status st;
	struct evtchn_send s;
	evtchn_port_t p1, p2, lp0, lp2;
	size_t before;

	te_setup(TE_PORTS);
	p1 = te_alloc(te_d[1], DOMID_SELF, 0);
	p2 = te_alloc(te_d[1], DOMID_SELF, 2);
	lp0 = te_bind(te_d[0], 1, p1);
	lp2 = te_bind(te_d[2], 1, p2);
	te_virq(te_d[1], VIRQ_TIMER, 1);
	te_alloc(te_d[1], DOMID_SELF, DOMID_SELF);
	before = fake_xmalloc_in_use();
	evtchn_domain_destroy(te_d[1]);
	CU_ASSERT_PTR_NULL(te_d[1]->evtchn);
	CU_ASSERT(fake_xmalloc_in_use() < before);
	CU_ASSERT_EQUAL(te_status(te_d[0], lp0, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
	CU_ASSERT_EQUAL(te_status(te_d[2], lp2, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
	/* The survivors keep working: sending on a port whose peer went is dropped. */
	s.port = lp2;
	CU_ASSERT_EQUAL(te_op(te_d[2], 0, EVTCHNOP_send, &s), 0);
	CU_ASSERT_EQUAL(close_port(te_d[2], lp2), 0);
	/* The gone table is not found any more. */
	s.port = 1;
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_send, &s), -ESRCH);
	te_teardown();      /* also checks that the rest came back */
}

UT_SUITE(evtchn_close_suite, "evtchn_close", te_suite_init, te_suite_clean,
	 UT_CASE(test_close_unbound_and_ipi), UT_CASE(test_close_interdomain),
	 UT_CASE(test_close_loopback), UT_CASE(test_close_virq), UT_CASE(test_close_misuse),
	 UT_CASE(test_reset), UT_CASE(test_destroy_unbinds_peers))
