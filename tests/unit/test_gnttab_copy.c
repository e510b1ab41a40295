// SPDX-License-Identifier: GPL-2.0-only
/*
 * GNTTABOP_copy: grant to own frame, own frame to grant, grant to grant by a
 * third domain, own to own; the GTF bits around a copy; every misuse with
 * Xen's status and no byte or bit changed.
 */
#include "harness.h"
#include "test_gnttab.h"
#include <asm/fake.h>
#include <string.h>
#include <xen/errno.h>

#define REF    5
#define RAM    (UT_RAM_GFN + 3)   /* granter's page */
#define OWN    (UT_RAM_GFN + 4)   /* copier's page */

static char *page(struct domain *d, uint64_t gfn)
{
	char *p = gt_ptr(d, gfn);

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	return p;
}

static void test_gref_to_own(void)
{
	struct gnttab_copy_ptr src = gt_gref(1, REF, 10), dst = gt_gmfn(OWN, 20);

	gt_begin();
	strcpy(page(gt_d[1], RAM) + 10, "granted bytes");
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access | GTF_readonly);
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &src, &dst, 14, GNTCOPY_source_gref), GNTST_okay);
	CU_ASSERT_STRING_EQUAL(page(gt_d[2], OWN) + 20, "granted bytes");
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access | GTF_readonly);
	gt_end();
}

static void test_own_to_gref(void)
{
	struct gnttab_copy_ptr src = gt_gmfn(OWN, 0), dst = gt_gref(1, REF, PAGE_SIZE - 6);

	gt_begin();
	strcpy(page(gt_d[2], OWN), "tail!");
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &src, &dst, 6, GNTCOPY_dest_gref), GNTST_okay);
	CU_ASSERT_STRING_EQUAL(page(gt_d[1], RAM) + PAGE_SIZE - 6, "tail!");
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	gt_end();
}

/* Domain 0 copies between grants of domains 1 and 2 (both granted to it), whole page. */
static void test_gref_to_gref(void)
{
	struct gnttab_copy_ptr src = gt_gref(1, REF, 0), dst = gt_gref(2, REF + 1, 0);

	gt_begin();
	memset(page(gt_d[1], RAM), 0x5a, PAGE_SIZE);
	gt_grant(gt_d[1], REF, 0, RAM, GTF_permit_access | GTF_readonly);
	gt_grant(gt_d[2], REF + 1, 0, OWN, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_copy(gt_d[0], &src, &dst, PAGE_SIZE,
				GNTCOPY_source_gref | GNTCOPY_dest_gref), GNTST_okay);
	CU_ASSERT_EQUAL(memcmp(page(gt_d[1], RAM), page(gt_d[2], OWN), PAGE_SIZE), 0);
	/* The other way round takes the locks in the other order. */
	src = gt_gref(2, REF + 1, 0);
	dst = gt_gref(1, REF + 2, 0);
	gt_grant(gt_d[1], REF + 2, 0, RAM + 1, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_copy(gt_d[0], &src, &dst, 100, GNTCOPY_source_gref | GNTCOPY_dest_gref),
			GNTST_okay);
	CU_ASSERT_EQUAL((unsigned char)page(gt_d[1], RAM + 1)[99], 0x5a);
	CU_ASSERT_EQUAL((unsigned char)page(gt_d[1], RAM + 1)[100], 0);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access | GTF_readonly);
	CU_ASSERT_EQUAL(gt_flags(gt_d[2], REF + 1), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF + 2), GTF_permit_access);
	gt_end();
}

/* Own frames, and the caller's own grant through DOMID_SELF; overlapping bytes. */
static void test_self(void)
{
	struct gnttab_copy_ptr src = gt_gmfn(OWN, 0), dst = gt_gmfn(OWN, 2);
	struct gnttab_copy_ptr mine = gt_gref(DOMID_SELF, REF, 0);

	gt_begin();
	strcpy(page(gt_d[2], OWN), "abcdef");
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &src, &dst, 6, 0), GNTST_okay);
	CU_ASSERT_STRING_EQUAL(page(gt_d[2], OWN), "ababcdef");
	gt_grant(gt_d[2], REF, 2, OWN + 1, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &src, &mine, 9, GNTCOPY_dest_gref), GNTST_okay);
	CU_ASSERT_STRING_EQUAL(page(gt_d[2], OWN + 1), "ababcdef");
	gt_end();
}

