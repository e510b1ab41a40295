// SPDX-License-Identifier: GPL-2.0-only
/*
 * Buddy page allocator. The fake arch maps "physical addresses" 1:1 to host
 * pointers, so regions are aligned_alloc() buffers and mfns are host
 * addresses >> PAGE_SHIFT.
 */
#include "harness.h"
#include <asm/fake.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define BUF_ALIGN      MiB(2)
#define BUF_SIZE       MiB(4)
#define BUF_PAGES      (BUF_SIZE / PAGE_SIZE)
#define BUF_ORDER      9               /* order of a 2 MiB block */
#define META_BYTES_MAX 32              /* per-page metadata the tests tolerate */
#define MAX_BUFS       8
#define MAX_BLOCKS     4096
#define RANDOM_ROUNDS  20000
#define RANDOM_ORDERS  7               /* orders 0..6 in the random test */
#define RANDOM_SEED    0x9e3779b97f4a7c15ULL
#define ODD_OFFSET     100             /* misaligns a region's start and end */
#define SCRIBBLE       0xa5

static void *bufs[MAX_BUFS];
static unsigned int nr_bufs;
static mfn_t blocks[MAX_BLOCKS];
static mfn_t blocks2[MAX_BLOCKS];

/* ---- helpers ------------------------------------------------------------- */

static void release_bufs(void)
{
	while (nr_bufs)
		free(bufs[--nr_bufs]);
}

static int suite_cleanup(void)
{
	page_alloc_reset();
	release_bufs();
	return 0;
}

/* Starts every test from an empty allocator and no buffers. */
static void begin(void)
{
	suite_cleanup();
}

static uint8_t *get_buf(uint64_t align, uint64_t size)
{
	void *p;

	CU_ASSERT_FATAL(nr_bufs < MAX_BUFS);
	p = aligned_alloc(align, size);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	bufs[nr_bufs++] = p;
	return p;
}

static paddr_t pa_of(const void *p)
{
	return pa_init((uintptr_t)p);
}

static uint64_t mfn_of(const void *p)
{
	return (uintptr_t)p >> PAGE_SHIFT;
}

static void *va_of(mfn_t m)
{
	return (void *)(uintptr_t)pa_val(mfn_to_pa(m));
}

/* A 4 MiB, 2 MiB-aligned buffer handed whole to the allocator. */
static uint8_t *std_region(void)
{
	uint8_t *b = get_buf(BUF_ALIGN, BUF_SIZE);

	CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b), BUF_SIZE), 0);
	return b;
}

/* Allocates blocks of one order until -ENOMEM; returns how many. */
static unsigned int alloc_all(unsigned int order, mfn_t *out)
{
	unsigned int n = 0;
	int rc;

	while (n < MAX_BLOCKS && (rc = alloc_pages(order, &out[n])) == 0)
		n++;
	CU_ASSERT_FATAL(n < MAX_BLOCKS);
	CU_ASSERT_EQUAL(rc, -ENOMEM);
	return n;
}

static void free_all(const mfn_t *m, unsigned int n, unsigned int order)
{
	for (unsigned int i = 0; i < n; i++)
		CU_ASSERT_EQUAL(free_pages(m[i], order), 0);
}

static bool overlap(mfn_t a, unsigned int oa, mfn_t b, unsigned int ob)
{
	return mfn_val(a) < mfn_val(b) + BIT(ob) && mfn_val(b) < mfn_val(a) + BIT(oa);
}

static uint64_t xorshift(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* ---- regions ------------------------------------------------------------- */

static void test_empty_allocator(void)
{
	mfn_t m;

	begin();
	CU_ASSERT_EQUAL(page_alloc_total_count(), 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), 0);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), 0);
	CU_ASSERT_EQUAL(alloc_pages(0, &m), -ENOMEM);
	CU_ASSERT_EQUAL(free_pages(mfn_init(1), 0), -ENOENT);
}

