/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain builder's tests: a fake hypervisor backend with guest RAM
 * (test_build_fake.c), synthetic Image and initramfs files
 * (test_build_files.c) and the suites.
 */
#ifndef TEST_BUILD_H
#define TEST_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctl_backend.h"
#include "ctl_build.h"
#include "libctl_test.h"

#define FB_PAGE_SIZE       4096ULL
#define FB_MAX_MAPS        64
#define FB_NR_PARAMS       64          /* > HVM_NR_PARAMS */
#define FB_FIRST_PORT      5           /* ports the fake hands out, from here */
#define FB_MAGIC_GARBAGE   0xa5        /* magic pages start dirty */

/* Guest memory the fake holds: frames gfn0 .. gfn0 + nr - 1. */
struct fb_region {
	uint64_t gfn0, nr;
	uint8_t *mem;
	bool *populated;
};

struct fb_map {
	void *p;
	uint64_t *gfns;
	size_t n;
	bool writable;
};

struct fake_build {
	uint32_t domid;
	struct fb_region ram, magic;
	unsigned long populate_calls, extents_order9, extents_order0;
	unsigned long fail_populate_call;   /* 1-based call to fail with -ENOMEM; 0: none */
	unsigned long fail_map_call;        /* 1-based map to fail; 0: none */
	unsigned long maps, unmaps, live;
	size_t max_map_frames;
	struct fb_map map[FB_MAX_MAPS];
	uint64_t params[FB_NR_PARAMS];
	bool param_set[FB_NR_PARAMS];
	uint32_t next_port;
	uint32_t port_remote[FB_FIRST_PORT + 8];
	bool vcpu_started;
	uint32_t start_vcpu;
	uint64_t start_pc, start_x0;
	struct ctl_handle *h;
};

/* A fake for domid with ram_mib of RAM room (mem given to the builder may be less). */
struct fake_build *fb_new(uint32_t domid, uint64_t ram_mib);
void fb_free(struct fake_build *f);
/* Guest bytes at gaddr (RAM or magic), len of them, or NULL if outside the fake. */
const uint8_t *fb_guest(const struct fake_build *f, uint64_t gaddr, uint64_t len);
bool fb_populated(struct fake_build *f, uint64_t gaddr);

/* test_build_files.c: files in a fresh temp dir, removed by tb_files_free(). */
struct tb_files {
	char dir[64];
	char kernel[96], ramdisk[96], other[96];
};
#define TB_KERNEL_PAYLOAD  (2 * 1024 * 1024 + 12345)   /* three 2 MiB chunks */
#define TB_RAMDISK_SIZE    (1024 * 1024 + 777)
#define TB_IMAGE_SIZE      (5 * 1024 * 1024)          /* header image_size: BSS after */

void tb_files_new(struct tb_files *t);
void tb_files_free(struct tb_files *t);
/* An Image: header (text_offset, image_size, flags) then a pattern; returns its size. */
size_t tb_write_image(const char *path, uint64_t text_offset, uint64_t image_size,
		      uint64_t flags, size_t payload);
void tb_write_bytes(const char *path, const void *data, size_t len);
/* The pattern byte at offset off of a file tb_write_*() made with seed. */
uint8_t tb_pattern(size_t off, unsigned int seed);
void tb_write_pattern(const char *path, size_t len, unsigned int seed);
#define TB_SEED_KERNEL   1
#define TB_SEED_RAMDISK  2

/* Default arguments: max_vcpus, mem_mib, kernel/ramdisk of t, a cmdline. */
#define TB_DOMID   7
#define TB_VCPUS   3
#define TB_MEM_MIB 33               /* 16 blocks of 2 MiB and a 1 MiB tail */
#define TB_CMDLINE "console=hvc0 root=/dev/xvda1 rw"
struct ctl_build_args tb_args(const struct tb_files *t);

/* One build: fresh files (a standard Image and ramdisk), a fake, the args and result. */
struct tb_run {
	struct tb_files t;
	struct fake_build *f;
	struct ctl_build_args a;
	struct ctl_build_result r;
	size_t kernel_file_size;
};
void tb_setup(struct tb_run *x);
int tb_build(struct tb_run *x);           /* prints the message if it fails */
void tb_teardown(struct tb_run *x);
/* The DT the build wrote (checked with fdt_check_header), or NULL. */
const void *tb_dtb(struct tb_run *x);

extern const struct tt_suite lt_build_suite;
extern const struct tt_suite lt_build_dt_suite;
extern const struct tt_suite lt_build_errors_suite;

#endif /* TEST_BUILD_H */
