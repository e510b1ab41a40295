// SPDX-License-Identifier: GPL-2.0-only
/*
 * The DTB reader (xen/common/dtb.c) on real QEMU virt DTBs, and on small
 * built trees for the cases QEMU does not produce. Corrupt blobs are in
 * test_dtb_corrupt.c.
 */
#include "dtb_edit.h"
#include "harness.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/dtb.h>
#include <xen/errno.h>

#define NR_VIRT          3

static const unsigned int virt_cpus[NR_VIRT] = { 1, 2, 4 };
static const char *const virt_file[NR_VIRT] = { "virt-1cpu.dtb", "virt-2cpu.dtb", "virt-4cpu.dtb" };
static void *virt_raw[NR_VIRT];          /* as dumped by QEMU (1 MiB, padded) */
static size_t virt_raw_len[NR_VIRT];
static void *packed;                     /* virt-4cpu packed by libfdt */
static size_t packed_len;

static int suite_init(void)
{
	char path[512];

	for (int i = 0; i < NR_VIRT; i++) {
		snprintf(path, sizeof(path), "%s/%s", ut_dtb_dir(), virt_file[i]);
		virt_raw[i] = ut_read_file(path, &virt_raw_len[i]);
		if (!virt_raw[i])
			return -1;
	}
	packed = dte_load(virt_file[NR_VIRT - 1], &packed_len);
	return packed ? 0 : -1;
}

static int suite_clean(void)
{
	for (int i = 0; i < NR_VIRT; i++)
		free(virt_raw[i]);
	free(packed);
	return 0;
}

static void open_virt(int i, struct dtb *d)
{
	CU_ASSERT_FATAL(dtb_open(d, virt_raw[i], virt_raw_len[i]) == 0);
}

static void path_ok(const struct dtb *d, const char *path, const char *name)
{
	struct dtb_node n;

	CU_ASSERT_FATAL(dtb_find_path(d, path, &n));
	CU_ASSERT_STRING_EQUAL(dtb_node_name(&n), name);
}

/* ---- Real DTBs ---- */

static void t_be_loads(void)
{
	static const uint8_t b[] = { 0xff, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 0x11 };

	CU_ASSERT_EQUAL(dtb_be32(b + 1), 0x12345678U);
	CU_ASSERT_EQUAL(dtb_be64(b + 1), 0x123456789abcdef0ULL);
	CU_ASSERT_EQUAL(dtb_read_cells(b + 1, 1), 0x12345678U);
	CU_ASSERT_EQUAL(dtb_read_cells(b + 2, 2), 0x3456789abcdef011ULL);
	CU_ASSERT_EQUAL(dtb_read_cells(b, 3), 0);
}

static void t_open_real(void)
{
	struct dtb d;
	uint32_t size;

	for (int i = 0; i < NR_VIRT; i++) {
		open_virt(i, &d);
		CU_ASSERT_EQUAL(d.size, virt_raw_len[i]);
		CU_ASSERT_EQUAL(d.version, 17);
		CU_ASSERT_EQUAL(dtb_peek_size(virt_raw[i], &size), 0);
		CU_ASSERT_EQUAL(size, virt_raw_len[i]);
	}
	CU_ASSERT_EQUAL(dtb_open(&d, packed, packed_len), 0);
	CU_ASSERT_EQUAL(d.size, packed_len);
}