static void test_region_unaligned(void)
{
	uint8_t *b;
	uint64_t pages = BUF_PAGES - 2, total, first, end;
	unsigned int n;

	begin();
	b = get_buf(BUF_ALIGN, BUF_SIZE);
	CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b + ODD_OFFSET),
						    BUF_SIZE - 2 * ODD_OFFSET), 0);
	total = page_alloc_total_count();
	CU_ASSERT(total < pages);
	CU_ASSERT(total >= pages - (pages * META_BYTES_MAX + PAGE_SIZE - 1) / PAGE_SIZE);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);

	/* Every page handed out lies in the rounded-in range, past the metadata. */
	first = mfn_of(b) + 1 + (pages - total);
	end = mfn_of(b) + BUF_PAGES - 1;
	n = alloc_all(0, blocks);
	CU_ASSERT_EQUAL(n, total);
	for (unsigned int i = 0; i < n; i++) {
		CU_ASSERT(mfn_val(blocks[i]) >= first && mfn_val(blocks[i]) < end);
		memset(va_of(blocks[i]), SCRIBBLE, PAGE_SIZE);
	}
	free_all(blocks, n, 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
}

/*
 * The allocator trusts nothing in memory it has not initialised: whatever the
 * region held before, and whatever lies past its end, is ignored. The odd size
 * leaves the last block's buddy beyond the end of the region.
 */
static void test_region_garbage_memory(void)
{
	static const uint8_t fill[] = { 0x00, 0x01, 0x02, 0xff };
	const uint64_t pages = BUF_PAGES - 2;
	uint8_t *b;
	uint64_t total;
	unsigned int n;

	for (unsigned int f = 0; f < ARRAY_SIZE(fill); f++) {
		begin();
		b = get_buf(BUF_ALIGN, BUF_SIZE);
		memset(b, fill[f], BUF_SIZE);
		CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b), pages * PAGE_SIZE), 0);
		total = page_alloc_total_count();
		n = alloc_all(0, blocks);
		CU_ASSERT_EQUAL(n, total);
		for (unsigned int i = 0; i < n; i++)
			CU_ASSERT(mfn_val(blocks[i]) < mfn_of(b) + pages);
		free_all(blocks, n, 0);
		CU_ASSERT_EQUAL(page_alloc_free_count(), total);
		CU_ASSERT_EQUAL(alloc_all(0, blocks), total);
	}
}

static void test_region_too_small(void)
{
	uint8_t *b;

	begin();
	b = get_buf(BUF_ALIGN, BUF_SIZE);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b), 0), -EINVAL);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b), PAGE_SIZE - 1), -EINVAL);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b), PAGE_SIZE), -EINVAL);    /* all metadata */
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + 1), 2 * PAGE_SIZE), -EINVAL);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_init(UINT64_MAX - PAGE_SIZE), MiB(1)), -EINVAL);
	CU_ASSERT_EQUAL(page_alloc_total_count(), 0);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b), 2 * PAGE_SIZE), 0);
	CU_ASSERT_EQUAL(page_alloc_total_count(), 1);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), 1);
}

static void test_metadata_overhead(void)
{
	uint8_t *b;
	uint64_t total, meta;
	unsigned int n;

	begin();
	b = std_region();
	total = page_alloc_total_count();
	meta = BUF_PAGES - total;
	CU_ASSERT(meta >= 1);
	CU_ASSERT(meta <= BUF_PAGES * META_BYTES_MAX / PAGE_SIZE);
	/* The metadata is the region's first pages: nothing there is handed out. */
	n = alloc_all(0, blocks);
	CU_ASSERT_EQUAL(n, total);
	for (unsigned int i = 0; i < n; i++)
		CU_ASSERT(mfn_val(blocks[i]) >= mfn_of(b) + meta);
	free_all(blocks, n, 0);
}

static void test_several_regions(void)
{
	uint8_t *b[3];
	uint64_t tot[3], sum = 0, counted[3] = { 0 };
	unsigned int n;

	begin();
	for (unsigned int r = 0; r < 3; r++) {
		b[r] = get_buf(BUF_ALIGN, BUF_SIZE);
		CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b[r]), BUF_SIZE >> r), 0);
		tot[r] = page_alloc_total_count() - sum;
		sum += tot[r];
	}
	CU_ASSERT_EQUAL(page_alloc_free_count(), sum);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), BUF_PAGES / 2);

	n = alloc_all(0, blocks);
	CU_ASSERT_EQUAL(n, sum);
	for (unsigned int i = 0; i < n; i++)
		for (unsigned int r = 0; r < 3; r++)
			if (mfn_val(blocks[i]) >= mfn_of(b[r]) &&
			    mfn_val(blocks[i]) < mfn_of(b[r]) + (BUF_PAGES >> r))
				counted[r]++;
	for (unsigned int r = 0; r < 3; r++)
		CU_ASSERT_EQUAL(counted[r], tot[r]);
	free_all(blocks, n, 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), sum);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), BUF_PAGES / 2);
}

