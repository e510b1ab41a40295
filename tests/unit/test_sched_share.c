// SPDX-License-Identifier: GPL-2.0-only
/* Scheduler: proportional share by weight, on one pCPU and across pCPUs. */
#include "harness.h"
#include "test_sched_sim.h"
#include "../../xen/common/sched/private.h"

static struct sim sim;

static void finish(void)
{
	CU_ASSERT(sim_finish(&sim));
}

static uint64_t total_busy(void)
{
	uint64_t sum = 0;

	for (unsigned int c = 0; c < sim.nr_cpus; c++)
		sum += sim.busy_ns[c];
	return sum;
}

/* Weights 256:512, one vCPU each, both pinned to pCPU 0 of 2, spinning for 10 s. */
static void test_share_1_2_pinned(void)
{
	struct domain *a, *b;
	uint64_t ra, rb;

	sim_init(&sim, 2);
	a = sim_domain(&sim, 1, 256, 0);
	b = sim_domain(&sim, 1, 512, 0);
	CU_ASSERT_EQUAL(sim_affinity(&sim, a->vcpus[0], 1), 0);
	CU_ASSERT_EQUAL(sim_affinity(&sim, b->vcpus[0], 1), 0);
	sim_wake_domain(&sim, a);
	sim_wake_domain(&sim, b);
	sim_run(&sim, SEC(10));
	ra = sim_ran(&sim, a->vcpus[0]);
	rb = sim_ran(&sim, b->vcpus[0]);
	CU_ASSERT(sim_close(rb, 2 * ra, 1));
	CU_ASSERT(sim_close(ra + rb, SEC(10), 0));
	CU_ASSERT_EQUAL(sim.busy_ns[1], 0);
	finish();
}

/*
 * The same pair on pCPU 0 while other domains run elsewhere: a capped one
 * pinned to pCPU 1, a spinner on pCPUs 2-3. What runs elsewhere does not
 * change the 1:2 on pCPU 0.
 */
static void test_share_1_2_pinned_among_others(void)
{
	struct domain *a, *b, *capped, *other;
	uint64_t ra, rb;

	sim_init(&sim, 4);
	a = sim_domain(&sim, 1, 256, 0);
	b = sim_domain(&sim, 1, 512, 0);
	capped = sim_domain(&sim, 1, 256, 25);
	other = sim_domain(&sim, 3, 256, 0);
	sim_affinity(&sim, a->vcpus[0], 0x1);
	sim_affinity(&sim, b->vcpus[0], 0x1);
	sim_affinity(&sim, capped->vcpus[0], 0x2);
	for (unsigned int i = 0; i < 3; i++)
		sim_affinity(&sim, other->vcpus[i], 0xc);
	sim_wake_domain(&sim, a);
	sim_wake_domain(&sim, b);
	sim_wake_domain(&sim, capped);
	sim_wake_domain(&sim, other);
	sim_run(&sim, SEC(10));
	ra = sim_ran(&sim, a->vcpus[0]);
	rb = sim_ran(&sim, b->vcpus[0]);
	CU_ASSERT(sim_close(rb, 2 * ra, 1));
	CU_ASSERT(sim_close(ra + rb, SEC(10), 0));
	CU_ASSERT(sim_close(sim_dom_ran(&sim, capped), SEC(10) / 4, 1));
	CU_ASSERT(sim_close(sim_dom_ran(&sim, other), SEC(20), 0));
	finish();
}

/*
 * A domain with vCPUs in two groups of pCPUs: its vCPU pinned to pCPU 0
 * competes there with equal weight as half the domain (1:2 against a
 * one-vCPU domain); its vCPU alone on pCPU 1 gets all of it.
 */
static void test_share_domain_across_groups(void)
{
	struct domain *split, *single;

	sim_init(&sim, 2);
	split = sim_domain(&sim, 2, 256, 0);
	single = sim_domain(&sim, 1, 256, 0);
	sim_affinity(&sim, split->vcpus[0], 0x1);
	sim_affinity(&sim, split->vcpus[1], 0x2);
	sim_affinity(&sim, single->vcpus[0], 0x1);
	sim_wake_domain(&sim, split);
	sim_wake_domain(&sim, single);
	sim_run(&sim, SEC(10));
	CU_ASSERT(sim_close(sim_ran(&sim, single->vcpus[0]),
			    2 * sim_ran(&sim, split->vcpus[0]), 1));
	CU_ASSERT_EQUAL(sim_ran(&sim, split->vcpus[1]), SEC(10));
	finish();
}

