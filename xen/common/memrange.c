// SPDX-License-Identifier: GPL-2.0-only
/*
 * Sets of physical address ranges in caller storage. Invariant: s->r[0 ..
 * count) is sorted by start, every range is non-empty, and two ranges neither
 * overlap nor touch (touching ranges are merged). Every operation checks what
 * it needs first and only then modifies the set, so a failure changes nothing.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/memrange.h>

static uint64_t range_end(const struct mem_region *r)
{
	return pa_val(r->start) + r->size;
}

/* [start, start+size) as [*startp, *endp); false if the end overflows. */
static bool range_bounds(paddr_t start, uint64_t size, uint64_t *startp, uint64_t *endp)
{
	*startp = pa_val(start);
	*endp = *startp + size;
	return *endp >= *startp;
}

static void set_range(struct mem_region *r, uint64_t start, uint64_t end)
{
	r->start = pa_init(start);
	r->size = end - start;
}

/* Opens a hole at index i; the caller has checked that a slot is free. */
static void slot_insert(struct memrange_set *s, unsigned int i, uint64_t start, uint64_t end)
{
	memmove(&s->r[i + 1], &s->r[i], (s->count - i) * sizeof(s->r[0]));
	s->count++;
	set_range(&s->r[i], start, end);
}

/* Drops the n ranges starting at index i. */
static void slots_delete(struct memrange_set *s, unsigned int i, unsigned int n)
{
	memmove(&s->r[i], &s->r[i + n], (s->count - i - n) * sizeof(s->r[0]));
	s->count -= n;
}

void memrange_init(struct memrange_set *s, struct mem_region *storage, unsigned int max)
{
	s->r = storage;
	s->count = 0;
	s->max = max;
}

int memrange_add(struct memrange_set *s, paddr_t start, uint64_t size)
{
	uint64_t lo, hi;
	unsigned int i, j;

	if (!range_bounds(start, size, &lo, &hi))
		return -EINVAL;
	if (!size)
		return 0;

	/* i: first range that ends at or after lo (overlaps or touches). */
	for (i = 0; i < s->count && range_end(&s->r[i]) < lo; i++)
		;
	/* j: one past the last range that starts at or before hi. */
	for (j = i; j < s->count && pa_val(s->r[j].start) <= hi; j++)
		;

	if (i == j) {
		if (s->count == s->max)
			return -ENOSPC;
		slot_insert(s, i, lo, hi);
		return 0;
	}

	lo = MIN(lo, pa_val(s->r[i].start));
	hi = MAX(hi, range_end(&s->r[j - 1]));
	set_range(&s->r[i], lo, hi);
	slots_delete(s, i + 1, j - i - 1);
	return 0;
}

/* Index of the range strictly enclosing [lo, hi) on both sides, or s->count. */
static unsigned int find_splitting(const struct memrange_set *s, uint64_t lo, uint64_t hi)
{
	unsigned int i;

	for (i = 0; i < s->count; i++)
		if (pa_val(s->r[i].start) < lo && range_end(&s->r[i]) > hi)
			break;
	return i;
}

int memrange_remove(struct memrange_set *s, paddr_t start, uint64_t size)
{
	uint64_t lo, hi, rs, re;
	unsigned int i;

	if (!range_bounds(start, size, &lo, &hi))
		return -EINVAL;
	if (!size)
		return 0;

	i = find_splitting(s, lo, hi);
	if (i < s->count) {
		if (s->count == s->max)
			return -ENOSPC;
		re = range_end(&s->r[i]);
		set_range(&s->r[i], pa_val(s->r[i].start), lo);
		slot_insert(s, i + 1, hi, re);
		return 0;
	}

	for (i = 0; i < s->count;) {
		rs = pa_val(s->r[i].start);
		re = range_end(&s->r[i]);
		if (re <= lo || rs >= hi) {
			i++;
		} else if (rs >= lo && re <= hi) {
			slots_delete(s, i, 1);
		} else {
			/* Overlaps one side only: keep the part outside [lo, hi). */
			if (rs < lo)
				set_range(&s->r[i], rs, lo);
			else
				set_range(&s->r[i], hi, re);
			i++;
		}
	}
	return 0;
}

/*
 * A zero-size range counts as contained when its start lies inside a range;
 * a range whose end overflows is never contained.
 */
bool memrange_contains(const struct memrange_set *s, paddr_t start, uint64_t size)
{
	uint64_t lo, hi;

	if (!range_bounds(start, size, &lo, &hi))
		return false;
	for (unsigned int i = 0; i < s->count; i++) {
		if (pa_val(s->r[i].start) <= lo && lo < range_end(&s->r[i]))
			return hi <= range_end(&s->r[i]);
	}
	return false;
}

uint64_t memrange_total(const struct memrange_set *s)
{
	uint64_t total = 0;

	for (unsigned int i = 0; i < s->count; i++)
		total += s->r[i].size;
	return total;
}