static void test_overlap_rejected(void)
{
	uint8_t *b;
	uint64_t total;

	begin();
	b = get_buf(BUF_ALIGN, 2 * BUF_SIZE);
	CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b + MiB(2)), MiB(2)), 0);
	total = page_alloc_total_count();
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(2)), MiB(2)), -EEXIST);  /* same */
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(1)), MiB(2)), -EEXIST);  /* below */
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(3)), MiB(2)), -EEXIST);  /* above */
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b), MiB(8)), -EEXIST);           /* encloses */
	/* Only its metadata pages. */
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(2)), KiB(64)), -EEXIST);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(2) - 1), KiB(64)), -EEXIST);
	CU_ASSERT_EQUAL(page_alloc_total_count(), total);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	/* Touching is fine, on both sides. */
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b), MiB(2)), 0);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(4)), MiB(2)), 0);
	CU_ASSERT_EQUAL(page_alloc_total_count(), 3 * total);
}

static void test_too_many_regions(void)
{
	const uint64_t size = KiB(64);
	uint8_t *b;
	uint64_t total;
	mfn_t m;

	begin();
	b = get_buf(BUF_ALIGN, BUF_SIZE);
	for (unsigned int i = 0; i < PAGE_ALLOC_MAX_REGIONS; i++)
		CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + i * size), size), 0);
	total = page_alloc_total_count();
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(2)), size), -ENOSPC);
	CU_ASSERT_EQUAL(page_alloc_total_count(), total);
	/* Every region serves pages. */
	CU_ASSERT_EQUAL(alloc_all(0, blocks), total);
	/* Reset forgets them all: mfns are foreign again and space is back. */
	page_alloc_reset();
	CU_ASSERT_EQUAL(page_alloc_total_count(), 0);
	CU_ASSERT_EQUAL(alloc_pages(0, &m), -ENOMEM);
	CU_ASSERT_EQUAL(free_pages(blocks[0], 0), -ENOENT);
	CU_ASSERT_EQUAL(page_alloc_add_region(pa_of(b + MiB(2)), size), 0);
}

/* ---- allocation ---------------------------------------------------------- */

static void test_every_order(void)
{
	const uint64_t big = BIT(PAGE_ALLOC_MAX_ORDER) * PAGE_SIZE;   /* 1 GiB */
	uint8_t *b;
	mfn_t m[PAGE_ALLOC_MAX_ORDER + 1];
	uint64_t total;

	begin();
	b = get_buf(big, 2 * big);
	/* Metadata in the 4 MiB below an aligned 1 GiB block. */
	CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b + big - MiB(4)), big + MiB(4)), 0);
	total = page_alloc_total_count();
	CU_ASSERT_EQUAL(page_alloc_largest_free(), BIT(PAGE_ALLOC_MAX_ORDER));
	CU_ASSERT_EQUAL(alloc_pages(PAGE_ALLOC_MAX_ORDER + 1, &m[0]), -EINVAL);
	CU_ASSERT_EQUAL(alloc_pages(0, NULL), -EINVAL);

	for (unsigned int o = 0; o <= PAGE_ALLOC_MAX_ORDER; o++) {
		CU_ASSERT_EQUAL_FATAL(alloc_pages(o, &m[0]), 0);
		CU_ASSERT_EQUAL(mfn_val(m[0]) & (BIT(o) - 1), 0);
		CU_ASSERT_EQUAL(page_alloc_free_count(), total - BIT(o));
		CU_ASSERT_EQUAL(free_pages(m[0], o), 0);
		CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	}
	CU_ASSERT_EQUAL(pa_val(mfn_to_pa(m[0])), pa_val(pa_of(b + big)));

	/* One block of every order at once: all disjoint, then all merge back. */
	for (unsigned int o = PAGE_ALLOC_MAX_ORDER; o-- > 0;)
		CU_ASSERT_EQUAL_FATAL(alloc_pages(o, &m[o]), 0);
	for (unsigned int i = 0; i < PAGE_ALLOC_MAX_ORDER; i++)
		for (unsigned int j = 0; j < i; j++)
			CU_ASSERT_FALSE(overlap(m[i], i, m[j], j));
	for (unsigned int o = 0; o < PAGE_ALLOC_MAX_ORDER; o++)
		CU_ASSERT_EQUAL(free_pages(m[o], o), 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), BIT(PAGE_ALLOC_MAX_ORDER));
}

