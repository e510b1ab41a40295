// SPDX-License-Identifier: GPL-2.0-only
/* Event channels: allocating ports (alloc_unbound, bind_interdomain, bind_virq, bind_ipi). */
#include "test_evtchn.h"

#define TE_SMALL_PORTS 4     /* ports 1..3 usable */

static long alloc_rc(struct domain *caller, domid_t dom, domid_t remote, evtchn_port_t *port)
{
	struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = remote, .port = TE_BAD_PORT };
	long rc = te_op(caller, 0, EVTCHNOP_alloc_unbound, &a);

	*port = a.port;
	return rc;
}

static long bind_rc(struct domain *caller, domid_t remote, evtchn_port_t rport)
{
	struct evtchn_bind_interdomain b = { .remote_dom = remote, .remote_port = rport,
					     .local_port = TE_BAD_PORT };
	long rc = te_op(caller, 0, EVTCHNOP_bind_interdomain, &b);

	CU_ASSERT(rc == 0 || b.local_port == TE_BAD_PORT);
	return rc;
}

static long virq_rc(struct domain *d, uint32_t virq, uint32_t vcpu)
{
	struct evtchn_bind_virq b = { .virq = virq, .vcpu = vcpu, .port = TE_BAD_PORT };
	long rc = te_op(d, 0, EVTCHNOP_bind_virq, &b);

	CU_ASSERT(rc == 0 || b.port == TE_BAD_PORT);
	return rc;
}

static long ipi_rc(struct domain *d, uint32_t vcpu)
{
	struct evtchn_bind_ipi b = { .vcpu = vcpu, .port = TE_BAD_PORT };
	long rc = te_op(d, 0, EVTCHNOP_bind_ipi, &b);

	CU_ASSERT(rc == 0 || b.port == TE_BAD_PORT);
	return rc;
}

