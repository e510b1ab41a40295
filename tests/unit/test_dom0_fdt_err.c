// SPDX-License-Identifier: GPL-2.0-only
/*
 * dom0_fdt_build() refusing: a buffer too small (-ENOSPC), kept devices
 * overlapping what the hypervisor owns or dom0's RAM (-EINVAL naming the
 * node), more MMIO ranges or SPIs than struct dom0_passthrough holds
 * (-ENOSPC), malformed properties and bad parameters (-EINVAL).
 */
#include "dtb_edit.h"
#include "harness.h"
#include "test_dom0_fdt.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/errno.h>

#define NR_VIRT_SPIS   38    /* test_dom0_fdt_pt.c: RTC, PCI INTx x4, GPIO, virtio x32 */
#define NR_VIRT_MMIO   7
#define FAR_MMIO       0x5000000000ULL   /* nothing there on QEMU virt */
#define FAR_SPI        200
#define IRQ_LEVEL      4

static bool err_has(const struct d0 *d, const char *a, const char *b)
{
	bool ok = strstr(d->err, a) && (!b || strstr(d->err, b));

	if (!ok)
		fprintf(stderr, "unexpected error text: %s\n", d->err);
	return ok;
}

static void t_enospc(void)
{
	static const size_t small[] = { 0, 40, 56, 1000 };
	struct d0 d;
	uint8_t *ref;
	long len;

	d0_build_virt(&d, 4, 4);
	len = d.len;
	ref = malloc((size_t)len);
	CU_ASSERT_FATAL(ref != NULL);
	memcpy(ref, d.out, (size_t)len);
	for (unsigned int i = 0; i < sizeof(small) / sizeof(small[0]); i++) {
		CU_ASSERT_EQUAL(d0_build(&d, small[i]), -ENOSPC);
		CU_ASSERT(err_has(&d, "does not fit", NULL));
	}
	CU_ASSERT_EQUAL(d0_build(&d, (size_t)len - 1), -ENOSPC);
	CU_ASSERT_EQUAL(d0_build(&d, (size_t)len), len);
	CU_ASSERT(memcmp(d.out, ref, (size_t)len) == 0);
	free(ref);
	d0_free(&d);
}

/* virtio_mmio@a000000 moved onto something it may not touch. */
static void t_overlaps(void)
{
	static const struct {
		uint64_t addr;
		const char *what;
	} cases[] = {
		{ 0x09000800, "UART" },
		{ 0x09060000, "SMMU" },
		{ 0x08000000, "GIC distributor" },
		{ 0x08100000, "GIC redistributors" },
		{ D0_BANK1 + D0_BANK1_SIZE - 0x100, "RAM" },
	};
	struct d0 d;

	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		void *host = d0_host(4);
		const uint32_t reg[] = { (uint32_t)(cases[i].addr >> 32),
					 (uint32_t)cases[i].addr, 0, 0x200 };

		CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, VIRT_VIRTIO0, "reg", reg, 4), 0);
		d0_setup(&d, host, 1);
		CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
		CU_ASSERT(err_has(&d, VIRT_VIRTIO0 ": ", cases[i].what));
		d0_free(&d);
	}
}

/* A grant window inside the PCI MMIO32 window would shadow BARs. */
static void t_gnttab_in_pci_window(void)
{
	struct d0 d;

	d0_setup(&d, d0_host(4), 1);
	d.p.gnttab_base = 0x38000000;
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	CU_ASSERT(err_has(&d, VIRT_PCIE ": ", "grant-table"));
	d0_free(&d);
}

static void t_spi_conflicts(void)
{
	const uint32_t uart_spi[] = { 0, 1, IRQ_LEVEL }, level[] = { 0, 0x11, IRQ_LEVEL };
	const uint32_t big[] = { 0, 988, IRQ_LEVEL };
	const uint32_t *const specs[] = { uart_spi, level, big };
	static const char *const msgs[] = { "UART", "both edge", "out of range" };
	/* SPI 0x11 is virtio_mmio@a000200's, edge: the clash shows there. */
	static const char *const nodes[] = { VIRT_VIRTIO0, "/virtio_mmio@a000200", VIRT_VIRTIO0 };
	struct d0 d;

	for (unsigned int i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		void *host = d0_host(4);

		CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, VIRT_VIRTIO0, "interrupts", specs[i], 3),
				      0);
		d0_setup(&d, host, 1);
		CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
		CU_ASSERT(err_has(&d, nodes[i], msgs[i]));
		d0_free(&d);
	}
}

/* n extra root nodes "extra@<i>", each with its own page at FAR_MMIO and its own SPI. */
static void *host_with_extra(unsigned int n, bool mmio, bool spi)
{
	void *host = d0_host(4);
	char name[32], path[40];

	for (unsigned int i = 0; i < n; i++) {
		uint64_t a = FAR_MMIO + 2ULL * i * 0x1000;
		const uint32_t reg[] = { (uint32_t)(a >> 32), (uint32_t)a, 0, 0x1000 };
		const uint32_t irq[] = { 0, FAR_SPI + i, IRQ_LEVEL };

		snprintf(name, sizeof(name), "extra@%u", i);
		snprintf(path, sizeof(path), "/%s", name);
		CU_ASSERT_EQUAL_FATAL(dte_add_node(host, "/", name), 0);
		if (mmio)
			CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, path, "reg", reg, 4), 0);
		if (spi)
			CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, path, "interrupts", irq, 3), 0);
	}
	return host;
}

