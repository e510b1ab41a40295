// SPDX-License-Identifier: GPL-2.0-only
/* Helpers shared by the p2m suites: see test_p2m.h. */
#include "harness.h"
#include "test_p2m.h"
#include <stdlib.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>

#define POOL_ALIGN  MiB(2)
#define POOL_SIZE   MiB(8)

static void *pool;

void p2mt_pool_init(uint64_t bytes)
{
	p2mt_pool_fini();
	pool = aligned_alloc(POOL_ALIGN, ALIGN_UP(bytes, POOL_ALIGN));
	CU_ASSERT_PTR_NOT_NULL_FATAL(pool);
	CU_ASSERT_EQUAL_FATAL(page_alloc_add_region(pa_init((uintptr_t)pool), bytes), 0);
}

void p2mt_pool_fini(void)
{
	page_alloc_reset();
	free(pool);
	pool = NULL;
}

int p2mt_suite_init(void)
{
	page_alloc_reset();
	pool = aligned_alloc(POOL_ALIGN, POOL_SIZE);
	if (!pool || page_alloc_add_region(pa_init((uintptr_t)pool), POOL_SIZE))
		return -1;
	return 0;
}

int p2mt_suite_cleanup(void)
{
	p2mt_pool_fini();
	return 0;
}

static const uint64_t *table_at(uint64_t desc)
{
	return (const uint64_t *)(uintptr_t)T_OA(desc);
}

static void census_table(const uint64_t *t, uint64_t nr, unsigned int level, bool root,
			 struct p2mt_census *c)
{
	unsigned int used = 0;

	for (uint64_t i = 0; i < nr; i++) {
		uint64_t d = t[i];

		if (!(d & T_VALID))
			continue;
		used++;
		if (level < 3 && (d & T_TABLE)) {
			c->tables++;
			census_table(table_at(d), 512, level + 1, false, c);
		} else if (level == 0 || (level == 3 && !(d & T_TABLE)) ||
			   T_SW(d) == P2M_INVALID || T_SW(d) >= P2M_TYPE_COUNT) {
			c->bad++;
		} else {
			c->mapped[T_SW(d)] += 1ULL << (9 * (3 - level));
		}
	}
	if (!used && !root)
		c->empty_tables++;
}

void p2mt_census(const struct p2m *p2m, struct p2mt_census *c)
{
	*c = (struct p2mt_census){ .tables = p2m->root_pages };
	census_table((const uint64_t *)(uintptr_t)pa_val(p2m->root), 512ULL * p2m->root_pages,
		     p2m->root_level, true, c);
}

void p2mt_check_counters(const struct p2m *p2m)
{
	struct p2mt_census c;

	p2mt_census(p2m, &c);
	CU_ASSERT_EQUAL(c.bad, 0);
	CU_ASSERT_EQUAL(c.empty_tables, 0);
	CU_ASSERT_EQUAL(p2m->table_pages, c.tables);
	for (unsigned int t = 0; t < P2M_TYPE_COUNT; t++)
		CU_ASSERT_EQUAL(p2m->mapped[t], c.mapped[t]);
}

uint64_t p2mt_root_entry(const struct p2m *p2m, uint64_t i)
{
	return ((const uint64_t *)(uintptr_t)pa_val(p2m->root))[i];
}
