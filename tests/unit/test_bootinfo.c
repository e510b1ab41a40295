// SPDX-License-Identifier: GPL-2.0-only
/*
 * bootinfo_parse() and bootinfo_check() on the QEMU virt DTBs, and on copies
 * edited with libfdt: pieces removed, stdout-path through an alias with
 * options, reservations, multiboot modules, an initrd, bad properties.
 */
#include "dtb_edit.h"
#include "harness.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/bootinfo.h>
#include <xen/dtb.h>
#include <xen/errno.h>

#define NR_VIRT      3
#define EDIT_ROOM    16384   /* bytes an edited copy may grow by */
#define VIRT_4CPU    2       /* index of virt-4cpu.dtb */
#define ONE_GIB      0x40000000ULL

#define GIC_PATH     "/intc@8000000"
#define MEM_PATH     "/memory@40000000"
#define TIMER_PATH   "/timer"
#define PSCI_PATH    "/psci"
#define BUS_PATH     "/platform-bus@c000000"
#define INITRD_START "linux,initrd-start"
#define INITRD_END   "linux,initrd-end"

static const unsigned int virt_cpus[NR_VIRT] = { 1, 2, 4 };
static const char *const virt_file[NR_VIRT] = { "virt-1cpu.dtb", "virt-2cpu.dtb", "virt-4cpu.dtb" };
static void *virt[NR_VIRT];
static size_t virt_len[NR_VIRT];

static int suite_init(void)
{
	for (int i = 0; i < NR_VIRT; i++) {
		virt[i] = dte_load(virt_file[i], &virt_len[i]);
		if (!virt[i])
			return -1;
	}
	return 0;
}

static int suite_clean(void)
{
	for (int i = 0; i < NR_VIRT; i++)
		free(virt[i]);
	return 0;
}

/* bootinfo_parse() of a blob, which must open; b must outlive bi. */
static int parse(const void *b, size_t len, struct bootinfo *bi)
{
	struct dtb d;
	int rc;

	CU_ASSERT_FATAL(dtb_open(&d, b, len) == 0);
	rc = bootinfo_parse(&d, bi);
	if (rc)
		CU_ASSERT(bi->error[0] != '\0');
	return rc;
}

static int parse_edit(const void *fdt, struct bootinfo *bi)
{
	return parse(fdt, dte_size(fdt), bi);
}

/* An editable copy of virt-4cpu.dtb. */
static void *edit(void)
{
	void *fdt = dte_open(virt[VIRT_4CPU], EDIT_ROOM);

	CU_ASSERT_FATAL(fdt != NULL);
	return fdt;
}

static bool region_is(const struct mem_region *r, uint64_t start, uint64_t size)
{
	return pa_val(r->start) == start && r->size == size;
}

static void check_virt(const struct bootinfo *bi, unsigned int cpus)
{
	static const uint32_t timer[5] = { 29, 30, 27, 26, 28 };

	CU_ASSERT_EQUAL_FATAL(bi->nr_mem, 1);
	CU_ASSERT(region_is(&bi->mem[0], 0x40000000, ONE_GIB));
	CU_ASSERT_EQUAL(bi->nr_reserved, 0);
	CU_ASSERT_EQUAL(bi->nr_modules, 0);
	CU_ASSERT_EQUAL_FATAL(bi->nr_cpus, cpus);
	for (unsigned int c = 0; c < cpus; c++)
		CU_ASSERT_EQUAL(bi->cpu_mpidr[c], c);
	CU_ASSERT(bi->gic.present);
	CU_ASSERT(region_is(&bi->gic.dist, 0x08000000, 0x10000));
	CU_ASSERT_EQUAL_FATAL(bi->gic.nr_redist, 1);
	CU_ASSERT(region_is(&bi->gic.redist[0], 0x080a0000, 0xf60000));
	CU_ASSERT_EQUAL(bi->gic.redist_stride, 0);
	CU_ASSERT_EQUAL(bi->gic.maint_intid, 25);
	CU_ASSERT(bi->timer.present);
	CU_ASSERT(memcmp(bi->timer.intid, timer, sizeof(timer)) == 0);
	CU_ASSERT_EQUAL(bi->timer.clock_frequency, 0);
	CU_ASSERT(bi->psci.present);
	CU_ASSERT_EQUAL(bi->psci.conduit, PSCI_CONDUIT_SMC);
	CU_ASSERT_FATAL(bi->uart.present);
	CU_ASSERT_STRING_EQUAL(bi->uart.path, "/pl011@9000000");
	CU_ASSERT_STRING_EQUAL(bi->uart.compatible, "arm,pl011");
	CU_ASSERT(region_is(&bi->uart.regs, 0x09000000, 0x1000));
	CU_ASSERT_EQUAL(bi->uart.intid, 33);
	CU_ASSERT(bi->smmu.present);
	CU_ASSERT(region_is(&bi->smmu.regs, 0x09050000, 0x20000));
	CU_ASSERT_STRING_EQUAL(bi->xen_bootargs, "");
}