static void test_alignment(void)
{
	static const unsigned int orders[] = { 0, 9, 3, 0, 5, 1, 9, 7, 2, 0, 4, 8, 6 };
	mfn_t m[ARRAY_SIZE(orders)];
	uint8_t *b;

	begin();
	/* Unaligned start: blocks must still be aligned physically, not to the region. */
	b = get_buf(BUF_ALIGN, 2 * BUF_SIZE);
	CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b + 5 * PAGE_SIZE), 7 * MiB(1)), 0);
	for (unsigned int i = 0; i < ARRAY_SIZE(orders); i++) {
		CU_ASSERT_EQUAL_FATAL(alloc_pages(orders[i], &m[i]), 0);
		CU_ASSERT_EQUAL(mfn_val(m[i]) % BIT(orders[i]), 0);
		if (orders[i] == BUF_ORDER)
			CU_ASSERT_EQUAL(pa_val(mfn_to_pa(m[i])) % MiB(2), 0);
		for (unsigned int j = 0; j < i; j++)
			CU_ASSERT_FALSE(overlap(m[i], orders[i], m[j], orders[j]));
	}
}

static void test_exhaustion_and_recovery(void)
{
	const unsigned int order = 4;
	unsigned int n, n0;
	uint64_t total;
	mfn_t m;

	begin();
	std_region();
	total = page_alloc_total_count();
	n = alloc_all(order, blocks);
	CU_ASSERT(n > 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total - n * BIT(order));
	CU_ASSERT(page_alloc_largest_free() < BIT(order));
	n0 = alloc_all(0, blocks2);
	CU_ASSERT_EQUAL(n0, total - n * BIT(order));
	CU_ASSERT_EQUAL(page_alloc_free_count(), 0);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), 0);
	CU_ASSERT_EQUAL(alloc_pages(0, &m), -ENOMEM);

	CU_ASSERT_EQUAL(free_pages(blocks[n / 2], order), 0);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), BIT(order));
	CU_ASSERT_EQUAL(alloc_pages(order, &m), 0);
	CU_ASSERT_EQUAL(mfn_val(m), mfn_val(blocks[n / 2]));
	CU_ASSERT_EQUAL(alloc_pages(0, &m), -ENOMEM);

	free_all(blocks, n, order);
	free_all(blocks2, n0, 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), BUF_PAGES / 2);
}

static void test_fragmentation(void)
{
	uint64_t total, largest, half = 0;
	unsigned int n;
	mfn_t m;

	begin();
	std_region();
	total = page_alloc_total_count();
	largest = page_alloc_largest_free();
	n = alloc_all(0, blocks);
	CU_ASSERT_EQUAL_FATAL(n, total);

	/* Free the even pages: no two free pages are buddies. */
	for (unsigned int i = 0; i < n; i++)
		if (!(mfn_val(blocks[i]) & 1)) {
			CU_ASSERT_EQUAL(free_pages(blocks[i], 0), 0);
			half++;
		}
	CU_ASSERT_EQUAL(page_alloc_free_count(), half);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), 1);
	CU_ASSERT_EQUAL(alloc_pages(1, &m), -ENOMEM);
	CU_ASSERT_EQUAL_FATAL(alloc_pages(0, &m), 0);
	CU_ASSERT_EQUAL(free_pages(m, 0), 0);

	for (unsigned int i = 0; i < n; i++)
		if (mfn_val(blocks[i]) & 1)
			CU_ASSERT_EQUAL(free_pages(blocks[i], 0), 0);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), largest);
	CU_ASSERT_EQUAL(alloc_pages(9, &m), 0);
}

/* ---- random rounds ------------------------------------------------------- */

struct live {
	mfn_t mfn;
	unsigned int order;
};

static struct live live[MAX_BLOCKS];
static uint8_t used[2][BUF_PAGES];