/* Per-domain shares of nr domains over 4 pCPUs within tol percent of want[] (per mille). */
static void check_shares(struct domain **d, const unsigned int *want_pm, unsigned int nr,
			 unsigned int tol)
{
	uint64_t total = total_busy();

	CU_ASSERT(sim_close(total, SEC(10) * sim.nr_cpus, 0));
	for (unsigned int i = 0; i < nr; i++)
		CU_ASSERT(sim_close(sim_dom_ran(&sim, d[i]), total * want_pm[i] / 1000, tol));
}

/* Every vCPU of d got the same within tol percent. */
static void check_even(const struct domain *d, unsigned int tol)
{
	uint64_t each = sim_dom_ran(&sim, d) / d->nr_vcpus;

	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		CU_ASSERT(sim_close(sim_ran(&sim, d->vcpus[i]), each, tol));
}

static void run_weights(const uint16_t *w, const unsigned int *nr_vcpus,
			const unsigned int *want_pm, unsigned int nr)
{
	struct domain *d[4];

	sim_init(&sim, 4);
	for (unsigned int i = 0; i < nr; i++)
		d[i] = sim_domain(&sim, nr_vcpus[i], w[i], 0);
	for (unsigned int i = 0; i < nr; i++)
		sim_wake_domain(&sim, d[i]);
	sim_run(&sim, SEC(10));
	check_shares(d, want_pm, nr, 1);
	for (unsigned int i = 0; i < nr; i++)
		check_even(d[i], 1);
	finish();
}

static void test_share_1_1_many(void)
{
	static const uint16_t w[] = { 256, 256 };
	static const unsigned int n[] = { 4, 4 }, want[] = { 500, 500 };

	run_weights(w, n, want, 2);
}

static void test_share_1_4_many(void)
{
	static const uint16_t w[] = { 256, 1024 };
	static const unsigned int n[] = { 4, 4 }, want[] = { 200, 800 };

	run_weights(w, n, want, 2);
}

/* 1:2:3 with 2, 3 and 4 vCPUs: 0.67, 1.33 and 2 pCPUs of 4. */
static void test_share_three_domains(void)
{
	static const uint16_t w[] = { 256, 512, 768 };
	static const unsigned int n[] = { 2, 3, 4 }, want[] = { 167, 333, 500 };

	run_weights(w, n, want, 3);
}

/* Odd vCPU counts: 5 and 3 vCPUs at 1:1 on 4 pCPUs still split 50:50. */
static void test_share_uneven_vcpus(void)
{
	static const uint16_t w[] = { 300, 300 };
	static const unsigned int n[] = { 5, 3 }, want[] = { 500, 500 };

	run_weights(w, n, want, 2);
}

/*
 * A heavy domain that cannot use its share (1 vCPU, weight 4x) gets one full
 * pCPU; the rest goes to the light one: 1:3 instead of 4:1.
 */
static void test_share_water_filling(void)
{
	static const uint16_t w[] = { 1024, 256 };
	static const unsigned int n[] = { 1, 4 }, want[] = { 250, 750 };

	run_weights(w, n, want, 2);
}

/*
 * What the heavy one cannot use goes to the others by their weights: 1 pCPU,
 * then 1:2 of the remaining 3.
 */
static void test_share_water_filling_three(void)
{
	static const uint16_t w[] = { 1024, 256, 512 };
	static const unsigned int n[] = { 1, 4, 4 }, want[] = { 250, 250, 500 };

	run_weights(w, n, want, 3);
}

/*
 * The credit one accounting point hands out, before anyone burns any: what a
 * domain cannot use (one vCPU, or its cap) goes to the others by weight, and
 * each domain's share is split evenly over its vCPUs.
 */
