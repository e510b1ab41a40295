// SPDX-License-Identifier: GPL-2.0-only
/*
 * dom0_fdt_build() on the QEMU virt trees: what dom0's device tree keeps,
 * drops and makes up (docs/specs/dom0.md, "Dom0 device tree"), read back
 * with libfdt.
 */
#include "dtb_edit.h"
#include "harness.h"
#include "test_dom0_fdt.h"
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/errno.h>
#include <xen/vgic.h>

#define GIC_NODE      "/interrupt-controller@3001000"
#define MEMORY_NODE   "/memory@48000000"
#define HOST_GIC      "/intc@8000000"
#define FLASH         "/flash@0"
#define EVTCHN_FLAGS  0xf08   /* Xen's: CPU mask 0xf, active-low level */
#define GIC_PPI_TYPE  1

/* The host's nodes that stay, and the ones that go. */
static const char *const kept[] = {
	VIRT_PCIE, VIRT_RTC, "/fw-cfg@9020000", VIRT_GPIO, "/gpio-keys/poweroff", VIRT_BUS,
	"/apb-pclk", "/timer", VIRT_VIRTIO0, "/virtio_mmio@a003e00",
};
static const char *const gone[] = {
	VIRT_UART, "/smmuv3@9050000", HOST_GIC, FLASH, "/pmu", "/aliases", "/memory@40000000",
	"/cpus/cpu-map", "/intc@8000000/its@8080000",
};
static const char *const gone_props[] = {
	"msi-parent", "msi-map", "msi-map-mask", "iommu-map", "iommu-map-mask", "iommus",
};

static const char *const pcie_props[] = {
	"interrupt-map", "interrupt-map-mask", "#interrupt-cells", "ranges", "reg", "bus-range",
};

static void t_kept_and_dropped(void)
{
	struct d0 d;
	int len;

	d0_build_virt(&d, 4, 4);
	for (unsigned int i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		CU_ASSERT(d0_node(d.out, kept[i]) >= 0);
	for (unsigned int i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		CU_ASSERT(d0_node(d.out, gone[i]) < 0);
	for (unsigned int i = 0; i < sizeof(gone_props) / sizeof(gone_props[0]); i++)
		CU_ASSERT_EQUAL(d0_count_prop(d.out, gone_props[i]), 0);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "virtio,mmio"), VIRT_NR_VIRTIO);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "arm,smmu-v3"), 0);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "arm,pl011"), 0);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "cfi-flash"), 0);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "arm,armv8-pmuv3"), 0);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "arm,gic-v3-its"), 0);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "arm,gic-v3"), 1);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "arm,cortex-a57"), 0);
	CU_ASSERT_EQUAL(d0_count_prop(d.out, "device_type"), 1 + 4 + 1);   /* pci, cpus, memory */
	/* The PCI host bridge keeps its INTx routing and windows byte for byte. */
	for (unsigned int i = 0; i < sizeof(pcie_props) / sizeof(pcie_props[0]); i++) {
		const void *v = d0_prop(d.host, VIRT_PCIE, pcie_props[i], &len);

		CU_ASSERT_FATAL(v != NULL);
		CU_ASSERT(d0_prop_eq(d.out, VIRT_PCIE, pcie_props[i], v, len));
	}
	d0_free(&d);
}

static void t_root_props(void)
{
	static const char *const props[] = {
		"compatible", "model", "#address-cells", "#size-cells", "interrupt-parent",
	};
	struct d0 d;
	int len;

	d0_build_virt(&d, 1, 1);
	for (unsigned int i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
		const void *v = d0_prop(d.host, "/", props[i], &len);

		CU_ASSERT_FATAL(v != NULL);
		CU_ASSERT(d0_prop_eq(d.out, "/", props[i], v, len));
	}
	d0_free(&d);
}

