// SPDX-License-Identifier: GPL-2.0-only
/* Scheduler: wake, sleep, yield, kicks, run-time accounting, parameters, destroy, dump. */
#include "harness.h"
#include "test_sched_sim.h"
#include <asm/fake.h>
#include <string.h>
#include <xen/console.h>
#include <xen/errno.h>
#include "../../xen/common/sched/private.h"

static struct sim sim;

static void finish(void)
{
	CU_ASSERT(sim_finish(&sim));
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
}

static unsigned int all_kicks(void)
{
	unsigned int n = 0;

	for (unsigned int c = 0; c < FAKE_MAX_CPUS; c++)
		n += fake_kicks[c];
	return n;
}

static void test_init_state(void)
{
	struct vcpu *v;

	sim_init(&sim, 3);
	CU_ASSERT_EQUAL(sched_nr_cpus(), 3);
	v = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	CU_ASSERT(!v->sched.runnable && !v->sched.running && !v->sched.queued);
	CU_ASSERT_EQUAL(v->sched.affinity, 0x7);
	CU_ASSERT_EQUAL(sched_runtime_ns(v, SEC(1)), 0);
	for (unsigned int c = 0; c < 3; c++) {
		struct sched_decision d = sched_schedule(c, 0);

		CU_ASSERT_PTR_NULL(d.next);
		CU_ASSERT_EQUAL(d.slice_ns, SCHED_PERIOD_NS);
		CU_ASSERT_PTR_NULL(sched_current(c));
	}
	CU_ASSERT_PTR_NULL(sched_current(3));
	CU_ASSERT_EQUAL(all_kicks(), 0);
	finish();
}

/* A vCPU never woken never runs, even on an otherwise idle machine; woken, it does. */
static void test_blocked_never_picked(void)
{
	struct domain *d;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 2, 256, 0);
	sim_wake(&sim, d->vcpus[0]);
	sim_run(&sim, MS(100));
	CU_ASSERT_EQUAL(sim_ran(&sim, d->vcpus[1]), 0);
	CU_ASSERT_EQUAL(sim_ran(&sim, d->vcpus[0]), MS(100));
	sim_wake(&sim, d->vcpus[1]);
	sim_run(&sim, MS(200));
	CU_ASSERT_EQUAL(sim_ran(&sim, d->vcpus[1]), MS(100));
	finish();
}

/* Waking onto an idle machine kicks exactly one idle pCPU, which then runs the vCPU. */
static void test_wake_idle_kicks(void)
{
	struct sched_decision dec;
	struct vcpu *v;

	sim_init(&sim, 4);
	v = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	sim_run(&sim, MS(1));
	CU_ASSERT_EQUAL(all_kicks(), 0);
	sched_wake(v, sim.now);
	CU_ASSERT_EQUAL(all_kicks(), 1);
	CU_ASSERT_EQUAL(fake_kicks[v->sched.cpu], 1);
	dec = sched_schedule(v->sched.cpu, sim.now);
	CU_ASSERT_PTR_EQUAL(dec.next, v);
	CU_ASSERT(v->sched.running);
	/* Waking a runnable vCPU again changes nothing. */
	sched_wake(v, sim.now);
	CU_ASSERT_EQUAL(all_kicks(), 1);
	sched_sleep(v, sim.now);
	sched_schedule(v->sched.cpu, sim.now);
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sim_free(&sim);
}

/* Two wakes onto an idle machine go to two idle pCPUs, though both last ran on pCPU 0. */
static void test_wake_spreads_over_idle(void)
{
	struct vcpu *a, *b;

	sim_init(&sim, 2);
	a = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	b = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	CU_ASSERT(a->sched.cpu == 0 && b->sched.cpu == 0);
	sim_wake(&sim, a);
	sim_wake(&sim, b);
	CU_ASSERT_EQUAL(a->sched.cpu, 0);
	CU_ASSERT_EQUAL(b->sched.cpu, 1);
	CU_ASSERT_EQUAL(fake_kicks[0], 1);
	CU_ASSERT_EQUAL(fake_kicks[1], 1);
	sim_run(&sim, MS(10));
	CU_ASSERT_EQUAL(sim.busy_ns[0] + sim.busy_ns[1], MS(20));
	finish();
}

