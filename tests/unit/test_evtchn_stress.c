// SPDX-License-Identifier: GPL-2.0-only
/*
 * Event channels under concurrency: one thread makes, uses and closes
 * interdomain pairs from dom1's side, another sends on, moves and closes
 * dom2's ports (and raises a VIRQ, as an interrupt handler would), and a
 * third plays both guests' 2-level upcall handlers on the shared words.
 * Afterwards every pair must be consistent from both ends, no event may be
 * left pending without the guest having been told, and nothing may leak.
 * With the locking wrong this deadlocks, crashes under ASan or fails those
 * checks.
 */
#include <threads.h>     /* not pthread.h: its sched_yield clashes with xen/sched.h's */

#include "test_evtchn.h"

#define ITERATIONS   20000
#define TIMER_PORT   1        /* dom1's VIRQ_TIMER on vCPU 1, bound first */

static bool workers_done;
static unsigned int thread_errors;     /* CUnit asserts are for the main thread only */

static void check(bool ok)
{
	if (!ok)
		__atomic_fetch_add(&thread_errors, 1, __ATOMIC_RELAXED);
}

static long op(struct domain *d, unsigned int cmd, void *arg)
{
	return te_op(d, 0, cmd, arg);
}

static long close_port(struct domain *d, evtchn_port_t port)
{
	struct evtchn_close c = { .port = port };

	return op(d, EVTCHNOP_close, &c);
}

/* dom1 is full: it closes everything but its VIRQ. */
static void dom1_close_all(void)
{
	for (evtchn_port_t p = TIMER_PORT + 1; p < TE_PORTS; p++) {
		long rc = close_port(te_d[1], p);

		check(rc == 0 || rc == -EINVAL);
	}
}

static int pair_thread(void *arg)
{
	fake_cpu_id = 1;
	for (unsigned int i = 0; i < ITERATIONS; i++) {
		struct evtchn_alloc_unbound a = { .dom = DOMID_SELF, .remote_dom = 2 };
		struct evtchn_bind_interdomain b = { .remote_dom = 1 };
		long rc = op(te_d[1], EVTCHNOP_alloc_unbound, &a);

		if (rc == -ENOSPC) {
			dom1_close_all();
			continue;
		}
		check(rc == 0);
		b.remote_port = a.port;
		rc = op(te_d[2], EVTCHNOP_bind_interdomain, &b);
		check(rc == 0 || rc == -ENOSPC);
		check(evtchn_send(te_d[1], a.port) == 0);
		if (i % 2)
			check(close_port(te_d[1], a.port) == 0);
		if (i % 32 == 0)
			thrd_yield();
	}
	return 0;
}

static int dom2_thread(void *arg)
{
	fake_cpu_id = 2;
	for (unsigned int i = 0; i < ITERATIONS; i++) {
		evtchn_port_t p = 1 + (i * 7919U) % (TE_PORTS - 1);
		struct evtchn_bind_vcpu bv = { .port = p, .vcpu = i % TE_VCPUS };
		long rc = evtchn_send(te_d[2], p);

		check(rc == 0 || rc == -EINVAL);
		if (i % 3 == 0) {
			rc = close_port(te_d[2], p);
			check(rc == 0 || rc == -EINVAL);
		}
		if (i % 5 == 0) {
			rc = op(te_d[2], EVTCHNOP_bind_vcpu, &bv);
			check(rc == 0 || rc == -EINVAL);
		}
		evtchn_send_virq(te_d[1]->vcpus[1], VIRQ_TIMER);
		if (i % 32 == 0)
			thrd_yield();
	}
	return 0;
}

/* The guest's upcall handler on v (2-level, as Linux's): events taken. */
static unsigned int guest_upcall(struct domain *d, struct vcpu *v)
{
	struct vcpu_info *vi = v->vcpu_info;
	xen_ulong_t *pending = d->shared_info->evtchn_pending;
	unsigned int n = 0;

	while (__atomic_exchange_n(&vi->evtchn_upcall_pending, 0, __ATOMIC_SEQ_CST)) {
		xen_ulong_t sel = __atomic_exchange_n(&vi->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);

		for (unsigned int w = 0; w < EVTCHN_2L_WORDS; w++) {
			if (!(sel & 1ULL << w))
				continue;
			/* Nothing is masked here: take every pending bit of the word. */
			n += (unsigned int)__builtin_popcountll(
				__atomic_exchange_n(&pending[w], 0, __ATOMIC_SEQ_CST));
		}
	}
	return n;
}

static unsigned int guest_pass(void)
{
	unsigned int n = 0;

	for (unsigned int d = 1; d < TE_NR_DOMS; d++)
		for (unsigned int v = 0; v < TE_VCPUS; v++)
			n += guest_upcall(te_d[d], te_d[d]->vcpus[v]);
	return n;
}

static int guest_thread(void *arg)
{
	fake_cpu_id = 3;
	while (!__atomic_load_n(&workers_done, __ATOMIC_ACQUIRE)) {
		guest_pass();
		thrd_yield();
	}
	return 0;
}

/* Both ends of every pair agree. */
static void expect_pairs_consistent(void)
{
	struct evtchn_status st, peer;

	for (unsigned int d = 1; d < TE_NR_DOMS; d++)
		for (evtchn_port_t p = 1; p < TE_PORTS; p++) {
			if (te_status(te_d[d], p, &st) != EVTCHNSTAT_interdomain)
				continue;
			CU_ASSERT_EQUAL(te_status(te_d[st.u.interdomain.dom], st.u.interdomain.port,
						  &peer), EVTCHNSTAT_interdomain);
			CU_ASSERT_EQUAL(peer.u.interdomain.dom, d);
			CU_ASSERT_EQUAL(peer.u.interdomain.port, p);
		}
}

/* The guest was told about everything still pending: one last pass takes it all. */
static void expect_nothing_lost(void)
{
	guest_pass();
	for (unsigned int d = 1; d < TE_NR_DOMS; d++)
		for (unsigned int w = 0; w < EVTCHN_2L_WORDS; w++)
			CU_ASSERT_EQUAL(te_d[d]->shared_info->evtchn_pending[w], 0);
}

static void test_concurrent_pairs(void)
{
	thrd_t pt, dt, gt;

	te_setup(TE_PORTS);
	CU_ASSERT_EQUAL(te_virq(te_d[1], VIRQ_TIMER, 1), TIMER_PORT);
	CU_ASSERT_EQUAL_FATAL(thrd_create(&gt, guest_thread, NULL), thrd_success);
	CU_ASSERT_EQUAL_FATAL(thrd_create(&pt, pair_thread, NULL), thrd_success);
	CU_ASSERT_EQUAL_FATAL(thrd_create(&dt, dom2_thread, NULL), thrd_success);
	thrd_join(pt, NULL);
	thrd_join(dt, NULL);
	__atomic_store_n(&workers_done, true, __ATOMIC_RELEASE);
	thrd_join(gt, NULL);
	CU_ASSERT_EQUAL(thread_errors, 0);
	expect_pairs_consistent();
	expect_nothing_lost();
	CU_ASSERT(fake_evtchn_upcalls > 0);
	te_teardown();      /* checks that the tables gave back every byte */
}

UT_SUITE(evtchn_stress_suite, "evtchn_concurrency", te_suite_init, te_suite_clean,
	 UT_CASE(test_concurrent_pairs))