static void t_hypervisor(void)
{
	static const char compat[] = D0_XEN_COMPAT "\0xen,xen";
	const uint32_t reg[] = { 0, (uint32_t)D0_GNTTAB, 0, (uint32_t)D0_GNTTAB_SIZE };
	const uint32_t irq[] = { GIC_PPI_TYPE, D0_EVTCHN - 16, EVTCHN_FLAGS };
	struct d0 d;

	d0_build_virt(&d, 4, 2);
	CU_ASSERT(d0_prop_eq(d.out, "/hypervisor", "compatible", compat, sizeof(compat)));
	CU_ASSERT(d0_cells_eq(d.out, "/hypervisor", "reg", reg, 4));
	CU_ASSERT(d0_cells_eq(d.out, "/hypervisor", "interrupts", irq, 3));
	CU_ASSERT(d0_u32_eq(d.out, "/hypervisor", "interrupt-parent", VIRT_GIC_PHANDLE));
	CU_ASSERT(d0_prop_eq(d.out, "/psci", "method", "hvc", 4));
	CU_ASSERT(d0_prop_eq(d.out, "/psci", "compatible", "arm,psci-1.0\0arm,psci-0.2", 26));
	CU_ASSERT(d0_prop(d.out, "/psci", "cpu_on", &(int){ 0 }) == NULL);
	d0_free(&d);
}

/* /cpus holds exactly n cpu@ nodes, vCPU order, reg = the vCPU's affinity. */
static void check_cpus(const void *fdt, unsigned int n)
{
	int cpus = d0_node(fdt, "/cpus"), off, i = 0;
	char path[32];

	CU_ASSERT_FATAL(cpus >= 0);
	CU_ASSERT(d0_u32_eq(fdt, "/cpus", "#address-cells", 1));
	CU_ASSERT(d0_u32_eq(fdt, "/cpus", "#size-cells", 0));
	fdt_for_each_subnode(off, fdt, cpus) {
		uint32_t aff = (uint32_t)vgic_vcpu_affinity((unsigned int)i);

		snprintf(path, sizeof(path), "/cpus/cpu@%x", aff);
		CU_ASSERT_STRING_EQUAL(fdt_get_name(fdt, off, NULL), path + 6);
		CU_ASSERT(d0_u32_eq(fdt, path, "reg", aff));
		CU_ASSERT(d0_prop_eq(fdt, path, "device_type", "cpu", 4));
		CU_ASSERT(d0_prop_eq(fdt, path, "compatible", "arm,armv8", 10));
		CU_ASSERT(d0_prop_eq(fdt, path, "enable-method", "psci", 5));
		i++;
	}
	CU_ASSERT_EQUAL(i, (int)n);
}

static void t_cpus(void)
{
	static const unsigned int vcpus[] = { 1, 4, 17 };
	struct d0 d;

	for (unsigned int i = 0; i < sizeof(vcpus) / sizeof(vcpus[0]); i++) {
		d0_build_virt(&d, 4, vcpus[i]);
		check_cpus(d.out, vcpus[i]);
		d0_free(&d);
	}
	d0_build_virt(&d, 1, 4);
	check_cpus(d.out, 4);
	CU_ASSERT(d0_node(d.out, "/cpus/cpu@10") < 0);
	d0_free(&d);
}

static void t_memory(void)
{
	const uint32_t reg[] = {
		0, (uint32_t)D0_BANK0, 0, (uint32_t)D0_BANK0_SIZE,
		0, (uint32_t)D0_BANK1, 0, (uint32_t)D0_BANK1_SIZE,
	};
	struct d0 d;
	int off, n = 0;

	d0_build_virt(&d, 4, 4);
	CU_ASSERT(d0_cells_eq(d.out, MEMORY_NODE, "reg", reg, 8));
	CU_ASSERT(d0_prop_eq(d.out, MEMORY_NODE, "device_type", "memory", 7));
	for (off = 0; off >= 0; off = fdt_next_node(d.out, off, NULL)) {
		const char *t = fdt_getprop(d.out, off, "device_type", NULL);

		n += t && !strcmp(t, "memory");
	}
	CU_ASSERT_EQUAL(n, 1);
	d0_free(&d);
}

