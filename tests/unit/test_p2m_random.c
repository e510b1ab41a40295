// SPDX-License-Identifier: GPL-2.0-only
/*
 * Randomized p2m test: thousands of map / unmap / change_type operations,
 * drawn by a fixed-seed PRNG, applied both to the p2m and to a shadow array
 * (one mfn and type per page of a window of the IPA space). After each step
 * the p2m must agree with the shadow page by page, its counters must match
 * the shadow's and a census of its tables, and nothing outside the window
 * may be mapped. A second run on a window of over 2 GiB also exercises
 * 1 GiB blocks, checking the pages around each operation at every step and
 * the whole window now and then. The last cases run operations from two
 * threads at once on one p2m, and check that each operation waits for the
 * p2m's lock.
 */
#include "harness.h"
#include "test_p2m.h"
#include <asm/fake.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define VMID           9
#define SMALL_STEPS    3000
#define SMALL_PAGES    (4 * T_PAGES_2M)
#define BIG_STEPS      400
#define BIG_PAGES      (2 * T_PAGES_1G + 4 * T_PAGES_2M)
#define BIG_FULL_EVERY 50
#define SPOT_CHECKS    256
#define SEED           0x2545f4914f6cdd1dULL
#define THREADS        2
#define THREAD_STEPS   1000
#define THREAD_PAGES   4
#define LOCK_WAIT_US   20000

struct window {
	struct p2m p2m;
	uint64_t base;        /* first gfn of the window */
	uint64_t pages;
	uint64_t align;       /* the biggest leaf the operations aim at, in pages */
	uint64_t *mfn;        /* shadow, per page */
	uint8_t *type;
	uint64_t count[P2M_TYPE_COUNT];
	uint64_t rng;
};

static uint64_t rnd(struct window *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return w->rng;
}

static uint64_t below(struct window *w, uint64_t n)
{
	return rnd(w) % n;
}

static enum p2m_type any_type(struct window *w)
{
	return (enum p2m_type)(1 + below(w, P2M_TYPE_COUNT - 1));
}

/* The same page checked in p2m and shadow; false on the first mismatch. */
static bool check_page(struct window *w, uint64_t i)
{
	mfn_t m = mfn_init(0);
	enum p2m_type t = p2m_lookup(&w->p2m, gfn_init(w->base + i), &m, NULL);

	if (t != w->type[i] || (t != P2M_INVALID && mfn_val(m) != w->mfn[i])) {
		CU_FAIL("p2m and shadow differ");
		return false;
	}
	return true;
}

static void check_range(struct window *w, uint64_t first, uint64_t n)
{
	for (uint64_t i = first; i < first + n && i < w->pages; i++)
		if (!check_page(w, i))
			return;
}

static void check_counters(struct window *w)
{
	struct p2mt_census c;

	p2mt_census(&w->p2m, &c);
	CU_ASSERT_EQUAL(c.bad, 0);
	CU_ASSERT_EQUAL(c.empty_tables, 0);
	CU_ASSERT_EQUAL(c.tables, w->p2m.table_pages);
	for (unsigned int t = 1; t < P2M_TYPE_COUNT; t++) {
		CU_ASSERT_EQUAL(w->p2m.mapped[t], w->count[t]);
		CU_ASSERT_EQUAL(c.mapped[t], w->count[t]);
	}
	CU_ASSERT_EQUAL(p2m_lookup(&w->p2m, gfn_init(w->base - 1), NULL, NULL), P2M_INVALID);
	CU_ASSERT_EQUAL(p2m_lookup(&w->p2m, gfn_init(w->base + w->pages), NULL, NULL),
			P2M_INVALID);
}

static void shadow_set(struct window *w, uint64_t i, enum p2m_type t, uint64_t mfn)
{
	w->count[w->type[i]]--;
	w->count[t]++;
	w->type[i] = (uint8_t)t;
	w->mfn[i] = mfn;
}

/* A start and length inside the window, often aligned to a block size. */
static void pick_range(struct window *w, uint64_t *first, uint64_t *n)
{
	uint64_t unit = below(w, 3) == 0 ? 1 : below(w, 2) ? T_PAGES_2M : w->align;

	*first = ALIGN_DOWN(below(w, w->pages), unit);
	if (below(w, 4) == 0)
		*first += below(w, 3);          /* just off the boundary */
	*n = unit == 1 ? 1 + below(w, 3 * T_PAGES_2M / 2) : unit * (1 + below(w, 2));
	if (below(w, 4) == 0)
		*n += below(w, 3);
	*n = MIN(*n, w->pages - MIN(*first, w->pages));
}

