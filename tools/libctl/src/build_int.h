/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The domain builder's internals (ctl_build_linux(), ctl_build.h): the arm64
 * Image header, the layout of guest RAM, populating it, copying into it and
 * the guest device tree. docs/specs/guest-layout.md describes the result.
 */
#ifndef BUILD_INT_H
#define BUILD_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ctl_build.h"

#define BUILD_MIB              (1ULL << 20)
#define BUILD_PAGE_SHIFT       12                       /* Xen's 4 KiB guest page */
#define BUILD_PAGE_SIZE        (1ULL << BUILD_PAGE_SHIFT)
#define BUILD_BLOCK_ORDER      9                        /* 2 MiB: one stage-2 block */
#define BUILD_BLOCK_SIZE       (BUILD_PAGE_SIZE << BUILD_BLOCK_ORDER)
/* booting.rst: the Image goes text_offset bytes above a 2 MiB-aligned base. */
#define BUILD_KERNEL_ALIGN     BUILD_BLOCK_SIZE
/* booting.rst: the DT is at most 2 MiB, 8-byte aligned, inside one 2 MiB block. */
#define BUILD_DT_MAX           (2 * BUILD_MIB)
#define BUILD_DT_ALIGN         BUILD_BLOCK_SIZE
/* Loads go through mappings of at most this many frames (2 MiB). */
#define BUILD_CHUNK_PAGES      (BUILD_BLOCK_SIZE / BUILD_PAGE_SIZE)
#define BUILD_MAX_VCPUS        (CTL_GUEST_GICR_SIZE / CTL_GUEST_GICR_STRIDE)

#define BUILD_ALIGN_UP(x, a)   (((x) + (a) - 1) & ~((uint64_t)(a) - 1))

/* What the Image header says (booting.rst), sizes in bytes. */
struct build_image {
	uint64_t text_offset;
	uint64_t image_size;      /* what the kernel needs from its start, >= file_size */
	uint64_t file_size;
	uint64_t flags;
};

/* Guest physical addresses. */
struct build_layout {
	uint64_t ram_base, ram_end;
	uint64_t kernel_addr;     /* the entry: 2 MiB-aligned base + text_offset */
	uint64_t kernel_end;      /* kernel_addr + image_size */
	uint64_t dtb_addr;        /* a 2 MiB block of its own */
	uint64_t initrd_addr, initrd_size;
};

struct build_ctx {
	struct ctl_handle *h;
	const struct ctl_build_args *a;
	int kernel_fd, ramdisk_fd;
	struct build_image img;
	struct build_layout lay;
};

/* build_image.c: parse the first len bytes of a file of file_size bytes. */
#define BUILD_IMAGE_HDR_SIZE   64
int build_image_parse(const uint8_t *hdr, size_t len, uint64_t file_size,
		      struct build_image *img, const char **why);
/* Opens a->kernel into c->kernel_fd and fills c->img. */
int build_image_open(struct build_ctx *c);

/* build_layout.c: opens the ramdisk (if any) and fills c->lay. */
int build_layout(struct build_ctx *c);

/* build_mem.c: RAM and the magic pages, populated; the magic pages zeroed. */
int build_populate(struct build_ctx *c);
int build_zero_magic(struct build_ctx *c);

/* build_load.c: copy into guest RAM through chunked foreign mappings. */
/* n writable frames from gfn, or NULL with *rc and the message set ("map <what> ..."). */
void *build_map(struct build_ctx *c, uint64_t gfn, size_t n, const char *what, int *rc);
int build_copy_file(struct build_ctx *c, int fd, const char *what, uint64_t gaddr,
		    uint64_t len);
int build_copy_buf(struct build_ctx *c, const void *buf, size_t len, const char *what,
		   uint64_t gaddr);

/* build_fdt.c: the guest DT, malloc'd into *blob (caller frees). */
int build_fdt(struct build_ctx *c, void **blob, size_t *size);

/* build_linux.c: "d<domid> build: <step>: <ctl_errmsg()>", keeping rc. */
int build_fail_step(struct build_ctx *c, int rc, const char *step);

#endif /* BUILD_INT_H */
