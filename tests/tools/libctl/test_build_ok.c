// SPDX-License-Identifier: GPL-2.0-only
/*
 * ctl_build_linux() against the fake: where the kernel and the initramfs
 * land, how RAM is populated, the magic pages, event channels, HVM params,
 * vCPU 0's start and that nothing stays mapped.
 */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include <public/hvm.h>

#include "test_build.h"

#define MIB             (1024ULL * 1024)
#define BLOCK           (2 * MIB)
#define PAGE            FB_PAGE_SIZE
#define IMAGE_FLAGS     0xaULL              /* LE, 4 KiB pages, anywhere (booting.rst) */
#define OLD_TEXT_OFFSET 0x80000ULL          /* booting.rst, image_size 0 */
#define MAGIC_GFN0      (CTL_GUEST_MAGIC_BASE / PAGE)

void tb_setup(struct tb_run *x)
{
	memset(x, 0, sizeof(*x));
	tb_files_new(&x->t);
	x->kernel_file_size = tb_write_image(x->t.kernel, 0, TB_IMAGE_SIZE, IMAGE_FLAGS,
					     TB_KERNEL_PAYLOAD);
	tb_write_pattern(x->t.ramdisk, TB_RAMDISK_SIZE, TB_SEED_RAMDISK);
	x->f = fb_new(TB_DOMID, TB_MEM_MIB);
	x->a = tb_args(&x->t);
}

int tb_build(struct tb_run *x)
{
	int rc = ctl_build_linux(x->f->h, &x->a, &x->r);

	if (rc)
		fprintf(stderr, "\n  build: %d %s\n", rc, ctl_errmsg(x->f->h));
	return rc;
}

void tb_teardown(struct tb_run *x)
{
	fb_free(x->f);
	tb_files_free(&x->t);
}

const void *tb_dtb(struct tb_run *x)
{
	const void *hdr = fb_guest(x->f, x->r.dtb_addr, sizeof(struct fdt_header));

	if (!hdr || fdt_check_header(hdr))
		return NULL;
	return fb_guest(x->f, x->r.dtb_addr, fdt_totalsize(hdr));
}

/* The guest bytes at gaddr are those of the kernel file (header and pattern). */
static void assert_kernel_at(struct tb_run *x, uint64_t gaddr)
{
	const uint8_t *g = fb_guest(x->f, gaddr, x->kernel_file_size);
	size_t bad = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(memcmp(g + 56, "ARM\x64", 4), 0);
	for (size_t i = 64; i < x->kernel_file_size; i++)
		bad += g[i] != tb_pattern(i, TB_SEED_KERNEL);
	CU_ASSERT_EQUAL(bad, 0);
}

static void test_kernel_loaded(void)
{
	struct tb_run x;

	tb_setup(&x);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.r.entry, CTL_GUEST_RAM0_BASE);
	assert_kernel_at(&x, x.r.entry);
	CU_ASSERT_TRUE(x.f->vcpu_started);
	CU_ASSERT_EQUAL(x.f->start_vcpu, 0);
	CU_ASSERT_EQUAL(x.f->start_pc, x.r.entry);
	CU_ASSERT_EQUAL(x.f->start_x0, x.r.dtb_addr);
	tb_teardown(&x);
}

/* A pre-3.17 kernel: image_size 0, so text_offset is 0x80000 whatever the header says. */
static void test_old_kernel(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.kernel_file_size = tb_write_image(x.t.kernel, 0x1234, 0, 0, TB_KERNEL_PAYLOAD);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.r.entry, CTL_GUEST_RAM0_BASE + OLD_TEXT_OFFSET);
	assert_kernel_at(&x, x.r.entry);
	CU_ASSERT_TRUE(x.r.dtb_addr >= x.r.entry + x.kernel_file_size);
	tb_teardown(&x);
}

static void test_ramdisk_loaded(void)
{
	struct tb_run x;
	const uint8_t *g;
	size_t bad = 0;

	tb_setup(&x);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.r.initrd_size, TB_RAMDISK_SIZE);
	CU_ASSERT_EQUAL(x.r.initrd_addr % PAGE, 0);
	g = fb_guest(x.f, x.r.initrd_addr, x.r.initrd_size);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	for (size_t i = 0; i < TB_RAMDISK_SIZE; i++)
		bad += g[i] != tb_pattern(i, TB_SEED_RAMDISK);
	CU_ASSERT_EQUAL(bad, 0);
	tb_teardown(&x);
}

/* booting.rst: 2 MiB base + text_offset; DT 8-aligned in one 2 MiB block; no overlaps. */
static void test_layout_rules(void)
{
	struct tb_run x;
	const void *dtb;

	tb_setup(&x);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	dtb = tb_dtb(&x);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dtb);
	CU_ASSERT_EQUAL(x.r.entry % BLOCK, 0);
	CU_ASSERT_EQUAL(x.r.dtb_addr % 8, 0);
	CU_ASSERT_EQUAL(x.r.dtb_addr / BLOCK, (x.r.dtb_addr + fdt_totalsize(dtb) - 1) / BLOCK);
	CU_ASSERT_TRUE(x.r.dtb_addr >= x.r.entry + TB_IMAGE_SIZE);
	CU_ASSERT_TRUE(x.r.initrd_addr >= x.r.dtb_addr + fdt_totalsize(dtb));
	CU_ASSERT_TRUE(x.r.initrd_addr + x.r.initrd_size <=
		       CTL_GUEST_RAM0_BASE + TB_MEM_MIB * MIB);
	tb_teardown(&x);
}

