// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event channels: 2-level delivery (pending, mask, selector, upcall flag and
 * interrupt), send, unmask, bind_vcpu and VIRQs from the hypervisor.
 */
#include "test_evtchn.h"

#define TE_HIGH_PORT (TE_WORD_BITS + 5)     /* a port in the second word */

static long send(struct domain *d, evtchn_port_t port)
{
	struct evtchn_send s = { .port = port };

	return te_op(d, 0, EVTCHNOP_send, &s);
}

static long unmask(struct domain *d, evtchn_port_t port)
{
	struct evtchn_unmask u = { .port = port };

	return te_op(d, 0, EVTCHNOP_unmask, &u);
}

static long bind_vcpu(struct domain *d, evtchn_port_t port, uint32_t vcpu)
{
	struct evtchn_bind_vcpu b = { .port = port, .vcpu = vcpu };

	return te_op(d, 0, EVTCHNOP_bind_vcpu, &b);
}

/* Takes ports until the next one is port: then returns. */
static void skip_to(struct domain *d, evtchn_port_t port)
{
	while (te_alloc(d, DOMID_SELF, DOMID_SELF) + 1 < port)
		;
}

static void test_ipi_delivery(void)
{
	evtchn_port_t p;

	te_setup(TE_PORTS);
	p = te_ipi(te_d[1], 0);
	CU_ASSERT_EQUAL(send(te_d[1], p), 0);
	CU_ASSERT_TRUE(te_pending(te_d[1], p));
	CU_ASSERT_EQUAL(te_sel(te_d[1], 0), 1);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 0), 1);
	CU_ASSERT_EQUAL(te_sel(te_d[1], 1), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[1]->vcpus[0]);
	CU_ASSERT_EQUAL(fake_poll_wakes, 1);
	CU_ASSERT_EQUAL(fake_last_poll_port, p);
	CU_ASSERT_TRUE(evtchn_port_pending(te_d[1], p));
	CU_ASSERT_FALSE(evtchn_port_pending(te_d[1], p + 1));
	CU_ASSERT_FALSE(evtchn_port_pending(te_d[1], EVTCHN_2L_NR_PORTS));
	/* Already pending: nothing new, not even a poll wake-up. */
	CU_ASSERT_EQUAL(send(te_d[1], p), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	CU_ASSERT_EQUAL(fake_poll_wakes, 1);
	/* The guest handled it; the next send raises again. */
	te_ack(te_d[1], 0, p);
	CU_ASSERT_EQUAL(send(te_d[1], p), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 2);
	CU_ASSERT_EQUAL(fake_poll_wakes, 2);
	/* Nobody polling: the wake-up scan is skipped, delivery is the same. */
	te_d[1]->nr_polling = 0;
	te_ack(te_d[1], 0, p);
	CU_ASSERT_EQUAL(send(te_d[1], p), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 3);
	CU_ASSERT_EQUAL(fake_poll_wakes, 2);
	te_teardown();
}

static void test_ipi_to_other_vcpu(void)
{
	evtchn_port_t p;

	te_setup(TE_PORTS);
	skip_to(te_d[2], TE_HIGH_PORT);
	p = te_ipi(te_d[2], 1);
	CU_ASSERT_EQUAL(p, TE_HIGH_PORT);
	CU_ASSERT_EQUAL(send(te_d[2], p), 0);
	CU_ASSERT_EQUAL(te_sel(te_d[2], 1), 1ULL << 1);   /* second word */
	CU_ASSERT_EQUAL(te_upcall(te_d[2], 1), 1);
	CU_ASSERT_EQUAL(te_sel(te_d[2], 0), 0);
	CU_ASSERT_EQUAL(te_upcall(te_d[2], 0), 0);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[2]->vcpus[1]);
	te_teardown();
}