/* Marks a fresh block in the page map; fails on overlap or a stray block. */
static void mark_block(uint8_t *const b[2], mfn_t m, unsigned int order)
{
	for (unsigned int r = 0; r < 2; r++) {
		uint64_t first = mfn_of(b[r]), idx = mfn_val(m) - first;

		if (mfn_val(m) < first || idx + BIT(order) > BUF_PAGES)
			continue;
		for (uint64_t p = idx; p < idx + BIT(order); p++) {
			CU_ASSERT_FATAL(!used[r][p]);
			used[r][p] = 1;
			*((uint8_t *)b[r] + p * PAGE_SIZE) = SCRIBBLE;
		}
		return;
	}
	CU_FAIL_FATAL("block outside every region");
}

static void unmark_block(uint8_t *const b[2], mfn_t m, unsigned int order)
{
	for (unsigned int r = 0; r < 2; r++) {
		uint64_t idx = mfn_val(m) - mfn_of(b[r]);

		if (mfn_val(m) >= mfn_of(b[r]) && idx < BUF_PAGES)
			memset(&used[r][idx], 0, BIT(order));
	}
}

static void random_round(uint8_t *const b[2], uint64_t *seed, unsigned int *nr_live,
			 uint64_t *live_pages)
{
	uint64_t r = xorshift(seed);
	unsigned int order = (unsigned int)(r >> 8) % RANDOM_ORDERS, i;
	mfn_t m;

	if (*nr_live == 0 || (r % 3 && *nr_live < MAX_BLOCKS)) {
		if (alloc_pages(order, &m) != 0) {
			CU_ASSERT_FATAL(page_alloc_largest_free() < BIT(order));
			return;
		}
		CU_ASSERT_FATAL(mfn_val(m) % BIT(order) == 0);
		mark_block(b, m, order);
		live[(*nr_live)++] = (struct live){ m, order };
		*live_pages += BIT(order);
		return;
	}
	i = (unsigned int)(r >> 16) % *nr_live;
	CU_ASSERT_EQUAL_FATAL(free_pages(live[i].mfn, live[i].order), 0);
	unmark_block(b, live[i].mfn, live[i].order);
	*live_pages -= BIT(live[i].order);
	live[i] = live[--(*nr_live)];
}

static void test_random_no_overlap(void)
{
	uint8_t *b[2];
	uint64_t seed = RANDOM_SEED, total, largest, live_pages = 0;
	unsigned int nr_live = 0;

	begin();
	memset(used, 0, sizeof(used));
	b[0] = std_region();
	b[1] = get_buf(BUF_ALIGN, BUF_SIZE);
	CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_of(b[1] + 3 * PAGE_SIZE + ODD_OFFSET),
						    BUF_SIZE - MiB(1) - ODD_OFFSET), 0);
	total = page_alloc_total_count();
	largest = page_alloc_largest_free();

	for (unsigned int round = 0; round < RANDOM_ROUNDS; round++) {
		random_round(b, &seed, &nr_live, &live_pages);
		CU_ASSERT_EQUAL_FATAL(page_alloc_free_count(), total - live_pages);
	}
	while (nr_live) {
		nr_live--;
		CU_ASSERT_EQUAL(free_pages(live[nr_live].mfn, live[nr_live].order), 0);
	}
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), largest);
}

/* ---- misuse -------------------------------------------------------------- */

static void expect_rejected(mfn_t m, unsigned int order, int err)
{
	uint64_t free_before = page_alloc_free_count();
	uint64_t largest_before = page_alloc_largest_free();

	CU_ASSERT_EQUAL(free_pages(m, order), err);
	CU_ASSERT_EQUAL(page_alloc_free_count(), free_before);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), largest_before);
}

static mfn_t mfn_plus(mfn_t m, uint64_t n)
{
	return mfn_init(mfn_val(m) + n);
}

