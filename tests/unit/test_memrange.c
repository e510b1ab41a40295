// SPDX-License-Identifier: GPL-2.0-only
/* memrange: sorted, merged, disjoint ranges in caller storage. */
#include "harness.h"
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/memrange.h>

#define SLOTS     8
#define TOP_PAGE  (UINT64_MAX - PAGE_SIZE + 1)  /* last page of the address space */

static struct mem_region storage[SLOTS];
static struct memrange_set set;

/* Expected content: pairs of (start, end). */
struct span {
	uint64_t start;
	uint64_t end;
};

static void reset(unsigned int max)
{
	memset(storage, 0xa5, sizeof(storage));
	memrange_init(&set, storage, max);
}

static int add(uint64_t start, uint64_t end)
{
	return memrange_add(&set, pa_init(start), end - start);
}

static int rem(uint64_t start, uint64_t end)
{
	return memrange_remove(&set, pa_init(start), end - start);
}

static bool has(uint64_t start, uint64_t end)
{
	return memrange_contains(&set, pa_init(start), end - start);
}

static void expect(const struct span *want, unsigned int n)
{
	CU_ASSERT_EQUAL_FATAL(set.count, n);
	for (unsigned int i = 0; i < n; i++) {
		CU_ASSERT_EQUAL(pa_val(set.r[i].start), want[i].start);
		CU_ASSERT_EQUAL(pa_val(set.r[i].start) + set.r[i].size, want[i].end);
	}
}

#define EXPECT(...)                                                            \
	do {                                                                   \
		static const struct span want_[] = { __VA_ARGS__ };            \
		expect(want_, ARRAY_SIZE(want_));                              \
	} while (0)

static void test_init_empty(void)
{
	reset(SLOTS);
	CU_ASSERT_PTR_EQUAL(set.r, storage);
	CU_ASSERT_EQUAL(set.count, 0);
	CU_ASSERT_EQUAL(set.max, SLOTS);
	CU_ASSERT_EQUAL(memrange_total(&set), 0);
	CU_ASSERT_FALSE(has(0, 1));
	CU_ASSERT_EQUAL(rem(0, 0x1000), 0);
	CU_ASSERT_EQUAL(set.count, 0);
}

static void test_add_sorted(void)
{
	reset(SLOTS);
	CU_ASSERT_EQUAL(add(0x5000, 0x6000), 0);
	CU_ASSERT_EQUAL(add(0x1000, 0x2000), 0);
	CU_ASSERT_EQUAL(add(0x9000, 0xa000), 0);
	CU_ASSERT_EQUAL(add(0x3000, 0x4000), 0);
	EXPECT({ 0x1000, 0x2000 }, { 0x3000, 0x4000 }, { 0x5000, 0x6000 }, { 0x9000, 0xa000 });
	CU_ASSERT_EQUAL(memrange_total(&set), 0x4000);
}

static void test_add_adjacent_merges(void)
{
	reset(SLOTS);
	CU_ASSERT_EQUAL(add(0x2000, 0x3000), 0);
	CU_ASSERT_EQUAL(add(0x3000, 0x4000), 0);   /* touches on the right */
	CU_ASSERT_EQUAL(add(0x1000, 0x2000), 0);   /* touches on the left */
	EXPECT({ 0x1000, 0x4000 });
	CU_ASSERT_EQUAL(add(0x6000, 0x7000), 0);
	CU_ASSERT_EQUAL(add(0x4000, 0x6000), 0);   /* fills the gap: three become one */
	EXPECT({ 0x1000, 0x7000 });
}

static void test_add_overlap_merges(void)
{
	reset(SLOTS);
	CU_ASSERT_EQUAL(add(0x1000, 0x3000), 0);
	CU_ASSERT_EQUAL(add(0x2000, 0x5000), 0);
	EXPECT({ 0x1000, 0x5000 });
	CU_ASSERT_EQUAL(add(0x1000, 0x5000), 0);   /* identical */
	CU_ASSERT_EQUAL(add(0x2000, 0x3000), 0);   /* enclosed */
	EXPECT({ 0x1000, 0x5000 });
	CU_ASSERT_EQUAL(add(0x8000, 0x9000), 0);
	CU_ASSERT_EQUAL(add(0xb000, 0xc000), 0);
	CU_ASSERT_EQUAL(add(0x0, 0x10000), 0);     /* encloses all three */
	EXPECT({ 0x0, 0x10000 });
	CU_ASSERT_EQUAL(memrange_total(&set), 0x10000);
}