static void step_map(struct window *w, uint64_t first, uint64_t n)
{
	enum p2m_type t = any_type(w);
	uint64_t mfn = below(w, 2 * w->align);

	/* Often congruent with the gfn, so that blocks are possible. */
	if (below(w, 3))
		mfn = ALIGN_DOWN(mfn, w->align) + ((w->base + first) & (w->align - 1));
	CU_ASSERT_EQUAL(p2m_map(&w->p2m, gfn_init(w->base + first), mfn_init(mfn), n, t), 0);
	for (uint64_t i = 0; i < n; i++)
		shadow_set(w, first + i, t, mfn + i);
}

static void step_unmap(struct window *w, uint64_t first, uint64_t n)
{
	CU_ASSERT_EQUAL(p2m_unmap(&w->p2m, gfn_init(w->base + first), n), 0);
	for (uint64_t i = 0; i < n; i++)
		shadow_set(w, first + i, P2M_INVALID, 0);
}

static void step_retype(struct window *w, uint64_t first, uint64_t n)
{
	enum p2m_type from = below(w, 2) ? P2M_RAM_RW : any_type(w), to = any_type(w);
	int64_t expected = 0;

	for (uint64_t i = first; i < first + n && from != to; i++)
		if (w->type[i] == from) {
			shadow_set(w, i, to, w->mfn[i]);
			expected++;
		}
	CU_ASSERT_EQUAL(p2m_change_type(&w->p2m, gfn_init(w->base + first), n, from, to),
			expected);
}

static void step(struct window *w, uint64_t *first, uint64_t *n)
{
	uint64_t op = below(w, 10);

	pick_range(w, first, n);
	if (op < 4)
		step_map(w, *first, *n);
	else if (op < 7)
		step_unmap(w, *first, *n);
	else
		step_retype(w, *first, *n);
}

static void window_init(struct window *w, unsigned int ipa_bits, uint64_t base, uint64_t pages,
			uint64_t align)
{
	*w = (struct window){ .base = base, .pages = pages, .align = align, .rng = SEED };
	w->mfn = calloc(pages, sizeof(*w->mfn));
	w->type = calloc(pages, sizeof(*w->type));
	CU_ASSERT_FATAL(w->mfn && w->type);
	w->count[P2M_INVALID] = pages;
	CU_ASSERT_EQUAL_FATAL(p2m_init(&w->p2m, ipa_bits, VMID), 0);
}

static void window_fini(struct window *w)
{
	uint64_t before = page_alloc_free_count() + w->p2m.table_pages;

	p2m_teardown(&w->p2m);
	CU_ASSERT_EQUAL(page_alloc_free_count(), before);
	free(w->mfn);
	free(w->type);
}

/* 8 MiB across the boundary between the two concatenated root tables of 40 bits. */
static void test_random_small_window(void)
{
	const unsigned int failures = CU_get_number_of_failures();
	struct window w;
	uint64_t first, n;

	window_init(&w, 40, (1ULL << 27) - SMALL_PAGES / 2, SMALL_PAGES, T_PAGES_2M);
	for (unsigned int s = 0; s < SMALL_STEPS && CU_get_number_of_failures() == failures; s++) {
		step(&w, &first, &n);
		check_range(&w, 0, w.pages);
		check_counters(&w);
	}
	CU_ASSERT(w.p2m.table_pages > w.p2m.root_pages);
	window_fini(&w);
}

/* Over 2 GiB from just below a 1 GiB boundary, with 1 GiB blocks. */
static void test_random_big_window(void)
{
	const unsigned int failures = CU_get_number_of_failures();
	struct window w;
	uint64_t first, n;

	window_init(&w, 48, T_PAGES_1G - 2 * T_PAGES_2M, BIG_PAGES, T_PAGES_1G);
	for (unsigned int s = 1; s <= BIG_STEPS && CU_get_number_of_failures() == failures; s++) {
		step(&w, &first, &n);
		check_range(&w, first - MIN(first, T_PAGES_2M), T_PAGES_2M);
		check_range(&w, first + n - MIN(first + n, T_PAGES_2M), 2 * T_PAGES_2M);
		for (unsigned int i = 0; i < SPOT_CHECKS; i++)
			check_page(&w, below(&w, w.pages));
		if (s % BIG_FULL_EVERY == 0)
			check_range(&w, 0, w.pages);
		check_counters(&w);
	}
	window_fini(&w);
}

struct worker {
	struct p2m *p2m;
	unsigned int id;
	uint64_t rng;
	bool ok;
};

/* Page k of a worker: the workers' pages interleave in one 2 MiB, one level-3 table. */
static uint64_t worker_gfn(const struct worker *wk, uint64_t k)
{
	return T_PAGES_2M + k * THREADS + wk->id;
}

