// SPDX-License-Identifier: GPL-2.0-only
/*
 * The builder's failures: each returns a negative errno with a message
 * naming the file or step, and leaves nothing mapped and vCPU 0 unstarted.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "build_int.h"
#include "test_build.h"

#define BE_FLAGS     0xbULL         /* booting.rst flags bit 0: big-endian */
#define SMALL_MEM    4              /* MiB: less than TB_IMAGE_SIZE */
#define MAP_KERNEL   2              /* map 1 zeroes the magic pages, 2 is the kernel's first */

/* A failed build: rc, a message starting "d7 build: " and containing want, no leftovers. */
static void assert_fails(struct tb_run *x, int rc, const char *want)
{
	const char *msg;

	CU_ASSERT_EQUAL(ctl_build_linux(x->f->h, &x->a, &x->r), rc);
	msg = ctl_errmsg(x->f->h);
	if (!strstr(msg, want) || strncmp(msg, "d7 build: ", 10))
		fprintf(stderr, "\n  expected \"%s\" in: %s\n", want, msg);
	CU_ASSERT_PTR_NOT_NULL(strstr(msg, want));
	CU_ASSERT_EQUAL(strncmp(msg, "d7 build: ", 10), 0);
	CU_ASSERT_EQUAL(x->f->live, 0);
	CU_ASSERT_FALSE(x->f->vcpu_started);
}

static void test_missing_kernel(void)
{
	struct tb_run x;
	char want[160];

	tb_setup(&x);
	snprintf(want, sizeof(want), "kernel %s/nope: open: No such file", x.t.dir);
	snprintf(x.t.other, sizeof(x.t.other), "%s/nope", x.t.dir);
	x.a.kernel = x.t.other;
	assert_fails(&x, -ENOENT, want);
	CU_ASSERT_EQUAL(x.f->populate_calls, 0);
	tb_teardown(&x);
}

static void test_not_an_image(void)
{
	struct tb_run x;
	char want[200];

	tb_setup(&x);
	tb_write_pattern(x.t.kernel, 4096, 3);
	snprintf(want, sizeof(want), "d7 build: kernel %s is not an arm64 Image (no \"ARM\\x64\" "
		 "magic at offset 56)", x.t.kernel);
	assert_fails(&x, -ENOEXEC, want);
	CU_ASSERT_STRING_EQUAL(ctl_errmsg(x.f->h), want);
	tb_teardown(&x);
}

static void test_gzip_image(void)
{
	static const uint8_t gz[] = { 0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 3 };
	struct tb_run x;
	char want[200];

	tb_setup(&x);
	tb_write_bytes(x.t.kernel, gz, sizeof(gz));
	snprintf(want, sizeof(want), "d7 build: kernel %s is gzip-compressed; give the "
		 "uncompressed Image", x.t.kernel);
	assert_fails(&x, -ENOEXEC, want);
	CU_ASSERT_STRING_EQUAL(ctl_errmsg(x.f->h), want);
	tb_teardown(&x);
}

static void test_big_endian(void)
{
	struct tb_run x;

	tb_setup(&x);
	tb_write_image(x.t.kernel, 0, TB_IMAGE_SIZE, BE_FLAGS, 100);
	assert_fails(&x, -ENOEXEC, "is a big-endian kernel");
	tb_teardown(&x);
}

static void test_too_small(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.a.mem_mib = SMALL_MEM;
	x.a.ramdisk = NULL;
	assert_fails(&x, -ENOSPC, "ramdisk (0 KiB) need 8 MiB of RAM; the guest has 4 MiB");
	CU_ASSERT_EQUAL(x.f->populate_calls, 0);
	tb_teardown(&x);
}

/* The kernel fits, the ramdisk does not: the sizes are in the message. */
static void test_ramdisk_too_big(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.a.mem_mib = TB_IMAGE_SIZE / (1024 * 1024) + 3;
	assert_fails(&x, -ENOSPC, "ramdisk (1025 KiB) need 10 MiB of RAM; the guest has 8 MiB");
	tb_teardown(&x);
}

