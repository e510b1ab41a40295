// SPDX-License-Identifier: GPL-2.0-only
/*
 * What dom0_fdt_build() passes through: the exact MMIO ranges and SPIs of
 * the QEMU virt trees, and on edited copies address translation through
 * buses, interrupts-extended, other interrupt controllers, disabled
 * subtrees and /reserved-memory.
 */
#include "dtb_edit.h"
#include "harness.h"
#include "test_dom0_fdt.h"
#include <stdlib.h>
#include <xen/bootinfo.h>

#define GPIO_PHANDLE  0x8008   /* pl061@9030000 */
#define IRQ_EDGE      1        /* IRQ_TYPE_EDGE_RISING */
#define IRQ_LEVEL     4        /* IRQ_TYPE_LEVEL_HIGH */
#define SPI(n)        (32 + (n))

struct range {
	uint64_t start, size;
};

/* docs/specs/dom0.md: the QEMU virt passthrough, rounded to pages and merged. */
static const struct range virt_mmio[] = {
	{ 0x09010000, 0x1000 },          /* pl031 RTC */
	{ 0x09020000, 0x1000 },          /* fw-cfg (0x18 bytes) */
	{ 0x09030000, 0x1000 },          /* pl061 GPIO */
	{ 0x0a000000, 0x4000 },          /* 32 virtio-mmio, 0x200 each */
	{ 0x10000000, 0x2f000000 },      /* PCI MMIO32 window + PIO window, adjacent */
	{ 0x4010000000, 0x10000000 },    /* PCI ECAM */
	{ 0x8000000000, 0x8000000000 },  /* PCI MMIO64 window */
};

static bool mmio_is(const struct dom0_passthrough *pt, const struct range *r, unsigned int n)
{
	if (pt->nr_mmio != n)
		return false;
	for (unsigned int i = 0; i < n; i++)
		if (pa_val(pt->mmio[i].start) != r[i].start || pt->mmio[i].size != r[i].size)
			return false;
	return true;
}

/* RTC SPI 2, PCI INTx SPIs 3-6, GPIO SPI 7: level; virtio SPIs 16-47: edge. */
static bool irqs_are_virt(const struct dom0_passthrough *pt)
{
	unsigned int i = 0;

	for (uint32_t spi = 2; spi <= 7; spi++, i++)
		if (i >= pt->nr_irq || pt->irq[i].intid != SPI(spi) || pt->irq[i].edge)
			return false;
	for (uint32_t spi = 16; spi <= 47; spi++, i++)
		if (i >= pt->nr_irq || pt->irq[i].intid != SPI(spi) || !pt->irq[i].edge)
			return false;
	return i == pt->nr_irq;
}

static void t_virt(void)
{
	static const unsigned int hosts[] = { 1, 2, 4 };
	struct d0 d;

	for (unsigned int i = 0; i < sizeof(hosts) / sizeof(hosts[0]); i++) {
		d0_build_virt(&d, hosts[i], hosts[i]);
		CU_ASSERT(d0_pt_well_formed(&d.pt));
		CU_ASSERT(mmio_is(&d.pt, virt_mmio, sizeof(virt_mmio) / sizeof(virt_mmio[0])));
		CU_ASSERT(irqs_are_virt(&d.pt));
		d0_free(&d);
	}
}

/* Nothing of the hypervisor's, of the GIC's, of RAM or of the dropped flash. */
static void t_virt_excludes(void)
{
	static const struct range never[] = {
		{ 0x09000000, 0x1000 },   /* UART */
		{ 0x09050000, 0x20000 },  /* SMMU */
		{ 0x08000000, 0x10000 },  /* GICD */
		{ 0x08080000, 0x20000 },  /* ITS */
		{ 0x080a0000, 0xf60000 }, /* GICR */
		{ 0x00000000, 0x08000000 }, /* flash */
		{ 0x40000000, 0x40000000 }, /* host RAM */
	};
	struct d0 d;

	d0_build_virt(&d, 4, 4);
	for (unsigned int i = 0; i < sizeof(never) / sizeof(never[0]); i++)
		CU_ASSERT(!d0_pt_touches(&d.pt, never[i].start, never[i].size));
	CU_ASSERT(!d0_pt_has_irq(&d.pt, d.bi.uart.intid, false));
	for (uint32_t spi = 0x4a; spi <= 0x4d; spi++)   /* SMMU */
		CU_ASSERT(!d0_pt_has_irq(&d.pt, SPI(spi), true));
	d0_free(&d);
}