static bool worker_flip(struct worker *wk, uint64_t k, bool *mapped)
{
	gfn_t g = gfn_init(worker_gfn(wk, k));
	mfn_t m = mfn_init(0);

	if (mapped[k]) {
		mapped[k] = false;
		return p2m_unmap(wk->p2m, g, 1) == 0 &&
		       p2m_lookup(wk->p2m, g, NULL, NULL) == P2M_INVALID;
	}
	mapped[k] = true;
	return p2m_map(wk->p2m, g, mfn_init(wk->id << 16 | k), 1, P2M_RAM_RW) == 0 &&
	       p2m_lookup(wk->p2m, g, &m, NULL) == P2M_RAM_RW && mfn_val(m) == (wk->id << 16 | k);
}

/* Maps and unmaps its own pages, the table often emptied and freed, then unmaps all. */
static void *worker_run(void *arg)
{
	struct worker *wk = arg;
	bool mapped[THREAD_PAGES] = { false };

	wk->ok = true;
	for (unsigned int s = 0; s < THREAD_STEPS; s++) {
		wk->rng = wk->rng * 6364136223846793005ULL + 1442695040888963407ULL;
		wk->ok &= worker_flip(wk, (wk->rng >> 33) % THREAD_PAGES, mapped);
	}
	for (uint64_t k = 0; k < THREAD_PAGES; k++)
		if (mapped[k])
			wk->ok &= worker_flip(wk, k, mapped);
	return NULL;
}

/* The lock keeps table creation and freeing, and the counters, consistent. */
static void test_random_threads(void)
{
	struct worker wk[THREADS];
	pthread_t th[THREADS];
	struct p2m p2m;
	uint64_t before = page_alloc_free_count();

	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, 39, VMID), 0);
	for (unsigned int i = 0; i < THREADS; i++) {
		wk[i] = (struct worker){ &p2m, i, SEED + i, false };
		CU_ASSERT_EQUAL_FATAL(pthread_create(&th[i], NULL, worker_run, &wk[i]), 0);
	}
	for (unsigned int i = 0; i < THREADS; i++) {
		pthread_join(th[i], NULL);
		CU_ASSERT(wk[i].ok);
	}
	p2mt_check_counters(&p2m);
	CU_ASSERT_EQUAL(p2m.mapped[P2M_RAM_RW], 0);
	CU_ASSERT_EQUAL(p2m.table_pages, 1);
	p2m_teardown(&p2m);
	CU_ASSERT_EQUAL(page_alloc_free_count(), before);
}

enum locked_op { OP_MAP, OP_UNMAP, OP_RETYPE, OP_LOOKUP, OP_RAW, OP_TEARDOWN, OP_COUNT };

struct locked_call {
	struct p2m *p2m;
	enum locked_op op;
	bool done;
};

static void *locked_run(void *arg)
{
	struct locked_call *c = arg;
	gfn_t g = gfn_init(1);

	switch (c->op) {
	case OP_MAP:
		p2m_map(c->p2m, g, mfn_init(1), 1, P2M_RAM_RW);
		break;
	case OP_UNMAP:
		p2m_unmap(c->p2m, g, 1);
		break;
	case OP_RETYPE:
		p2m_change_type(c->p2m, g, 1, P2M_RAM_RW, P2M_RAM_RO);
		break;
	case OP_LOOKUP:
		p2m_lookup(c->p2m, g, NULL, NULL);
		break;
	case OP_RAW:
		p2m_raw_entry(c->p2m, g, NULL);
		break;
	default:
		p2m_teardown(c->p2m);
		break;
	}
	__atomic_store_n(&c->done, true, __ATOMIC_RELEASE);
	return NULL;
}

/* Every operation waits for p2m->lock: none finishes while the test holds it. */
static void test_every_op_takes_lock(void)
{
	struct locked_call c;
	struct p2m p2m;
	pthread_t th;

	CU_ASSERT_EQUAL_FATAL(p2m_init(&p2m, 39, VMID), 0);
	CU_ASSERT_EQUAL(p2m_map(&p2m, gfn_init(1), mfn_init(1), 1, P2M_RAM_RW), 0);
	for (unsigned int op = 0; op < OP_COUNT; op++) {
		c = (struct locked_call){ &p2m, (enum locked_op)op, false };
		spin_lock(&p2m.lock);
		CU_ASSERT_EQUAL_FATAL(pthread_create(&th, NULL, locked_run, &c), 0);
		usleep(LOCK_WAIT_US);
		CU_ASSERT_FALSE(__atomic_load_n(&c.done, __ATOMIC_ACQUIRE));
		spin_unlock(&p2m.lock);
		pthread_join(th, NULL);
		CU_ASSERT(c.done);
	}
	CU_ASSERT_EQUAL(p2m.table_pages, 0);
}

UT_SUITE(p2m_random_suite, "p2m_random", p2mt_suite_init, p2mt_suite_cleanup,
	 UT_CASE(test_random_small_window),
	 UT_CASE(test_random_big_window),
	 UT_CASE(test_random_threads),
	 UT_CASE(test_every_op_takes_lock))
