// SPDX-License-Identifier: GPL-2.0-only
/*
 * Platform discovery from the device tree, with the MMU off (xen/common/dtb.c
 * only makes byte loads, so Device memory attributes are fine).
 */
#include <xen/lib.h>
#include "platform.h"
#include "report.h"
#include "sysreg.h"

/*
 * Linux Documentation/devicetree/bindings/timer/arm,arch_timer.yaml: the interrupts are
 * secure physical, non-secure physical, virtual and hypervisor physical, in this order.
 */
#define TIMER_IRQ_VIRT_INDEX   2
/* SBSA/BSA's virtual timer PPI, which our hypervisor's DT documents: used if the DT has none. */
#define VTIMER_INTID_DEFAULT   27

/* bindings/interrupt-controller/arm,gic-v3.yaml: cell 0 of an interrupt specifier. */
#define GIC_DT_IRQ_TYPE_PPI    1
#define GIC_DT_DEFAULT_CELLS   3
#define GIC_PPI_INTID_BASE     16       /* GICv3 spec 2.2: PPIs are INTIDs 16..31 */
#define DT_CELL_SIZE           4

#define STDOUT_PATH_MAX        128

struct platform platform;

static bool find_node(const char *compat, struct dtb_node *out)
{
	return dtb_find_compatible(&platform.dtb, NULL, compat, out);
}

/* /chosen/stdout-path is "path[:options]" (DTSpec 3.6). */
static bool stdout_node(struct dtb_node *out)
{
	struct dtb_node chosen;
	const char *path, *colon;
	char buf[STDOUT_PATH_MAX];
	size_t len;

	if (!dtb_find_path(&platform.dtb, "/chosen", &chosen))
		return false;
	path = dtb_prop_string(&chosen, "stdout-path");
	if (!path)
		return false;
	colon = strchr(path, ':');
	len = colon ? (size_t)(colon - path) : strlen(path);
	if (len >= sizeof(buf))
		return false;
	memcpy(buf, path, len);
	buf[len] = '\0';
	return dtb_find_path(&platform.dtb, buf, out);
}

static void find_uart(void)
{
	struct dtb_node uart;

	if (!stdout_node(&uart) && !find_node("arm,pl011", &uart))
		return;
	if (!dtb_node_is_compatible(&uart, "arm,pl011") ||
	    dtb_get_reg(&uart, 0, &platform.uart.base, &platform.uart.size) != 0)
		platform.uart.size = 0;
}

bool platform_probe_console(uint64_t dtb_addr)
{
	const void *blob = (const void *)dtb_addr;
	struct dtb_node node;
	uint32_t size;

	if (dtb_peek_size(blob, &size) != 0 || dtb_open(&platform.dtb, blob, size) != 0)
		return false;
	platform.dtb_region = (struct mem_region){ dtb_addr, size };
	platform.xen = find_node("xen,xen", &node);
	if (!platform.xen)
		find_uart();
	return platform.xen || platform.uart.size;
}

static void probe_psci(void)
{
	struct dtb_node psci;
	const char *method;

	platform.psci = PSCI_CONDUIT_NONE;
	if (!find_node("arm,psci-0.2", &psci) && !find_node("arm,psci-1.0", &psci))
		return;
	method = dtb_prop_string(&psci, "method");
	if (method && !strcmp(method, "hvc"))
		platform.psci = PSCI_CONDUIT_HVC;
	else if (method && !strcmp(method, "smc"))
		platform.psci = PSCI_CONDUIT_SMC;
}

static void probe_bootargs(void)
{
	struct dtb_node chosen;

	platform.bootargs = "";
	if (dtb_find_path(&platform.dtb, "/chosen", &chosen) &&
	    dtb_prop_string(&chosen, "bootargs"))
		platform.bootargs = dtb_prop_string(&chosen, "bootargs");
}

static bool is_device_type(const struct dtb_node *node, const char *type)
{
	const char *t = dtb_prop_string(node, "device_type");

	return t && !strcmp(t, type) && dtb_node_is_enabled(node);
}

static void add_ram(const struct dtb_node *node)
{
	uint64_t base, size;

	for (unsigned int i = 0; dtb_get_reg(node, i, &base, &size) == 0; i++) {
		if (!size)
			continue;
		if (platform.nr_ram == MAX_RAM_REGIONS)
			guest_fail("DT: more than %u RAM regions", MAX_RAM_REGIONS);
		platform.ram[platform.nr_ram++] = (struct mem_region){ base, size };
	}
}

const struct mem_region *platform_ram_at(uint64_t addr)
{
	for (unsigned int i = 0; i < platform.nr_ram; i++)
		if (addr >= platform.ram[i].base && addr - platform.ram[i].base < platform.ram[i].size)
			return &platform.ram[i];
	return NULL;
}

