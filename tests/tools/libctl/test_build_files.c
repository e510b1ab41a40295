// SPDX-License-Identifier: GPL-2.0-only
/* Synthetic kernels and initramfs files for the builder's tests, in a temp dir. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_build.h"

/* booting.rst header offsets. */
#define HDR_SIZE         64
#define HDR_CODE0        0
#define HDR_TEXT_OFFSET  8
#define HDR_IMAGE_SIZE   16
#define HDR_FLAGS        24
#define HDR_MAGIC        56
#define A64_NOP          0xd503201fU       /* code0: any instruction will do */
#define TB_STORE_DOMID   2                 /* not 0, so the remote is checked */

static void put_le(uint8_t *p, uint64_t v, unsigned int bytes)
{
	for (unsigned int i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

uint8_t tb_pattern(size_t off, unsigned int seed)
{
	return (uint8_t)(off ^ (off >> 8) ^ (off >> 16) ^ (seed * 0x3b));
}

static FILE *open_w(const char *path)
{
	FILE *fp = fopen(path, "wb");

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	return fp;
}

void tb_write_bytes(const char *path, const void *data, size_t len)
{
	FILE *fp = open_w(path);

	CU_ASSERT_EQUAL(fwrite(data, 1, len, fp), len);
	CU_ASSERT_EQUAL(fclose(fp), 0);
}

/* Pattern bytes from..len (file offsets) to fp. */
static void put_pattern(FILE *fp, size_t from, size_t len, unsigned int seed)
{
	for (size_t i = from; i < len; i++)
		fputc(tb_pattern(i, seed), fp);
	CU_ASSERT_FALSE_FATAL(ferror(fp));
}

void tb_write_pattern(const char *path, size_t len, unsigned int seed)
{
	FILE *fp = open_w(path);

	put_pattern(fp, 0, len, seed);
	CU_ASSERT_EQUAL(fclose(fp), 0);
}

size_t tb_write_image(const char *path, uint64_t text_offset, uint64_t image_size,
		      uint64_t flags, size_t payload)
{
	uint8_t hdr[HDR_SIZE] = { 0 };
	FILE *fp = open_w(path);

	put_le(hdr + HDR_CODE0, A64_NOP, 4);
	put_le(hdr + HDR_TEXT_OFFSET, text_offset, 8);
	put_le(hdr + HDR_IMAGE_SIZE, image_size, 8);
	put_le(hdr + HDR_FLAGS, flags, 8);
	memcpy(hdr + HDR_MAGIC, "ARM\x64", 4);
	CU_ASSERT_EQUAL(fwrite(hdr, 1, sizeof(hdr), fp), sizeof(hdr));
	put_pattern(fp, HDR_SIZE, HDR_SIZE + payload, TB_SEED_KERNEL);
	CU_ASSERT_EQUAL(fclose(fp), 0);
	return HDR_SIZE + payload;
}

void tb_files_new(struct tb_files *t)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/ctl-build.XXXXXX");
	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(t->dir));
	snprintf(t->kernel, sizeof(t->kernel), "%s/Image", t->dir);
	snprintf(t->ramdisk, sizeof(t->ramdisk), "%s/initrd.img", t->dir);
	snprintf(t->other, sizeof(t->other), "%s/other", t->dir);
}

void tb_files_free(struct tb_files *t)
{
	unlink(t->kernel);
	unlink(t->ramdisk);
	unlink(t->other);
	CU_ASSERT_EQUAL(rmdir(t->dir), 0);
}

struct ctl_build_args tb_args(const struct tb_files *t)
{
	return (struct ctl_build_args){
		.domid = TB_DOMID, .max_vcpus = TB_VCPUS, .mem_mib = TB_MEM_MIB,
		.kernel = t->kernel, .ramdisk = t->ramdisk, .cmdline = TB_CMDLINE,
		.console_domid = 0, .store_domid = TB_STORE_DOMID,
	};
}