static void t_too_many_spis(void)
{
	const unsigned int fit = DOM0_MAX_PT_IRQS - NR_VIRT_SPIS;
	struct d0 d;

	d0_setup(&d, host_with_extra(fit, false, true), 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT_EQUAL(d.pt.nr_irq, DOM0_MAX_PT_IRQS);
	d0_free(&d);
	d0_setup(&d, host_with_extra(fit + 1, false, true), 1);
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -ENOSPC);
	CU_ASSERT(err_has(&d, "more than 64 SPIs", NULL));
	d0_free(&d);
}

static void t_too_many_mmio(void)
{
	const unsigned int fit = DOM0_MAX_PT_MMIO - NR_VIRT_MMIO;
	struct d0 d;

	d0_setup(&d, host_with_extra(fit, true, false), 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT_EQUAL(d.pt.nr_mmio, DOM0_MAX_PT_MMIO);
	d0_free(&d);
	d0_setup(&d, host_with_extra(fit + 1, true, false), 1);
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -ENOSPC);
	CU_ASSERT(err_has(&d, "more than 64 MMIO ranges", NULL));
	d0_free(&d);
}

/* Properties that do not decode make the tree unusable. */
static void t_malformed(void)
{
	const uint32_t two[] = { 0, 5 }, reg3[] = { 0, 0x0a000000, 0x200 };
	const uint32_t map_bad_parent[] = { 0, 0, 0, 1, 0x1234, 0, 0, 0, 3, 4 };
	struct d0 d;
	void *host;
	int len;
	const uint8_t *map;
	uint8_t cut[1024];

	host = d0_host(4);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, VIRT_VIRTIO0, "interrupts", two, 2), 0);
	d0_setup(&d, host, 1);
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	CU_ASSERT(err_has(&d, VIRT_VIRTIO0 ": ", "interrupts"));
	d0_free(&d);

	host = d0_host(4);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, VIRT_VIRTIO0, "reg", reg3, 3), 0);
	d0_setup(&d, host, 1);
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	CU_ASSERT(err_has(&d, VIRT_VIRTIO0 ": ", "reg"));
	d0_free(&d);

	/* interrupt-map one cell short. */
	host = d0_host(4);
	map = d0_prop(host, VIRT_PCIE, "interrupt-map", &len);
	CU_ASSERT_FATAL(map && len > 4 && (size_t)len <= sizeof(cut));
	memcpy(cut, map, (size_t)len);
	CU_ASSERT_EQUAL_FATAL(dte_set_prop(host, VIRT_PCIE, "interrupt-map", cut, len - 4), 0);
	d0_setup(&d, host, 1);
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	CU_ASSERT(err_has(&d, VIRT_PCIE ": ", "interrupt-map is truncated"));
	d0_free(&d);

	host = d0_host(4);
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, VIRT_PCIE, "interrupt-map", map_bad_parent, 10),
			      0);
	d0_setup(&d, host, 1);
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	CU_ASSERT(err_has(&d, VIRT_PCIE ": ", "0x1234"));
	d0_free(&d);
}

static void t_no_gic_phandle(void)
{
	void *host = d0_host(4);
	struct d0 d;

	CU_ASSERT_EQUAL_FATAL(dte_del_prop(host, "/intc@8000000", "phandle"), 0);
	d0_setup(&d, host, 1);
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	CU_ASSERT(err_has(&d, "phandle", NULL));
	d0_free(&d);
}

/*
 * Runs d (set up on an unedited tree, whose bootinfo it keeps) on another
 * host tree; returns the result. alt is freed.
 */
static long build_on(struct d0 *d, void *alt)
{
	struct dtb dtb;
	long rc;

	CU_ASSERT_EQUAL_FATAL(dtb_open(&dtb, alt, dte_size(alt)), 0);
	d->p.host = &dtb;
	rc = d0_build(d, D0_OUT_SIZE);
	d->p.host = &d->dtb;
	free(alt);
	return rc;
}

/* Nested deeper than the reader's limit: refused, not overflowed. */
static void t_too_deep(void)
{
	void *host = d0_host(4);
	char path[200] = "";
	struct d0 d;

	/* Under a node that comes after the GIC, which is then found first. */
	strcpy(path, "/apb-pclk");
	for (int i = 0; i < 40; i++) {
		CU_ASSERT_EQUAL_FATAL(dte_add_node(host, path, "n"), 0);
		strcat(path, "/n");
	}
	d0_setup(&d, d0_host(4), 1);
	CU_ASSERT_EQUAL(build_on(&d, host), -EINVAL);
	CU_ASSERT(err_has(&d, "deeper", NULL));
	d0_free(&d);
}

