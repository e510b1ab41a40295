// SPDX-License-Identifier: GPL-2.0-only
/*
 * The nodes dom0's tree gets made up rather than copied: /cpus for its
 * vCPUs, /memory for its banks, its virtual GICv3 (with the host GIC's
 * phandle, so every kept interrupt-parent still points at it), /psci with
 * the hvc conduit, /hypervisor (Xen's guest binding,
 * docs/misc/arm/device-tree/guest.txt in Xen) and /chosen. Addresses at the
 * root use the root's #address-cells / #size-cells.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/vgic.h>

#include "fdt_private.h"

/* Linux binding arm/cpus.yaml: reg = MPIDR Aff2..Aff0 with one address cell. */
#define CPUS_ADDR_CELLS      1
#define CPUS_SIZE_CELLS      0
/* Cells of one (address, size) pair at most: 2 + 2. */
#define PAIR_MAX_CELLS       4
/* Linux binding arm,gic-v3.yaml: one contiguous redistributor region. */
#define GIC_REDIST_REGIONS   1
#define GIC_REG_PAIRS        2   /* distributor, redistributors */
/*
 * Xen's guest binding: the event-channel PPI's flags are 0xf08, the GICv2
 * binding's CPU mask 0xf in bits [15:8] and IRQ_TYPE_LEVEL_LOW (8) in
 * bits [3:0], as Xen writes them.
 */
#define EVTCHN_IRQ_FLAGS     0xf08U
#define NODE_NAME_MAX        48

static const char *const psci_compat[] = { "arm,psci-1.0", "arm,psci-0.2" };

/* Appends v as `count` (1 or 2) cells; false if it does not fit. */
static bool put_cells(uint32_t *cells, unsigned int *n, uint64_t v, uint32_t count)
{
	if (count == 1 && v > UINT32_MAX)
		return false;
	if (count == 2)
		cells[(*n)++] = (uint32_t)(v >> 32);
	cells[(*n)++] = (uint32_t)v;
	return true;
}

/* Writes reg = n (address, size) pairs in the root's cells; n <= DOM0_MAX_BANKS. */
static int reg_prop(struct fdt_ctx *c, const struct fdt_level *root, const char *node,
		    const uint64_t *pairs, unsigned int n)
{
	uint32_t cells[DOM0_MAX_BANKS * PAIR_MAX_CELLS];
	unsigned int len = 0;

	for (unsigned int i = 0; i < n; i++)
		if (!put_cells(cells, &len, pairs[2 * i], root->addr_cells) ||
		    !put_cells(cells, &len, pairs[2 * i + 1], root->size_cells))
			return fdt_fail(c, NULL, -EINVAL, "%s: 0x%llx + 0x%llx does not fit the "
					"root's #address-cells / #size-cells", node,
					(unsigned long long)pairs[2 * i],
					(unsigned long long)pairs[2 * i + 1]);
	dtbw_prop_u32s(c->w, "reg", cells, len);
	return 0;
}

static void write_cpus(struct fdt_ctx *c)
{
	struct dtb_writer *w = c->w;
	char name[NODE_NAME_MAX];

	dtbw_begin_node(w, "cpus");
	dtbw_prop_u32(w, "#address-cells", CPUS_ADDR_CELLS);
	dtbw_prop_u32(w, "#size-cells", CPUS_SIZE_CELLS);
	for (unsigned int i = 0; i < c->p->nr_vcpus; i++) {
		uint32_t mpidr = (uint32_t)vgic_vcpu_affinity(i);

		snprintf(name, sizeof(name), "cpu@%x", mpidr);
		dtbw_begin_node(w, name);
		dtbw_prop_string(w, "device_type", "cpu");
		dtbw_prop_string(w, "compatible", "arm,armv8");
		dtbw_prop_string(w, "enable-method", "psci");
		dtbw_prop_u32(w, "reg", mpidr);
		dtbw_end_node(w);
	}
	dtbw_end_node(w);
}

static int write_memory(struct fdt_ctx *c, const struct fdt_level *root)
{
	const struct dom0_fdt_params *p = c->p;
	uint64_t pairs[2 * DOM0_MAX_BANKS];
	char name[NODE_NAME_MAX];
	int rc;

	for (unsigned int i = 0; i < p->nr_banks; i++) {
		pairs[2 * i] = pa_val(p->banks[i].start);
		pairs[2 * i + 1] = p->banks[i].size;
	}
	snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)pairs[0]);
	dtbw_begin_node(c->w, name);
	dtbw_prop_string(c->w, "device_type", "memory");
	rc = reg_prop(c, root, name, pairs, p->nr_banks);
	dtbw_end_node(c->w);
	return rc;
}