/* While mapped, a copy by the mapper leaves the mapping's bits; another domain is refused. */
static void test_copy_while_mapped(void)
{
	struct gnttab_copy_ptr src = gt_gref(1, REF, 0), dst = gt_gmfn(OWN, 0);
	grant_handle_t h;

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_map(gt_d[2], 1, REF, GT_MAP_GFN, GNTMAP_host_map | GNTMAP_readonly, &h,
			       NULL), GNTST_okay);
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &dst, &src, 8, GNTCOPY_dest_gref), GNTST_okay);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access | GTF_reading);
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &src, &dst, 8, GNTCOPY_source_gref), GNTST_okay);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access | GTF_reading);
	gt_entry(gt_d[1], REF)->domid = 0;
	CU_ASSERT_EQUAL(gt_copy(gt_d[0], &src, &dst, 8, GNTCOPY_source_gref), GNTST_general_error);
	CU_ASSERT_EQUAL(gt_unmap(gt_d[2], h, GT_MAP_GFN), GNTST_okay);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	gt_end();
}

struct bad_copy {
	struct gnttab_copy_ptr src, dst;
	uint16_t len, flags;
	int16_t status;
};

/* Each misuse: its status, and no byte of either page nor any bit changed. */
static void test_misuse(void)
{
	const uint16_t sg = GNTCOPY_source_gref, dg = GNTCOPY_dest_gref;
	const struct bad_copy bad[] = {
		{ gt_gref(1, REF, 0), gt_gmfn(OWN, 0), 1, 0, GNTST_permission_denied },
		{ gt_gmfn(OWN, 0), gt_gref(1, REF, 0), 1, 0, GNTST_permission_denied },
		{ { .u.gmfn = OWN, .domid = 2 }, gt_gmfn(OWN, 0), 1, 0, GNTST_permission_denied },
		{ gt_gref(GT_NO_DOMID, REF, 0), gt_gmfn(OWN, 0), 1, sg, GNTST_bad_domain },
		{ gt_gmfn(OWN, 0), gt_gref(GT_NO_DOMID, REF, 0), 1, dg, GNTST_bad_domain },
		{ gt_gref(1, 512, 0), gt_gmfn(OWN, 0), 1, sg, GNTST_bad_gntref },
		{ gt_gref(1, REF + 1, 0), gt_gmfn(OWN, 0), 1, sg, GNTST_general_error }, /* to dom0 */
		{ gt_gref(1, REF + 2, 0), gt_gmfn(OWN, 0), 1, sg, GNTST_general_error }, /* invalid */
		{ gt_gmfn(OWN, 0), gt_gref(1, REF + 3, 0), 1, dg, GNTST_general_error }, /* r/o dest */
		{ gt_gref(1, REF + 4, 0), gt_gmfn(OWN, 0), 1, sg, GNTST_bad_page },      /* hole */
		{ gt_gmfn(GT_HOLE_GFN, 0), gt_gmfn(OWN, 0), 1, 0, GNTST_bad_page },
		{ gt_gmfn(OWN, 0), gt_gmfn(GT_FRAME_GFN + 1, 0), 1, 0, GNTST_bad_page },
		{ gt_gref(1, REF, 1), gt_gmfn(OWN, 0), PAGE_SIZE, sg, GNTST_bad_copy_arg },
		{ gt_gmfn(OWN, 0), gt_gref(1, REF, PAGE_SIZE), 1, dg, GNTST_bad_copy_arg },
		{ gt_gmfn(OWN, 0xffff), gt_gmfn(OWN, 0), 0xffff, 0, GNTST_bad_copy_arg },
	};

	gt_begin();
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	gt_grant(gt_d[1], REF + 1, 0, RAM, GTF_permit_access);
	gt_grant(gt_d[1], REF + 3, 2, RAM, GTF_permit_access | GTF_readonly);
	gt_grant(gt_d[1], REF + 4, 2, GT_HOLE_GFN, GTF_permit_access);
	memset(page(gt_d[1], RAM), 0x11, PAGE_SIZE);
	memset(page(gt_d[2], OWN), 0x22, PAGE_SIZE);
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		CU_ASSERT_EQUAL(gt_copy(gt_d[2], &bad[i].src, &bad[i].dst, bad[i].len, bad[i].flags),
				bad[i].status);
		CU_ASSERT_EQUAL((unsigned char)page(gt_d[1], RAM)[0], 0x11);
		CU_ASSERT_EQUAL((unsigned char)page(gt_d[2], OWN)[0], 0x22);
	}
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF + 1), GTF_permit_access);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF + 2), 0);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF + 3), GTF_permit_access | GTF_readonly);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF + 4), GTF_permit_access);
	gt_end();
}