/* Slices: 5 ms, cut at the next accounting point; idle pCPUs wait for that point. */
static void test_slice_lengths(void)
{
	struct sched_decision dec;
	struct domain *d, *capped;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 1, 256, 0);
	capped = sim_domain(&sim, 1, 256, 20);
	sched_set_affinity(d->vcpus[0], 0x1, 0);
	sched_set_affinity(capped->vcpus[0], 0x2, 0);
	sched_wake(d->vcpus[0], 0);
	dec = sched_schedule(0, 0);
	CU_ASSERT_PTR_EQUAL(dec.next, d->vcpus[0]);
	CU_ASSERT_EQUAL(dec.slice_ns, SCHED_SLICE_NS);
	dec = sched_schedule(0, MS(7));
	CU_ASSERT_EQUAL(dec.slice_ns, MS(3));
	dec = sched_schedule(1, MS(8));
	CU_ASSERT_PTR_NULL(dec.next);
	CU_ASSERT_EQUAL(dec.slice_ns, MS(2));
	/* A capped domain's slice ends with its budget: 20% of 10 ms. */
	sched_wake(capped->vcpus[0], MS(10));
	dec = sched_schedule(1, MS(10));
	CU_ASSERT_PTR_EQUAL(dec.next, capped->vcpus[0]);
	CU_ASSERT_EQUAL(dec.slice_ns, MS(2));
	dec = sched_schedule(1, MS(11));
	CU_ASSERT_EQUAL(dec.slice_ns, MS(1));
	dec = sched_schedule(1, MS(12));
	CU_ASSERT_PTR_NULL(dec.next);
	CU_ASSERT_EQUAL(dec.slice_ns, MS(8));
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sched_sleep(d->vcpus[0], MS(12));
	sched_sleep(capped->vcpus[0], MS(12));
	sched_schedule(0, MS(12));
	sim_free(&sim);
}

/* On a busy pCPU a waking vCPU preempts only if it has more credit than what runs. */
static void test_wake_preempts_on_credit(void)
{
	struct vcpu *run, *rich, *poor;
	struct domain *d;

	sim_init(&sim, 1);
	d = sim_domain(&sim, 3, 256, 0);
	run = d->vcpus[0];
	rich = d->vcpus[1];
	poor = d->vcpus[2];
	sim_wake(&sim, run);
	sim_run(&sim, MS(1));
	CU_ASSERT_PTR_EQUAL(sched_current(0), run);
	run->sched.credit = -MS(2);
	poor->sched.credit = -MS(3);
	rich->sched.credit = -MS(1);
	fake_hooks_reset();
	sim.seen_kicks[0] = 0;
	sim_wake(&sim, poor);
	CU_ASSERT_EQUAL(fake_kicks[0], 0);
	CU_ASSERT(poor->sched.queued);
	sim_wake(&sim, rich);
	CU_ASSERT_EQUAL(fake_kicks[0], 1);
	sim_run(&sim, MS(1));
	CU_ASSERT_PTR_EQUAL(sched_current(0), rich);
	finish();
}

/* Sleeping a running vCPU kicks its pCPU, whose next decision does not return it. */
static void test_sleep_running_kicks(void)
{
	struct domain *d;
	struct vcpu *v;
	unsigned int cpu, kicks;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 1, 256, 0);
	v = d->vcpus[0];
	sim_wake(&sim, v);
	sim_run(&sim, MS(3));
	cpu = v->sched.cpu;
	CU_ASSERT_PTR_EQUAL(sched_current(cpu), v);
	kicks = fake_kicks[cpu];
	sched_sleep(v, sim.now);
	CU_ASSERT_EQUAL(fake_kicks[cpu], kicks + 1);
	CU_ASSERT_PTR_NULL(sched_schedule(cpu, sim.now).next);
	CU_ASSERT(!v->sched.running && !v->sched.queued);
	/* Sleeping a sleeping or queued vCPU kicks nobody. */
	sched_sleep(v, sim.now);
	CU_ASSERT_EQUAL(fake_kicks[cpu], kicks + 1);
	CU_ASSERT_EQUAL(sched_runtime_ns(v, sim.now), MS(3));
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sim_free(&sim);
}

