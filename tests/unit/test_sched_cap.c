// SPDX-License-Identifier: GPL-2.0-only
/* Scheduler: caps (percent of one pCPU per period), even with idle pCPUs. */
#include "harness.h"
#include "test_sched_sim.h"
#include <asm/fake.h>
#include "../../xen/common/sched/private.h"

static struct sim sim;

static void finish(void)
{
	CU_ASSERT(sim_finish(&sim));
}

/* d alone on 4 pCPUs for 10 s: it gets cap% of one pCPU, within 1%, period after period. */
static void run_alone(unsigned int nr_vcpus, unsigned int cap)
{
	uint64_t per_period = MS(10) * cap / 100, last = 0, ran;
	struct domain *d;

	sim_init(&sim, 4);
	d = sim_domain(&sim, nr_vcpus, 256, (uint16_t)cap);
	sim_wake_domain(&sim, d);
	for (unsigned int p = 1; p <= 1000; p++) {
		sim_run(&sim, MS(10) * p);
		ran = sim_dom_ran(&sim, d);
		/* Parked once the budget is used, unparked at the next period. */
		CU_ASSERT(ran - last <= per_period + SCHED_CAP_MIN_SLICE_NS);
		CU_ASSERT(ran - last + SCHED_CAP_MIN_SLICE_NS >= per_period);
		last = ran;
	}
	CU_ASSERT(sim_close(sim_dom_ran(&sim, d), SEC(10) * cap / 100, 1));
	finish();
}

static void test_cap_25_alone(void)
{
	run_alone(1, 25);
}

static void test_cap_25_two_vcpus(void)
{
	run_alone(2, 25);
}

static void test_cap_150_two_vcpus(void)
{
	run_alone(2, 150);
}

static void test_cap_250_four_vcpus(void)
{
	run_alone(4, 250);
}

/* A cap above what the vCPUs can use changes nothing: 4 vCPUs keep 4 pCPUs busy. */
static void test_cap_above_need(void)
{
	struct domain *d;

	sim_init(&sim, 4);
	d = sim_domain(&sim, 4, 256, 800);
	sim_wake_domain(&sim, d);
	sim_run(&sim, SEC(1));
	CU_ASSERT(sim_close(sim_dom_ran(&sim, d), SEC(4), 0));
	finish();
}

/* Capped at 30% with 4x the weight of a competitor: 30:70 instead of 80:20. */
static void test_cap_with_competition(void)
{
	struct domain *capped, *other;

	sim_init(&sim, 1);
	capped = sim_domain(&sim, 1, 1024, 30);
	other = sim_domain(&sim, 1, 256, 0);
	sim_wake_domain(&sim, capped);
	sim_wake_domain(&sim, other);
	sim_run(&sim, SEC(5));
	CU_ASSERT(sim_close(sim_dom_ran(&sim, capped), SEC(5) * 30 / 100, 1));
	CU_ASSERT(sim_close(sim_dom_ran(&sim, other), SEC(5) * 70 / 100, 1));
	finish();
}

/* Blocking and waking often does not renew the budget within a period. */
static void test_cap_blocking_vcpus(void)
{
	struct domain *d;

	sim_init(&sim, 4);
	d = sim_domain(&sim, 2, 256, 25);
	sim_set_burst(&sim, d->vcpus[0], 300000, 200000);
	sim_set_burst(&sim, d->vcpus[1], 700000, 100000);
	sim_wake_domain(&sim, d);
	sim_run(&sim, SEC(5));
	CU_ASSERT(sim_dom_ran(&sim, d) <= SEC(5) * 25 / 100 + MS(1));
	CU_ASSERT(sim_dom_ran(&sim, d) >= SEC(5) * 24 / 100);
	finish();
}

