// SPDX-License-Identifier: GPL-2.0-only
/* Scheduler: hard affinity, and work conservation (spreading, stealing, tickling). */
#include "harness.h"
#include "test_sched_sim.h"
#include <asm/fake.h>
#include <xen/errno.h>

static struct sim sim;

static void finish(void)
{
	CU_ASSERT(sim_finish(&sim));
}

/* Mixed masks on 4 pCPUs; the simulator checks every decision against them. */
static void test_affinity_respected(void)
{
	static const uint64_t masks[] = { 0x1, 0x6, 0x8, 0x9, 0xf, 0x4 };
	struct domain *d1, *d2;

	sim_init(&sim, 4);
	d1 = sim_domain(&sim, 3, 256, 0);
	d2 = sim_domain(&sim, 3, 512, 0);
	for (unsigned int i = 0; i < 6; i++)
		CU_ASSERT_EQUAL(sim_affinity(&sim, sim.vcpus[i].v, masks[i]), 0);
	sim_set_burst(&sim, d2->vcpus[1], MS(2), MS(3));
	sim_wake_domain(&sim, d1);
	sim_wake_domain(&sim, d2);
	sim_run(&sim, SEC(2));
	CU_ASSERT(sim.decisions > 1000);
	for (unsigned int i = 0; i < 6; i++)
		CU_ASSERT(sim.vcpus[i].ran_ns > MS(100));
	/* Every pCPU has work allowed on it all the time. */
	for (unsigned int c = 0; c < 4; c++)
		CU_ASSERT_EQUAL(sim.busy_ns[c], SEC(2));
	finish();
}

/* A queued vCPU whose pCPU is no longer allowed moves to an allowed one (idle: kicked). */
static void test_affinity_moves_queued(void)
{
	struct vcpu *queued;
	struct domain *d;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 2, 256, 0);
	sim_affinity(&sim, d->vcpus[0], 0x1);
	sim_affinity(&sim, d->vcpus[1], 0x1);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(1));
	queued = d->vcpus[0]->sched.queued ? d->vcpus[0] : d->vcpus[1];
	CU_ASSERT(queued->sched.queued && queued->sched.cpu == 0);
	CU_ASSERT_PTR_NULL(sched_current(1));
	CU_ASSERT_EQUAL(sched_set_affinity(queued, 0x2, sim.now), 0);
	CU_ASSERT_EQUAL(queued->sched.cpu, 1);
	CU_ASSERT_EQUAL(fake_kicks[1], sim.seen_kicks[1] + 1);
	sim.vcpus[queued == d->vcpus[0] ? 0 : 1].affinity = 0x2;
	sim_collect_kicks(&sim);
	sim_run(&sim, MS(2));
	CU_ASSERT_PTR_EQUAL(sched_current(1), queued);
	finish();
}

/* A running vCPU whose pCPU is no longer allowed: that pCPU is kicked and hands it over. */
static void test_affinity_moves_running(void)
{
	unsigned int kicks;
	struct vcpu *v;

	sim_init(&sim, 2);
	v = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	sim_affinity(&sim, v, 0x1);
	sim_wake(&sim, v);
	sim_run(&sim, MS(1));
	CU_ASSERT_PTR_EQUAL(sched_current(0), v);
	kicks = fake_kicks[0];
	CU_ASSERT_EQUAL(sim_affinity(&sim, v, 0x2), 0);
	CU_ASSERT_EQUAL(fake_kicks[0], kicks + 1);
	CU_ASSERT_EQUAL(sim.next[0], sim.now);
	sim_run(&sim, MS(1) + 1);
	CU_ASSERT_PTR_NULL(sched_current(0));
	CU_ASSERT_PTR_EQUAL(sched_current(1), v);
	CU_ASSERT_EQUAL(sim.busy_ns[0], MS(1));
	finish();
}

/* A sleeping vCPU keeps its new mask and runs within it when woken. */
static void test_affinity_while_asleep(void)
{
	struct vcpu *v;

	sim_init(&sim, 4);
	v = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	CU_ASSERT_EQUAL(sim_affinity(&sim, v, 0x4), 0);
	CU_ASSERT_EQUAL(v->sched.cpu, 2);
	sim_wake(&sim, v);
	CU_ASSERT_EQUAL(fake_kicks[2], 1);
	sim_run(&sim, MS(50));
	CU_ASSERT_EQUAL(sim.busy_ns[2], MS(50));
	finish();
}

static void test_affinity_invalid(void)
{
	struct vcpu *v;

	sim_init(&sim, 4);
	v = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	CU_ASSERT_EQUAL(v->sched.affinity, 0xf);
	CU_ASSERT_EQUAL(sched_set_affinity(v, 0, 0), -EINVAL);
	CU_ASSERT_EQUAL(sched_set_affinity(v, 0x10, 0), -EINVAL);
	CU_ASSERT_EQUAL(sched_set_affinity(v, 1ULL << 63, 0), -EINVAL);
	CU_ASSERT_EQUAL(v->sched.affinity, 0xf);
	/* pCPUs that do not exist are dropped from a mask that has some that do. */
	CU_ASSERT_EQUAL(sched_set_affinity(v, 0xf0 | 0x2, 0), 0);
	CU_ASSERT_EQUAL(v->sched.affinity, 0x2);
	sched_init(64);
	CU_ASSERT_EQUAL(sched_set_affinity(v, 1ULL << 63, 0), 0);
	CU_ASSERT_EQUAL(v->sched.affinity, 1ULL << 63);
	sched_init(4);
	finish();
}

