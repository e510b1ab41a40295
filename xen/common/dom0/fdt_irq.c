// SPDX-License-Identifier: GPL-2.0-only
/*
 * Passthrough SPIs of a kept, enabled node (DTSpec 2.4): the GIC
 * specifiers of its "interrupts" when its interrupt parent is the GIC, of
 * its "interrupts-extended" entries that name the GIC, and of the entries
 * of its "interrupt-map" (a PCI host bridge's INTx routing) whose parent is
 * the GIC. PPIs stay the hypervisor's to virtualise; interrupts routed to
 * another controller reach dom0 through that controller's own SPI.
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "fdt_private.h"

/* Linux dt-bindings/interrupt-controller/irq.h: the GIC specifier's flags cell, bits [3:0]. */
#define IRQ_TYPE_SENSE_MASK  0xfU
#define IRQ_TYPE_EDGE_BOTH   0x3U     /* EDGE_RISING 1 | EDGE_FALLING 2 */
/* GICv3 architecture (IHI 0069) 2.2.1: SPIs are INTIDs 32-1019. */
#define SPI_LAST             1019U

/* Inserts intid into pt->irq, kept sorted and without duplicates. */
static int irq_add(struct fdt_ctx *c, const struct fdt_level *l, uint32_t intid, bool edge)
{
	struct dom0_passthrough *pt = c->pt;
	unsigned int i;

	if (c->p->bi->uart.present && intid == c->p->bi->uart.intid)
		return fdt_fail(c, l, -EINVAL, "SPI %u is the hypervisor's UART's", intid);
	for (i = 0; i < pt->nr_irq && pt->irq[i].intid < intid; i++)
		;
	if (i < pt->nr_irq && pt->irq[i].intid == intid) {
		if (pt->irq[i].edge != edge)
			return fdt_fail(c, l, -EINVAL, "SPI %u is used both edge-triggered and "
					"level-sensitive", intid);
		return 0;
	}
	if (pt->nr_irq == DOM0_MAX_PT_IRQS)
		return fdt_fail(c, l, -ENOSPC, "more than %u SPIs to pass through",
				DOM0_MAX_PT_IRQS);
	memmove(&pt->irq[i + 1], &pt->irq[i], (pt->nr_irq - i) * sizeof(pt->irq[0]));
	pt->irq[i] = (struct dom0_irq){ .intid = intid, .edge = edge };
	pt->nr_irq++;
	return 0;
}

/* The GIC specifier at cell pos of prop (the caller checked it is inside). */
static int gic_spec(struct fdt_ctx *c, const struct fdt_level *l, const struct dtb_prop *prop,
		    uint32_t pos)
{
	const uint8_t *s = (const uint8_t *)prop->data + (size_t)pos * FDT_CELL_SIZE;
	uint32_t type = dtb_be32(s);
	uint32_t num = dtb_be32(s + FDT_CELL_SIZE);
	uint32_t sense = dtb_be32(s + 2 * FDT_CELL_SIZE) & IRQ_TYPE_SENSE_MASK;

	if (type != GIC_SPEC_SPI)
		return 0;
	if (num > SPI_LAST - GIC_SPI_BASE)
		return fdt_fail(c, l, -EINVAL, "SPI %u is out of range", num);
	return irq_add(c, l, GIC_SPI_BASE + num, sense && !(sense & ~IRQ_TYPE_EDGE_BOTH));
}

static int collect_interrupts(struct fdt_ctx *c, const struct fdt_level *l)
{
	const uint32_t step = FDT_GIC_SPEC_CELLS;
	struct dtb_prop p;
	int rc = 0;

	if (l->irq_parent != c->gic_phandle || !dtb_get_prop(&l->node, "interrupts", &p))
		return 0;
	if (p.len % (step * FDT_CELL_SIZE))
		return fdt_fail(c, l, -EINVAL, "interrupts is not a list of GIC specifiers");
	for (uint32_t pos = 0; pos < p.len / FDT_CELL_SIZE && !rc; pos += step)
		rc = gic_spec(c, l, &p, pos);
	return rc;
}