static void t_virt(void)
{
	struct bootinfo bi;

	for (int i = 0; i < NR_VIRT; i++) {
		CU_ASSERT_EQUAL_FATAL(parse(virt[i], virt_len[i], &bi), 0);
		check_virt(&bi, virt_cpus[i]);
		CU_ASSERT_EQUAL(bootinfo_check(&bi), 0);
		CU_ASSERT_STRING_EQUAL(bi.error, "");
	}
}

/* The file exactly as QEMU dumped it (1 MiB with padding), at an odd address. */
static void t_virt_raw_unaligned(void)
{
	char path[512];
	size_t len;
	uint8_t *raw, *buf;
	struct bootinfo bi;

	snprintf(path, sizeof(path), "%s/%s", ut_dtb_dir(), virt_file[VIRT_4CPU]);
	raw = ut_read_file(path, &len);
	CU_ASSERT_FATAL(raw != NULL);
	buf = malloc(len + 1);
	CU_ASSERT_FATAL(buf != NULL);
	memcpy(buf + 1, raw, len);
	CU_ASSERT_EQUAL_FATAL(parse(buf + 1, len, &bi), 0);
	check_virt(&bi, 4);
	free(buf);
	free(raw);
}

static void t_gic_intid(void)
{
	static const struct { uint32_t spec[3]; uint32_t intid; } cases[] = {
		{ { GIC_SPEC_SPI, 0, 4 }, 32 }, { { GIC_SPEC_SPI, 1, 4 }, 33 },
		{ { GIC_SPEC_SPI, 987, 4 }, 1019 }, { { GIC_SPEC_SPI, 988, 4 }, 0 },
		{ { GIC_SPEC_SPI, 0xffffffffU, 4 }, 0 }, { { GIC_SPEC_PPI, 0, 4 }, 16 },
		{ { GIC_SPEC_PPI, 9, 4 }, 25 }, { { GIC_SPEC_PPI, 15, 4 }, 31 },
		{ { GIC_SPEC_PPI, 16, 4 }, 0 }, { { 2, 0, 4 }, 0 }, { { 0xffffffffU, 1, 4 }, 0 },
	};
	uint8_t buf[13];

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (int j = 0; j < 3; j++)
			dte_put32(buf + 1 + 4 * j, cases[i].spec[j]);
		CU_ASSERT_EQUAL(bootinfo_gic_intid(buf + 1), cases[i].intid);
	}
}

/* Deletes path from virt-4cpu; parsing works, the check fails with msg. */
static void missing(const char *path, const char *msg)
{
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_del_node(fdt, path), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_EQUAL(bootinfo_check(&bi), -ENODEV);
	CU_ASSERT_STRING_EQUAL(bi.error, msg);
	free(fdt);
}

static void t_missing_gic(void)
{
	missing(GIC_PATH, "no GICv3 interrupt controller (compatible \"arm,gic-v3\") in the device "
		"tree");
}

static void t_missing_memory(void)
{
	missing(MEM_PATH, "no memory node (device_type = \"memory\") in the device tree");
}

static void t_missing_cpus(void)
{
	void *fdt = edit();
	struct bootinfo bi;
	char path[32];

	missing("/cpus", "no CPU nodes under /cpus in the device tree");
	for (int c = 0; c < 4; c++) {
		snprintf(path, sizeof(path), "/cpus/cpu@%d", c);
		CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, path, "status", "disabled"), 0);
	}
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_EQUAL(bi.nr_cpus, 0);
	CU_ASSERT_EQUAL(bootinfo_check(&bi), -ENODEV);
	free(fdt);
}

static void t_missing_timer(void)
{
	missing(TIMER_PATH, "no timer (compatible \"arm,armv8-timer\") in the device tree");
}