static void add_node(void *host, const char *parent, const char *name)
{
	CU_ASSERT_EQUAL_FATAL(dte_add_node(host, parent, name), 0);
}

static void set_cells(void *host, const char *path, const char *prop, const uint32_t *c,
		      unsigned int n)
{
	CU_ASSERT_EQUAL_FATAL(dte_set_cells(host, path, prop, c, n), 0);
}

static void cells_2_2(void *host, const char *path)
{
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, path, "#address-cells", 2), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, path, "#size-cells", 2), 0);
}

/* Children of the platform bus translate through its ranges <0 0xc000000 0x2000000>. */
static void t_simple_bus(void)
{
	const uint32_t reg[] = { 0x1000, 0x100 }, outside[] = { 0x3000000, 0x1000 };
	const uint32_t irq[] = { 0, 100, IRQ_EDGE };
	void *host = d0_host(4);
	struct d0 d;

	add_node(host, VIRT_BUS, "dev@1000");
	set_cells(host, VIRT_BUS "/dev@1000", "reg", reg, 2);
	set_cells(host, VIRT_BUS "/dev@1000", "interrupts", irq, 3);
	add_node(host, VIRT_BUS, "dev@3000000");
	set_cells(host, VIRT_BUS "/dev@3000000", "reg", outside, 2);
	d0_setup(&d, host, 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_pt_covers(&d.pt, 0x0c001000, 0x1000));
	CU_ASSERT(!d0_pt_touches(&d.pt, 0x0c000000, 0x1000));
	CU_ASSERT(!d0_pt_touches(&d.pt, 0x03000000, 0x1000));
	CU_ASSERT(!d0_pt_touches(&d.pt, 0x0f000000, 0x1000));
	CU_ASSERT(d0_pt_has_irq(&d.pt, SPI(100), true));
	CU_ASSERT(d0_node(d.out, VIRT_BUS "/dev@3000000") >= 0);
	CU_ASSERT_EQUAL(d.pt.nr_mmio, sizeof(virt_mmio) / sizeof(virt_mmio[0]) + 1);
	d0_free(&d);
}

/* An empty ranges is the identity; no ranges means the children are not MMIO. */
static void t_identity_and_unmapped(void)
{
	const uint32_t soc_child[] = { 0, 0x09100000, 0, 0x1000 };
	const uint32_t i2c[] = { 0, 0x09200000, 0, 0x1000 };
	const uint32_t codec[] = { 0x1a };
	void *host = d0_host(4);
	struct d0 d;

	add_node(host, "/", "soc");
	CU_ASSERT_EQUAL_FATAL(dte_set_prop(host, "/soc", "ranges", NULL, 0), 0);
	cells_2_2(host, "/soc");
	add_node(host, "/soc", "dev@9100000");
	set_cells(host, "/soc/dev@9100000", "reg", soc_child, 4);
	add_node(host, "/", "i2c@9200000");
	set_cells(host, "/i2c@9200000", "reg", i2c, 4);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, "/i2c@9200000", "#address-cells", 1), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, "/i2c@9200000", "#size-cells", 0), 0);
	add_node(host, "/i2c@9200000", "codec@1a");
	set_cells(host, "/i2c@9200000/codec@1a", "reg", codec, 1);
	d0_setup(&d, host, 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_pt_covers(&d.pt, 0x09100000, 0x1000));
	CU_ASSERT(d0_pt_covers(&d.pt, 0x09200000, 0x1000));
	CU_ASSERT(!d0_pt_touches(&d.pt, 0, 0x1000));
	CU_ASSERT(d0_node(d.out, "/i2c@9200000/codec@1a") >= 0);
	d0_free(&d);
}