/* Woken again before its pCPU acted on the sleep: it keeps running, queued nowhere. */
static void test_wake_while_sleep_pending(void)
{
	struct vcpu *v;
	unsigned int cpu;

	sim_init(&sim, 2);
	v = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	sim_wake(&sim, v);
	sim_run(&sim, MS(1));
	cpu = v->sched.cpu;
	sched_sleep(v, sim.now);
	sched_wake(v, sim.now);
	CU_ASSERT(!v->sched.queued);
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	CU_ASSERT_PTR_EQUAL(sched_schedule(cpu, sim.now).next, v);
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sim_free(&sim);
}

/* A yield kicks the pCPU, which runs another vCPU even one with less credit. */
static void test_yield_runs_other(void)
{
	struct vcpu *a, *b;
	unsigned int kicks;
	struct domain *d;

	sim_init(&sim, 1);
	d = sim_domain(&sim, 2, 256, 0);
	a = d->vcpus[0];
	b = d->vcpus[1];
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(1));
	CU_ASSERT_PTR_EQUAL(sched_current(0), a);
	b->sched.credit = a->sched.credit - MS(3);
	kicks = fake_kicks[0];
	sim_yield(&sim, a);
	CU_ASSERT_EQUAL(fake_kicks[0], kicks + 1);
	sim_run(&sim, MS(1));
	CU_ASSERT_PTR_EQUAL(sched_current(0), b);
	/* The yield is spent: at b's slice end the richer a runs again. */
	sim_run(&sim, MS(6));
	CU_ASSERT_PTR_EQUAL(sched_current(0), a);
	finish();
}

/* Yielding with nobody else to run keeps the vCPU running; a queued vCPU's yield is a no-op. */
static void test_yield_alone(void)
{
	struct vcpu *v;

	sim_init(&sim, 2);
	v = sim_domain(&sim, 1, 256, 0)->vcpus[0];
	sim_yield(&sim, v);
	CU_ASSERT_EQUAL(all_kicks(), 0);
	sim_wake(&sim, v);
	sim_run(&sim, MS(2));
	sim_yield(&sim, v);
	sim_run(&sim, MS(4));
	CU_ASSERT_EQUAL(sim_ran(&sim, v), MS(4));
	finish();
}

static uint32_t lcg(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/*
 * Random wakes, sleeps, yields and bursts on 3 pCPUs for 3 s: no vCPU on two
 * pCPUs, none blocked picked (the simulator checks every decision), and the
 * scheduler's run time of every vCPU equals the simulator's, mid-slice too.
 */
static void test_stress_runtime_matches(void)
{
	uint32_t seed = 7;

	sim_init(&sim, 3);
	sim_domain(&sim, 3, 256, 0);
	sim_domain(&sim, 2, 1024, 70);
	sim_domain(&sim, 3, 512, 0);
	for (unsigned int i = 0; i < sim.nr_vcpus; i++) {
		if (i % 3 == 1)
			sim_set_burst(&sim, sim.vcpus[i].v, 100000 * (i + 1), 50000 * (i + 2));
		sim_wake(&sim, sim.vcpus[i].v);
	}
	while (sim.now < SEC(3)) {
		struct sim_vcpu *sv = &sim.vcpus[lcg(&seed) % sim.nr_vcpus];

		sim_run(&sim, sim.now + lcg(&seed) % MS(3));
		switch (lcg(&seed) % 4) {
		case 0:
			sim_sleep(&sim, sv->v);
			break;
		case 1:
			sim_wake(&sim, sv->v);
			break;
		case 2:
			sim_yield(&sim, sv->v);
			break;
		default:
			break;
		}
		for (unsigned int i = 0; i < sim.nr_vcpus; i++)
			CU_ASSERT_EQUAL(sched_runtime_ns(sim.vcpus[i].v, sim.now),
					sim.vcpus[i].ran_ns);
	}
	CU_ASSERT(sim.decisions > 1000);
	finish();
}

static void test_params(void)
{
	struct sched_params p;
	struct domain *d;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 1, SCHED_DEFAULT_WEIGHT, 0);
	sched_get_params(d, &p);
	CU_ASSERT_EQUAL(p.weight, SCHED_DEFAULT_WEIGHT);
	CU_ASSERT_EQUAL(p.cap, 0);
	p = (struct sched_params){ .weight = 0, .cap = 0 };
	CU_ASSERT_EQUAL(sched_set_params(d, &p), -EINVAL);
	p = (struct sched_params){ .weight = 100, .cap = SCHED_MAX_CAP + 1 };
	CU_ASSERT_EQUAL(sched_set_params(d, &p), -EINVAL);
	p = (struct sched_params){ .weight = 100, .cap = UINT16_MAX };
	CU_ASSERT_EQUAL(sched_set_params(d, &p), -EINVAL);
	sched_get_params(d, &p);
	CU_ASSERT_EQUAL(p.weight, SCHED_DEFAULT_WEIGHT);
	CU_ASSERT_EQUAL(p.cap, 0);
	p = (struct sched_params){ .weight = SCHED_MAX_WEIGHT, .cap = SCHED_MAX_CAP };
	CU_ASSERT_EQUAL(sched_set_params(d, &p), 0);
	p = (struct sched_params){ 0 };
	sched_get_params(d, &p);
	CU_ASSERT_EQUAL(p.weight, SCHED_MAX_WEIGHT);
	CU_ASSERT_EQUAL(p.cap, SCHED_MAX_CAP);
	p = (struct sched_params){ .weight = SCHED_MIN_WEIGHT, .cap = 1 };
	CU_ASSERT_EQUAL(sched_set_params(d, &p), 0);
	sched_get_params(d, &p);
	CU_ASSERT_EQUAL(p.weight, SCHED_MIN_WEIGHT);
	CU_ASSERT_EQUAL(p.cap, 1);
	finish();
}