static void t_tree_shape(void)
{
	struct dtb d;
	struct dtb_node root, n, p;
	unsigned int count = 0;
	bool ok;

	open_virt(2, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &root));
	CU_ASSERT_STRING_EQUAL(dtb_node_name(&root), "");
	CU_ASSERT_FALSE(dtb_parent(&root, &p));
	CU_ASSERT_FALSE(dtb_next_sibling(&root, &p));
	for (ok = dtb_first_child(&root, &n); ok; ok = dtb_next_sibling(&n, &n)) {
		CU_ASSERT_FATAL(dtb_parent(&n, &p));
		CU_ASSERT_EQUAL(p.off, root.off);
		count++;
	}
	/*
	 * psci memory platform-bus fw-cfg 32 * virtio_mmio gpio-keys pl061 smmuv3
	 * pcie pl031 pl011 pmu intc flash cpus timer apb-pclk aliases chosen
	 */
	CU_ASSERT_EQUAL(count, 18 + 32);
	CU_ASSERT_FATAL(dtb_find_path(&d, "/intc@8000000/its@8080000", &n));
	CU_ASSERT_FATAL(dtb_parent(&n, &p));
	CU_ASSERT_STRING_EQUAL(dtb_node_name(&p), "intc@8000000");
	CU_ASSERT_FALSE(dtb_first_child(&n, &p));
	CU_ASSERT_FALSE(dtb_next_sibling(&n, &p));
}

static void t_find_path(void)
{
	struct dtb d;
	struct dtb_node n;
	char buf[32];

	for (int i = 0; i < NR_VIRT; i++) {
		open_virt(i, &d);
		path_ok(&d, "/", "");
		path_ok(&d, "/chosen", "chosen");
		path_ok(&d, "/chosen/", "chosen");
		path_ok(&d, "//chosen", "chosen");
		path_ok(&d, "/cpus/cpu@0", "cpu@0");
		path_ok(&d, "/cpus/cpu", "cpu@0");
		path_ok(&d, "/memory", "memory@40000000");
		path_ok(&d, "/pl011", "pl011@9000000");
		path_ok(&d, "/intc/its", "its@8080000");
		path_ok(&d, "/cpus/cpu-map/socket0/cluster0/core0", "core0");
		for (unsigned int c = 0; c < virt_cpus[i]; c++) {
			snprintf(buf, sizeof(buf), "/cpus/cpu@%u", c);
			path_ok(&d, buf, buf + strlen("/cpus/"));
		}
		snprintf(buf, sizeof(buf), "/cpus/cpu@%u", virt_cpus[i]);
		CU_ASSERT_FALSE(dtb_find_path(&d, buf, &n));
		CU_ASSERT_FALSE(dtb_find_path(&d, "/nope", &n));
		CU_ASSERT_FALSE(dtb_find_path(&d, "/cpus/cpu@0/nope", &n));
		CU_ASSERT_FALSE(dtb_find_path(&d, "/cpu", &n));
		CU_ASSERT_FALSE(dtb_find_path(&d, "/memory@4", &n));
		CU_ASSERT_FALSE(dtb_find_path(&d, "", &n));
	}
}

static void t_aliases(void)
{
	struct dtb d;
	struct dtb_node n;

	open_virt(0, &d);
	path_ok(&d, "serial0", "pl011@9000000");
	CU_ASSERT_FALSE(dtb_find_path(&d, "serial1", &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "serial", &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "serial0/x", &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "aliases", &n));
}

static void t_find_compatible(void)
{
	struct dtb d;
	struct dtb_node n;
	const struct dtb_node *after = NULL;
	uint32_t last = 0;
	unsigned int count;

	open_virt(2, &d);
	CU_ASSERT_FATAL(dtb_find_compatible(&d, NULL, "arm,gic-v3", &n));
	CU_ASSERT_STRING_EQUAL(dtb_node_name(&n), "intc@8000000");
	CU_ASSERT_FALSE(dtb_find_compatible(&d, &n, "arm,gic-v3", &n));
	for (count = 0; dtb_find_compatible(&d, after, "virtio,mmio", &n); count++, after = &n) {
		CU_ASSERT(n.off > last);
		last = n.off;
	}
	CU_ASSERT_EQUAL(count, 32);
	after = NULL;
	for (count = 0; dtb_find_compatible(&d, after, "arm,primecell", &n); after = &n)
		count++;
	CU_ASSERT_EQUAL(count, 3);
	CU_ASSERT_FALSE(dtb_find_compatible(&d, NULL, "arm", &n));
	CU_ASSERT_FALSE(dtb_find_compatible(&d, NULL, "arm,gic-v3x", &n));
}

