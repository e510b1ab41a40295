/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_memory_op(cmd, arg) (numbers and layouts of Xen's
 * public/memory.h; docs/specs/hypercalls.md).
 */
#ifndef PUBLIC_MEMORY_H
#define PUBLIC_MEMORY_H

#include <public/xen.h>

#define XENMEM_increase_reservation 0
#define XENMEM_decrease_reservation 1
#define XENMEM_maximum_ram_page     2
#define XENMEM_current_reservation  3
#define XENMEM_maximum_reservation  4
#define XENMEM_populate_physmap     6
#define XENMEM_add_to_physmap       7
#define XENMEM_remove_from_physmap  15
#define XENMEM_add_to_physmap_batch 23   /* Linux: XENMEM_add_to_physmap_range */
#define XENMEM_acquire_resource     28

struct xen_memory_reservation {
	uint64_t extent_start;   /* guest address of xen_pfn_t[nr_extents] */
	xen_ulong_t nr_extents;
	uint32_t extent_order;
	uint32_t mem_flags;
	domid_t domid;
	uint16_t pad[3];
};

#define XENMAPSPACE_shared_info  0
#define XENMAPSPACE_grant_table  1
#define XENMAPSPACE_gmfn         2
#define XENMAPSPACE_gmfn_range   3
#define XENMAPSPACE_gmfn_foreign 4
#define XENMAPSPACE_dev_mmio     5
#define XENMAPIDX_grant_table_status 0x80000000U

struct xen_add_to_physmap {
	domid_t domid;
	uint16_t size;           /* gmfn_range only */
	uint32_t space;          /* XENMAPSPACE_* */
	xen_ulong_t idx;
	xen_pfn_t gpfn;
};

struct xen_add_to_physmap_batch {
	domid_t domid;
	uint16_t space;
	uint16_t size;
	domid_t foreign_domid;   /* gmfn_foreign */
	uint64_t idxs;           /* guest address of xen_ulong_t[size] */
	uint64_t gpfns;          /* guest address of xen_pfn_t[size] */
	uint64_t errs;           /* guest address of int[size] (OUT) */
};

struct xen_remove_from_physmap {
	domid_t domid;
	uint16_t pad[3];
	xen_pfn_t gpfn;
};

#endif /* PUBLIC_MEMORY_H */