static void test_populate(void)
{
	struct tb_run x;
	uint64_t unpopulated = 0, dirty = 0;
	const uint8_t *m;

	tb_setup(&x);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.f->extents_order9, TB_MEM_MIB * MIB / BLOCK);
	CU_ASSERT_EQUAL(x.f->extents_order0, (TB_MEM_MIB * MIB % BLOCK) / PAGE +
		       CTL_NR_MAGIC_PAGES);
	for (uint64_t off = 0; off < TB_MEM_MIB * MIB; off += PAGE)
		unpopulated += !fb_populated(x.f, CTL_GUEST_RAM0_BASE + off);
	CU_ASSERT_EQUAL(unpopulated, 0);
	m = fb_guest(x.f, CTL_GUEST_MAGIC_BASE, CTL_NR_MAGIC_PAGES * PAGE);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	for (uint64_t i = 0; i < CTL_NR_MAGIC_PAGES * PAGE; i++)
		dirty += m[i] != 0;
	CU_ASSERT_EQUAL(dirty, 0);
	CU_ASSERT_TRUE(fb_populated(x.f, CTL_GUEST_MAGIC_BASE + (CTL_NR_MAGIC_PAGES - 1) * PAGE));
	tb_teardown(&x);
}

/* Whole 2 MiB blocks only: no order-0 RAM extents, just the magic pages. */
static void test_populate_blocks_only(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.a.mem_mib = TB_MEM_MIB - 1;
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.f->extents_order9, (TB_MEM_MIB - 1) * MIB / BLOCK);
	CU_ASSERT_EQUAL(x.f->extents_order0, CTL_NR_MAGIC_PAGES);
	CU_ASSERT_FALSE(fb_populated(x.f, CTL_GUEST_RAM0_BASE + (TB_MEM_MIB - 1) * MIB));
	tb_teardown(&x);
}

static void test_rings(void)
{
	struct tb_run x;

	tb_setup(&x);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.r.console_gfn, MAGIC_GFN0 + CTL_MAGIC_CONSOLE);
	CU_ASSERT_EQUAL(x.r.store_gfn, MAGIC_GFN0 + CTL_MAGIC_XENSTORE);
	CU_ASSERT_TRUE(x.f->param_set[HVM_PARAM_CONSOLE_PFN]);
	CU_ASSERT_EQUAL(x.f->params[HVM_PARAM_CONSOLE_PFN], x.r.console_gfn);
	CU_ASSERT_EQUAL(x.f->params[HVM_PARAM_STORE_PFN], x.r.store_gfn);
	CU_ASSERT_EQUAL(x.f->params[HVM_PARAM_CONSOLE_EVTCHN], x.r.console_port);
	CU_ASSERT_EQUAL(x.f->params[HVM_PARAM_STORE_EVTCHN], x.r.store_port);
	CU_ASSERT_TRUE(x.f->param_set[HVM_PARAM_STORE_EVTCHN]);
	CU_ASSERT_NOT_EQUAL(x.r.console_port, x.r.store_port);
	CU_ASSERT_TRUE(x.r.console_port >= FB_FIRST_PORT && x.r.store_port >= FB_FIRST_PORT);
	CU_ASSERT_EQUAL(x.f->port_remote[x.r.console_port], x.a.console_domid);
	CU_ASSERT_EQUAL(x.f->port_remote[x.r.store_port], x.a.store_domid);
	tb_teardown(&x);
}

/* Loads go 2 MiB at a time and every mapping is gone afterwards. */
static void test_mappings(void)
{
	struct tb_run x;

	tb_setup(&x);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.f->live, 0);
	CU_ASSERT_EQUAL(x.f->maps, x.f->unmaps);
	CU_ASSERT_TRUE(x.f->maps >= 3);   /* magic, kernel (more than one chunk), ... */
	CU_ASSERT_TRUE(x.f->max_map_frames <= BLOCK / PAGE);
	tb_teardown(&x);
}

/* A kernel whose text_offset is not page-aligned still lands byte-exact. */
static void test_unaligned_text_offset(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.kernel_file_size = tb_write_image(x.t.kernel, 0x1238, TB_IMAGE_SIZE, IMAGE_FLAGS,
					    TB_KERNEL_PAYLOAD);
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.r.entry, CTL_GUEST_RAM0_BASE + 0x1238);
	assert_kernel_at(&x, x.r.entry);
	tb_teardown(&x);
}

static void test_no_ramdisk(void)
{
	struct tb_run x;

	tb_setup(&x);
	x.a.ramdisk = NULL;
	CU_ASSERT_EQUAL_FATAL(tb_build(&x), 0);
	CU_ASSERT_EQUAL(x.r.initrd_size, 0);
	CU_ASSERT_EQUAL(x.r.initrd_addr, 0);
	assert_kernel_at(&x, x.r.entry);
	tb_teardown(&x);
}

static const struct tt_case cases[] = {
	{ "kernel at RAM base + text_offset, vCPU 0 started there", test_kernel_loaded },
	{ "image_size 0: text_offset 0x80000", test_old_kernel },
	{ "text_offset not page-aligned", test_unaligned_text_offset },
	{ "initramfs bytes where result says", test_ramdisk_loaded },
	{ "no ramdisk", test_no_ramdisk },
	{ "booting.rst placement rules", test_layout_rules },
	{ "RAM in 2 MiB extents, tail and magic pages order 0, magic zeroed",
	  test_populate },
	{ "RAM of whole blocks: no order-0 RAM", test_populate_blocks_only },
	{ "event channels and HVM params", test_rings },
	{ "chunked mappings, none left", test_mappings },
	{ NULL, NULL },
};

const struct tt_suite lt_build_suite = { "build", cases };