static void t_find_phandle(void)
{
	struct dtb d;
	struct dtb_node root, n, cpu;
	uint32_t ph;

	open_virt(2, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &root));
	CU_ASSERT_FATAL(dtb_prop_u32(&root, "interrupt-parent", &ph));
	CU_ASSERT_FATAL(dtb_find_phandle(&d, ph, &n));
	CU_ASSERT(dtb_node_is_compatible(&n, "arm,gic-v3"));
	CU_ASSERT_FATAL(dtb_find_path(&d, "/cpus/cpu@3", &cpu));
	CU_ASSERT_FATAL(dtb_prop_u32(&cpu, "phandle", &ph));
	CU_ASSERT_FATAL(dtb_find_phandle(&d, ph, &n));
	CU_ASSERT_EQUAL(n.off, cpu.off);
	CU_ASSERT_FALSE(dtb_find_phandle(&d, 0, &n));
	CU_ASSERT_FALSE(dtb_find_phandle(&d, 0xffffffffU, &n));
	CU_ASSERT_FALSE(dtb_find_phandle(&d, 0x12345, &n));
}

static void t_prop_iteration(void)
{
	static const char *const names[] = { "migrate", "cpu_on", "cpu_off", "cpu_suspend",
		"method", "compatible" };
	struct dtb d;
	struct dtb_node n;
	struct dtb_prop p;
	uint32_t cursor = 0;
	unsigned int i = 0;

	open_virt(0, &d);
	CU_ASSERT_FATAL(dtb_find_path(&d, "/psci", &n));
	while (dtb_next_prop(&n, &cursor, &p)) {
		CU_ASSERT_FATAL(i < 6);
		CU_ASSERT_STRING_EQUAL(p.name, names[i]);
		i++;
	}
	CU_ASSERT_EQUAL(i, 6);
	CU_ASSERT_FALSE(dtb_next_prop(&n, &cursor, &p));
	CU_ASSERT_FATAL(dtb_get_prop(&n, "cpu_on", &p));
	CU_ASSERT_EQUAL(p.len, 4);
	CU_ASSERT_EQUAL(dtb_be32(p.data), 0xc4000003U);
	CU_ASSERT_FATAL(dtb_get_prop(&n, "compatible", &p));
	CU_ASSERT_EQUAL(p.len, sizeof("arm,psci-1.0\0arm,psci-0.2\0arm,psci"));
	CU_ASSERT_FALSE(dtb_get_prop(&n, "cpu", &p));
	CU_ASSERT_FALSE(dtb_get_prop(&n, "reg", &p));
	CU_ASSERT_FATAL(dtb_find_path(&d, "/", &n));
	CU_ASSERT_FATAL(dtb_get_prop(&n, "dma-coherent", &p));
	CU_ASSERT_EQUAL(p.len, 0);
}

