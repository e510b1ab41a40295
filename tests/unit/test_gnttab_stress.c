// SPDX-License-Identifier: GPL-2.0-only
/*
 * Grant tables under concurrency: three threads at once, each its own "CPU".
 *   A: domain 2 maps and unmaps domain 1's grant, writing through the
 *      mapping; domain 0 copies from a grant of 1 to a grant of 2;
 *   B: the same with domains 1 and 2 swapped (the same two tables locked
 *      from the other side: a wrong lock order deadlocks here), and domain 2
 *      maps a grant that domain 1 keeps revoking;
 *   C: domain 1, as a guest does, revokes that grant with a compare-and-swap
 *      that must fail while domain 2 has it mapped, then grants it again.
 * Two lock-taking threads: more than the build host's CPUs makes ticket
 * spinlocks crawl.
 * At the end every entry is back to its flags and gt_end() finds no leak.
 */
#include <threads.h>     /* not pthread.h: its sched_yield clashes with xen/sched.h's */

#include "harness.h"
#include "test_gnttab.h"
#include <asm/fake.h>

#define ITERATIONS  5000
#define RAM         (UT_RAM_GFN + 3)
#define REF_MAP     1        /* d1 -> d2 and d2 -> d1 */
#define REF_COPY    2        /* d1 and d2 -> d0 */
#define REF_REVOKE  3        /* d1 -> d2, revoked and granted again */

static unsigned int errors;              /* CUnit asserts are for the main thread only */
static unsigned int revoke_mapped;       /* domain 2 holds a mapping of REF_REVOKE */
static unsigned int revokes;             /* successful revocations */
static struct grant_entry_v1 *revoke_entry;

static void check(bool ok)
{
	if (!ok)
		__atomic_fetch_add(&errors, 1, __ATOMIC_RELAXED);
}

static long op(struct domain *d, unsigned int cmd, void *arg)
{
	uint64_t a[HCALL_ARGS] = { cmd, (uint64_t)(uintptr_t)arg, 1 };

	return do_grant_table_op(d->vcpus[0], a);
}

/* Maps (dom, ref) at gfn: the handle, or ~0 if the status was not okay. */
static grant_handle_t map(struct domain *d, domid_t dom, grant_ref_t ref, uint64_t gfn)
{
	struct gnttab_map_grant_ref m = {
		.host_addr = gfn << PAGE_SHIFT, .flags = GNTMAP_host_map, .ref = ref, .dom = dom,
	};

	check(op(d, GNTTABOP_map_grant_ref, &m) == 0);
	return m.status == GNTST_okay ? m.handle : ~0U;
}

static void unmap(struct domain *d, grant_handle_t h, uint64_t gfn)
{
	struct gnttab_unmap_grant_ref u = { .host_addr = gfn << PAGE_SHIFT, .handle = h };

	check(op(d, GNTTABOP_unmap_grant_ref, &u) == 0 && u.status == GNTST_okay);
}

/* All threads start together, so their loops overlap. */
static unsigned int waiting;

static void start_together(unsigned int cpu, unsigned int nr)
{
	fake_cpu_id = cpu;
	__atomic_fetch_add(&waiting, 1, __ATOMIC_SEQ_CST);
	while (__atomic_load_n(&waiting, __ATOMIC_SEQ_CST) < nr)
		thrd_yield();
}

/* Maps (dom's REF_MAP) into d at gfn, writes through it, unmaps. */
static void map_write_unmap(struct domain *d, domid_t dom, uint64_t gfn, uint32_t v)
{
	grant_handle_t h = map(d, dom, REF_MAP, gfn);
	volatile uint32_t *p;

	check(h != ~0U);
	if (h == ~0U)
		return;
	p = gt_ptr(d, gfn);
	check(p != NULL);
	if (p)
		p[d->id] = v;
	unmap(d, h, gfn);
}

static void copy(domid_t from, domid_t to)
{
	struct gnttab_copy c = {
		.source = gt_gref(from, REF_COPY, 0), .dest = gt_gref(to, REF_COPY, 64), .len = 64,
		.flags = GNTCOPY_source_gref | GNTCOPY_dest_gref,
	};

	check(op(gt_d[0], GNTTABOP_copy, &c) == 0 && c.status == GNTST_okay);
}

