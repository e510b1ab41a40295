// SPDX-License-Identifier: GPL-2.0-only
/*
 * The copy of the host's nodes into dom0's tree: depth first, in document
 * order, each kept node with all its properties but the dropped ones
 * (fdt_filter.c). On the way down it records per level what passthrough
 * needs: cell counts, the interrupt parent in effect, whether reg still
 * translates to CPU addresses, and whether the node's resources go to dom0
 * (enabled, it and its ancestors, and not under /reserved-memory, which
 * describes RAM, not devices).
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "fdt_private.h"

/* DTSpec 3.5: regions of RAM set aside, described under this root child. */
#define RESERVED_MEMORY  "reserved-memory"

static bool is_pci(const struct dtb_node *n)
{
	const char *type = dtb_prop_string(n, "device_type");

	return type && !strcmp(type, "pci");
}

static bool is_reserved_memory(const struct fdt_level *up, const struct dtb_node *n)
{
	return up && !up->up && !strcmp(dtb_node_name(n), RESERVED_MEMORY);
}

void fdt_level_init(struct fdt_level *l, const struct fdt_level *up, const struct dtb_node *n)
{
	struct dtb_prop ranges;
	uint32_t ipar;

	l->up = up;
	l->node = *n;
	l->addr_cells = dtb_address_cells(n);
	l->size_cells = dtb_size_cells(n);
	l->pci = is_pci(n);
	/* DTSpec 2.4.1.1: interrupt-parent is inherited from the tree parent. */
	if (!dtb_prop_u32(n, "interrupt-parent", &ipar))
		ipar = up ? up->irq_parent : 0;
	l->irq_parent = ipar;
	l->cpu_mapped = !up || (up->cpu_mapped && !l->pci && dtb_get_prop(n, "ranges", &ranges));
	l->passthrough = (!up || up->passthrough) && dtb_node_is_enabled(n) &&
			 !is_reserved_memory(up, n);
}

static void copy_props(struct fdt_ctx *c, const struct fdt_level *l)
{
	uint32_t cursor = 0;
	struct dtb_prop p;

	while (dtb_next_prop(&l->node, &cursor, &p))
		if (!fdt_prop_dropped(p.name))
			dtbw_prop(c->w, p.name, p.data, p.len);
}

static int copy_children(struct fdt_ctx *c, const struct fdt_level *l, unsigned int depth);

/* Copies n, a child of parent, and its subtree, unless it is dropped. */
static int copy_node(struct fdt_ctx *c, const struct fdt_level *parent, const struct dtb_node *n,
		     unsigned int depth)
{
	struct fdt_level l;
	int rc = 0;

	if (fdt_node_dropped(c, parent, n))
		return 0;
	fdt_level_init(&l, parent, n);
	if (depth > DTB_MAX_DEPTH)
		return fdt_fail(c, &l, -EINVAL, "nested deeper than %u levels", DTB_MAX_DEPTH);
	if (l.passthrough)
		rc = fdt_mmio_collect(c, &l);
	if (!rc && l.passthrough)
		rc = fdt_irq_collect(c, &l);
	if (rc)
		return rc;
	dtbw_begin_node(c->w, dtb_node_name(n));
	copy_props(c, &l);
	rc = copy_children(c, &l, depth);
	dtbw_end_node(c->w);
	return rc;
}

static int copy_children(struct fdt_ctx *c, const struct fdt_level *l, unsigned int depth)
{
	struct dtb_node child;
	int rc = 0;

	for (bool ok = dtb_first_child(&l->node, &child); ok && !rc;
	     ok = dtb_next_sibling(&child, &child))
		rc = copy_node(c, l, &child, depth + 1);
	return rc;
}

int fdt_copy_root(struct fdt_ctx *c, const struct fdt_level *root)
{
	copy_props(c, root);
	return copy_children(c, root, 0);
}