static void test_bad_frees(void)
{
	uint8_t *b, *foreign;
	uint64_t total;
	mfn_t a, c;

	begin();
	b = std_region();
	foreign = get_buf(BUF_ALIGN, BUF_ALIGN);
	total = page_alloc_total_count();
	CU_ASSERT_EQUAL_FATAL(alloc_pages(3, &a), 0);
	CU_ASSERT_EQUAL_FATAL(alloc_pages(0, &c), 0);

	expect_rejected(a, 2, -EINVAL);                      /* wrong order */
	expect_rejected(a, 4, -EINVAL);
	expect_rejected(a, 0, -EINVAL);
	expect_rejected(a, PAGE_ALLOC_MAX_ORDER + 1, -EINVAL);
	expect_rejected(mfn_plus(a, 1), 0, -EINVAL);         /* middle of a block */
	expect_rejected(mfn_plus(a, 4), 2, -EINVAL);
	expect_rejected(mfn_plus(a, 7), 3, -EINVAL);
	expect_rejected(mfn_init(mfn_of(b) + BUF_PAGES / 2), BUF_ORDER, -EINVAL); /* free head */
	expect_rejected(mfn_init(mfn_of(b) + BUF_PAGES - 1), 0, -EINVAL);         /* free tail */
	expect_rejected(mfn_init(mfn_of(b)), 0, -EINVAL);    /* the metadata */
	expect_rejected(mfn_init(mfn_of(foreign)), 0, -ENOENT);
	expect_rejected(mfn_init(0), 0, -ENOENT);
	expect_rejected(mfn_init(mfn_of(b) + BUF_PAGES), 0, -ENOENT);

	CU_ASSERT_EQUAL(free_pages(a, 3), 0);
	expect_rejected(a, 3, -EINVAL);                      /* double free */
	CU_ASSERT_EQUAL(free_pages(c, 0), 0);
	expect_rejected(c, 0, -EINVAL);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	CU_ASSERT_EQUAL(alloc_all(0, blocks), total);
}

static void test_double_free_after_merge(void)
{
	uint64_t total;
	unsigned int n, i;

	begin();
	std_region();
	total = page_alloc_total_count();
	n = alloc_all(0, blocks);
	CU_ASSERT_EQUAL(n, total);
	for (i = 0; i < n && (mfn_val(blocks[i]) & 1); i++)
		;
	CU_ASSERT_FATAL(i < n);
	/* The region ends 2 MiB aligned, so an even page's buddy is the next one. */
	CU_ASSERT_EQUAL(free_pages(blocks[i], 0), 0);
	CU_ASSERT_EQUAL(free_pages(mfn_plus(blocks[i], 1), 0), 0);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), 2);
	expect_rejected(blocks[i], 0, -EINVAL);
	expect_rejected(mfn_plus(blocks[i], 1), 0, -EINVAL);
	expect_rejected(blocks[i], 1, -EINVAL);   /* merged, but never allocated as one */
	CU_ASSERT_EQUAL(page_alloc_free_count(), 2);
	CU_ASSERT_EQUAL(alloc_all(0, blocks2), 2);
	CU_ASSERT_EQUAL(page_alloc_free_count(), 0);
}

static int cmp_mfn(const void *a, const void *b)
{
	uint64_t x = mfn_val(*(const mfn_t *)a), y = mfn_val(*(const mfn_t *)b);

	return x < y ? -1 : x > y;
}

static void test_stray_write_into_free_pages(void)
{
	uint64_t total, largest;
	unsigned int n;

	begin();
	std_region();
	total = page_alloc_total_count();
	largest = page_alloc_largest_free();
	n = alloc_all(0, blocks);
	free_all(blocks, n, 0);
	/* Every free page is overwritten: the allocator must not care. */
	for (unsigned int i = 0; i < n; i++)
		memset(va_of(blocks[i]), i & 1 ? 0xff : 0, PAGE_SIZE);

	CU_ASSERT_EQUAL(page_alloc_largest_free(), largest);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	n = alloc_all(0, blocks);
	CU_ASSERT_EQUAL(n, total);
	qsort(blocks, n, sizeof(blocks[0]), cmp_mfn);
	for (unsigned int i = 1; i < n; i++)
		CU_ASSERT(mfn_val(blocks[i - 1]) < mfn_val(blocks[i]));
	free_all(blocks, n, 0);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), largest);
}

/* ---- concurrency --------------------------------------------------------- */

#define NR_THREADS     4
#define THREAD_ROUNDS  20000
#define THREAD_HELD    16
#define THREAD_ORDERS  4

struct worker {
	pthread_t tid;
	unsigned int cpu;
	uint8_t *buf;
	unsigned int errors;
};

static uint8_t owner_map[BUF_PAGES];
static pthread_barrier_t start_line;