static void test_add_full(void)
{
	reset(2);
	CU_ASSERT_EQUAL(add(0x1000, 0x2000), 0);
	CU_ASSERT_EQUAL(add(0x5000, 0x6000), 0);
	CU_ASSERT_EQUAL(add(0x8000, 0x9000), -ENOSPC);
	CU_ASSERT_EQUAL(add(0x0, 0x800), -ENOSPC);
	EXPECT({ 0x1000, 0x2000 }, { 0x5000, 0x6000 });
	/* Merging needs no slot, even when full. */
	CU_ASSERT_EQUAL(add(0x6000, 0x7000), 0);
	CU_ASSERT_EQUAL(add(0x1800, 0x5800), 0);
	EXPECT({ 0x1000, 0x7000 });
	/* No slot at all. */
	reset(0);
	CU_ASSERT_EQUAL(add(0x1000, 0x2000), -ENOSPC);
	CU_ASSERT_EQUAL(set.count, 0);
}

static void test_add_overflow_and_empty(void)
{
	reset(SLOTS);
	CU_ASSERT_EQUAL(memrange_add(&set, pa_init(UINT64_MAX), 2), -EINVAL);
	CU_ASSERT_EQUAL(memrange_add(&set, pa_init(TOP_PAGE), PAGE_SIZE), -EINVAL);
	CU_ASSERT_EQUAL(memrange_add(&set, pa_init(0x1000), UINT64_MAX), -EINVAL);
	CU_ASSERT_EQUAL(set.count, 0);
	CU_ASSERT_EQUAL(memrange_add(&set, pa_init(0x1000), 0), 0);
	CU_ASSERT_EQUAL(set.count, 0);
	/* The highest range that does not overflow is fine. */
	CU_ASSERT_EQUAL(memrange_add(&set, pa_init(TOP_PAGE), PAGE_SIZE - 1), 0);
	EXPECT({ TOP_PAGE, UINT64_MAX });
}

static void test_remove_whole_and_sides(void)
{
	reset(SLOTS);
	add(0x1000, 0x4000);
	add(0x6000, 0x9000);
	CU_ASSERT_EQUAL(rem(0x1000, 0x2000), 0);   /* left side */
	CU_ASSERT_EQUAL(rem(0x8000, 0x9000), 0);   /* right side */
	EXPECT({ 0x2000, 0x4000 }, { 0x6000, 0x8000 });
	CU_ASSERT_EQUAL(rem(0x3000, 0x7000), 0);   /* spans the gap */
	EXPECT({ 0x2000, 0x3000 }, { 0x7000, 0x8000 });
	CU_ASSERT_EQUAL(rem(0x7000, 0x8000), 0);   /* identical */
	EXPECT({ 0x2000, 0x3000 });
	CU_ASSERT_EQUAL(rem(0x0, 0x10000), 0);     /* encloses everything */
	CU_ASSERT_EQUAL(set.count, 0);
}

static void test_remove_disjoint_noop(void)
{
	reset(SLOTS);
	add(0x2000, 0x4000);
	CU_ASSERT_EQUAL(rem(0x1000, 0x2000), 0);   /* adjacent below */
	CU_ASSERT_EQUAL(rem(0x4000, 0x5000), 0);   /* adjacent above */
	CU_ASSERT_EQUAL(rem(0x3000, 0x3000), 0);   /* empty */
	EXPECT({ 0x2000, 0x4000 });
}

static void test_remove_many(void)
{
	reset(SLOTS);
	for (uint64_t a = 0x1000; a < 0x9000; a += 0x2000)
		add(a, a + 0x1000);
	CU_ASSERT_EQUAL(set.count, 4);
	CU_ASSERT_EQUAL(rem(0x1800, 0x7800), 0);
	EXPECT({ 0x1000, 0x1800 }, { 0x7800, 0x8000 });
}

static void test_remove_split(void)
{
	reset(SLOTS);
	add(0x1000, 0x9000);
	CU_ASSERT_EQUAL(rem(0x3000, 0x4000), 0);
	EXPECT({ 0x1000, 0x3000 }, { 0x4000, 0x9000 });
	CU_ASSERT_EQUAL(rem(0x5000, 0x6000), 0);
	EXPECT({ 0x1000, 0x3000 }, { 0x4000, 0x5000 }, { 0x6000, 0x9000 });
	CU_ASSERT_EQUAL(memrange_total(&set), 0x6000);
}