/*
 * Extreme weights, 1 against 65535 on one pCPU: the light one is owed 1/65536,
 * about 6 ms in 400 s. It waits long (the heavy one starts a period of credit
 * ahead) but is not starved for good.
 */
static void test_extreme_weights(void)
{
	struct domain *light, *heavy;

	sim_init(&sim, 1);
	sim.check_invariants = false;
	light = sim_domain(&sim, 1, SCHED_MIN_WEIGHT, 0);
	heavy = sim_domain(&sim, 1, SCHED_MAX_WEIGHT, 0);
	sim_wake_domain(&sim, light);
	sim_wake_domain(&sim, heavy);
	sim_run(&sim, SEC(400));
	CU_ASSERT(sim_dom_ran(&sim, light) > 0);
	CU_ASSERT(sim_dom_ran(&sim, light) <= MS(20));
	CU_ASSERT_EQUAL(sim_dom_ran(&sim, light) + sim_dom_ran(&sim, heavy), SEC(400));
	finish();
}

/* Destroying blocked vCPUs, queued neighbours around, leaves every queue consistent. */
static void test_destroy_blocked(void)
{
	struct vcpu *gone[2];
	struct domain *d;
	unsigned int n = 0;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 5, 256, 0);
	for (unsigned int i = 0; i < 5; i++)
		sim_affinity(&sim, d->vcpus[i], 0x1);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(7));
	CU_ASSERT_EQUAL(sched_state.pcpu[0].nr_queued, 4);
	/* The first two queued: the head of the queue and one from its middle. */
	for (unsigned int i = 0; i < 5 && n < 2; i++)
		if (d->vcpus[i]->sched.queued)
			gone[n++] = d->vcpus[i];
	for (unsigned int i = 0; i < 2; i++) {
		sim_sleep(&sim, gone[i]);
		sched_vcpu_destroy(gone[i]);
		CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	}
	CU_ASSERT_EQUAL(sched_state.pcpu[0].nr_queued, 2);
	sim_run(&sim, MS(100));
	CU_ASSERT_EQUAL(sim.busy_ns[0], MS(100));
	CU_ASSERT_EQUAL(sim.busy_ns[1], 0);
	finish();
}