static void t_missing_psci(void)
{
	missing(PSCI_PATH, "no PSCI node (compatible \"arm,psci-0.2\") in the device tree");
}

static void t_missing_optional(void)
{
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_del_node(fdt, "/smmuv3@9050000"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_del_prop(fdt, "/chosen", "stdout-path"), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_FALSE(bi.smmu.present);
	CU_ASSERT_FALSE(bi.uart.present);
	CU_ASSERT_EQUAL(bootinfo_check(&bi), 0);
	free(fdt);
}

/* Parses virt-4cpu with /psci "method" set to method (NULL: removed). */
static int psci_method(const char *method, struct bootinfo *bi)
{
	void *fdt = edit();
	int rc;

	if (method)
		rc = dte_set_string(fdt, PSCI_PATH, "method", method);
	else
		rc = dte_del_prop(fdt, PSCI_PATH, "method");
	CU_ASSERT_EQUAL_FATAL(rc, 0);
	rc = parse_edit(fdt, bi);
	free(fdt);
	return rc;
}

static void t_psci_method(void)
{
	struct bootinfo bi;

	CU_ASSERT_EQUAL(psci_method("hvc", &bi), 0);
	CU_ASSERT(bi.psci.present && bi.psci.conduit == PSCI_CONDUIT_HVC);
	CU_ASSERT_EQUAL(psci_method("smc", &bi), 0);
	CU_ASSERT(bi.psci.present && bi.psci.conduit == PSCI_CONDUIT_SMC);
	CU_ASSERT_EQUAL(psci_method("svc", &bi), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "psci"));
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "\"svc\""));
	CU_ASSERT_EQUAL(psci_method("SMC", &bi), -EINVAL);
	CU_ASSERT_EQUAL(psci_method(NULL, &bi), -EINVAL);
}

static void uart_is_pl011(const struct bootinfo *bi, const char *path)
{
	CU_ASSERT_FATAL(bi->uart.present);
	CU_ASSERT_STRING_EQUAL(bi->uart.path, path);
	CU_ASSERT(region_is(&bi->uart.regs, 0x09000000, 0x1000));
	CU_ASSERT_STRING_EQUAL(bi->uart.compatible, "arm,pl011");
	CU_ASSERT_EQUAL(bi->uart.intid, 33);
}

/*
 * Parses virt-4cpu with /chosen stdout-path = sp and an extra alias
 * "console"; expects the PL011 with uart.path == sp, or no UART if !found.
 */
static void stdout_path(const char *sp, bool found)
{
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/aliases", "console", "/pl011@9000000"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/chosen", "stdout-path", sp), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	if (found)
		uart_is_pl011(&bi, sp);
	else
		CU_ASSERT_FALSE(bi.uart.present);
	CU_ASSERT_EQUAL(bootinfo_check(&bi), 0);
	free(fdt);
}

static void t_stdout_path(void)
{
	void *fdt = edit();
	struct bootinfo bi;

	stdout_path("serial0:115200n8", true);
	stdout_path("serial0", true);
	stdout_path("console:9600", true);
	stdout_path("/pl011@9000000:115200n8", true);
	stdout_path("/pl011:115200", true);
	stdout_path("serial7:115200", false);
	stdout_path("/nope", false);
	stdout_path("", false);
	stdout_path(":", false);
	/* Any node with a reg will do. */
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/chosen", "stdout-path", "/pl031@9010000"), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT(bi.uart.present && region_is(&bi.uart.regs, 0x09010000, 0x1000));
	CU_ASSERT_STRING_EQUAL(bi.uart.compatible, "arm,pl031");
	CU_ASSERT_EQUAL(bi.uart.intid, 34);
	free(fdt);
}

static void add_rmem_child(void *fdt, const char *name, const uint32_t *reg, unsigned int n)
{
	char path[64];
	int rc;

	snprintf(path, sizeof(path), "/reserved-memory/%s", name);
	CU_ASSERT_EQUAL_FATAL(dte_add_node(fdt, "/reserved-memory", name), 0);
	if (n)
		rc = dte_set_cells(fdt, path, "reg", reg, n);
	else
		rc = dte_set_u32(fdt, path, "size", 0x100000);   /* dynamic: no reg */
	CU_ASSERT_EQUAL_FATAL(rc, 0);
}