static void test_selector_and_upcall_once(void)
{
	evtchn_port_t a, b, c;

	te_setup(TE_PORTS);
	a = te_ipi(te_d[1], 0);
	b = te_ipi(te_d[1], 0);
	skip_to(te_d[1], TE_HIGH_PORT);
	c = te_ipi(te_d[1], 0);
	send(te_d[1], a);
	/* Same word: the selector bit is set already, no second upcall. */
	send(te_d[1], b);
	CU_ASSERT_EQUAL(te_sel(te_d[1], 0), 1);
	/* Another word: its selector bit, but upcall_pending was already 1. */
	send(te_d[1], c);
	CU_ASSERT_EQUAL(te_sel(te_d[1], 0), 3);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	CU_ASSERT_EQUAL(fake_poll_wakes, 3);
	te_teardown();
}

static void test_mask_and_unmask(void)
{
	evtchn_port_t p;

	te_setup(TE_PORTS);
	p = te_ipi(te_d[1], 1);
	te_mask(te_d[1], p);
	CU_ASSERT_EQUAL(send(te_d[1], p), 0);
	CU_ASSERT_TRUE(te_pending(te_d[1], p));
	CU_ASSERT_EQUAL(te_sel(te_d[1], 1), 0);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 0);
	CU_ASSERT_EQUAL(fake_poll_wakes, 1);             /* a poller sees masked ports */
	/* Unmask delivers the pending event to the port's vCPU. */
	CU_ASSERT_EQUAL(unmask(te_d[1], p), 0);
	CU_ASSERT_FALSE(te_masked(te_d[1], p));
	CU_ASSERT_EQUAL(te_sel(te_d[1], 1), 1);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 1);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[1]->vcpus[1]);
	/* As Xen: unmasking a port that was not masked notifies nothing. */
	te_d[1]->vcpus[1]->vcpu_info->evtchn_pending_sel = 0;
	te_d[1]->vcpus[1]->vcpu_info->evtchn_upcall_pending = 0;
	CU_ASSERT_EQUAL(unmask(te_d[1], p), 0);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	/* Masked and not pending: unmask only clears the mask. */
	te_ack(te_d[1], 1, p);
	te_mask(te_d[1], p);
	CU_ASSERT_EQUAL(unmask(te_d[1], p), 0);
	CU_ASSERT_FALSE(te_masked(te_d[1], p));
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	te_teardown();
}

static void test_unmask_misuse(void)
{
	te_setup(TE_PORTS);
	te_mask(te_d[1], 0);
	te_mask(te_d[1], 5);
	CU_ASSERT_EQUAL(unmask(te_d[1], 0), -EINVAL);
	CU_ASSERT_EQUAL(unmask(te_d[1], 5), -EINVAL);                /* closed */
	CU_ASSERT_EQUAL(unmask(te_d[1], TE_PORTS), -EINVAL);
	CU_ASSERT_EQUAL(unmask(te_d[1], EVTCHN_2L_NR_PORTS), -EINVAL);
	CU_ASSERT_TRUE(te_masked(te_d[1], 0));
	CU_ASSERT_TRUE(te_masked(te_d[1], 5));
	te_teardown();
}

static void test_interdomain_send(void)
{
	evtchn_port_t rp, lp;

	te_setup(TE_PORTS);
	rp = te_alloc(te_d[1], DOMID_SELF, 2);
	lp = te_bind(te_d[2], 1, rp);
	te_ack(te_d[2], 0, lp);
	fake_hooks_reset();
	CU_ASSERT_EQUAL(send(te_d[2], lp), 0);
	CU_ASSERT_TRUE(te_pending(te_d[1], rp));
	CU_ASSERT_FALSE(te_pending(te_d[2], lp));
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 0), 1);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[1]->vcpus[0]);
	CU_ASSERT_EQUAL(fake_last_poll_port, rp);
	CU_ASSERT_EQUAL(send(te_d[1], rp), 0);
	CU_ASSERT_TRUE(te_pending(te_d[2], lp));
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[2]->vcpus[0]);
	te_teardown();
}

