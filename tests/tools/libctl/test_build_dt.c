// SPDX-License-Identifier: GPL-2.0-only
/* The guest DT the builder writes, read back from guest RAM with libfdt. */
#include <libfdt.h>
#include <stdio.h>
#include <string.h>

#include "test_build.h"

#define MIB            (1024ULL * 1024)
#define GIC_PATH       "/interrupt-controller@3001000"
#define GIC_PHANDLE    1
#define PPI            1           /* arm,gic-v3: first interrupt cell 1 = PPI */
#define LEVEL_LOW      0xf08       /* Xen's flags */
#define MANY_VCPUS     20          /* crosses into Aff1 = 1 */

/* A string list literal with its terminating NUL counted. */
#define STRS(s) s, sizeof(s)

static int node(const void *dtb, const char *path)
{
	int off = fdt_path_offset(dtb, path);

	if (off < 0)
		fprintf(stderr, "\n  no node %s\n", path);
	CU_ASSERT_FATAL(off >= 0);
	return off;
}

static void assert_raw(const void *dtb, const char *path, const char *name, const void *v,
		       size_t len)
{
	int got;
	const void *p = fdt_getprop(dtb, node(dtb, path), name, &got);

	if (!p || (size_t)got != len || memcmp(p, v, len))
		fprintf(stderr, "\n  %s %s: wrong or missing\n", path, name);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_EQUAL((size_t)got, len);
	CU_ASSERT_EQUAL(memcmp(p, v, len), 0);
}

static void assert_cells(const void *dtb, const char *path, const char *name,
			 const uint32_t *v, size_t n)
{
	fdt32_t be[16];

	for (size_t i = 0; i < n; i++)
		be[i] = cpu_to_fdt32(v[i]);
	assert_raw(dtb, path, name, be, n * sizeof(be[0]));
}

static void assert_u32(const void *dtb, const char *path, const char *name, uint32_t v)
{
	assert_cells(dtb, path, name, &v, 1);
}

static void assert_u64s(const void *dtb, const char *path, const char *name,
			const uint64_t *v, size_t n)
{
	fdt64_t be[8];

	for (size_t i = 0; i < n; i++)
		be[i] = cpu_to_fdt64(v[i]);
	assert_raw(dtb, path, name, be, n * sizeof(be[0]));
}

static void assert_absent(const void *dtb, const char *path, const char *name)
{
	CU_ASSERT_PTR_NULL(fdt_getprop(dtb, node(dtb, path), name, NULL));
}

static const void *built(struct tb_run *x)
{
	const void *dtb;

	CU_ASSERT_EQUAL_FATAL(tb_build(x), 0);
	dtb = tb_dtb(x);
	CU_ASSERT_PTR_NOT_NULL_FATAL(dtb);
	return dtb;
}

static void test_root_chosen(void)
{
	struct tb_run x;
	const void *dtb;

	tb_setup(&x);
	dtb = built(&x);
	assert_u32(dtb, "/", "#address-cells", 2);
	assert_u32(dtb, "/", "#size-cells", 2);
	assert_raw(dtb, "/", "compatible", STRS("xen,xenvm-4.17\0xen,xenvm"));
	assert_raw(dtb, "/", "model", STRS("XENVM-4.17"));
	assert_u32(dtb, "/", "interrupt-parent", GIC_PHANDLE);
	assert_raw(dtb, "/chosen", "bootargs", STRS(TB_CMDLINE));
	assert_u64s(dtb, "/chosen", "linux,initrd-start", &x.r.initrd_addr, 1);
	x.r.initrd_addr += TB_RAMDISK_SIZE;
	assert_u64s(dtb, "/chosen", "linux,initrd-end", &x.r.initrd_addr, 1);
	tb_teardown(&x);
}

static void test_no_cmdline_no_ramdisk(void)
{
	struct tb_run x;
	const void *dtb;

	tb_setup(&x);
	x.a.cmdline = NULL;
	x.a.ramdisk = NULL;
	dtb = built(&x);
	assert_absent(dtb, "/chosen", "bootargs");
	assert_absent(dtb, "/chosen", "linux,initrd-start");
	assert_absent(dtb, "/chosen", "linux,initrd-end");
	tb_teardown(&x);
}

static unsigned int count_cpus(const void *dtb)
{
	unsigned int n = 0;
	int off;

	fdt_for_each_subnode(off, dtb, node(dtb, "/cpus"))
		n++;
	return n;
}