static void t_prop_helpers(void)
{
	struct dtb d;
	struct dtb_node psci, root, cpus, bus;
	struct dtb_prop p;
	uint32_t v = 0;

	open_virt(1, &d);
	CU_ASSERT_FATAL(dtb_find_path(&d, "/psci", &psci) && dtb_root(&d, &root));
	CU_ASSERT_FATAL(dtb_find_path(&d, "/cpus", &cpus));
	CU_ASSERT_FATAL(dtb_find_path(&d, "/platform-bus", &bus));
	CU_ASSERT_STRING_EQUAL(dtb_prop_string(&psci, "method"), "smc");
	CU_ASSERT_STRING_EQUAL(dtb_prop_string(&psci, "compatible"), "arm,psci-1.0");
	CU_ASSERT_PTR_NULL(dtb_prop_string(&psci, "nope"));
	CU_ASSERT_PTR_NULL(dtb_prop_string(&root, "dma-coherent"));
	CU_ASSERT(dtb_prop_u32(&root, "#address-cells", &v) && v == 2);
	CU_ASSERT_FALSE(dtb_prop_u32(&psci, "compatible", &v));
	CU_ASSERT_FALSE(dtb_prop_u32(&psci, "nope", &v));
	CU_ASSERT_FATAL(dtb_get_prop(&psci, "compatible", &p));
	CU_ASSERT(dtb_stringlist_contains(&p, "arm,psci-0.2"));
	CU_ASSERT(dtb_stringlist_contains(&p, "arm,psci"));
	CU_ASSERT_FALSE(dtb_stringlist_contains(&p, "arm,psci-0"));
	CU_ASSERT_FALSE(dtb_stringlist_contains(&p, ""));
	CU_ASSERT(dtb_node_is_compatible(&psci, "arm,psci-1.0"));
	CU_ASSERT_FALSE(dtb_node_is_compatible(&root, "arm,psci-1.0"));
	CU_ASSERT(dtb_node_is_enabled(&psci));
	CU_ASSERT_EQUAL(dtb_address_cells(&root), 2);
	CU_ASSERT_EQUAL(dtb_size_cells(&root), 2);
	CU_ASSERT_EQUAL(dtb_address_cells(&cpus), 1);
	CU_ASSERT_EQUAL(dtb_size_cells(&cpus), 0);
	CU_ASSERT_EQUAL(dtb_address_cells(&bus), 1);
	CU_ASSERT_EQUAL(dtb_size_cells(&bus), 1);
	CU_ASSERT_EQUAL(dtb_address_cells(&psci), 2);   /* DTSpec defaults */
	CU_ASSERT_EQUAL(dtb_size_cells(&psci), 1);
}

static void reg_ok(const struct dtb *d, const char *path, unsigned int idx, uint64_t addr,
		   uint64_t size)
{
	struct dtb_node n;
	uint64_t a = 1, s = 1;

	CU_ASSERT_FATAL(dtb_find_path(d, path, &n));
	CU_ASSERT_EQUAL_FATAL(dtb_get_reg(&n, idx, &a, &s), 0);
	CU_ASSERT_EQUAL(a, addr);
	CU_ASSERT_EQUAL(s, size);
}

static int reg_count(const struct dtb *d, const char *path)
{
	struct dtb_node n;

	CU_ASSERT_FATAL(dtb_find_path(d, path, &n));
	return dtb_reg_count(&n);
}

static void t_reg_decode(void)
{
	struct dtb d;
	struct dtb_node n;
	uint64_t a, s;

	open_virt(2, &d);
	reg_ok(&d, "/memory@40000000", 0, 0x40000000, 0x40000000);
	CU_ASSERT_EQUAL(reg_count(&d, "/memory@40000000"), 1);
	reg_ok(&d, "/intc@8000000", 0, 0x08000000, 0x10000);
	reg_ok(&d, "/intc@8000000", 1, 0x080a0000, 0xf60000);
	CU_ASSERT_EQUAL(reg_count(&d, "/intc@8000000"), 2);
	reg_ok(&d, "/intc/its", 0, 0x08080000, 0x20000);
	reg_ok(&d, "/cpus/cpu@3", 0, 3, 0);
	reg_ok(&d, "/flash@0", 1, 0x04000000, 0x04000000);
	reg_ok(&d, "/pcie@10000000", 0, 0x4010000000ULL, 0x10000000);
	reg_ok(&d, "/smmuv3@9050000", 0, 0x09050000, 0x20000);
	CU_ASSERT_EQUAL(reg_count(&d, "/psci"), -ENOENT);
	CU_ASSERT_EQUAL(reg_count(&d, "/"), -ENOENT);
	CU_ASSERT_FATAL(dtb_find_path(&d, "/intc", &n));
	CU_ASSERT_EQUAL(dtb_get_reg(&n, 2, &a, &s), -ENOENT);
}