static void test_send_misuse(void)
{
	evtchn_port_t unbound, virq;

	te_setup(TE_PORTS);
	unbound = te_alloc(te_d[1], DOMID_SELF, 2);
	virq = te_virq(te_d[1], VIRQ_CONSOLE, 0);
	/* Unbound: nobody listens yet; Xen drops it and succeeds. */
	CU_ASSERT_EQUAL(send(te_d[1], unbound), 0);
	CU_ASSERT_EQUAL(send(te_d[1], virq), -EINVAL);
	CU_ASSERT_EQUAL(send(te_d[1], 0), -EINVAL);
	CU_ASSERT_EQUAL(send(te_d[1], 9), -EINVAL);                  /* closed */
	CU_ASSERT_EQUAL(send(te_d[1], TE_PORTS), -EINVAL);
	CU_ASSERT_EQUAL(send(te_d[1], 0xffffffffU), -EINVAL);
	for (evtchn_port_t p = 0; p < TE_PORTS; p++)
		CU_ASSERT_FALSE(te_pending(te_d[1], p));
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 0);
	CU_ASSERT_EQUAL(fake_poll_wakes, 0);
	te_teardown();
}

/* An interdomain pair dom2 -> dom1 with dom1's end bound to vCPU vcpu: dom1's port. */
static evtchn_port_t pair_on(unsigned int vcpu, evtchn_port_t *lp)
{
	evtchn_port_t rp = te_alloc(te_d[1], DOMID_SELF, 2);

	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], rp, vcpu), 0);   /* allowed while unbound */
	*lp = te_bind(te_d[2], 1, rp);
	return rp;
}

static void test_bind_vcpu_moves_delivery(void)
{
	struct evtchn_status st;
	evtchn_port_t rp, lp;

	te_setup(TE_PORTS);
	rp = pair_on(1, &lp);
	CU_ASSERT_EQUAL(te_status(te_d[1], rp, &st), EVTCHNSTAT_interdomain);
	CU_ASSERT_EQUAL(st.vcpu, 1);
	send(te_d[2], lp);
	CU_ASSERT_EQUAL(te_sel(te_d[1], 1), 1);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 1);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 0), 0);
	/* Pending and unmasked when moved back: flagged on vCPU 0 too. */
	fake_hooks_reset();
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], rp, 0), 0);
	CU_ASSERT_EQUAL(te_sel(te_d[1], 0), 1);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 0), 1);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[1]->vcpus[0]);
	/* Moving it to where it is changes nothing, even while it is pending. */
	te_d[1]->vcpus[0]->vcpu_info->evtchn_pending_sel = 0;
	te_d[1]->vcpus[0]->vcpu_info->evtchn_upcall_pending = 0;
	CU_ASSERT_TRUE(te_pending(te_d[1], rp));
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], rp, 0), 0);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 0), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	te_teardown();
}

static void test_bind_vcpu_masked(void)
{
	evtchn_port_t rp, lp;

	te_setup(TE_PORTS);
	rp = pair_on(0, &lp);
	te_mask(te_d[1], rp);
	send(te_d[2], lp);
	/* Masked: stays quiet when moved, until unmasked, then goes to the new vCPU. */
	fake_hooks_reset();
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], rp, 1), 0);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 0);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 0);
	CU_ASSERT_EQUAL(unmask(te_d[1], rp), 0);
	CU_ASSERT_EQUAL(te_sel(te_d[1], 1), 1);
	CU_ASSERT_EQUAL(te_sel(te_d[1], 0), 0);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[1]->vcpus[1]);
	te_teardown();
}

static void test_bind_vcpu_misuse(void)
{
	struct evtchn_status st;
	evtchn_port_t ipi, timer, con;

	te_setup(TE_PORTS);
	ipi = te_ipi(te_d[1], 0);
	timer = te_virq(te_d[1], VIRQ_TIMER, 0);
	con = te_virq(te_d[1], VIRQ_CONSOLE, 0);
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], ipi, 1), -EINVAL);
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], timer, 1), -EINVAL);     /* per-vCPU VIRQ */
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], 0, 1), -EINVAL);
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], 20, 1), -EINVAL);        /* closed */
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], TE_PORTS, 1), -EINVAL);
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], con, TE_VCPUS), -ENOENT);
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], 20, TE_VCPUS), -ENOENT);
	te_status(te_d[1], ipi, &st);
	CU_ASSERT_EQUAL(st.vcpu, 0);
	te_status(te_d[1], timer, &st);
	CU_ASSERT_EQUAL(st.vcpu, 0);
	te_status(te_d[1], con, &st);
	CU_ASSERT_EQUAL(st.vcpu, 0);
	/* A global VIRQ may move. */
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], con, 1), 0);
	te_status(te_d[1], con, &st);
	CU_ASSERT_EQUAL(st.vcpu, 1);
	te_teardown();
}