/* A read-only RAM page is a copy source, never a destination. */
static void test_ro_ram(void)
{
	struct gnttab_copy_ptr own = gt_gmfn(OWN, 0), grant = gt_gref(1, REF, 0);

	gt_begin();
	CU_ASSERT_EQUAL(p2m_change_type(&gt_d[2]->p2m, gfn_init(OWN), 1, P2M_RAM_RW, P2M_RAM_RO), 1);
	gt_grant(gt_d[1], REF, 2, RAM, GTF_permit_access);
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &grant, &own, 1, GNTCOPY_source_gref), GNTST_bad_page);
	CU_ASSERT_EQUAL(gt_copy(gt_d[2], &own, &grant, 1, GNTCOPY_dest_gref), GNTST_okay);
	CU_ASSERT_EQUAL(gt_flags(gt_d[1], REF), GTF_permit_access);
	CU_ASSERT_EQUAL(p2m_change_type(&gt_d[2]->p2m, gfn_init(OWN), 1, P2M_RAM_RO, P2M_RAM_RW), 1);
	gt_end();
}

/* A batch with a bad op in the middle; a fault stops it with -EFAULT. */
static void test_batch_fault(void)
{
	struct gnttab_copy ops[3] = {
		{ .source = gt_gmfn(OWN, 0), .dest = gt_gmfn(OWN, 8), .len = 4 },
		{ .source = gt_gmfn(GT_HOLE_GFN, 0), .dest = gt_gmfn(OWN, 16), .len = 4 },
		{ .source = gt_gmfn(OWN, 0), .dest = gt_gmfn(OWN, 24), .len = 4 },
	};

	gt_begin();
	strcpy(page(gt_d[2], OWN), "abc");
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_copy, ops, 3), 0);
	CU_ASSERT_EQUAL(ops[0].status, GNTST_okay);
	CU_ASSERT_EQUAL(ops[1].status, GNTST_bad_page);
	CU_ASSERT_EQUAL(ops[2].status, GNTST_okay);
	CU_ASSERT_STRING_EQUAL(page(gt_d[2], OWN) + 24, "abc");
	ops[2].dest.offset = 32;
	fake_guest_bad_lo = (uint64_t)(uintptr_t)&ops[2];
	fake_guest_bad_hi = fake_guest_bad_lo + 1;
	CU_ASSERT_EQUAL(gt_op(gt_d[2], GNTTABOP_copy, ops, 3), -EFAULT);
	CU_ASSERT_EQUAL(page(gt_d[2], OWN)[32], 0);
	gt_end();
}

UT_SUITE(gnttab_copy, "gnttab_copy", gt_suite_init, gt_suite_cleanup,
	 UT_CASE(test_gref_to_own), UT_CASE(test_own_to_gref), UT_CASE(test_gref_to_gref),
	 UT_CASE(test_self), UT_CASE(test_copy_while_mapped), UT_CASE(test_misuse),
	 UT_CASE(test_ro_ram), UT_CASE(test_batch_fault))
