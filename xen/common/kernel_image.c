// SPDX-License-Identifier: GPL-2.0-only
/* The arm64 Image header: magic at 0x38, text_offset at 0x08, image_size at 0x10. */
#include <xen/errno.h>
#include <xen/kernel_image.h>
#include <xen/lib.h>

#define IMAGE_MAGIC_OFF    0x38
#define IMAGE_MAGIC        "ARM\x64"
#define IMAGE_MAGIC_LEN    4
#define IMAGE_TEXT_OFF     0x08
#define IMAGE_SIZE_OFF     0x10
#define IMAGE_HDR_SIZE     0x40

int kernel_image_parse(const void *img, uint64_t len, struct kernel_image *out)
{
	const uint8_t *p = img;

	if (len < IMAGE_HDR_SIZE || memcmp(p + IMAGE_MAGIC_OFF, IMAGE_MAGIC, IMAGE_MAGIC_LEN))
		return -ENOEXEC;
	memcpy(&out->text_offset, p + IMAGE_TEXT_OFF, sizeof(out->text_offset));
	memcpy(&out->image_size, p + IMAGE_SIZE_OFF, sizeof(out->image_size));
	return 0;
}
