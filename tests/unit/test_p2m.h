/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the p2m suites (test_p2m_*.c): a page pool for table
 * pages, an independent reading of stage-2 descriptors, and a census of the
 * tables that the p2m's own counters must match.
 */
#ifndef UNIT_TEST_P2M_H
#define UNIT_TEST_P2M_H

#include <xen/p2m.h>

/*
 * Stage-2 descriptor fields (Arm ARM D8.3, 4 KiB granule), written out here
 * again rather than taken from the code under test.
 */
#define T_VALID          (1ULL << 0)
#define T_TABLE          (1ULL << 1)   /* table (levels 0-2) or page (level 3) */
#define T_AF             (1ULL << 10)
#define T_XN             (1ULL << 54)
#define T_OA(d)          ((d) & 0x0000fffffffff000ULL)
#define T_MEMATTR(d)     (((d) >> 2) & 0xf)
#define T_S2AP(d)        (((d) >> 6) & 0x3)
#define T_SH(d)          (((d) >> 8) & 0x3)
#define T_SW(d)          (((d) >> 55) & 0xf)
#define T_MEMATTR_NORMAL 0xf
#define T_MEMATTR_DEVICE 0x1           /* Device-nGnRE */
#define T_S2AP_RO        0x1
#define T_S2AP_RW        0x3
#define T_SH_INNER       0x3

#define T_PAGES_2M       (1ULL << 9)   /* frames in a 2 MiB block */
#define T_PAGES_1G       (1ULL << 18)  /* frames in a 1 GiB block */
#define T_ORDER_2M       9
#define T_ORDER_1G       18

/* Gives the page allocator a fresh pool of this many bytes (2 MiB aligned). */
void p2mt_pool_init(uint64_t bytes);
/* Forgets the pool (page_alloc_reset) and frees its memory. */
void p2mt_pool_fini(void);
/* Suite init/cleanup with an 8 MiB pool. */
int p2mt_suite_init(void);
int p2mt_suite_cleanup(void);

/* What the tables hold, found by walking them from the root. */
struct p2mt_census {
	uint64_t tables;                   /* table pages, root included */
	uint64_t mapped[P2M_TYPE_COUNT];   /* 4 KiB frames behind the leaves */
	unsigned int empty_tables;         /* tables below the root mapping nothing */
	unsigned int bad;                  /* malformed descriptors */
};

void p2mt_census(const struct p2m *p2m, struct p2mt_census *c);

/* CU_ASSERTs that p2m->table_pages and p2m->mapped[] match a census, none bad or empty. */
void p2mt_check_counters(const struct p2m *p2m);

/* The descriptor of root entry i (in the concatenated root tables). */
uint64_t p2mt_root_entry(const struct p2m *p2m, uint64_t i);

#endif /* UNIT_TEST_P2M_H */