static void t_unaligned_blob(void)
{
	uint8_t *buf = malloc(packed_len + 3);
	struct dtb d;
	struct dtb_node n;
	uint64_t a, s;

	CU_ASSERT_FATAL(buf != NULL);
	for (int shift = 1; shift <= 3; shift++) {
		memcpy(buf + shift, packed, packed_len);
		CU_ASSERT_FATAL(dtb_open(&d, buf + shift, packed_len) == 0);
		CU_ASSERT_FATAL(dtb_find_path(&d, "/memory", &n));
		CU_ASSERT(dtb_get_reg(&n, 0, &a, &s) == 0 && a == 0x40000000 && s == 0x40000000);
		CU_ASSERT(dtb_find_compatible(&d, NULL, "arm,pl011", &n));
		CU_ASSERT_STRING_EQUAL(dtb_node_name(&n), "pl011@9000000");
	}
	free(buf);
}

/* ---- Built blobs ---- */

static void *finish(struct rawdt *w, size_t *len, struct dtb *d)
{
	void *b = rawdt_finish(w, len);

	CU_ASSERT_FATAL(dtb_open(d, b, *len) == 0);
	return b;
}

static void t_rsvmap(void)
{
	struct rawdt w;
	struct dtb d;
	size_t len;
	uint64_t a, s;
	void *b;

	open_virt(0, &d);
	CU_ASSERT_EQUAL(dtb_rsvmap_get(&d, 0, &a, &s), -ENOENT);
	rawdt_init(&w);
	rawdt_rsv(&w, 0x48000000, 0x1000);
	rawdt_rsv(&w, 0x123456789000ULL, 0x20000);
	rawdt_begin(&w, "");
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, &d);
	CU_ASSERT(dtb_rsvmap_get(&d, 0, &a, &s) == 0 && a == 0x48000000 && s == 0x1000);
	CU_ASSERT(dtb_rsvmap_get(&d, 1, &a, &s) == 0 && a == 0x123456789000ULL && s == 0x20000);
	CU_ASSERT_EQUAL(dtb_rsvmap_get(&d, 2, &a, &s), -ENOENT);
	CU_ASSERT_EQUAL(dtb_rsvmap_get(&d, 1000, &a, &s), -ENOENT);
	/* Overwrite the terminator: the map now runs into the strings and struct blocks. */
	memset((uint8_t *)b + 40 + 32, 0xff, 16);
	CU_ASSERT_EQUAL(dtb_rsvmap_get(&d, 1000000, &a, &s), -ERANGE);
	free(b);
}

static void t_status_and_names(void)
{
	static const char *const status[] = { "okay", "ok", "disabled", "fail", "" };
	static const bool enabled[] = { true, true, false, false, false };
	struct rawdt w;
	struct dtb d;
	struct dtb_node n;
	size_t len;
	void *b;
	char path[16];

	rawdt_init(&w);
	rawdt_begin(&w, "");
	for (unsigned int i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), "n%u", i);
		rawdt_begin(&w, path);
		rawdt_prop_str(&w, "status", status[i]);
		rawdt_end(&w);
	}
	rawdt_begin(&w, "n5");
	rawdt_prop(&w, "status", "okay", 4);     /* unterminated */
	rawdt_end(&w);
	rawdt_begin(&w, "dev@1");
	rawdt_end(&w);
	rawdt_begin(&w, "dev");
	rawdt_end(&w);
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, &d);
	for (unsigned int i = 0; i < 5; i++) {
		snprintf(path, sizeof(path), "/n%u", i);
		CU_ASSERT_FATAL(dtb_find_path(&d, path, &n));
		CU_ASSERT_EQUAL(dtb_node_is_enabled(&n), enabled[i]);
	}
	CU_ASSERT_FATAL(dtb_find_path(&d, "/n5", &n));
	CU_ASSERT_FALSE(dtb_node_is_enabled(&n));
	CU_ASSERT_PTR_NULL(dtb_prop_string(&n, "status"));
	path_ok(&d, "/dev", "dev");             /* an exact name beats a unit address match */
	path_ok(&d, "/dev@1", "dev@1");
	free(b);
}