/* Lifting the cap of a parked domain lets it run at once, on an idle pCPU that is kicked. */
static void test_cap_lifted(void)
{
	struct sched_params p = { .weight = 256, .cap = 0 };
	unsigned int kicks = 0;
	struct domain *d;
	uint64_t ran;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 1, 256, 10);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(5));
	CU_ASSERT(d->sched.parked);
	CU_ASSERT_EQUAL(sim_dom_ran(&sim, d), MS(1));
	for (unsigned int c = 0; c < 2; c++)
		kicks += fake_kicks[c];
	CU_ASSERT_EQUAL(sched_set_params(d, &p), 0);
	CU_ASSERT(!d->sched.parked);
	CU_ASSERT_EQUAL(fake_kicks[0] + fake_kicks[1], kicks + 1);
	sim_collect_kicks(&sim);
	ran = sim_dom_ran(&sim, d);
	sim_run(&sim, MS(1005));
	CU_ASSERT_EQUAL(sim_dom_ran(&sim, d) - ran, SEC(1));
	finish();
}

/*
 * Capping a running domain makes its pCPU decide at once: over budget, it is
 * parked, and the overshoot is paid back in the next period.
 */
static void test_cap_set_while_running(void)
{
	struct sched_params p = { .weight = 256, .cap = 20 };
	struct domain *d;
	unsigned int cpu;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 1, 256, 0);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(13));
	cpu = d->vcpus[0]->sched.cpu;
	CU_ASSERT_PTR_EQUAL(sched_current(cpu), d->vcpus[0]);
	CU_ASSERT_EQUAL(sched_set_params(d, &p), 0);
	CU_ASSERT_EQUAL(fake_kicks[cpu], sim.seen_kicks[cpu] + 1);
	sim_collect_kicks(&sim);
	/* 3 ms into the period: 1 ms over the 2 ms budget. */
	sim_run(&sim, MS(19));
	CU_ASSERT(d->sched.parked);
	CU_ASSERT_PTR_NULL(sched_current(cpu));
	CU_ASSERT_EQUAL(sim_dom_ran(&sim, d), MS(13));
	sim_run(&sim, MS(30));
	CU_ASSERT_EQUAL(sim_dom_ran(&sim, d), MS(14));
	sim_run(&sim, MS(40));
	CU_ASSERT_EQUAL(sim_dom_ran(&sim, d), MS(16));
	finish();
}

/* A slice overrun (a late timer) is paid back in later periods, up to a period of it. */
static void test_cap_overrun_debt(void)
{
	struct sched_decision dec;
	struct domain *d;
	struct vcpu *v;

	sim_init(&sim, 1);
	d = sim_domain(&sim, 1, 256, 20);
	v = d->vcpus[0];
	sched_wake(v, 0);
	dec = sched_schedule(0, 0);
	CU_ASSERT_PTR_EQUAL(dec.next, v);
	CU_ASSERT_EQUAL(dec.slice_ns, MS(2));
	/* The timer fires 5 ms late. */
	CU_ASSERT_PTR_NULL(sched_schedule(0, MS(7)).next);
	CU_ASSERT_PTR_NULL(sched_schedule(0, MS(10)).next);
	CU_ASSERT_PTR_NULL(sched_schedule(0, MS(20)).next);
	dec = sched_schedule(0, MS(30));
	CU_ASSERT_PTR_EQUAL(dec.next, v);
	CU_ASSERT_EQUAL(dec.slice_ns, MS(1));
	CU_ASSERT_PTR_NULL(sched_schedule(0, MS(31)).next);
	dec = sched_schedule(0, MS(40));
	CU_ASSERT_EQUAL(dec.slice_ns, MS(2));
	/* 20% of 42 ms, with the 2 ms slice in progress. */
	CU_ASSERT_EQUAL(sched_runtime_ns(v, MS(42)), MS(10));
	sched_sleep(v, MS(42));
	sched_schedule(0, MS(42));
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sim_free(&sim);
}

UT_SUITE(sched_cap_suite, "sched_cap", NULL, NULL,
	 UT_CASE(test_cap_25_alone),
	 UT_CASE(test_cap_25_two_vcpus),
	 UT_CASE(test_cap_150_two_vcpus),
	 UT_CASE(test_cap_250_four_vcpus),
	 UT_CASE(test_cap_above_need),
	 UT_CASE(test_cap_with_competition),
	 UT_CASE(test_cap_blocking_vcpus),
	 UT_CASE(test_cap_lifted),
	 UT_CASE(test_cap_set_while_running),
	 UT_CASE(test_cap_overrun_debt))
