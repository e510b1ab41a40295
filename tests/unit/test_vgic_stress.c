// SPDX-License-Identifier: GPL-2.0-only
/*
 * vGIC under concurrency: one thread plays the vCPUs (flush, the guest takes
 * and EOIs everything in its LRs, sync) while another injects SPIs, sends
 * SGIs and moves SPIs between the vCPUs through GICD_IROUTER. Afterwards everything
 * must have been delivered and the state must be clean; with the lock order
 * wrong or a list corrupted this deadlocks, crashes under ASan or leaves
 * interrupts behind.
 */
#include <threads.h>     /* not pthread.h: its sched_yield clashes with xen/sched.h's */

#include "test_vgic.h"

#define NR_SPIS      64
#define NR_VCPUS     2
#define INJECTORS    1       /* with the vCPU thread: as many threads as a small CI box has CPUs */
#define INJECTIONS   20000
#define MIN_ROUNDS   1000    /* vCPU rounds at least, however the threads get scheduled */

static struct domain *dom;
static unsigned int delivered[VGIC_NR_PRIVATE + NR_SPIS];
static unsigned int injected[VGIC_NR_PRIVATE + NR_SPIS];
static bool vcpus_started, injectors_done;
static unsigned int thread_errors;     /* CUnit asserts are for the main thread only */

/* The guest on vCPU v: takes and completes everything its LRs hold. */
static unsigned int guest_run(struct vcpu *v)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < v->vgic.nr_lr; i++) {
		uint64_t lr = v->vgic.lr[i];

		if (!(lr & ICH_LR_STATE_PENDING))
			continue;
		__atomic_fetch_add(&delivered[lr_intid(lr)], 1, __ATOMIC_RELAXED);
		v->vgic.lr[i] = lr & ~ICH_LR_STATE_MASK;
		n++;
	}
	return n;
}

/* Plays every vCPU in turn, as one pCPU would, until the injectors are done. */
static int vcpu_thread(void *arg)
{
	fake_cpu_id = 0;
	__atomic_store_n(&vcpus_started, true, __ATOMIC_RELEASE);
	for (unsigned int round = 0;
	     round < MIN_ROUNDS || !__atomic_load_n(&injectors_done, __ATOMIC_ACQUIRE); round++) {
		for (unsigned int i = 0; i < NR_VCPUS; i++) {
			vgic_flush_lrs(dom->vcpus[i]);
			guest_run(dom->vcpus[i]);
			vgic_sync_lrs(dom->vcpus[i]);
		}
		thrd_yield();
	}
	return 0;
}

static int injector_thread(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg, self = seed % NR_VCPUS;

	fake_cpu_id = 1 + seed;
	while (!__atomic_load_n(&vcpus_started, __ATOMIC_ACQUIRE))
		thrd_yield();
	for (unsigned int i = 0; i < INJECTIONS; i++) {
		uint32_t spi = 32 + (i * 7 + seed) % NR_SPIS;
		uint64_t route = vgic_vcpu_affinity((i / 3 + seed) % NR_VCPUS);

		__atomic_fetch_add(&injected[spi], 1, __ATOMIC_RELAXED);
		if (vgic_inject(dom, NULL, spi, true))
			__atomic_fetch_add(&thread_errors, 1, __ATOMIC_RELAXED);
		if (i % 5 == 0)
			vgic_mmio_dist(dom->vcpus[self], T_GICD_IROUTER + 8 * spi, 8, true, &route);
		if (i % 11 == 0) {
			__atomic_fetch_add(&injected[1 + seed], 1, __ATOMIC_RELAXED);
			vgic_sgi1r(dom->vcpus[self], (1UL + seed) << 24 | 0x3);
		}
		if (i % 32 == 0)
			thrd_yield();    /* interleave finely even on a single free CPU */
	}
	return 0;
}

/* Single-threaded at the end: until a pass over all vCPUs finds nothing. */
static void drain(void)
{
	unsigned int taken, passes = 0;

	do {
		taken = 0;
		for (unsigned int i = 0; i < NR_VCPUS; i++) {
			vgic_flush_lrs(dom->vcpus[i]);
			taken += guest_run(dom->vcpus[i]);
			vgic_sync_lrs(dom->vcpus[i]);
		}
	} while (taken && ++passes < NR_SPIS * 4);
	CU_ASSERT_EQUAL(taken, 0);           /* nothing re-pends itself forever */
	for (unsigned int i = 0; i < NR_VCPUS; i++)
		vgic_flush_lrs(dom->vcpus[i]);
}

static void expect_clean(void)
{
	for (unsigned int i = 0; i < NR_VCPUS; i++) {
		struct vcpu *v = dom->vcpus[i];

		CU_ASSERT_PTR_NULL(v->vgic.pending);
		CU_ASSERT_EQUAL(lr_count(v), 0);
		CU_ASSERT_EQUAL(v->vgic.hcr, ICH_HCR_EN);
		for (unsigned int n = 0; n < VGIC_NR_PRIVATE; n++)
			CU_ASSERT_FALSE(v->vgic.priv[n].pending_latch || v->vgic.priv[n].active ||
					v->vgic.priv[n].in_lr || v->vgic.priv[n].queued);
	}
	for (unsigned int n = 0; n < NR_SPIS; n++) {
		struct vgic_irq *irq = &dom->vgic.spis[n];

		CU_ASSERT_FALSE(irq->pending_latch || irq->active || irq->in_lr || irq->queued);
		/* It followed its last route, even if that changed while it was in an LR. */
		CU_ASSERT_EQUAL(vgic_vcpu_affinity(irq->target), irq->irouter);
	}
}

static void test_concurrent_inject_route_deliver(void)
{
	thrd_t vt, it[INJECTORS];

	dom = vt_domain(NR_VCPUS, NR_SPIS);
	vt_dist_enable(dom);
	for (uint32_t spi = 32; spi < 32 + NR_SPIS; spi++) {
		vt_spi_edge(dom, spi);
		vt_priority(dom, 0, spi, (uint8_t)(spi * 8));
		vt_enable(dom, 0, spi);
	}
	for (unsigned int i = 0; i < NR_VCPUS; i++)
		gicr_wr(dom, i, T_GICR_ISENABLER0, 4, 0xffff);
	CU_ASSERT_EQUAL_FATAL(thrd_create(&vt, vcpu_thread, NULL), thrd_success);
	for (unsigned int i = 0; i < INJECTORS; i++)
		CU_ASSERT_EQUAL_FATAL(thrd_create(&it[i], injector_thread, (void *)(uintptr_t)i),
				      thrd_success);
	for (unsigned int i = 0; i < INJECTORS; i++)
		thrd_join(it[i], NULL);
	__atomic_store_n(&injectors_done, true, __ATOMIC_RELEASE);
	thrd_join(vt, NULL);

	CU_ASSERT_EQUAL(thread_errors, 0);
	drain();
	expect_clean();
	for (unsigned int n = 0; n < ARRAY_SIZE(injected); n++) {
		/* Edges injected while pending merge: at least one, at most all. */
		CU_ASSERT(injected[n] == 0 || delivered[n] >= 1);
		CU_ASSERT(delivered[n] <= injected[n] * NR_VCPUS);
	}
	vt_free(dom);
}

UT_SUITE(vgic_stress_suite, "vgic_concurrency", NULL, NULL,
	 UT_CASE(test_concurrent_inject_route_deliver))