static bool overlaps(const struct mem_region *r, uint64_t base, uint64_t end)
{
	return r->base < end && base < r->base + r->size;
}

static void probe_memory(void)
{
	struct dtb_node root, node;
	const struct mem_region *ram;
	uint64_t start = (uint64_t)_start, end = (uint64_t)_end;

	dtb_root(&platform.dtb, &root);
	for (bool ok = dtb_first_child(&root, &node); ok; ok = dtb_next_sibling(&node, &node))
		if (is_device_type(&node, "memory"))
			add_ram(&node);
	ram = platform_ram_at(start);
	if (!ram || end - ram->base > ram->size)
		guest_fail("DT: no memory region holds the image at 0x%lx-0x%lx", start, end);
	if (overlaps(&platform.dtb_region, start, end))
		guest_fail("the DTB at 0x%lx overlaps the image (image_size 0x%lx)",
			   platform.dtb_region.base, end - start);
}

static void probe_cpus(void)
{
	struct dtb_node cpus, cpu;
	uint64_t mpidr, size;

	if (!dtb_find_path(&platform.dtb, "/cpus", &cpus))
		guest_fail("DT: no /cpus");
	for (bool ok = dtb_first_child(&cpus, &cpu); ok; ok = dtb_next_sibling(&cpu, &cpu)) {
		if (!is_device_type(&cpu, "cpu"))
			continue;
		if (dtb_get_reg(&cpu, 0, &mpidr, &size) != 0)
			guest_fail("DT: %s has no usable reg", dtb_node_name(&cpu));
		if (platform.nr_cpus == MAX_CPUS)
			guest_fail("DT: more than %u vCPUs", MAX_CPUS);
		platform.cpu_mpidr[platform.nr_cpus++] = mpidr;
	}
	if (!platform.nr_cpus)
		guest_fail("DT: no cpu nodes");
	mpidr = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	if (mpidr != platform.cpu_mpidr[0])
		guest_fail("boot vCPU's MPIDR 0x%lx is not the first cpu node's reg 0x%lx", mpidr,
			   platform.cpu_mpidr[0]);
}

/* A "redistributor-stride" may be given as one or two cells. */
static uint64_t prop_u32_or_u64(const struct dtb_node *node, const char *name)
{
	struct dtb_prop p;

	if (!dtb_get_prop(node, name, &p))
		return 0;
	if (p.len == sizeof(uint64_t))
		return dtb_be64(p.data);
	return p.len == sizeof(uint32_t) ? dtb_be32(p.data) : 0;
}

static void probe_gic(struct dtb_node *gic)
{
	uint32_t nr = 1;
	struct mem_region *r;

	if (!find_node("arm,gic-v3", gic))
		guest_fail("DT: no interrupt controller compatible \"arm,gic-v3\"");
	dtb_prop_u32(gic, "#redistributor-regions", &nr);
	if (nr == 0 || nr > MAX_GICR_REGIONS)
		guest_fail("DT: %u redistributor regions (supported: 1..%u)", nr, MAX_GICR_REGIONS);
	if (dtb_get_reg(gic, 0, &platform.gicd.base, &platform.gicd.size) != 0)
		guest_fail("DT: GIC reg has no distributor");
	for (unsigned int i = 0; i < nr; i++) {
		r = &platform.gicr[i];
		if (dtb_get_reg(gic, 1 + i, &r->base, &r->size) != 0 || !r->size)
			guest_fail("DT: GIC reg has no redistributor region %u", i);
	}
	platform.nr_gicr = nr;
	platform.gicr_stride = prop_u32_or_u64(gic, "redistributor-stride");
}

/* The virtual timer's INTID from /timer's interrupts, if they are GIC PPI specifiers. */
static void probe_timer(const struct dtb_node *gic)
{
	struct dtb_node timer;
	struct dtb_prop irqs;
	uint32_t cells = GIC_DT_DEFAULT_CELLS, off;

	platform.vtimer_intid = VTIMER_INTID_DEFAULT;
	dtb_prop_u32(gic, "#interrupt-cells", &cells);
	if (cells < 2 || !find_node("arm,armv8-timer", &timer) ||
	    !dtb_get_prop(&timer, "interrupts", &irqs))
		return;
	off = TIMER_IRQ_VIRT_INDEX * cells * DT_CELL_SIZE;
	if (irqs.len < off + cells * DT_CELL_SIZE)
		return;
	if (dtb_be32((const uint8_t *)irqs.data + off) == GIC_DT_IRQ_TYPE_PPI)
		platform.vtimer_intid = GIC_PPI_INTID_BASE +
					dtb_be32((const uint8_t *)irqs.data + off + DT_CELL_SIZE);
}

void platform_probe(void)
{
	struct dtb_node gic;

	probe_psci();
	probe_bootargs();
	probe_memory();
	probe_cpus();
	probe_gic(&gic);
	probe_timer(&gic);
}
