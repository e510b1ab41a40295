/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_grant_table_op(cmd, uop, count): grant tables v1 (numbers and
 * layouts of Xen's public/grant_table.h; docs/specs/hypercalls.md).
 */
#ifndef PUBLIC_GRANT_TABLE_H
#define PUBLIC_GRANT_TABLE_H

#include <public/xen.h>

typedef uint32_t grant_ref_t;
typedef uint32_t grant_handle_t;

/* A v1 grant entry, written by the granting guest in its shared frames. */
struct grant_entry_v1 {
	uint16_t flags;          /* GTF_* */
	domid_t domid;           /* who may map it */
	uint32_t frame;          /* the granted frame (gfn) */
};

#define GTF_invalid         0
#define GTF_permit_access   1
#define GTF_accept_transfer 2
#define GTF_transitive      3
#define GTF_type_mask       3
#define GTF_readonly        (1U << 2)
#define GTF_reading         (1U << 3)  /* set by the hypervisor while mapped/copied from */
#define GTF_writing         (1U << 4)  /* set by the hypervisor while mapped/copied to RW */
#define GTF_PWT             (1U << 5)
#define GTF_PCD             (1U << 6)
#define GTF_PAT             (1U << 7)
#define GTF_sub_page        (1U << 8)

#define GNTTAB_RESERVED_CONSOLE  0
#define GNTTAB_RESERVED_XENSTORE 1

#define GNTTABOP_map_grant_ref     0
#define GNTTABOP_unmap_grant_ref   1
#define GNTTABOP_setup_table       2
#define GNTTABOP_dump_table        3
#define GNTTABOP_transfer          4
#define GNTTABOP_copy              5
#define GNTTABOP_query_size        6
#define GNTTABOP_unmap_and_replace 7
#define GNTTABOP_set_version       8
#define GNTTABOP_get_status_frames 9
#define GNTTABOP_get_version       10
#define GNTTABOP_swap_grant_ref    11
#define GNTTABOP_cache_flush       12

#define GNTMAP_device_map      (1U << 0)
#define GNTMAP_host_map        (1U << 1)
#define GNTMAP_readonly        (1U << 2)
#define GNTMAP_application_map (1U << 3)
#define GNTMAP_contains_pte    (1U << 4)

#define GNTST_okay              0
#define GNTST_general_error    (-1)
#define GNTST_bad_domain       (-2)
#define GNTST_bad_gntref       (-3)
#define GNTST_bad_handle       (-4)
#define GNTST_bad_virt_addr    (-5)
#define GNTST_bad_dev_addr     (-6)
#define GNTST_no_device_space  (-7)
#define GNTST_permission_denied (-8)
#define GNTST_bad_page         (-9)
#define GNTST_bad_copy_arg     (-10)
#define GNTST_address_too_big  (-11)
#define GNTST_eagain           (-12)
#define GNTST_no_space         (-13)

struct gnttab_map_grant_ref {
	uint64_t host_addr;      /* IN: IPA in the caller's physmap (auto-translated) */
	uint32_t flags;          /* IN: GNTMAP_* */
	grant_ref_t ref;         /* IN */
	domid_t dom;             /* IN: the granting domain */
	int16_t status;          /* OUT: GNTST_* */
	grant_handle_t handle;   /* OUT */
	uint64_t dev_bus_addr;   /* OUT: machine address of the frame */
};

struct gnttab_unmap_grant_ref {
	uint64_t host_addr;
	uint64_t dev_bus_addr;
	grant_handle_t handle;
	int16_t status;          /* OUT */
	uint16_t pad;
};

struct gnttab_setup_table {
	domid_t dom;
	uint16_t pad;
	uint32_t nr_frames;
	int16_t status;          /* OUT */
	uint16_t pad2[3];
	uint64_t frame_list;     /* guest address of xen_pfn_t[nr_frames] (OUT) */
};

#define GNTCOPY_source_gref (1U << 0)
#define GNTCOPY_dest_gref   (1U << 1)

struct gnttab_copy_ptr {
	union {
		grant_ref_t ref;
		xen_pfn_t gmfn;
	} u;
	domid_t domid;
	uint16_t offset;
	uint32_t pad;
};

struct gnttab_copy {
	struct gnttab_copy_ptr source;
	struct gnttab_copy_ptr dest;
	uint16_t len;
	uint16_t flags;          /* GNTCOPY_* */
	int16_t status;          /* OUT */
	uint16_t pad;
};

struct gnttab_query_size {
	domid_t dom;
	uint16_t pad;
	uint32_t nr_frames;      /* OUT */
	uint32_t max_nr_frames;  /* OUT */
	int16_t status;          /* OUT */
	uint16_t pad2;
};

struct gnttab_set_version {
	uint32_t version;        /* IN/OUT */
};

struct gnttab_get_version {
	domid_t dom;
	uint16_t pad;
	uint32_t version;        /* OUT */
};

#endif /* PUBLIC_GRANT_TABLE_H */