static void t_reserved(void)
{
	static const uint32_t tee[] = { 0, 0x48000000, 0, 0x1000000 };
	static const uint32_t two[] = { 0, 0x49000000, 0, 0x1000, 0x1, 0x0, 0, 0x2000 };
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_add_memreserve(fdt, 0x4c000000, 0x10000), 0);
	CU_ASSERT_EQUAL_FATAL(dte_add_memreserve(fdt, 0x4d000000, 0), 0);   /* empty: skipped */
	CU_ASSERT_EQUAL_FATAL(dte_add_node(fdt, "/", "reserved-memory"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/reserved-memory", "#address-cells", 2), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/reserved-memory", "#size-cells", 2), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_prop(fdt, "/reserved-memory", "ranges", "", 0), 0);
	/* libfdt adds a node before its siblings: add them last to first. */
	add_rmem_child(fdt, "off@4a000000", tee, 4);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/reserved-memory/off@4a000000", "status",
					     "disabled"), 0);
	add_rmem_child(fdt, "pool", NULL, 0);
	add_rmem_child(fdt, "two@49000000", two, 8);
	add_rmem_child(fdt, "tee@48000000", tee, 4);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_EQUAL_FATAL(bi.nr_reserved, 4);
	CU_ASSERT(region_is(&bi.reserved[0], 0x4c000000, 0x10000));
	CU_ASSERT(region_is(&bi.reserved[1], 0x48000000, 0x1000000));
	CU_ASSERT(region_is(&bi.reserved[2], 0x49000000, 0x1000));
	CU_ASSERT(region_is(&bi.reserved[3], 0x100000000ULL, 0x2000));
	CU_ASSERT_EQUAL(bootinfo_check(&bi), 0);
	free(fdt);
}

static void add_module(void *fdt, const char *name, const char *compat, int compat_len,
		       uint64_t start, uint64_t size, const char *bootargs)
{
	const uint32_t reg[4] = { (uint32_t)(start >> 32), (uint32_t)start,
				  (uint32_t)(size >> 32), (uint32_t)size };
	char path[64];

	snprintf(path, sizeof(path), "/chosen/%s", name);
	CU_ASSERT_EQUAL_FATAL(dte_add_node(fdt, "/chosen", name), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_strings(fdt, path, "compatible", compat, compat_len), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, path, "reg", reg, 4), 0);
	if (bootargs)
		CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, path, "bootargs", bootargs), 0);
}

#define KERNEL_COMPAT   "multiboot,kernel\0multiboot,module"
#define RAMDISK_COMPAT  "multiboot,ramdisk\0multiboot,module"
#define XSM_COMPAT      "xen,xsm-policy\0multiboot,module"

static void module_is(const struct boot_module *m, enum boot_module_kind kind, uint64_t start,
		      uint64_t size, const char *bootargs)
{
	CU_ASSERT_EQUAL(m->kind, kind);
	CU_ASSERT_EQUAL(pa_val(m->start), start);
	CU_ASSERT_EQUAL(m->size, size);
	if (bootargs) {
		CU_ASSERT(m->bootargs && strcmp(m->bootargs, bootargs) == 0);
	} else {
		CU_ASSERT_PTR_NULL(m->bootargs);
	}
}

static void t_modules(void)
{
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/chosen", "#address-cells", 2), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/chosen", "#size-cells", 2), 0);
	/* libfdt adds a node before its siblings: add them last to first. */
	add_module(fdt, "other", "vendor,thing", sizeof("vendor,thing"), 0x47000000, 0x1000, NULL);
	add_module(fdt, "xsm@46000000", XSM_COMPAT, sizeof(XSM_COMPAT), 0x46000000, 0x2000, NULL);
	add_module(fdt, "ramdisk@45000000", RAMDISK_COMPAT, sizeof(RAMDISK_COMPAT), 0x45000000,
		   0x800000, NULL);
	add_module(fdt, "kernel@44000000", KERNEL_COMPAT, sizeof(KERNEL_COMPAT), 0x144000000ULL,
		   0x1000000, "console=hvc0 root=/dev/ram0");
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/chosen", "linux,initrd-start", 0x48000000), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u64(fdt, "/chosen", "linux,initrd-end", 0x48200000), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/chosen", "xen,xen-bootargs",
					     "dom0_mem=512M loglvl=all"), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_EQUAL_FATAL(bi.nr_modules, 4);
	module_is(&bi.modules[0], BOOTMOD_KERNEL, 0x144000000ULL, 0x1000000,
		  "console=hvc0 root=/dev/ram0");
	module_is(&bi.modules[1], BOOTMOD_RAMDISK, 0x45000000, 0x800000, NULL);
	module_is(&bi.modules[2], BOOTMOD_OTHER, 0x46000000, 0x2000, NULL);
	module_is(&bi.modules[3], BOOTMOD_RAMDISK, 0x48000000, 0x200000, NULL);
	CU_ASSERT_STRING_EQUAL(bi.xen_bootargs, "dom0_mem=512M loglvl=all");
	CU_ASSERT_EQUAL(bootinfo_check(&bi), 0);
	free(fdt);
}