static void test_missing_ramdisk(void)
{
	struct tb_run x;
	char want[160];

	tb_setup(&x);
	snprintf(x.t.other, sizeof(x.t.other), "%s/initrd.missing", x.t.dir);
	x.a.ramdisk = x.t.other;
	snprintf(want, sizeof(want), "ramdisk %s: open: No such file", x.t.other);
	assert_fails(&x, -ENOENT, want);
	tb_teardown(&x);
}

static void test_bad_args(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.a.mem_mib = 0;
	assert_fails(&x, -EINVAL, "memory 0 MiB is out of range 1-3072");
	x.a.mem_mib = 3073;
	assert_fails(&x, -EINVAL, "memory 3073 MiB is out of range 1-3072");
	x.a.mem_mib = TB_MEM_MIB;
	x.a.max_vcpus = 129;
	assert_fails(&x, -EINVAL, "129 vCPUs is out of range 1-128");
	x.a.max_vcpus = 0;
	assert_fails(&x, -EINVAL, "0 vCPUs is out of range 1-128");
	tb_teardown(&x);
}

static void test_populate_fails(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.f->fail_populate_call = 2;     /* the 1 MiB tail */
	assert_fails(&x, -ENOMEM, "d7 build: populate RAM tail (256 order-0 extents at "
		     "0x42000000): populate_physmap d7:");
	CU_ASSERT_EQUAL(x.f->maps, 0);
	tb_teardown(&x);
}

static void test_map_fails(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.f->fail_map_call = MAP_KERNEL;
	assert_fails(&x, -EFAULT, "map kernel ");
	CU_ASSERT_PTR_NOT_NULL(strstr(ctl_errmsg(x.f->h), x.t.kernel));
	CU_ASSERT_EQUAL(x.f->maps, x.f->unmaps + 1);
	tb_teardown(&x);
}

/* The header rules alone (build_image_parse, src/build_image.c). */
static void test_parse_header(void)
{
	uint8_t hdr[BUILD_IMAGE_HDR_SIZE] = { 0 };
	struct build_image img;
	const char *why = NULL;

	memcpy(hdr + 56, "ARM\x64", 4);
	hdr[8] = 0x34;                  /* text_offset, ignored: image_size is 0 */
	CU_ASSERT_EQUAL(build_image_parse(hdr, sizeof(hdr), 1000, &img, &why), 0);
	CU_ASSERT_EQUAL(img.text_offset, 0x80000);
	CU_ASSERT_EQUAL(img.image_size, 1000);
	hdr[17] = 0x01;                 /* image_size 0x100, below the file's size */
	CU_ASSERT_EQUAL(build_image_parse(hdr, sizeof(hdr), 0x2000, &img, &why), 0);
	CU_ASSERT_EQUAL(img.text_offset, 0x34);
	CU_ASSERT_EQUAL(img.image_size, 0x2000);
	CU_ASSERT_EQUAL(build_image_parse(hdr, 40, 40, &img, &why), -ENOEXEC);
	memcpy(hdr, "MZ\0\0zimg", 8);
	CU_ASSERT_EQUAL(build_image_parse(hdr, sizeof(hdr), 0x2000, &img, &why), -ENOEXEC);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "zboot"));
}

static const struct tt_case cases[] = {
	{ "missing kernel file", test_missing_kernel },
	{ "not an Image", test_not_an_image },
	{ "gzip-compressed Image", test_gzip_image },
	{ "big-endian Image", test_big_endian },
	{ "memory too small for the kernel", test_too_small },
	{ "memory too small for the ramdisk", test_ramdisk_too_big },
	{ "missing ramdisk", test_missing_ramdisk },
	{ "memory and vCPU ranges", test_bad_args },
	{ "populate failure", test_populate_fails },
	{ "map failure while loading", test_map_fails },
	{ "Image header rules", test_parse_header },
	{ NULL, NULL },
};

const struct tt_suite lt_build_errors_suite = { "build-errors", cases };