/* Copies a u32 property of the host GIC, if it has it. */
static void copy_gic_u32(struct fdt_ctx *c, const char *name)
{
	uint32_t v;

	if (dtb_prop_u32(&c->gic, name, &v))
		dtbw_prop_u32(c->w, name, v);
}

static int write_gic(struct fdt_ctx *c, const struct fdt_level *root)
{
	const struct dom0_fdt_params *p = c->p;
	uint64_t reg[2 * GIC_REG_PAIRS] = { p->gicd_base, p->gicd_size, p->gicr_base,
					    p->gicr_size };
	char name[NODE_NAME_MAX];
	int rc;

	snprintf(name, sizeof(name), "interrupt-controller@%llx",
		 (unsigned long long)p->gicd_base);
	dtbw_begin_node(c->w, name);
	dtbw_prop_string(c->w, "compatible", "arm,gic-v3");
	dtbw_prop_u32(c->w, "#interrupt-cells", FDT_GIC_SPEC_CELLS);
	/* Kept so that interrupt-map entries naming the GIC decode as before. */
	copy_gic_u32(c, "#address-cells");
	copy_gic_u32(c, "#size-cells");
	dtbw_prop_empty(c->w, "interrupt-controller");
	rc = reg_prop(c, root, name, reg, GIC_REG_PAIRS);
	dtbw_prop_u32(c->w, "#redistributor-regions", GIC_REDIST_REGIONS);
	dtbw_prop_u32(c->w, "phandle", c->gic_phandle);
	copy_gic_u32(c, "linux,phandle");
	dtbw_end_node(c->w);
	return rc;
}

static void write_psci(struct fdt_ctx *c)
{
	dtbw_begin_node(c->w, "psci");
	dtbw_prop_strings(c->w, "compatible", psci_compat, ARRAY_SIZE(psci_compat));
	dtbw_prop_string(c->w, "method", "hvc");
	dtbw_end_node(c->w);
}

static int write_hypervisor(struct fdt_ctx *c, const struct fdt_level *root)
{
	const struct dom0_fdt_params *p = c->p;
	const char *const compat[] = { p->xen_compatible, "xen,xen" };
	const uint64_t reg[] = { p->gnttab_base, p->gnttab_size };
	const uint32_t irq[FDT_GIC_SPEC_CELLS] = { GIC_SPEC_PPI, p->evtchn_intid - GIC_PPI_BASE,
						   EVTCHN_IRQ_FLAGS };
	int rc;

	dtbw_begin_node(c->w, "hypervisor");
	dtbw_prop_strings(c->w, "compatible", compat, ARRAY_SIZE(compat));
	rc = reg_prop(c, root, "/hypervisor", reg, 1);
	dtbw_prop_u32s(c->w, "interrupts", irq, ARRAY_SIZE(irq));
	dtbw_prop_u32(c->w, "interrupt-parent", c->gic_phandle);
	dtbw_end_node(c->w);
	return rc;
}

/* Linux's arm64 booting: linux,initrd-start / -end (end exclusive), written as 64-bit values. */
static void write_chosen(struct fdt_ctx *c)
{
	const struct dom0_fdt_params *p = c->p;
	uint64_t start = pa_val(p->initrd_start);

	dtbw_begin_node(c->w, "chosen");
	dtbw_prop_string(c->w, "bootargs", p->bootargs ? p->bootargs : "");
	if (p->initrd_size) {
		uint64_t end = start + p->initrd_size;

		dtbw_prop_u64s(c->w, "linux,initrd-start", &start, 1);
		dtbw_prop_u64s(c->w, "linux,initrd-end", &end, 1);
	}
	dtbw_end_node(c->w);
}

int fdt_write_made_up(struct fdt_ctx *c, const struct fdt_level *root)
{
	int rc;

	write_cpus(c);
	rc = write_memory(c, root);
	if (!rc)
		rc = write_gic(c, root);
	write_psci(c);
	if (!rc)
		rc = write_hypervisor(c, root);
	write_chosen(c);
	return rc;
}