/* Four vCPUs queued on pCPU 0 spread over all four pCPUs once allowed to. */
static void test_balance_spread(void)
{
	struct domain *d;

	sim_init(&sim, 4);
	d = sim_domain(&sim, 4, 256, 0);
	for (unsigned int i = 0; i < 4; i++)
		sim_affinity(&sim, d->vcpus[i], 0x1);
	sim_wake_domain(&sim, d);
	for (unsigned int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(d->vcpus[i]->sched.cpu, 0);
	CU_ASSERT_EQUAL(fake_kicks[1] + fake_kicks[2] + fake_kicks[3], 0);
	for (unsigned int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(sim_affinity(&sim, d->vcpus[i], 0xf), 0);
	sim_run(&sim, SEC(1));
	for (unsigned int c = 0; c < 4; c++)
		CU_ASSERT_EQUAL(sim.busy_ns[c], SEC(1));
	for (unsigned int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(sim_ran(&sim, d->vcpus[i]), SEC(1));
	finish();
}

/* An idle pCPU takes a vCPU queued on another pCPU. */
static void test_balance_idle_steals(void)
{
	struct vcpu *a, *b, *c;
	struct domain *d;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 3, 256, 0);
	a = d->vcpus[0];
	b = d->vcpus[1];
	c = d->vcpus[2];
	sim_affinity(&sim, a, 0x1);
	sim_affinity(&sim, b, 0x2);
	sim_affinity(&sim, c, 0x1);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(1));
	CU_ASSERT(c->sched.queued && c->sched.cpu == 0);
	/* Both pCPUs are busy: widening c's mask leaves it where it is. */
	CU_ASSERT_EQUAL(sim_affinity(&sim, c, 0x3), 0);
	CU_ASSERT(c->sched.queued && c->sched.cpu == 0);
	sim_sleep(&sim, b);
	sim_run(&sim, MS(1));
	CU_ASSERT_PTR_EQUAL(sched_current(1), c);
	CU_ASSERT_PTR_EQUAL(sched_current(0), a);
	finish();
}

/*
 * Work left queued while an allowed pCPU idles makes that pCPU reschedule:
 * pCPU 1 takes a at 5 ms, when pCPU 0 switches to c, not at the next period.
 */
static void test_balance_tickles_idle(void)
{
	struct vcpu *a, *b, *c;
	struct domain *d;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 3, 256, 0);
	a = d->vcpus[0];
	b = d->vcpus[1];
	c = d->vcpus[2];
	sim_affinity(&sim, b, 0x2);
	sim_affinity(&sim, c, 0x1);
	sim_wake(&sim, b);
	sim_wake(&sim, a);
	sim_wake(&sim, c);
	sim_run(&sim, MS(1));
	CU_ASSERT_PTR_EQUAL(sched_current(0), a);
	sim_sleep(&sim, b);
	sim_run(&sim, MS(10) - 1);
	CU_ASSERT_PTR_EQUAL(sched_current(0), c);
	CU_ASSERT_PTR_EQUAL(sched_current(1), a);
	CU_ASSERT_EQUAL(sim.busy_ns[1], MS(10) - 1 - MS(4));
	finish();
}

static uint32_t lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* Masks changing under load: after each change no pCPU runs a vCPU it may not. */
static void test_affinity_churn(void)
{
	uint32_t seed = 42;

	sim_init(&sim, 4);
	sim_domain(&sim, 3, 256, 0);
	sim_domain(&sim, 3, 768, 150);
	sim_set_burst(&sim, sim.vcpus[1].v, MS(3), MS(1));
	for (unsigned int i = 0; i < 6; i++)
		sim_wake(&sim, sim.vcpus[i].v);
	for (unsigned int step = 1; step <= 400; step++) {
		struct vcpu *v = sim.vcpus[lcg(&seed) % 6].v;
		uint64_t mask = lcg(&seed) % 15 + 1;

		CU_ASSERT_EQUAL(sim_affinity(&sim, v, mask), 0);
		sim_run(&sim, sim.now);
		for (unsigned int c = 0; c < 4; c++)
			if (sim.cur[c])
				CU_ASSERT(sim.cur[c]->sched.affinity & (1ULL << c));
		sim_run(&sim, sim.now + lcg(&seed) % MS(7));
	}
	finish();
}

UT_SUITE(sched_affinity_suite, "sched_affinity", NULL, NULL,
	 UT_CASE(test_affinity_respected),
	 UT_CASE(test_affinity_moves_queued),
	 UT_CASE(test_affinity_moves_running),
	 UT_CASE(test_affinity_while_asleep),
	 UT_CASE(test_affinity_invalid),
	 UT_CASE(test_balance_spread),
	 UT_CASE(test_balance_idle_steals),
	 UT_CASE(test_balance_tickles_idle),
	 UT_CASE(test_affinity_churn))