static void test_alloc_unbound(void)
{
	struct evtchn_status st;
	evtchn_port_t p = TE_BAD_PORT;

	te_setup(TE_PORTS);
	/* Port 0 is reserved: the first port is 1, then the lowest free one. */
	CU_ASSERT_EQUAL(te_alloc(te_d[1], DOMID_SELF, 0), 1);
	CU_ASSERT_EQUAL(te_alloc(te_d[1], 1, 2), 2);
	CU_ASSERT_EQUAL(te_status(te_d[1], 1, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 0);
	CU_ASSERT_EQUAL(st.vcpu, 0);
	CU_ASSERT_EQUAL(te_status(te_d[1], 2, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 2);
	/* remote_dom DOMID_SELF names the caller, here dom0 allocating in dom1. */
	CU_ASSERT_EQUAL(te_alloc(te_d[0], 1, DOMID_SELF), 3);
	CU_ASSERT_EQUAL(te_status(te_d[1], 3, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 0);
	/* The hypervisor's own call: DOMID_SELF is the domain itself. */
	CU_ASSERT_EQUAL(evtchn_alloc_unbound(te_d[2], DOMID_SELF, &p), 0);
	CU_ASSERT_EQUAL(p, 1);
	CU_ASSERT_EQUAL(te_status(te_d[2], 1, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 2);
	te_teardown();
}

static void test_alloc_unbound_misuse(void)
{
	evtchn_port_t p;

	te_setup(TE_PORTS);
	/* An unprivileged domain may not allocate in another one. */
	CU_ASSERT_EQUAL(alloc_rc(te_d[1], 2, 0, &p), -EPERM);
	CU_ASSERT_EQUAL(p, TE_BAD_PORT);
	CU_ASSERT_EQUAL(alloc_rc(te_d[1], 0, 0, &p), -EPERM);
	CU_ASSERT_EQUAL(alloc_rc(te_d[0], 7, 0, &p), -ESRCH);
	CU_ASSERT_EQUAL(alloc_rc(te_d[1], 7, 0, &p), -ESRCH);
	CU_ASSERT_EQUAL(te_open_ports(te_d[0]) + te_open_ports(te_d[1]) + te_open_ports(te_d[2]), 0);
	/* Without a hardware domain nobody is privileged. */
	hardware_domain = NULL;
	CU_ASSERT_EQUAL(alloc_rc(te_d[0], 1, 0, &p), -EPERM);
	hardware_domain = te_d[0];
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 0);
	te_teardown();
}

static void test_bind_interdomain(void)
{
	struct evtchn_status st;
	evtchn_port_t rp, lp;

	te_setup(TE_PORTS);
	te_alloc(te_d[1], DOMID_SELF, 0);              /* port 1 of dom1: not for dom2 */
	rp = te_alloc(te_d[1], DOMID_SELF, 2);
	te_ipi(te_d[2], 0);                            /* port 1 of dom2 taken */
	lp = te_bind(te_d[2], 1, rp);
	CU_ASSERT_EQUAL(lp, 2);
	CU_ASSERT_EQUAL(te_status(te_d[2], lp, &st), EVTCHNSTAT_interdomain);
	CU_ASSERT_EQUAL(st.u.interdomain.dom, 1);
	CU_ASSERT_EQUAL(st.u.interdomain.port, rp);
	CU_ASSERT_EQUAL(te_status(te_d[1], rp, &st), EVTCHNSTAT_interdomain);
	CU_ASSERT_EQUAL(st.u.interdomain.dom, 2);
	CU_ASSERT_EQUAL(st.u.interdomain.port, lp);
	/* As Xen: the new port starts pending (events sent while unbound were dropped). */
	CU_ASSERT_TRUE(te_pending(te_d[2], lp));
	CU_ASSERT_FALSE(te_pending(te_d[1], rp));
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[2]->vcpus[0]);
	te_teardown();
}

static void test_bind_interdomain_misuse(void)
{
	struct evtchn_status st;
	evtchn_port_t for0, ipi, bound;

	te_setup(TE_PORTS);
	for0 = te_alloc(te_d[1], DOMID_SELF, 0);
	ipi = te_ipi(te_d[1], 0);
	bound = te_bind(te_d[2], 1, te_alloc(te_d[1], DOMID_SELF, 2));
	CU_ASSERT_EQUAL(bind_rc(te_d[2], 1, for0), -EINVAL);        /* unbound for dom0 */
	CU_ASSERT_EQUAL(bind_rc(te_d[2], 1, ipi), -EINVAL);         /* not unbound */
	CU_ASSERT_EQUAL(bind_rc(te_d[0], 2, bound), -EINVAL);       /* already bound */
	CU_ASSERT_EQUAL(bind_rc(te_d[2], 1, 0), -EINVAL);           /* port 0 */
	CU_ASSERT_EQUAL(bind_rc(te_d[2], 1, 60), -EINVAL);          /* closed */
	CU_ASSERT_EQUAL(bind_rc(te_d[2], 1, TE_PORTS), -EINVAL);    /* beyond the table */
	CU_ASSERT_EQUAL(bind_rc(te_d[2], 1, EVTCHN_2L_NR_PORTS), -EINVAL);
	CU_ASSERT_EQUAL(bind_rc(te_d[2], 9, for0), -ESRCH);         /* no such domain */
	/* Nothing moved: dom1's port still waits for dom0, dom2 has only its bound port. */
	CU_ASSERT_EQUAL(te_status(te_d[1], for0, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 0);
	CU_ASSERT_EQUAL(te_open_ports(te_d[2]), 1);
	CU_ASSERT_EQUAL(te_open_ports(te_d[0]), 0);
	/* The right domain still binds it. */
	CU_ASSERT_EQUAL(te_status(te_d[0], te_bind(te_d[0], 1, for0), NULL), EVTCHNSTAT_interdomain);
	te_teardown();
}

/* What dom0's integration test does through /dev/xen/evtchn: a port bound to itself. */
static void test_loopback(void)
{
	struct evtchn_status st;
	struct evtchn_send s;
	evtchn_port_t a, b;

	te_setup(TE_PORTS);
	a = te_alloc(te_d[0], DOMID_SELF, DOMID_SELF);
	b = te_bind(te_d[0], DOMID_SELF, a);
	CU_ASSERT_NOT_EQUAL(a, b);
	CU_ASSERT_EQUAL(te_status(te_d[0], a, &st), EVTCHNSTAT_interdomain);
	CU_ASSERT_EQUAL(st.u.interdomain.dom, 0);
	CU_ASSERT_EQUAL(st.u.interdomain.port, b);
	CU_ASSERT_EQUAL(te_status(te_d[0], b, &st), EVTCHNSTAT_interdomain);
	CU_ASSERT_EQUAL(st.u.interdomain.port, a);
	te_ack(te_d[0], 0, b);
	s.port = b;
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_send, &s), 0);
	CU_ASSERT_TRUE(te_pending(te_d[0], a));
	CU_ASSERT_FALSE(te_pending(te_d[0], b));
	s.port = a;
	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_send, &s), 0);
	CU_ASSERT_TRUE(te_pending(te_d[0], b));
	/* Binding by dom0's own id is the same as DOMID_SELF. */
	a = te_alloc(te_d[0], 0, 0);
	CU_ASSERT_EQUAL(te_status(te_d[0], te_bind(te_d[0], 0, a), NULL), EVTCHNSTAT_interdomain);
	te_teardown();
}