/* Against the contract, destroying a queued or running vCPU still leaves no pointer to it. */
static void test_destroy_runnable(void)
{
	struct vcpu *running, *queued;
	struct domain *d;

	sim_init(&sim, 1);
	d = sim_domain(&sim, 3, 256, 0);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(1));
	running = sim.cur[0];
	queued = running == d->vcpus[0] ? d->vcpus[1] : d->vcpus[0];
	CU_ASSERT(queued->sched.queued);
	sched_vcpu_destroy(queued);
	CU_ASSERT(!queued->sched.queued && !queued->sched.runnable);
	CU_ASSERT_EQUAL(sched_state.pcpu[0].nr_queued, 1);
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sched_vcpu_destroy(running);
	CU_ASSERT_PTR_NULL(sched_current(0));
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sim.vcpus[running->id].runnable = false;
	sim.vcpus[queued->id].runnable = false;
	sim_collect_kicks(&sim);
	sim_run(&sim, MS(2));
	CU_ASSERT_PTR_NOT_NULL(sched_current(0));
	CU_ASSERT(sched_current(0) != running && sched_current(0) != queued);
	sim_free(&sim);
	CU_ASSERT_EQUAL(sim.violations, 0);
}

/* Destroying a vCPU that was never woken, or destroying twice, is harmless. */
static void test_destroy_never_woken(void)
{
	struct domain *d;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 2, 256, 0);
	sim_wake(&sim, d->vcpus[0]);
	sim_run(&sim, MS(5));
	sched_vcpu_destroy(d->vcpus[1]);
	sched_vcpu_destroy(d->vcpus[1]);
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	sim_run(&sim, MS(20));
	CU_ASSERT_EQUAL(sim_ran(&sim, d->vcpus[0]), MS(20));
	finish();
}

/* The consistency check itself notices broken queues. */
static void test_invariants_detect_damage(void)
{
	struct sched_unit *u;
	struct domain *d;

	sim_init(&sim, 1);
	d = sim_domain(&sim, 3, 256, 0);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(1));
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	u = sched_state.pcpu[0].rq.next;
	u->runnable = false;
	CU_ASSERT_EQUAL(sched_check_invariants(), -EINVAL);
	u->runnable = true;
	sched_state.pcpu[0].nr_queued++;
	CU_ASSERT_EQUAL(sched_check_invariants(), -EINVAL);
	sched_state.pcpu[0].nr_queued--;
	u->cpu = 1;
	CU_ASSERT_EQUAL(sched_check_invariants(), -EINVAL);
	u->cpu = 0;
	sched_state.pcpu[0].curr->running = false;
	CU_ASSERT_EQUAL(sched_check_invariants(), -EINVAL);
	sched_state.pcpu[0].curr->running = true;
	CU_ASSERT_EQUAL(sched_check_invariants(), 0);
	finish();
}

static void test_dump(void)
{
	static char ring[CONSOLE_RING_SIZE + 1];
	struct domain *d;
	size_t n;

	sim_init(&sim, 2);
	d = sim_domain(&sim, 3, 256, 0);
	sim_affinity(&sim, d->vcpus[2], 0x2);
	sim_wake_domain(&sim, d);
	sim_run(&sim, MS(1));
	sched_dump();
	n = console_ring_read(ring, CONSOLE_RING_SIZE);
	ring[n] = '\0';
	CU_ASSERT_PTR_NOT_NULL(strstr(ring, "sched: 2 pCPUs"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ring, "cpu1: 1 queued"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ring, "running d1 v0"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ring, "queued  d1 v2"));
	finish();
}

UT_SUITE(sched_core_suite, "sched_core", NULL, NULL,
	 UT_CASE(test_init_state),
	 UT_CASE(test_blocked_never_picked),
	 UT_CASE(test_wake_idle_kicks),
	 UT_CASE(test_wake_spreads_over_idle),
	 UT_CASE(test_slice_lengths),
	 UT_CASE(test_wake_preempts_on_credit),
	 UT_CASE(test_sleep_running_kicks),
	 UT_CASE(test_wake_while_sleep_pending),
	 UT_CASE(test_yield_runs_other),
	 UT_CASE(test_yield_alone),
	 UT_CASE(test_stress_runtime_matches),
	 UT_CASE(test_params),
	 UT_CASE(test_extreme_weights),
	 UT_CASE(test_destroy_blocked),
	 UT_CASE(test_destroy_runnable),
	 UT_CASE(test_destroy_never_woken),
	 UT_CASE(test_invariants_detect_damage),
	 UT_CASE(test_dump))
