/* SPDX-License-Identifier: GPL-2.0-only */
/* The arm64 Linux Image header (Documentation/arch/arm64/booting.rst in Linux). */
#ifndef XEN_KERNEL_IMAGE_H
#define XEN_KERNEL_IMAGE_H

#include <xen/types.h>

struct kernel_image {
	uint64_t text_offset;   /* load at a 2 MiB-aligned base + this */
	uint64_t image_size;    /* bytes from the load address the kernel uses (0: unknown) */
};

/* Reads the header of the len-byte image at img: 0 or -ENOEXEC (not an arm64 Image). */
int kernel_image_parse(const void *img, uint64_t len, struct kernel_image *out);

#endif /* XEN_KERNEL_IMAGE_H */