static void t_bad_params(void)
{
	struct d0 d;

	d0_setup(&d, d0_host(1), 1);
	d.p.nr_banks = 0;
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	d.p.nr_banks = DOM0_MAX_BANKS + 1;
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	d.p.nr_banks = D0_NR_BANKS;
	d.p.nr_vcpus = 0;
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	d.p.nr_vcpus = 1;
	d.p.evtchn_intid = 32;
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	CU_ASSERT(err_has(&d, "not a PPI", NULL));
	d.p.evtchn_intid = D0_EVTCHN;
	d.p.xen_compatible = NULL;
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	d.p.xen_compatible = D0_XEN_COMPAT;
	d.p.gicr_size = 0;
	CU_ASSERT_EQUAL(d0_build(&d, D0_OUT_SIZE), -EINVAL);
	d.p.gicr_size = D0_GICR_STRIDE;
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT_EQUAL(dom0_fdt_build(&d.p, d.out, D0_OUT_SIZE, NULL, d.err, sizeof(d.err)),
			-EINVAL);
	CU_ASSERT_EQUAL(dom0_fdt_build(NULL, d.out, D0_OUT_SIZE, &d.pt, NULL, 0), -EINVAL);
	d0_free(&d);
}

static void t_root_cells(void)
{
	void *host = d0_host(4);
	struct d0 d;

	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, "/", "#address-cells", 3), 0);
	d0_setup(&d, d0_host(4), 1);
	CU_ASSERT_EQUAL(build_on(&d, host), -EINVAL);
	CU_ASSERT(err_has(&d, "/: ", "#address-cells"));
	d0_free(&d);
}

/* A minimal host with one-cell root addresses and sizes: just a GIC. */
static void *one_cell_host(void)
{
	struct rawdt *w = calloc(1, sizeof(*w));
	const uint32_t gic_reg[] = { 0x08000000, 0x10000 };
	size_t len;
	void *blob;

	CU_ASSERT_FATAL(w != NULL);
	rawdt_init(w);
	rawdt_begin(w, "");
	rawdt_prop_u32(w, "#address-cells", 1);
	rawdt_prop_u32(w, "#size-cells", 1);
	rawdt_prop_u32(w, "interrupt-parent", VIRT_GIC_PHANDLE);
	rawdt_begin(w, "intc@8000000");
	rawdt_prop_str(w, "compatible", "arm,gic-v3");
	rawdt_prop_u32(w, "#interrupt-cells", 3);
	rawdt_prop(w, "interrupt-controller", "", 0);
	rawdt_prop_cells(w, "reg", gic_reg, 2);
	rawdt_prop_u32(w, "phandle", VIRT_GIC_PHANDLE);
	rawdt_end(w);
	rawdt_end(w);
	rawdt_u32(w, TK_END);
	blob = rawdt_finish(w, &len);
	free(w);
	CU_ASSERT_FATAL(blob != NULL);
	return blob;
}

/* Made-up reg properties follow the root's cells, and must fit them. */
static void t_one_cell_root(void)
{
	const uint32_t mem[] = { (uint32_t)D0_BANK0, (uint32_t)D0_BANK0_SIZE, (uint32_t)D0_BANK1,
				 (uint32_t)D0_BANK1_SIZE };
	const uint32_t hyp[] = { (uint32_t)D0_GNTTAB, (uint32_t)D0_GNTTAB_SIZE };
	struct d0 d;

	d0_setup(&d, d0_host(1), 1);
	d.bi.uart.present = false;   /* that host has none */
	CU_ASSERT_FATAL(build_on(&d, one_cell_host()) > 0);
	CU_ASSERT(d0_cells_eq(d.out, "/memory@48000000", "reg", mem, 4));
	CU_ASSERT(d0_cells_eq(d.out, "/hypervisor", "reg", hyp, 2));
	CU_ASSERT_EQUAL(d.pt.nr_mmio, 0);
	CU_ASSERT_EQUAL(d.pt.nr_irq, 0);
	d.banks[1].start = pa_init(0x100000000ULL);
	CU_ASSERT_EQUAL(build_on(&d, one_cell_host()), -EINVAL);
	CU_ASSERT(err_has(&d, "memory@48000000: 0x100000000", "does not fit"));
	d0_free(&d);
}

UT_SUITE(dom0_fdt_err, "dom0_fdt_err", NULL, NULL,
	 UT_CASE(t_enospc), UT_CASE(t_overlaps), UT_CASE(t_gnttab_in_pci_window),
	 UT_CASE(t_spi_conflicts), UT_CASE(t_too_many_spis), UT_CASE(t_too_many_mmio),
	 UT_CASE(t_malformed), UT_CASE(t_no_gic_phandle), UT_CASE(t_too_deep),
	 UT_CASE(t_bad_params), UT_CASE(t_root_cells), UT_CASE(t_one_cell_root))
