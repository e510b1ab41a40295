// SPDX-License-Identifier: GPL-2.0-only
/* Grant-table suites: the fixture and helpers of test_gnttab.h. */
#include "harness.h"
#include "test_gnttab.h"
#include <arch/mm.h>
#include <asm/fake.h>
#include <xen/page_alloc.h>
#include <xen/xmalloc.h>

#define GT_EXHAUST_MAX  256  /* free blocks a fragmented pool may hold */

struct domain *gt_d[3];

static uint64_t free_at_start;
static size_t bytes_at_start;

int gt_suite_init(void)
{
	return ut_domains_init(GT_POOL_MIB) ? -1 : 0;
}

int gt_suite_cleanup(void)
{
	hardware_domain = NULL;
	return ut_domains_fini();
}

void gt_begin(void)
{
	free_at_start = page_alloc_free_count();
	bytes_at_start = fake_xmalloc_in_use();
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
	for (domid_t id = 0; id < 3; id++) {
		gt_d[id] = ut_domain_create(id, 1, GT_RAM_PAGES);
		CU_ASSERT_PTR_NOT_NULL_FATAL(gt_d[id]);
		CU_ASSERT_EQUAL_FATAL(grant_table_init(gt_d[id], GT_FRAMES, GT_MAPTRACK), 0);
		CU_ASSERT_EQUAL_FATAL(gnttab_map_frame(gt_d[id], 0, gfn_init(GT_FRAME_GFN)), 0);
	}
	hardware_domain = gt_d[0];
}

void gt_end(void)
{
	for (unsigned int i = 0; i < 3; i++)
		grant_table_destroy(gt_d[i]);
	for (unsigned int i = 0; i < 3; i++) {
		CU_ASSERT_PTR_NULL(gt_d[i]->grant_table);
		ut_domain_destroy(gt_d[i]);
		gt_d[i] = NULL;
	}
	hardware_domain = NULL;
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
	CU_ASSERT_EQUAL(page_alloc_free_count(), free_at_start);
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), bytes_at_start);
}

struct grant_entry_v1 *gt_entry(struct domain *d, grant_ref_t ref)
{
	uint64_t per_frame = PAGE_SIZE / sizeof(struct grant_entry_v1);
	struct grant_entry_v1 *frame = gt_ptr(d, GT_FRAME_GFN + ref / per_frame);

	CU_ASSERT_PTR_NOT_NULL_FATAL(frame);
	return &frame[ref % per_frame];
}

void gt_grant(struct domain *d, grant_ref_t ref, domid_t to, uint64_t gfn, uint16_t flags)
{
	struct grant_entry_v1 *e = gt_entry(d, ref);

	e->frame = (uint32_t)gfn;
	e->domid = to;
	__atomic_store_n(&e->flags, flags, __ATOMIC_RELEASE);
}

uint16_t gt_flags(struct domain *d, grant_ref_t ref)
{
	return __atomic_load_n(&gt_entry(d, ref)->flags, __ATOMIC_ACQUIRE);
}

uint64_t gt_mfn(struct domain *d, uint64_t gfn)
{
	mfn_t mfn;

	if (p2m_lookup(&d->p2m, gfn_init(gfn), &mfn, NULL) == P2M_INVALID)
		return ~0ULL;
	return mfn_val(mfn);
}

enum p2m_type gt_type(struct domain *d, uint64_t gfn)
{
	return p2m_lookup(&d->p2m, gfn_init(gfn), NULL, NULL);
}

void *gt_ptr(struct domain *d, uint64_t gfn)
{
	uint64_t mfn = gt_mfn(d, gfn);

	return mfn == ~0ULL ? NULL : arch_pa_to_va(mfn_to_pa(mfn_init(mfn)));
}

long gt_op(struct domain *d, uint64_t cmd, void *uop, uint64_t count)
{
	uint64_t a[HCALL_ARGS] = { cmd, (uint64_t)(uintptr_t)uop, count };

	return do_grant_table_op(d->vcpus[0], a);
}

int16_t gt_map(struct domain *d, domid_t dom, grant_ref_t ref, uint64_t gfn, uint32_t flags,
	       grant_handle_t *h, uint64_t *bus)
{
	struct gnttab_map_grant_ref op = {
		.host_addr = gfn << PAGE_SHIFT, .flags = flags, .ref = ref, .dom = dom,
		.status = 1, .handle = ~0U, .dev_bus_addr = ~0ULL,
	};

	CU_ASSERT_EQUAL(gt_op(d, GNTTABOP_map_grant_ref, &op, 1), 0);
	if (h)
		*h = op.handle;
	if (bus)
		*bus = op.dev_bus_addr;
	return op.status;
}

int16_t gt_unmap(struct domain *d, grant_handle_t h, uint64_t gfn)
{
	struct gnttab_unmap_grant_ref op = { .host_addr = gfn << PAGE_SHIFT, .handle = h, .status = 1 };

	CU_ASSERT_EQUAL(gt_op(d, GNTTABOP_unmap_grant_ref, &op, 1), 0);
	return op.status;
}

int16_t gt_copy(struct domain *d, const struct gnttab_copy_ptr *src, const struct gnttab_copy_ptr *dst,
		uint16_t len, uint16_t flags)
{
	struct gnttab_copy op = { .source = *src, .dest = *dst, .len = len, .flags = flags, .status = 1 };

	CU_ASSERT_EQUAL(gt_op(d, GNTTABOP_copy, &op, 1), 0);
	return op.status;
}

struct gnttab_copy_ptr gt_gref(domid_t dom, grant_ref_t ref, uint16_t off)
{
	return (struct gnttab_copy_ptr){ .u.ref = ref, .domid = dom, .offset = off };
}

struct gnttab_copy_ptr gt_gmfn(uint64_t gfn, uint16_t off)
{
	return (struct gnttab_copy_ptr){ .u.gmfn = gfn, .domid = DOMID_SELF, .offset = off };
}

static struct {
	mfn_t mfn;
	unsigned int order;
} taken[GT_EXHAUST_MAX];
static unsigned int nr_taken;

void gt_exhaust(void)
{
	for (int order = PAGE_ALLOC_MAX_ORDER; order >= 0; order--) {
		while (nr_taken < GT_EXHAUST_MAX &&
		       !alloc_pages((unsigned int)order, &taken[nr_taken].mfn))
			taken[nr_taken++].order = (unsigned int)order;
	}
	CU_ASSERT_EQUAL(page_alloc_free_count(), 0);
}

void gt_restore(void)
{
	while (nr_taken) {
		nr_taken--;
		CU_ASSERT_EQUAL(free_pages(taken[nr_taken].mfn, taken[nr_taken].order), 0);
	}
}