/* Parses virt-4cpu with the given initrd properties (len 0: absent). */
static int initrd(const void *start, int slen, const void *end, int elen, struct bootinfo *bi)
{
	void *fdt = edit();
	int rc;

	if (slen)
		CU_ASSERT_EQUAL_FATAL(dte_set_prop(fdt, "/chosen", INITRD_START, start, slen), 0);
	if (elen)
		CU_ASSERT_EQUAL_FATAL(dte_set_prop(fdt, "/chosen", INITRD_END, end, elen), 0);
	rc = parse_edit(fdt, bi);
	free(fdt);
	return rc;
}

static void t_initrd(void)
{
	static const uint8_t lo32[] = { 0x48, 0, 0, 0 }, hi32[] = { 0x49, 0, 0, 0 };
	static const uint8_t hi64[] = { 0, 0, 0, 1, 0x49, 0, 0, 0 };
	struct bootinfo bi;

	CU_ASSERT_EQUAL(initrd(lo32, 4, hi32, 4, &bi), 0);
	CU_ASSERT_EQUAL_FATAL(bi.nr_modules, 1);
	module_is(&bi.modules[0], BOOTMOD_RAMDISK, 0x48000000, 0x1000000, NULL);
	CU_ASSERT_EQUAL(initrd(lo32, 4, hi64, 8, &bi), 0);
	CU_ASSERT(bi.nr_modules == 1 && bi.modules[0].size == 0x101000000ULL);
	CU_ASSERT_EQUAL(initrd(lo32, 4, lo32, 4, &bi), 0);     /* empty: ignored */
	CU_ASSERT_EQUAL(bi.nr_modules, 0);
	CU_ASSERT_EQUAL(initrd(hi32, 4, lo32, 4, &bi), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "linux,initrd-end"));
	CU_ASSERT_EQUAL(initrd(lo32, 4, NULL, 0, &bi), -EINVAL);
	CU_ASSERT_EQUAL(initrd(NULL, 0, hi32, 4, &bi), -EINVAL);
	CU_ASSERT_EQUAL(initrd(lo32, 3, hi32, 4, &bi), -EINVAL);
	CU_ASSERT_EQUAL(initrd(lo32, 4, hi64, 6, &bi), -EINVAL);
}

static void t_too_many_modules(void)
{
	void *fdt = edit();
	struct bootinfo bi;
	char name[32];

	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/chosen", "#address-cells", 2), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/chosen", "#size-cells", 2), 0);
	for (int i = 0; i <= BOOTINFO_MAX_MODULES; i++) {
		snprintf(name, sizeof(name), "module@%x", 0x50000000 + i * 0x1000);
		add_module(fdt, name, "multiboot,module", sizeof("multiboot,module"),
			   0x50000000 + i * 0x1000, 0x1000, NULL);
	}
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -ENOSPC);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "/chosen"));
	free(fdt);
}