/* The virtual GIC keeps the host GIC's phandle: every interrupt-parent resolves to it. */
static void t_gic(void)
{
	const uint32_t reg[] = {
		0, (uint32_t)D0_GICD, 0, (uint32_t)D0_GICD_SIZE,
		0, (uint32_t)D0_GICR, 0, (uint32_t)(4 * D0_GICR_STRIDE),
	};
	struct d0 d;
	uint32_t host_phandle;
	int gic;

	d0_build_virt(&d, 4, 4);
	host_phandle = fdt_get_phandle(d.host, d0_node(d.host, HOST_GIC));
	CU_ASSERT_EQUAL(host_phandle, VIRT_GIC_PHANDLE);
	gic = d0_node(d.out, GIC_NODE);
	CU_ASSERT_FATAL(gic >= 0);
	CU_ASSERT_EQUAL(fdt_get_phandle(d.out, gic), host_phandle);
	CU_ASSERT_EQUAL(d0_phandle_node(d.out, host_phandle), gic);
	CU_ASSERT(d0_cells_eq(d.out, GIC_NODE, "reg", reg, 8));
	CU_ASSERT(d0_prop_eq(d.out, GIC_NODE, "compatible", "arm,gic-v3", 11));
	CU_ASSERT(d0_u32_eq(d.out, GIC_NODE, "#interrupt-cells", 3));
	CU_ASSERT(d0_u32_eq(d.out, GIC_NODE, "#address-cells", 2));
	CU_ASSERT(d0_u32_eq(d.out, GIC_NODE, "#redistributor-regions", 1));
	CU_ASSERT(d0_prop_eq(d.out, GIC_NODE, "interrupt-controller", "", 0));
	CU_ASSERT(fdt_first_subnode(d.out, gic) < 0);
	CU_ASSERT(d0_count_prop(d.out, "interrupt-parent") >= 3);   /* root, bus, /hypervisor */
	CU_ASSERT_EQUAL(d0_bad_irq_parents(d.out, gic), 0);
	d0_free(&d);
}

static void t_gic_linux_phandle(void)
{
	void *host = d0_host(4);
	struct d0 d;

	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, HOST_GIC, "linux,phandle", VIRT_GIC_PHANDLE), 0);
	d0_setup(&d, host, 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_u32_eq(d.out, GIC_NODE, "linux,phandle", VIRT_GIC_PHANDLE));
	CU_ASSERT(d0_u32_eq(d.out, GIC_NODE, "phandle", VIRT_GIC_PHANDLE));
	d0_free(&d);
}

static void t_chosen(void)
{
	const uint32_t start[] = { 0, (uint32_t)D0_INITRD };
	const uint32_t end[] = { 0, (uint32_t)(D0_INITRD + D0_INITRD_SIZE) };
	struct d0 d;
	int len;

	d0_build_virt(&d, 4, 1);
	CU_ASSERT(d0_prop_eq(d.out, "/chosen", "bootargs", D0_BOOTARGS, sizeof(D0_BOOTARGS)));
	CU_ASSERT(d0_cells_eq(d.out, "/chosen", "linux,initrd-start", start, 2));
	CU_ASSERT(d0_cells_eq(d.out, "/chosen", "linux,initrd-end", end, 2));
	CU_ASSERT(d0_prop(d.out, "/chosen", "stdout-path", &len) == NULL);
	CU_ASSERT(d0_prop(d.out, "/chosen", "kaslr-seed", &len) == NULL);
	/* Without an initrd or bootargs. */
	d.p.initrd_size = 0;
	d.p.bootargs = NULL;
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_prop_eq(d.out, "/chosen", "bootargs", "", 1));
	CU_ASSERT(d0_prop(d.out, "/chosen", "linux,initrd-start", &len) == NULL);
	CU_ASSERT(d0_prop(d.out, "/chosen", "linux,initrd-end", &len) == NULL);
	d0_free(&d);
}