static void test_virq_delivery(void)
{
	evtchn_port_t t1, con;

	te_setup(TE_PORTS);
	t1 = te_virq(te_d[1], VIRQ_TIMER, 1);
	con = te_virq(te_d[1], VIRQ_CONSOLE, 0);
	/* Not bound on vCPU 0, and global VIRQs do not go through send_virq. */
	evtchn_send_virq(te_d[1]->vcpus[0], VIRQ_TIMER);
	evtchn_send_virq(te_d[1]->vcpus[0], VIRQ_CONSOLE);
	evtchn_send_virq(te_d[1]->vcpus[0], NR_VIRQS);
	CU_ASSERT_EQUAL(fake_poll_wakes, 0);
	evtchn_send_virq(te_d[1]->vcpus[1], VIRQ_TIMER);
	CU_ASSERT_TRUE(te_pending(te_d[1], t1));
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 1);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, te_d[1]->vcpus[1]);
	/* Global: to vCPU 0, then wherever bind_vcpu sent it. */
	evtchn_send_global_virq(te_d[2], VIRQ_CONSOLE);                /* not bound there */
	evtchn_send_global_virq(te_d[1], VIRQ_TIMER);                  /* not global */
	evtchn_send_global_virq(NULL, VIRQ_CONSOLE);
	CU_ASSERT_EQUAL(fake_poll_wakes, 1);
	evtchn_send_global_virq(te_d[1], VIRQ_CONSOLE);
	CU_ASSERT_TRUE(te_pending(te_d[1], con));
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 0), 1);
	te_ack(te_d[1], 0, con);
	te_ack(te_d[1], 1, t1);
	CU_ASSERT_EQUAL(bind_vcpu(te_d[1], con, 1), 0);
	evtchn_send_global_virq(te_d[1], VIRQ_CONSOLE);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 1), 1);
	CU_ASSERT_EQUAL(te_upcall(te_d[1], 0), 0);
	te_teardown();
}

static void test_vcpu_info_moved(void)
{
	struct vcpu *v;
	struct vcpu_info fresh = { 0 };

	te_setup(TE_PORTS);
	v = te_d[1]->vcpus[1];
	v->vcpu_info = &fresh;
	evtchn_vcpu_info_moved(v);
	CU_ASSERT_EQUAL(fresh.evtchn_pending_sel, ~0ULL);
	CU_ASSERT_EQUAL(fresh.evtchn_upcall_pending, 1);
	CU_ASSERT_EQUAL(fake_evtchn_upcalls, 1);
	CU_ASSERT_PTR_EQUAL(fake_last_upcall, v);
	/* Delivery now goes to the new area. */
	fresh.evtchn_pending_sel = 0;
	send(te_d[1], te_ipi(te_d[1], 1));
	CU_ASSERT_EQUAL(fresh.evtchn_pending_sel, 1);
	CU_ASSERT_EQUAL(v->vcpu_info_dummy.evtchn_pending_sel, 0);
	v->vcpu_info = &v->vcpu_info_dummy;
	te_teardown();
}

UT_SUITE(evtchn_deliver_suite, "evtchn_deliver", te_suite_init, te_suite_clean,
	 UT_CASE(test_ipi_delivery), UT_CASE(test_ipi_to_other_vcpu),
	 UT_CASE(test_selector_and_upcall_once), UT_CASE(test_mask_and_unmask),
	 UT_CASE(test_unmask_misuse), UT_CASE(test_interdomain_send), UT_CASE(test_send_misuse),
	 UT_CASE(test_bind_vcpu_moves_delivery), UT_CASE(test_bind_vcpu_masked),
	 UT_CASE(test_bind_vcpu_misuse),
	 UT_CASE(test_virq_delivery), UT_CASE(test_vcpu_info_moved))