static void test_share_credit_distribution(void)
{
	struct domain *heavy, *b, *c, *capped, *e;

	sim_init(&sim, 4);
	heavy = sim_domain(&sim, 1, 1024, 0);
	b = sim_domain(&sim, 4, 256, 0);
	c = sim_domain(&sim, 4, 512, 0);
	sim_wake_domain(&sim, heavy);
	sim_wake_domain(&sim, b);
	sim_wake_domain(&sim, c);
	sched_schedule(0, 0);
	CU_ASSERT_EQUAL(heavy->vcpus[0]->sched.credit, MS(10));
	for (unsigned int i = 0; i < 4; i++) {
		CU_ASSERT_EQUAL(b->vcpus[i]->sched.credit, MS(10) / 4);
		CU_ASSERT_EQUAL(c->vcpus[i]->sched.credit, MS(20) / 4);
	}
	sim_free(&sim);

	sim_init(&sim, 1);
	capped = sim_domain(&sim, 1, 1024, 25);
	e = sim_domain(&sim, 2, 256, 0);
	sim_wake_domain(&sim, capped);
	sim_wake_domain(&sim, e);
	sched_schedule(0, 0);
	CU_ASSERT_EQUAL(capped->vcpus[0]->sched.credit, MS(10) / 4);
	CU_ASSERT_EQUAL(e->vcpus[0]->sched.credit, MS(30) / 4 / 2);
	CU_ASSERT_EQUAL(e->vcpus[1]->sched.credit, MS(30) / 4 / 2);
	sim_free(&sim);

	/* A capped domain split over two pinned groups: half its budget in each. */
	sim_init(&sim, 2);
	capped = sim_domain(&sim, 2, 256, 50);
	b = sim_domain(&sim, 1, 256, 0);
	c = sim_domain(&sim, 1, 256, 0);
	sim_affinity(&sim, capped->vcpus[0], 0x1);
	sim_affinity(&sim, capped->vcpus[1], 0x2);
	sim_affinity(&sim, b->vcpus[0], 0x1);
	sim_affinity(&sim, c->vcpus[0], 0x2);
	sim_wake_domain(&sim, capped);
	sim_wake_domain(&sim, b);
	sim_wake_domain(&sim, c);
	sched_schedule(0, 0);
	CU_ASSERT_EQUAL(capped->vcpus[0]->sched.credit, MS(5) / 2);
	CU_ASSERT_EQUAL(capped->vcpus[1]->sched.credit, MS(5) / 2);
	CU_ASSERT_EQUAL(b->vcpus[0]->sched.credit, MS(10) - MS(5) / 2);
	CU_ASSERT_EQUAL(c->vcpus[0]->sched.credit, MS(10) - MS(5) / 2);
	sim_free(&sim);
}

/*
 * An I/O-bound vCPU (1 ms of CPU, then 4 ms blocked) next to a spinner on one
 * pCPU at equal weight wants 20%, below its fair half: it gets nearly all of
 * it, and the spinner the rest.
 */
static void test_share_io_bound(void)
{
	struct domain *io, *spin;

	sim_init(&sim, 1);
	io = sim_domain(&sim, 1, 256, 0);
	spin = sim_domain(&sim, 1, 256, 0);
	sim_set_burst(&sim, io->vcpus[0], MS(1), MS(4));
	sim_wake_domain(&sim, io);
	sim_wake_domain(&sim, spin);
	sim_run(&sim, SEC(5));
	CU_ASSERT(sim_ran(&sim, io->vcpus[0]) >= SEC(5) * 18 / 100);
	CU_ASSERT(sim_close(total_busy(), SEC(5), 0));
	finish();
}

/* Weight changes take effect: 1:1, then 1:3 for the second half. */
static void test_share_weight_change(void)
{
	struct sched_params p = { .weight = 768, .cap = 0 };
	struct domain *a, *b;
	uint64_t ra, rb;

	sim_init(&sim, 1);
	a = sim_domain(&sim, 1, 256, 0);
	b = sim_domain(&sim, 1, 256, 0);
	sim_wake_domain(&sim, a);
	sim_wake_domain(&sim, b);
	sim_run(&sim, SEC(2));
	CU_ASSERT(sim_close(sim_ran(&sim, a->vcpus[0]), sim_ran(&sim, b->vcpus[0]), 2));
	ra = sim_ran(&sim, a->vcpus[0]);
	rb = sim_ran(&sim, b->vcpus[0]);
	CU_ASSERT_EQUAL(sched_set_params(b, &p), 0);
	sim_run(&sim, SEC(4));
	ra = sim_ran(&sim, a->vcpus[0]) - ra;
	rb = sim_ran(&sim, b->vcpus[0]) - rb;
	CU_ASSERT(sim_close(rb, 3 * ra, 3));
	finish();
}

UT_SUITE(sched_share_suite, "sched_share", NULL, NULL,
	 UT_CASE(test_share_1_2_pinned),
	 UT_CASE(test_share_1_2_pinned_among_others),
	 UT_CASE(test_share_domain_across_groups),
	 UT_CASE(test_share_1_1_many),
	 UT_CASE(test_share_1_4_many),
	 UT_CASE(test_share_three_domains),
	 UT_CASE(test_share_uneven_vcpus),
	 UT_CASE(test_share_water_filling),
	 UT_CASE(test_share_water_filling_three),
	 UT_CASE(test_share_credit_distribution),
	 UT_CASE(test_share_io_bound),
	 UT_CASE(test_share_weight_change))