static void t_alias_forms(void)
{
	struct rawdt w;
	struct dtb d;
	struct dtb_node n;
	size_t len;
	void *b;

	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_begin(&w, "aliases");
	rawdt_prop_str(&w, "bus", "/soc@0");
	rawdt_prop_str(&w, "relative", "soc@0");
	rawdt_prop_str(&w, "chain", "bus");
	rawdt_prop(&w, "unterm", "/soc", 4);
	rawdt_end(&w);
	rawdt_begin(&w, "soc@0");
	rawdt_begin(&w, "uart@100");
	rawdt_end(&w);
	rawdt_end(&w);
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, &d);
	path_ok(&d, "bus", "soc@0");
	path_ok(&d, "bus/uart", "uart@100");
	path_ok(&d, "bus/uart@100/", "uart@100");
	CU_ASSERT_FALSE(dtb_find_path(&d, "bus/uart@200", &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "relative", &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "chain", &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "unterm", &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "bu", &n));
	free(b);
}

/* A node under a parent with the given cells and a reg of len bytes; returns the blob. */
static void *reg_blob(uint32_t ac, uint32_t sc, uint32_t reg_len, struct dtb *d,
		      struct dtb_node *n)
{
	static const uint32_t cells[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct rawdt w;
	size_t len;
	void *b;

	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_prop_u32(&w, "#address-cells", ac);
	rawdt_prop_u32(&w, "#size-cells", sc);
	rawdt_begin(&w, "dev");
	rawdt_prop_cells(&w, "reg", cells, reg_len / 4);
	rawdt_end(&w);
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, d);
	CU_ASSERT_FATAL(dtb_find_path(d, "/dev", n));
	return b;
}

static void t_reg_errors(void)
{
	struct dtb d;
	struct dtb_node n;
	uint64_t a, s;
	void *b;

	b = reg_blob(1, 0, 8, &d, &n);
	CU_ASSERT_EQUAL(dtb_reg_count(&n), 2);
	CU_ASSERT(dtb_get_reg(&n, 1, &a, &s) == 0 && a == 2 && s == 0);
	free(b);
	b = reg_blob(2, 2, 32, &d, &n);
	CU_ASSERT(dtb_get_reg(&n, 1, &a, &s) == 0 && a == 0x500000006ULL && s == 0x700000008ULL);
	free(b);
	b = reg_blob(2, 2, 12, &d, &n);
	CU_ASSERT_EQUAL(dtb_reg_count(&n), -EINVAL);
	CU_ASSERT_EQUAL(dtb_get_reg(&n, 0, &a, &s), -EINVAL);
	free(b);
	b = reg_blob(3, 1, 16, &d, &n);
	CU_ASSERT_EQUAL(dtb_get_reg(&n, 0, &a, &s), -EINVAL);
	free(b);
	b = reg_blob(0, 1, 8, &d, &n);
	CU_ASSERT_EQUAL(dtb_get_reg(&n, 0, &a, &s), -EINVAL);
	free(b);
	b = reg_blob(1, 3, 16, &d, &n);
	CU_ASSERT_EQUAL(dtb_reg_count(&n), -EINVAL);
	free(b);
	b = reg_blob(1, 1, 0, &d, &n);
	CU_ASSERT_EQUAL(dtb_reg_count(&n), 0);
	CU_ASSERT_EQUAL(dtb_get_reg(&n, 0, &a, &s), -ENOENT);
	free(b);
}

UT_SUITE(dtb_suite, "dtb", suite_init, suite_clean,
	 UT_CASE(t_be_loads), UT_CASE(t_open_real), UT_CASE(t_tree_shape), UT_CASE(t_find_path),
	 UT_CASE(t_aliases), UT_CASE(t_find_compatible), UT_CASE(t_find_phandle),
	 UT_CASE(t_prop_iteration), UT_CASE(t_prop_helpers), UT_CASE(t_reg_decode),
	 UT_CASE(t_unaligned_blob), UT_CASE(t_rsvmap), UT_CASE(t_status_and_names),
	 UT_CASE(t_alias_forms), UT_CASE(t_reg_errors))