/* Host /memreserve/ entries reach dom0 only where they overlap its RAM. */
static void t_memreserve(void)
{
	void *host = d0_host(4);
	uint64_t a, s;
	struct d0 d;

	CU_ASSERT_EQUAL_FATAL(dte_add_memreserve(host, 0x41000000, 0x1000), 0);
	CU_ASSERT_EQUAL_FATAL(dte_add_memreserve(host, D0_BANK1 + 0x2000, 0x3000), 0);
	CU_ASSERT_EQUAL_FATAL(dte_add_memreserve(host, D0_BANK0 - 0x1000, 0x2000), 0);
	d0_setup(&d, host, 2);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT_EQUAL_FATAL(d0_nr_rsv(d.out), 2);
	d0_rsv(d.out, 0, &a, &s);
	CU_ASSERT(a == D0_BANK1 + 0x2000 && s == 0x3000);
	d0_rsv(d.out, 1, &a, &s);
	CU_ASSERT(a == D0_BANK0 - 0x1000 && s == 0x2000);
	/* The tree behind the moved blocks still reads. */
	CU_ASSERT(d0_prop_eq(d.out, "/chosen", "bootargs", D0_BOOTARGS, sizeof(D0_BOOTARGS)));
	CU_ASSERT(d0_node(d.out, VIRT_PCIE) >= 0);
	/* Exactly the space needed, and one byte less. */
	CU_ASSERT_FATAL(d0_build(&d, (size_t)d.len) > 0);
	CU_ASSERT_EQUAL(d0_build(&d, (size_t)d.len - 1), -ENOSPC);
	d0_free(&d);

	d0_build_virt(&d, 4, 1);
	CU_ASSERT_EQUAL(d0_nr_rsv(d.out), 0);
	d0_free(&d);
}

/* A disabled node stays in the tree, status and all, without passthrough. */
static void t_disabled(void)
{
	void *host = d0_host(4);
	struct d0 d;

	CU_ASSERT_EQUAL_FATAL(dte_set_string(host, VIRT_RTC, "status", "disabled"), 0);
	d0_setup(&d, host, 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_node(d.out, VIRT_RTC) >= 0);
	CU_ASSERT(d0_prop_eq(d.out, VIRT_RTC, "status", "disabled", 9));
	CU_ASSERT(!d0_pt_touches(&d.pt, 0x09010000, 0x1000));
	CU_ASSERT(!d0_pt_has_irq(&d.pt, 34, false));
	CU_ASSERT(d0_pt_covers(&d.pt, 0x09020000, 0x1000));
	d0_free(&d);
}

/* Nodes in the way of dom0's own layout go; so do a stray /hypervisor and PMUs. */
static void t_layout_drops(void)
{
	void *host = d0_host(4);
	const uint32_t reg[] = { 0, (uint32_t)D0_GNTTAB + 0x10000, 0, 0x100 };
	struct d0 d;

	CU_ASSERT_EQUAL_FATAL(dte_add_node(host, "/", "sram@1010000"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, "/sram@1010000", "reg", reg, 4), 0);
	CU_ASSERT_EQUAL_FATAL(dte_add_node(host, "/", "hypervisor"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(host, "/hypervisor", "compatible", "xen,xen"), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(host, "/pmu", "compatible", "arm,cortex-a57-pmu"), 0);
	d0_setup(&d, host, 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_node(d.out, "/sram@1010000") < 0);
	CU_ASSERT(d0_node(d.out, "/pmu") < 0);
	CU_ASSERT_EQUAL(d0_count_compat(d.out, "xen,xen"), 1);
	CU_ASSERT(d0_prop_eq(d.out, "/hypervisor", "compatible", D0_XEN_COMPAT "\0xen,xen", 21));
	d0_free(&d);
}

UT_SUITE(dom0_fdt_tree, "dom0_fdt_tree", NULL, NULL,
	 UT_CASE(t_kept_and_dropped), UT_CASE(t_root_props), UT_CASE(t_hypervisor),
	 UT_CASE(t_cpus), UT_CASE(t_memory), UT_CASE(t_gic), UT_CASE(t_gic_linux_phandle),
	 UT_CASE(t_chosen), UT_CASE(t_memreserve), UT_CASE(t_disabled), UT_CASE(t_layout_drops))