static void t_memory_variants(void)
{
	static const uint32_t high[] = { 0x1, 0x0, 0x0, 0x80000000 };
	static const uint32_t bus[] = { 0x100000, 0x2000 };
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_add_node(fdt, "/", "memory@100000000"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/memory@100000000", "device_type", "memory"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, "/memory@100000000", "reg", high, 4), 0);
	CU_ASSERT_EQUAL_FATAL(dte_add_node(fdt, "/", "memory@200000000"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/memory@200000000", "device_type", "memory"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/memory@200000000", "status", "disabled"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, "/memory@200000000", "reg", high, 4), 0);
	/* Deeper in the tree, with the bus's 1-cell address and size. */
	CU_ASSERT_EQUAL_FATAL(dte_add_node(fdt, BUS_PATH, "memory@100000"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, BUS_PATH "/memory@100000", "device_type",
					     "memory"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, BUS_PATH "/memory@100000", "reg", bus, 2), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	/* Depth-first order; libfdt adds a node before its siblings. */
	CU_ASSERT_EQUAL_FATAL(bi.nr_mem, 3);
	CU_ASSERT(region_is(&bi.mem[0], 0x100000000ULL, 0x80000000));
	CU_ASSERT(region_is(&bi.mem[1], 0x40000000, ONE_GIB));
	CU_ASSERT(region_is(&bi.mem[2], 0x100000, 0x2000));
	free(fdt);
}

static int memory_reg(const uint32_t *cells, unsigned int n, struct bootinfo *bi)
{
	void *fdt = edit();
	int rc;

	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, MEM_PATH, "reg", cells, n), 0);
	rc = parse_edit(fdt, bi);
	free(fdt);
	return rc;
}

static void t_memory_errors(void)
{
	uint32_t cells[(BOOTINFO_MAX_BANKS + 1) * 4];
	struct bootinfo bi;

	for (unsigned int i = 0; i <= BOOTINFO_MAX_BANKS; i++) {
		cells[4 * i] = 0;
		cells[4 * i + 1] = 0x40000000 + i * 0x1000000;
		cells[4 * i + 2] = 0;
		cells[4 * i + 3] = 0x1000000;
	}
	CU_ASSERT_EQUAL(memory_reg(cells, BOOTINFO_MAX_BANKS * 4, &bi), 0);
	CU_ASSERT_EQUAL(bi.nr_mem, BOOTINFO_MAX_BANKS);
	CU_ASSERT_EQUAL(memory_reg(cells, (BOOTINFO_MAX_BANKS + 1) * 4, &bi), -ENOSPC);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "memory@40000000"));
	CU_ASSERT_EQUAL(memory_reg(cells, 3, &bi), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "memory@40000000"));
	cells[0] = 0xffffffffU;
	cells[1] = 0xfffff000U;
	CU_ASSERT_EQUAL(memory_reg(cells, 4, &bi), -EINVAL);   /* wraps around */
	CU_ASSERT_EQUAL(memory_reg(cells, 0, &bi), 0);         /* an empty reg: no bank */
	CU_ASSERT_EQUAL(bi.nr_mem, 0);
}

static void t_gic_variants(void)
{
	static const uint32_t reg[] = { 0, 0x08000000, 0, 0x10000, 0, 0x080a0000, 0, 0x100000,
		0, 0x09000000, 0, 0x200000 };
	static const uint32_t bad_irq[] = { 1, 9 };
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, GIC_PATH, "reg", reg, 12), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, GIC_PATH, "#redistributor-regions", 2), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u64(fdt, GIC_PATH, "redistributor-stride", 0x40000), 0);
	CU_ASSERT_EQUAL_FATAL(dte_del_prop(fdt, GIC_PATH, "interrupts"), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_EQUAL_FATAL(bi.gic.nr_redist, 2);
	CU_ASSERT(region_is(&bi.gic.redist[0], 0x080a0000, 0x100000));
	CU_ASSERT(region_is(&bi.gic.redist[1], 0x09000000, 0x200000));
	CU_ASSERT_EQUAL(bi.gic.redist_stride, 0x40000);
	CU_ASSERT_EQUAL(bi.gic.maint_intid, 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, GIC_PATH, "#redistributor-regions", 3), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -ENOENT);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "intc@8000000"));
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, GIC_PATH, "#redistributor-regions", 0), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -EINVAL);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, GIC_PATH, "#redistributor-regions",
					  BOOTINFO_MAX_REDIST + 1), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -EINVAL);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, GIC_PATH, "#redistributor-regions", 1), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, GIC_PATH, "interrupts", bad_irq, 2), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -EINVAL);
	CU_ASSERT_EQUAL_FATAL(dte_set_prop(fdt, GIC_PATH, "redistributor-stride", "abc", 3), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -EINVAL);
	free(fdt);
}