/* Domain 2 maps REF_REVOKE whenever domain 1 grants it. */
static void map_revocable(void)
{
	grant_handle_t h = map(gt_d[2], 1, REF_REVOKE, GT_MAP_GFN + 8);

	if (h == ~0U)
		return;
	__atomic_store_n(&revoke_mapped, 1, __ATOMIC_SEQ_CST);
	check(gt_ptr(gt_d[2], GT_MAP_GFN + 8) != NULL);
	__atomic_store_n(&revoke_mapped, 0, __ATOMIC_SEQ_CST);
	unmap(gt_d[2], h, GT_MAP_GFN + 8);
}

/* Locks domains 1 and 2 as mapper 2 / granter 1, and for copies 1 -> 2. */
static int thread_a(void *arg)
{
	start_together(1, 3);
	for (unsigned int i = 0; i < ITERATIONS; i++) {
		map_write_unmap(gt_d[2], 1, GT_MAP_GFN, i);
		copy(1, 2);
	}
	return 0;
}

/* The same tables the other way round, plus the revocable grant. */
static int thread_b(void *arg)
{
	start_together(2, 3);
	for (unsigned int i = 0; i < ITERATIONS; i++) {
		map_write_unmap(gt_d[1], 2, GT_MAP_GFN, i);
		copy(2, 1);
		map_revocable();
	}
	return 0;
}

/* The granter's side: revoke when not in use (gnttab_end_foreign_access), re-grant. */
static int revoke_thread(void *arg)
{
	start_together(3, 3);
	for (unsigned int i = 0; i < 4 * ITERATIONS; i++) {
		uint16_t expect = GTF_permit_access;

		if (!__atomic_compare_exchange_n(&revoke_entry->flags, &expect, 0, false,
						 __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			continue;
		/* Revoked: nobody may hold it mapped now. */
		check(!__atomic_load_n(&revoke_mapped, __ATOMIC_SEQ_CST));
		revokes++;
		__atomic_store_n(&revoke_entry->flags, GTF_permit_access, __ATOMIC_SEQ_CST);
	}
	return 0;
}

static void test_concurrent(void)
{
	thrd_t t[3];

	gt_begin();
	gt_grant(gt_d[1], REF_MAP, 2, RAM, GTF_permit_access);
	gt_grant(gt_d[2], REF_MAP, 1, RAM, GTF_permit_access);
	gt_grant(gt_d[1], REF_COPY, 0, RAM + 1, GTF_permit_access);
	gt_grant(gt_d[2], REF_COPY, 0, RAM + 1, GTF_permit_access);
	gt_grant(gt_d[1], REF_REVOKE, 2, RAM + 2, GTF_permit_access);
	revoke_entry = gt_entry(gt_d[1], REF_REVOKE);
	errors = revokes = waiting = 0;
	CU_ASSERT_EQUAL_FATAL(thrd_create(&t[0], thread_a, NULL), thrd_success);
	CU_ASSERT_EQUAL_FATAL(thrd_create(&t[1], thread_b, NULL), thrd_success);
	CU_ASSERT_EQUAL_FATAL(thrd_create(&t[2], revoke_thread, NULL), thrd_success);
	for (unsigned int i = 0; i < 3; i++)
		thrd_join(t[i], NULL);
	fake_cpu_id = 0;
	CU_ASSERT_EQUAL(errors, 0);
	CU_ASSERT(revokes > 0);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF_MAP), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_flags(gt_d[2], REF_MAP), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF_COPY), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_flags(gt_d[2], REF_COPY), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF_REVOKE), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], GT_MAP_GFN), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_type(gt_d[1], GT_MAP_GFN), P2M_INVALID);
	CU_ASSERT_EQUAL(gt_type(gt_d[2], GT_MAP_GFN + 8), P2M_INVALID);
	gt_end();
}

UT_SUITE(gnttab_stress, "gnttab_stress", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_concurrent))
