/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the grant-table suites (test_gnttab_*.c): three test
 * domains with grant tables (0 is the hardware domain), entries written the
 * way a granting guest writes them, and the hypercall driven with op structs
 * on the test's stack (the fake arch's guest addresses are host pointers).
 */
#ifndef UNIT_TEST_GNTTAB_H
#define UNIT_TEST_GNTTAB_H

#include <public/grant_table.h>
#include <xen/grant_table.h>
#include <xen/lib.h>
#include "ut_domain.h"

#define GT_POOL_MIB    16
#define GT_RAM_PAGES   16                        /* RAM at UT_RAM_GFN.. */
#define GT_FRAMES      4                         /* max grant frames */
#define GT_MAPTRACK    8                         /* maptrack entries */
#define GT_MAP_GFN     (UT_RAM_GFN + 0x10000UL)  /* free gfns for grant mappings */
#define GT_FRAME_GFN   (UT_RAM_GFN + 0x20000UL)  /* where frame i of a table is mapped */
#define GT_HOLE_GFN    (UT_RAM_GFN + 0x30000UL)  /* nothing is ever mapped here */
#define GT_NO_DOMID    7                         /* no such domain */

/* Domains 0 (hardware_domain), 1 and 2, made by gt_begin(). */
extern struct domain *gt_d[3];

int gt_suite_init(void);
int gt_suite_cleanup(void);
/* Creates the domains with tables (frame 0 mapped at GT_FRAME_GFN) and notes the counters. */
void gt_begin(void);
/* Destroys tables and domains; asserts every page and byte came back. */
void gt_end(void);

/* Granter d's entry ref (its frame mapped at GT_FRAME_GFN + ref / 512). */
struct grant_entry_v1 *gt_entry(struct domain *d, grant_ref_t ref);
/* Writes an entry as a guest does: frame and domid first, flags last. */
void gt_grant(struct domain *d, grant_ref_t ref, domid_t to, uint64_t gfn, uint16_t flags);
uint16_t gt_flags(struct domain *d, grant_ref_t ref);

/* Host pointer to whatever d's p2m maps at gfn (any type), NULL if nothing. */
void *gt_ptr(struct domain *d, uint64_t gfn);
/* The mfn behind gfn of d (~0 if nothing) and its type. */
uint64_t gt_mfn(struct domain *d, uint64_t gfn);
enum p2m_type gt_type(struct domain *d, uint64_t gfn);

/* HYPERVISOR_grant_table_op from d's vCPU 0. */
long gt_op(struct domain *d, uint64_t cmd, void *uop, uint64_t count);

/* One map op; *h and *bus get the results (may be NULL). */
int16_t gt_map(struct domain *d, domid_t dom, grant_ref_t ref, uint64_t gfn, uint32_t flags,
	       grant_handle_t *h, uint64_t *bus);
int16_t gt_unmap(struct domain *d, grant_handle_t h, uint64_t gfn);
/* One copy op: len bytes from (src, soff) to (dst, doff). */
int16_t gt_copy(struct domain *d, const struct gnttab_copy_ptr *src, const struct gnttab_copy_ptr *dst,
		uint16_t len, uint16_t flags);
struct gnttab_copy_ptr gt_gref(domid_t dom, grant_ref_t ref, uint16_t off);
struct gnttab_copy_ptr gt_gmfn(uint64_t gfn, uint16_t off);

/* Takes every free page (so the next allocation fails), then gives them back. */
void gt_exhaust(void);
void gt_restore(void);

#endif /* UNIT_TEST_GNTTAB_H */