static void t_timer_variants(void)
{
	static const uint32_t four[] = { 1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4 };
	void *fdt = edit();
	struct bootinfo bi;

	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, TIMER_PATH, "interrupts", four, 12), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, TIMER_PATH, "clock-frequency", 62500000), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT(bi.timer.intid[3] == 26 && bi.timer.intid[4] == 0);
	CU_ASSERT_EQUAL(bi.timer.clock_frequency, 62500000);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(fdt, TIMER_PATH, "interrupts", four, 11), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "timer"));
	CU_ASSERT_EQUAL_FATAL(dte_del_prop(fdt, TIMER_PATH, "interrupts"), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -ENOENT);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, TIMER_PATH, "status", "disabled"), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_FALSE(bi.timer.present);
	free(fdt);
}

static void t_cpu_variants(void)
{
	void *fdt = edit();
	struct bootinfo bi;
	char path[32];

	CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, "/cpus", "#address-cells", 2), 0);
	for (int c = 0; c < 4; c++) {
		snprintf(path, sizeof(path), "/cpus/cpu@%d", c);
		CU_ASSERT_EQUAL_FATAL(dte_set_u64(fdt, path, "reg", 0x100000000ULL + 0x100 * c), 0);
	}
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/cpus/cpu@2", "status", "fail"), 0);
	CU_ASSERT_EQUAL_FATAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_EQUAL_FATAL(bi.nr_cpus, 3);
	CU_ASSERT_EQUAL(bi.cpu_mpidr[0], 0x100000000ULL);
	CU_ASSERT_EQUAL(bi.cpu_mpidr[1], 0x100000100ULL);
	CU_ASSERT_EQUAL(bi.cpu_mpidr[2], 0x100000300ULL);
	CU_ASSERT_EQUAL_FATAL(dte_del_prop(fdt, "/cpus/cpu@1", "reg"), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -ENOENT);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "cpu@1"));
	free(fdt);
}

static void t_too_many_cpus(void)
{
	void *fdt = dte_open(virt[VIRT_4CPU], EDIT_ROOM * 2);
	struct bootinfo bi;
	char name[32], path[48];

	CU_ASSERT_FATAL(fdt != NULL);
	for (int c = 4; c <= BOOTINFO_MAX_CPUS; c++) {
		snprintf(name, sizeof(name), "cpu@%d", c);
		snprintf(path, sizeof(path), "/cpus/%s", name);
		CU_ASSERT_EQUAL_FATAL(dte_add_node(fdt, "/cpus", name), 0);
		CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, path, "device_type", "cpu"), 0);
		CU_ASSERT_EQUAL_FATAL(dte_set_u32(fdt, path, "reg", (uint32_t)c), 0);
	}
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), -ENOSPC);
	CU_ASSERT_PTR_NOT_NULL(strstr(bi.error, "CPUs"));
	CU_ASSERT_EQUAL_FATAL(dte_set_string(fdt, "/cpus/cpu@64", "status", "disabled"), 0);
	CU_ASSERT_EQUAL(parse_edit(fdt, &bi), 0);
	CU_ASSERT_EQUAL(bi.nr_cpus, BOOTINFO_MAX_CPUS);
	free(fdt);
}

static void t_no_root(void)
{
	struct rawdt w;
	struct bootinfo bi;
	size_t len;
	void *b;

	rawdt_init(&w);
	rawdt_u32(&w, TK_END);
	b = rawdt_finish(&w, &len);
	CU_ASSERT_EQUAL(parse(b, len, &bi), -EINVAL);
	CU_ASSERT_STRING_EQUAL(bi.error, "the device tree has no root node");
	free(b);
}

UT_SUITE(bootinfo_suite, "bootinfo", suite_init, suite_clean,
	 UT_CASE(t_virt), UT_CASE(t_virt_raw_unaligned), UT_CASE(t_gic_intid),
	 UT_CASE(t_missing_gic), UT_CASE(t_missing_memory), UT_CASE(t_missing_cpus),
	 UT_CASE(t_missing_timer), UT_CASE(t_missing_psci), UT_CASE(t_missing_optional),
	 UT_CASE(t_psci_method), UT_CASE(t_stdout_path), UT_CASE(t_reserved), UT_CASE(t_modules),
	 UT_CASE(t_initrd), UT_CASE(t_too_many_modules), UT_CASE(t_memory_variants),
	 UT_CASE(t_memory_errors), UT_CASE(t_gic_variants), UT_CASE(t_timer_variants),
	 UT_CASE(t_cpu_variants), UT_CASE(t_too_many_cpus), UT_CASE(t_no_root))