static void test_cpus(void)
{
	struct tb_run x;
	const void *dtb;

	tb_setup(&x);
	x.a.max_vcpus = MANY_VCPUS;
	dtb = built(&x);
	CU_ASSERT_EQUAL(count_cpus(dtb), MANY_VCPUS);
	assert_u32(dtb, "/cpus", "#address-cells", 1);
	assert_u32(dtb, "/cpus", "#size-cells", 0);
	assert_u32(dtb, "/cpus/cpu@0", "reg", 0);
	assert_u32(dtb, "/cpus/cpu@f", "reg", 15);
	assert_u32(dtb, "/cpus/cpu@100", "reg", 0x100);   /* vCPU 16: Aff1 1, Aff0 0 */
	assert_u32(dtb, "/cpus/cpu@103", "reg", 0x103);
	assert_raw(dtb, "/cpus/cpu@2", "compatible", STRS("arm,armv8"));
	assert_raw(dtb, "/cpus/cpu@2", "device_type", STRS("cpu"));
	assert_raw(dtb, "/cpus/cpu@2", "enable-method", STRS("psci"));
	tb_teardown(&x);
}

static void test_memory_psci(void)
{
	struct tb_run x;
	const void *dtb;
	const uint64_t mem[] = { CTL_GUEST_RAM0_BASE, TB_MEM_MIB * MIB };

	tb_setup(&x);
	dtb = built(&x);
	assert_raw(dtb, "/memory@40000000", "device_type", STRS("memory"));
	assert_u64s(dtb, "/memory@40000000", "reg", mem, 2);
	assert_raw(dtb, "/psci", "compatible", STRS("arm,psci-1.0\0arm,psci-0.2\0arm,psci"));
	assert_raw(dtb, "/psci", "method", STRS("hvc"));
	tb_teardown(&x);
}

static void test_gic(void)
{
	struct tb_run x;
	const void *dtb;
	const uint64_t reg[] = { CTL_GUEST_GICD_BASE, CTL_GUEST_GICD_SIZE, CTL_GUEST_GICR_BASE,
				 TB_VCPUS * CTL_GUEST_GICR_STRIDE };

	tb_setup(&x);
	dtb = built(&x);
	assert_raw(dtb, GIC_PATH, "compatible", STRS("arm,gic-v3"));
	assert_u32(dtb, GIC_PATH, "#interrupt-cells", 3);
	assert_raw(dtb, GIC_PATH, "interrupt-controller", "", 0);
	assert_u64s(dtb, GIC_PATH, "reg", reg, 4);
	assert_u32(dtb, GIC_PATH, "phandle", GIC_PHANDLE);
	CU_ASSERT_EQUAL(fdt_node_offset_by_phandle(dtb, GIC_PHANDLE), node(dtb, GIC_PATH));
	tb_teardown(&x);
}

static void test_timer_hypervisor(void)
{
	struct tb_run x;
	const void *dtb;
	const uint32_t timer[] = { PPI, 13, LEVEL_LOW, PPI, 14, LEVEL_LOW, PPI, 11, LEVEL_LOW,
				   PPI, 10, LEVEL_LOW };
	const uint32_t evtchn[] = { PPI, 15, LEVEL_LOW };
	const uint64_t gnttab[] = { CTL_GUEST_GNTTAB_BASE, CTL_GUEST_GNTTAB_SIZE };

	tb_setup(&x);
	dtb = built(&x);
	assert_raw(dtb, "/timer", "compatible", STRS("arm,armv8-timer"));
	assert_cells(dtb, "/timer", "interrupts", timer, 12);
	assert_u32(dtb, "/timer", "interrupt-parent", GIC_PHANDLE);
	assert_raw(dtb, "/hypervisor", "compatible", STRS("xen,xen-4.17\0xen,xen"));
	assert_u64s(dtb, "/hypervisor", "reg", gnttab, 2);
	assert_cells(dtb, "/hypervisor", "interrupts", evtchn, 3);
	tb_teardown(&x);
}

static const struct tt_case cases[] = {
	{ "root and /chosen", test_root_chosen },
	{ "no bootargs, no initrd without them", test_no_cmdline_no_ramdisk },
	{ "/cpus: one node per vCPU, reg = MPIDR", test_cpus },
	{ "/memory and /psci", test_memory_psci },
	{ "GICv3 with a redistributor per vCPU", test_gic },
	{ "/timer and /hypervisor interrupts", test_timer_hypervisor },
	{ NULL, NULL },
};

const struct tt_suite lt_build_dt_suite = { "build-dt", cases };