/* #address-cells (0 if absent) and #interrupt-cells of the controller phandle names. */
static int parent_cells(struct fdt_ctx *c, const struct fdt_level *l, uint32_t phandle,
			uint32_t *ac, uint32_t *ic)
{
	struct dtb_node n;

	if (phandle == c->gic_phandle) {
		*ac = c->gic_addr_cells;
		*ic = FDT_GIC_SPEC_CELLS;
		return 0;
	}
	if (!dtb_find_phandle(c->p->host, phandle, &n) || !dtb_prop_u32(&n, "#interrupt-cells", ic))
		return fdt_fail(c, l, -EINVAL, "interrupt parent 0x%x is missing or has no "
				"#interrupt-cells", phandle);
	if (!dtb_prop_u32(&n, "#address-cells", ac))
		*ac = 0;
	if (*ac > FDT_MAX_CELLS || *ic > FDT_MAX_CELLS)
		return fdt_fail(c, l, -EINVAL, "interrupt parent 0x%x has too many cells", phandle);
	return 0;
}

static uint32_t cell_at(const struct dtb_prop *p, uint32_t pos)
{
	return dtb_be32((const uint8_t *)p->data + (size_t)pos * FDT_CELL_SIZE);
}

/* DTSpec 2.4.1.3: entries of (parent phandle, parent specifier). */
static int collect_extended(struct fdt_ctx *c, const struct fdt_level *l, const struct dtb_prop *p)
{
	uint32_t cells = p->len / FDT_CELL_SIZE, pos = 0, ac, ic;
	int rc = 0;

	if (p->len % FDT_CELL_SIZE)
		return fdt_fail(c, l, -EINVAL, "interrupts-extended is not a list of cells");
	while (pos < cells && !rc) {
		uint32_t phandle = cell_at(p, pos);

		rc = parent_cells(c, l, phandle, &ac, &ic);
		if (rc)
			return rc;
		if (pos + 1 + ic > cells)
			return fdt_fail(c, l, -EINVAL, "interrupts-extended is truncated");
		if (phandle == c->gic_phandle)
			rc = gic_spec(c, l, p, pos + 1);
		pos += 1 + ic;
	}
	return rc;
}

/*
 * DTSpec 2.4.3.1: entries of (child unit address: the node's #address-cells,
 * child specifier: its #interrupt-cells, parent phandle, parent unit address:
 * the parent's #address-cells, 0 if absent, parent specifier: the parent's
 * #interrupt-cells).
 */
static int collect_map(struct fdt_ctx *c, const struct fdt_level *l, const struct dtb_prop *p)
{
	uint32_t cells = p->len / FDT_CELL_SIZE, pos = 0, icells, child, ac, ic, spec;
	int rc = 0;

	if (!dtb_prop_u32(&l->node, "#interrupt-cells", &icells) || icells > FDT_MAX_CELLS ||
	    l->addr_cells > FDT_MAX_CELLS || p->len % FDT_CELL_SIZE)
		return fdt_fail(c, l, -EINVAL, "interrupt-map does not decode");
	child = l->addr_cells + icells;
	while (pos < cells && !rc) {
		if (pos + child + 1 > cells)
			return fdt_fail(c, l, -EINVAL, "interrupt-map is truncated");
		rc = parent_cells(c, l, cell_at(p, pos + child), &ac, &ic);
		if (rc)
			return rc;
		spec = pos + child + 1 + ac;
		if (spec + ic > cells)
			return fdt_fail(c, l, -EINVAL, "interrupt-map is truncated");
		if (cell_at(p, pos + child) == c->gic_phandle)
			rc = gic_spec(c, l, p, spec);
		pos = spec + ic;
	}
	return rc;
}

int fdt_irq_collect(struct fdt_ctx *c, const struct fdt_level *l)
{
	struct dtb_prop p;
	int rc;

	/* DTSpec 2.4.1.3: interrupts-extended takes precedence over interrupts. */
	if (dtb_get_prop(&l->node, "interrupts-extended", &p))
		rc = collect_extended(c, l, &p);
	else
		rc = collect_interrupts(c, l);
	if (!rc && dtb_get_prop(&l->node, "interrupt-map", &p))
		rc = collect_map(c, l, &p);
	return rc;
}