static void test_remove_split_full(void)
{
	reset(2);
	add(0x1000, 0x9000);
	add(0xa000, 0xc000);
	CU_ASSERT_EQUAL(rem(0x3000, 0x4000), -ENOSPC);
	EXPECT({ 0x1000, 0x9000 }, { 0xa000, 0xc000 });
	/* Trimming needs no slot. */
	CU_ASSERT_EQUAL(rem(0x8000, 0xb000), 0);
	EXPECT({ 0x1000, 0x8000 }, { 0xb000, 0xc000 });
}

static void test_remove_overflow(void)
{
	reset(SLOTS);
	add(0x1000, 0x2000);
	CU_ASSERT_EQUAL(memrange_remove(&set, pa_init(0x1000), UINT64_MAX), -EINVAL);
	CU_ASSERT_EQUAL(memrange_remove(&set, pa_init(TOP_PAGE), PAGE_SIZE), -EINVAL);
	EXPECT({ 0x1000, 0x2000 });
}

static void test_contains(void)
{
	reset(SLOTS);
	add(0x1000, 0x3000);
	add(0x4000, 0x6000);
	CU_ASSERT_TRUE(has(0x1000, 0x3000));
	CU_ASSERT_TRUE(has(0x1800, 0x2000));
	CU_ASSERT_TRUE(has(0x5fff, 0x6000));
	CU_ASSERT_FALSE(has(0x0fff, 0x2000));      /* starts below */
	CU_ASSERT_FALSE(has(0x2000, 0x3001));      /* ends above */
	CU_ASSERT_FALSE(has(0x2000, 0x5000));      /* spans a gap */
	CU_ASSERT_FALSE(has(0x3000, 0x4000));      /* in the gap */
	CU_ASSERT_FALSE(has(0x6000, 0x7000));      /* just after */
	CU_ASSERT_TRUE(has(0x1000, 0x1000));       /* empty, at a range's start */
	CU_ASSERT_FALSE(has(0x3000, 0x3000));      /* empty, at a range's end */
	CU_ASSERT_FALSE(memrange_contains(&set, pa_init(0x1000), UINT64_MAX));
}

/* The boot use: RAM banks minus reserved regions, image, DTB and modules. */
static void test_boot_scenario(void)
{
	reset(SLOTS);
	CU_ASSERT_EQUAL(memrange_add(&set, pa_init(GiB(1)), GiB(1)), 0);
	CU_ASSERT_EQUAL(memrange_add(&set, pa_init(GiB(8)), GiB(2)), 0);
	/* Hypervisor image, DTB, kernel module, a reservation past a bank's end. */
	CU_ASSERT_EQUAL(memrange_remove(&set, pa_init(GiB(1)), MiB(2)), 0);
	CU_ASSERT_EQUAL(memrange_remove(&set, pa_init(GiB(1) + MiB(64)), KiB(64)), 0);
	CU_ASSERT_EQUAL(memrange_remove(&set, pa_init(GiB(9)), MiB(32)), 0);
	CU_ASSERT_EQUAL(memrange_remove(&set, pa_init(GiB(2) - MiB(1)), MiB(2)), 0);
	CU_ASSERT_EQUAL(set.count, 4);
	CU_ASSERT_EQUAL(memrange_total(&set), GiB(3) - MiB(2) - KiB(64) - MiB(32) - MiB(1));
	CU_ASSERT_TRUE(memrange_contains(&set, pa_init(GiB(1) + MiB(2)), MiB(62)));
	CU_ASSERT_FALSE(memrange_contains(&set, pa_init(GiB(1) + MiB(2)), MiB(63)));
}

UT_SUITE(memrange_suite, "memrange", NULL, NULL,
	 UT_CASE(test_init_empty),
	 UT_CASE(test_add_sorted),
	 UT_CASE(test_add_adjacent_merges),
	 UT_CASE(test_add_overlap_merges),
	 UT_CASE(test_add_full),
	 UT_CASE(test_add_overflow_and_empty),
	 UT_CASE(test_remove_whole_and_sides),
	 UT_CASE(test_remove_disjoint_noop),
	 UT_CASE(test_remove_many),
	 UT_CASE(test_remove_split),
	 UT_CASE(test_remove_split_full),
	 UT_CASE(test_remove_overflow),
	 UT_CASE(test_contains),
	 UT_CASE(test_boot_scenario))