static void test_bind_virq(void)
{
	struct evtchn_status st;
	evtchn_port_t con, t0, t1;

	te_setup(TE_PORTS);
	con = te_virq(te_d[1], VIRQ_CONSOLE, 0);
	CU_ASSERT_EQUAL(te_status(te_d[1], con, &st), EVTCHNSTAT_virq);
	CU_ASSERT_EQUAL(st.u.virq, VIRQ_CONSOLE);
	CU_ASSERT_EQUAL(st.vcpu, 0);
	/* Per-vCPU VIRQs: one port per vCPU. */
	t0 = te_virq(te_d[1], VIRQ_TIMER, 0);
	t1 = te_virq(te_d[1], VIRQ_TIMER, 1);
	CU_ASSERT_NOT_EQUAL(t0, t1);
	CU_ASSERT_EQUAL(te_status(te_d[1], t1, &st), EVTCHNSTAT_virq);
	CU_ASSERT_EQUAL(st.u.virq, VIRQ_TIMER);
	CU_ASSERT_EQUAL(st.vcpu, 1);
	te_virq(te_d[1], VIRQ_DEBUG, 1);
	te_virq(te_d[1], VIRQ_XENOPROF, 1);
	te_virq(te_d[1], VIRQ_XENPMU, 1);
	te_virq(te_d[1], NR_VIRQS - 1, 0);
	/* The same VIRQ in another domain is another binding. */
	te_virq(te_d[2], VIRQ_CONSOLE, 0);
	te_teardown();
}

static void test_bind_virq_misuse(void)
{
	te_setup(TE_PORTS);
	te_virq(te_d[1], VIRQ_CONSOLE, 0);
	te_virq(te_d[1], VIRQ_TIMER, 1);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], VIRQ_CONSOLE, 0), -EEXIST);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], VIRQ_TIMER, 1), -EEXIST);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], VIRQ_DOM_EXC, 1), -EINVAL);   /* global, not vCPU 0 */
	CU_ASSERT_EQUAL(virq_rc(te_d[1], VIRQ_CONSOLE, 1), -EINVAL);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], NR_VIRQS, 0), -EINVAL);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], 0xffffffffU, 0), -EINVAL);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], VIRQ_TIMER, TE_VCPUS), -ENOENT);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], VIRQ_TIMER, 0xffffffffU), -ENOENT);
	CU_ASSERT_EQUAL(te_open_ports(te_d[1]), 2);
	te_teardown();
}

static void test_bind_ipi(void)
{
	struct evtchn_status st;
	evtchn_port_t p;

	te_setup(TE_PORTS);
	p = te_ipi(te_d[2], 1);
	CU_ASSERT_EQUAL(te_status(te_d[2], p, &st), EVTCHNSTAT_ipi);
	CU_ASSERT_EQUAL(st.vcpu, 1);
	CU_ASSERT_EQUAL(ipi_rc(te_d[2], TE_VCPUS), -ENOENT);
	CU_ASSERT_EQUAL(ipi_rc(te_d[2], 0xffffffffU), -ENOENT);
	CU_ASSERT_EQUAL(te_open_ports(te_d[2]), 1);
	te_teardown();
}