/* Claims (want = 1) or releases (want = 0) a block's pages; counts conflicts. */
static void claim(struct worker *w, mfn_t m, unsigned int order, uint8_t want)
{
	uint64_t idx = mfn_val(m) - mfn_of(w->buf);

	if (mfn_val(m) < mfn_of(w->buf) || idx + BIT(order) > BUF_PAGES) {
		w->errors++;
		return;
	}
	for (uint64_t p = idx; p < idx + BIT(order); p++)
		if (__atomic_exchange_n(&owner_map[p], want, __ATOMIC_ACQ_REL) == want)
			w->errors++;
}

static void *worker_fn(void *arg)
{
	struct worker *w = arg;
	struct live held[THREAD_HELD];
	unsigned int nr = 0, i;
	uint64_t seed = RANDOM_SEED + w->cpu;

	fake_cpu_id = w->cpu;
	pthread_barrier_wait(&start_line);
	for (unsigned int round = 0; round < THREAD_ROUNDS || nr; round++) {
		uint64_t r = xorshift(&seed);

		if (round < THREAD_ROUNDS && nr < THREAD_HELD && (r & 1)) {
			held[nr].order = (unsigned int)(r >> 8) % THREAD_ORDERS;
			if (alloc_pages(held[nr].order, &held[nr].mfn) == 0) {
				claim(w, held[nr].mfn, held[nr].order, 1);
				nr++;
			}
			continue;
		}
		if (!nr)
			continue;
		i = (unsigned int)(r >> 16) % nr;
		claim(w, held[i].mfn, held[i].order, 0);
		if (free_pages(held[i].mfn, held[i].order) != 0)
			w->errors++;
		held[i] = held[--nr];
	}
	return NULL;
}

static void test_concurrent_alloc_free(void)
{
	struct worker w[NR_THREADS];
	uint64_t total, largest;
	uint8_t *b;

	begin();
	memset(owner_map, 0, sizeof(owner_map));
	b = std_region();
	total = page_alloc_total_count();
	largest = page_alloc_largest_free();
	CU_ASSERT_EQUAL_FATAL(pthread_barrier_init(&start_line, NULL, NR_THREADS), 0);
	for (unsigned int i = 0; i < NR_THREADS; i++) {
		w[i] = (struct worker){ .cpu = i + 1, .buf = b };
		CU_ASSERT_EQUAL_FATAL(pthread_create(&w[i].tid, NULL, worker_fn, &w[i]), 0);
	}
	for (unsigned int i = 0; i < NR_THREADS; i++) {
		CU_ASSERT_EQUAL(pthread_join(w[i].tid, NULL), 0);
		CU_ASSERT_EQUAL(w[i].errors, 0);
	}
	pthread_barrier_destroy(&start_line);
	CU_ASSERT_EQUAL(page_alloc_free_count(), total);
	CU_ASSERT_EQUAL(page_alloc_largest_free(), largest);
	CU_ASSERT_EQUAL(alloc_all(0, blocks), total);
}

static void test_irq_state_restored(void)
{
	mfn_t m;

	begin();
	std_region();
	fake_irq_masked = false;
	CU_ASSERT_EQUAL(alloc_pages(0, &m), 0);
	CU_ASSERT_FALSE(fake_irq_masked);
	fake_irq_masked = true;
	CU_ASSERT_EQUAL(free_pages(m, 0), 0);
	CU_ASSERT_TRUE(fake_irq_masked);
	fake_irq_masked = false;
}

UT_SUITE(page_alloc_suite, "page_alloc", NULL, suite_cleanup,
	 UT_CASE(test_empty_allocator),
	 UT_CASE(test_region_unaligned),
	 UT_CASE(test_region_garbage_memory),
	 UT_CASE(test_region_too_small),
	 UT_CASE(test_metadata_overhead),
	 UT_CASE(test_several_regions),
	 UT_CASE(test_overlap_rejected),
	 UT_CASE(test_too_many_regions),
	 UT_CASE(test_every_order),
	 UT_CASE(test_alignment),
	 UT_CASE(test_exhaustion_and_recovery),
	 UT_CASE(test_fragmentation),
	 UT_CASE(test_random_no_overlap),
	 UT_CASE(test_bad_frees),
	 UT_CASE(test_double_free_after_merge),
	 UT_CASE(test_stray_write_into_free_pages),
	 UT_CASE(test_concurrent_alloc_free),
	 UT_CASE(test_irq_state_restored))
