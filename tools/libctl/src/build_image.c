// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The Linux arm64 Image header (Documentation/arm64/booting.rst, "Call the
 * kernel image"): 64 little-endian bytes at the start of the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_int.h"
#include "ctl_int.h"

#define IMAGE_TEXT_OFFSET_OFF  8
#define IMAGE_SIZE_OFF         16
#define IMAGE_FLAGS_OFF        24
#define IMAGE_MAGIC_OFF        56
#define IMAGE_MAGIC            "ARM\x64"
#define IMAGE_MAGIC_LEN        4
/* flags bit 0: 1 = big-endian kernel. */
#define IMAGE_FLAG_BE          1ULL
/* booting.rst: image_size 0 means a kernel before v3.17, text_offset 0x80000. */
#define IMAGE_OLD_TEXT_OFFSET  0x80000ULL
/* RFC 1952: a gzip member starts 1f 8b. */
#define GZIP_MAGIC             "\x1f\x8b"
#define GZIP_MAGIC_LEN         2
/* Linux's EFI zboot (drivers/firmware/efi/libstub/zboot-header.S): "MZ", then "zimg" at 4. */
#define ZBOOT_MZ               "MZ"
#define ZBOOT_MAGIC_OFF        4
#define ZBOOT_MAGIC            "zimg"
#define ZBOOT_MAGIC_LEN        4

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* Known compressed wrappers, said by name; NULL if it is none of them. */
static const char *compressed(const uint8_t *hdr, size_t len)
{
	if (len >= GZIP_MAGIC_LEN && !memcmp(hdr, GZIP_MAGIC, GZIP_MAGIC_LEN))
		return "is gzip-compressed; give the uncompressed Image";
	if (len >= ZBOOT_MAGIC_OFF + ZBOOT_MAGIC_LEN && !memcmp(hdr, ZBOOT_MZ, 2) &&
	    !memcmp(hdr + ZBOOT_MAGIC_OFF, ZBOOT_MAGIC, ZBOOT_MAGIC_LEN))
		return "is an EFI zboot (compressed) image; give the uncompressed Image";
	return NULL;
}

int build_image_parse(const uint8_t *hdr, size_t len, uint64_t file_size,
		      struct build_image *img, const char **why)
{
	*why = compressed(hdr, len);
	if (*why)
		return -ENOEXEC;
	if (len < BUILD_IMAGE_HDR_SIZE || memcmp(hdr + IMAGE_MAGIC_OFF, IMAGE_MAGIC,
						 IMAGE_MAGIC_LEN)) {
		*why = "is not an arm64 Image (no \"ARM\\x64\" magic at offset 56)";
		return -ENOEXEC;
	}
	img->flags = le64(hdr + IMAGE_FLAGS_OFF);
	img->image_size = le64(hdr + IMAGE_SIZE_OFF);
	img->text_offset = le64(hdr + IMAGE_TEXT_OFFSET_OFF);
	img->file_size = file_size;
	if (!img->image_size) {
		img->text_offset = IMAGE_OLD_TEXT_OFFSET;
		img->flags = 0;
	} else if (img->flags & IMAGE_FLAG_BE) {
		*why = "is a big-endian kernel; guests run little-endian";
		return -ENOEXEC;
	}
	if (img->image_size < file_size)
		img->image_size = file_size;
	return 0;
}

static int read_header(struct build_ctx *c, uint8_t *hdr, size_t *len)
{
	ssize_t n;

	do
		n = pread(c->kernel_fd, hdr, BUILD_IMAGE_HDR_SIZE, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return ctl_fail_errno(c->h, -errno, "d%u build: kernel %s: read", c->a->domid,
				      c->a->kernel);
	*len = (size_t)n;
	return 0;
}

int build_image_open(struct build_ctx *c)
{
	uint8_t hdr[BUILD_IMAGE_HDR_SIZE];
	const char *why;
	struct stat st;
	size_t len = 0;
	int rc;

	c->kernel_fd = open(c->a->kernel, O_RDONLY | O_CLOEXEC);
	if (c->kernel_fd < 0 || fstat(c->kernel_fd, &st))
		return ctl_fail_errno(c->h, -errno, "d%u build: kernel %s: open", c->a->domid,
				      c->a->kernel);
	if (!S_ISREG(st.st_mode))
		return ctl_fail(c->h, -EINVAL, "d%u build: kernel %s: not a regular file",
				c->a->domid, c->a->kernel);
	rc = read_header(c, hdr, &len);
	if (rc)
		return rc;
	rc = build_image_parse(hdr, len, (uint64_t)st.st_size, &c->img, &why);
	if (rc)
		return ctl_fail(c->h, rc, "d%u build: kernel %s %s", c->a->domid, c->a->kernel,
				why);
	return 0;
}