static void test_table_full(void)
{
	struct evtchn_close c = { .port = 1 };
	struct evtchn_status st;
	evtchn_port_t p, waiting;

	te_setup(TE_SMALL_PORTS);
	waiting = te_alloc(te_d[2], DOMID_SELF, 1);
	CU_ASSERT_EQUAL(te_alloc(te_d[1], DOMID_SELF, 0), 1);
	CU_ASSERT_EQUAL(te_ipi(te_d[1], 0), 2);
	CU_ASSERT_EQUAL(te_virq(te_d[1], VIRQ_TIMER, 0), TE_SMALL_PORTS - 1);
	CU_ASSERT_EQUAL(alloc_rc(te_d[1], DOMID_SELF, 0, &p), -ENOSPC);
	CU_ASSERT_EQUAL(p, TE_BAD_PORT);
	CU_ASSERT_EQUAL(ipi_rc(te_d[1], 0), -ENOSPC);
	CU_ASSERT_EQUAL(virq_rc(te_d[1], VIRQ_CONSOLE, 0), -ENOSPC);
	CU_ASSERT_EQUAL(bind_rc(te_d[1], 2, waiting), -ENOSPC);
	/* The failed bind left dom2's port waiting, and the VIRQ unbound. */
	CU_ASSERT_EQUAL(te_status(te_d[2], waiting, &st), EVTCHNSTAT_unbound);
	CU_ASSERT_EQUAL(st.u.unbound.dom, 1);
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_close, &c), 0);
	CU_ASSERT_EQUAL(te_virq(te_d[1], VIRQ_CONSOLE, 0), 1);
	te_teardown();
}

static void test_whole_2l_space(void)
{
	struct evtchn_close c = { .port = EVTCHN_2L_NR_PORTS - 1 };
	struct evtchn_send s = { .port = EVTCHN_2L_NR_PORTS - 1 };
	evtchn_port_t p = 0;

	te_setup(EVTCHN_2L_NR_PORTS);
	for (unsigned int i = 1; i < EVTCHN_2L_NR_PORTS; i++)
		CU_ASSERT_EQUAL(evtchn_alloc_unbound(te_d[1], DOMID_SELF, &p), 0);
	CU_ASSERT_EQUAL(p, EVTCHN_2L_NR_PORTS - 1);
	CU_ASSERT_EQUAL(evtchn_alloc_unbound(te_d[1], DOMID_SELF, &p), -ENOSPC);
	/* The last port works: an IPI in the last bit of the last word. */
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_close, &c), 0);
	CU_ASSERT_EQUAL(te_ipi(te_d[1], 0), EVTCHN_2L_NR_PORTS - 1);
	CU_ASSERT_EQUAL(te_op(te_d[1], 0, EVTCHNOP_send, &s), 0);
	CU_ASSERT_TRUE(te_pending(te_d[1], EVTCHN_2L_NR_PORTS - 1));
	CU_ASSERT_EQUAL(te_sel(te_d[1], 0), 1ULL << (EVTCHN_2L_WORDS - 1));
	te_teardown();
}

static void test_init_limits(void)
{
	size_t before = fake_xmalloc_in_use();
	struct domain *d;
	evtchn_port_t p;

	te_setup(TE_PORTS);
	d = te_d[1];
	CU_ASSERT_EQUAL(evtchn_domain_init(d, TE_PORTS), -EINVAL);      /* has one */
	evtchn_domain_destroy(d);
	evtchn_domain_destroy(d);                                       /* twice: nothing */
	CU_ASSERT_EQUAL(evtchn_domain_init(d, 0), -EINVAL);
	CU_ASSERT_EQUAL(evtchn_domain_init(d, EVTCHN_2L_NR_PORTS + 1), -EINVAL);
	CU_ASSERT_PTR_NULL(d->evtchn);
	/* A domain without a table: every operation on it is refused. */
	CU_ASSERT_EQUAL(alloc_rc(te_d[0], 1, 0, &p), -ESRCH);
	CU_ASSERT_EQUAL(bind_rc(te_d[0], 1, 1), -ESRCH);
	CU_ASSERT_EQUAL(evtchn_send(d, 1), -ESRCH);
	CU_ASSERT_EQUAL(evtchn_domain_init(d, 1), 0);                   /* port 0 only */
	CU_ASSERT_EQUAL(alloc_rc(d, DOMID_SELF, 0, &p), -ENOSPC);
	te_teardown();
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), before);
}

UT_SUITE(evtchn_bind_suite, "evtchn_bind", te_suite_init, te_suite_clean,
	 UT_CASE(test_alloc_unbound), UT_CASE(test_alloc_unbound_misuse),
	 UT_CASE(test_bind_interdomain), UT_CASE(test_bind_interdomain_misuse),
	 UT_CASE(test_loopback), UT_CASE(test_bind_virq), UT_CASE(test_bind_virq_misuse),
	 UT_CASE(test_bind_ipi), UT_CASE(test_table_full), UT_CASE(test_whole_2l_space),
	 UT_CASE(test_init_limits))