/*
 * interrupts-extended wins over interrupts; entries naming another
 * controller (the GPIO block made one) are not SPIs, nor are interrupts
 * whose parent is that controller.
 */
static void t_other_parents(void)
{
	const uint32_t ext[] = { VIRT_GIC_PHANDLE, 0, 120, IRQ_LEVEL, GPIO_PHANDLE, 3, 0 };
	const uint32_t plain[] = { 0, 121, IRQ_LEVEL }, gpio_irq[] = { 9, 0 };
	void *host = d0_host(4);
	struct d0 d;

	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, VIRT_GPIO, "#interrupt-cells", 2), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_prop(host, VIRT_GPIO, "interrupt-controller", NULL, 0), 0);
	add_node(host, "/", "ext");
	set_cells(host, "/ext", "interrupts-extended", ext, 7);
	set_cells(host, "/ext", "interrupts", plain, 3);
	add_node(host, "/", "button");
	CU_ASSERT_EQUAL_FATAL(dte_set_u32(host, "/button", "interrupt-parent", GPIO_PHANDLE), 0);
	set_cells(host, "/button", "interrupts", gpio_irq, 2);
	d0_setup(&d, host, 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_pt_has_irq(&d.pt, SPI(120), false));
	CU_ASSERT(!d0_pt_has_irq(&d.pt, SPI(121), false));
	CU_ASSERT(!d0_pt_has_irq(&d.pt, SPI(9), false));
	CU_ASSERT_EQUAL(d.pt.nr_irq, 38 + 1);
	d0_free(&d);
}

/* A disabled bus hides its enabled children; /reserved-memory is RAM, not MMIO. */
static void t_disabled_bus_and_reserved(void)
{
	const uint32_t dev[] = { 0, 0x09300000, 0, 0x1000 }, irq[] = { 0, 130, IRQ_LEVEL };
	const uint32_t buf[] = { 0, 0x64000000, 0, 0x100000 };   /* inside dom0's bank 1 */
	void *host = d0_host(4);
	struct d0 d;

	add_node(host, "/", "bus");
	CU_ASSERT_EQUAL_FATAL(dte_set_prop(host, "/bus", "ranges", NULL, 0), 0);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(host, "/bus", "status", "disabled"), 0);
	cells_2_2(host, "/bus");
	add_node(host, "/bus", "dev@9300000");
	set_cells(host, "/bus/dev@9300000", "reg", dev, 4);
	set_cells(host, "/bus/dev@9300000", "interrupts", irq, 3);
	CU_ASSERT_EQUAL_FATAL(dte_set_string(host, "/bus/dev@9300000", "status", "okay"), 0);
	add_node(host, "/", "reserved-memory");
	CU_ASSERT_EQUAL_FATAL(dte_set_prop(host, "/reserved-memory", "ranges", NULL, 0), 0);
	cells_2_2(host, "/reserved-memory");
	add_node(host, "/reserved-memory", "buf@64000000");
	set_cells(host, "/reserved-memory/buf@64000000", "reg", buf, 4);
	d0_setup(&d, host, 1);
	CU_ASSERT_FATAL(d0_build(&d, D0_OUT_SIZE) > 0);
	CU_ASSERT(d0_node(d.out, "/bus/dev@9300000") >= 0);
	CU_ASSERT(d0_node(d.out, "/reserved-memory/buf@64000000") >= 0);
	CU_ASSERT(mmio_is(&d.pt, virt_mmio, sizeof(virt_mmio) / sizeof(virt_mmio[0])));
	CU_ASSERT(irqs_are_virt(&d.pt));
	d0_free(&d);
}

UT_SUITE(dom0_fdt_pt, "dom0_fdt_pt", NULL, NULL,
	 UT_CASE(t_virt), UT_CASE(t_virt_excludes), UT_CASE(t_simple_bus),
	 UT_CASE(t_identity_and_unmapped), UT_CASE(t_other_parents),
	 UT_CASE(t_disabled_bus_and_reserved))
