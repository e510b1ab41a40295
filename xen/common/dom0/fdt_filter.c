// SPDX-License-Identifier: GPL-2.0-only
/*
 * Which host nodes and properties dom0's device tree keeps
 * (docs/specs/dom0.md, "Dom0 device tree"). A node is dropped, subtree and
 * all, if the hypervisor owns it (its UART, SMMUs, the GIC, CPU PMUs), if
 * dom0 gets a made-up version of it (memory, /cpus, /psci, /chosen,
 * /hypervisor; /aliases names paths that may be gone), or if its registers
 * sit where dom0 sees its virtual GIC or grant-table window.
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "fdt_private.h"

#define UNIT_ADDR_SEP  '@'   /* DTSpec 2.2.1: node-name@unit-address */
#define COMPAT_ARM     "arm,"

/* Root children named so (unit address aside) are replaced or dropped. */
static const char *const root_replaced[] = { "cpus", "psci", "chosen", "aliases", "hypervisor" };

/*
 * MSI and IOMMU references (Linux bindings pci/pci-msi.txt, pci/pci-iommu.txt,
 * iommu/iommu.txt): the ITS and the SMMU stay the hypervisor's, so dom0's
 * PCI falls back to INTx and its devices do DMA untranslated.
 */
static const char *const dropped_props[] = {
	"msi-parent", "msi-map", "msi-map-mask", "iommu-map", "iommu-map-mask", "iommus",
};

/* Host nodes the hypervisor owns, by compatible. */
static const char *const owned_compat[] = { "arm,smmu-v3", "arm,gic-v3" };

bool fdt_prop_dropped(const char *name)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(dropped_props); i++)
		if (!strcmp(name, dropped_props[i]))
			return true;
	return false;
}

/* True if name, without its unit address, is base. */
static bool name_is(const char *name, const char *base)
{
	size_t n = strlen(base);

	return !strncmp(name, base, n) && (name[n] == '\0' || name[n] == UNIT_ADDR_SEP);
}

static bool ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);

	return len >= n && !memcmp(s + len - n, suffix, n);
}

/* Linux binding arm/pmu.yaml: "arm,armv8-pmuv3" and the per-core "arm,<core>-pmu". */
static bool is_cpu_pmu(const struct dtb_node *n)
{
	struct dtb_prop p;
	const char *s;
	uint32_t pos;

	if (!dtb_get_prop(n, "compatible", &p))
		return false;
	s = p.data;
	for (pos = 0; pos < p.len;) {
		size_t len = strnlen(s + pos, p.len - pos);

		if (!strncmp(s + pos, COMPAT_ARM, strlen(COMPAT_ARM)) &&
		    (ends_with(s + pos, len, "-pmu") || ends_with(s + pos, len, "-pmuv3")))
			return true;
		pos += (uint32_t)len + 1;
	}
	return false;
}

static bool is_owned(const struct fdt_ctx *c, const struct dtb_node *n)
{
	const char *type = dtb_prop_string(n, "device_type");

	if (c->have_uart && n->off == c->uart.off)
		return true;
	for (unsigned int i = 0; i < ARRAY_SIZE(owned_compat); i++)
		if (dtb_node_is_compatible(n, owned_compat[i]))
			return true;
	return (type && !strcmp(type, "memory")) || is_cpu_pmu(n);
}

static bool is_replaced_root_child(const struct fdt_level *parent, const struct dtb_node *n)
{
	const char *name = dtb_node_name(n);

	if (parent->up || !name)
		return false;
	for (unsigned int i = 0; i < ARRAY_SIZE(root_replaced); i++)
		if (name_is(name, root_replaced[i]))
			return true;
	return false;
}

/* True if a CPU-addressable reg range of n overlaps dom0's GIC or grant window. */
static bool regs_hit_guest_layout(const struct fdt_ctx *c, const struct fdt_level *parent,
				  const struct dtb_node *n)
{
	struct fdt_level l = { .up = parent, .node = *n };
	int count = fdt_reg_count(&l);
	uint64_t addr, size, lo, hi;

	for (int i = 0; i < count; i++)
		if (!fdt_reg_cpu(&l, (unsigned int)i, &addr, &size) &&
		    fdt_page_bounds(addr, size, &lo, &hi) && fdt_hits_guest_layout(c, lo, hi))
			return true;
	return false;
}

bool fdt_node_dropped(const struct fdt_ctx *c, const struct fdt_level *parent,
		      const struct dtb_node *n)
{
	return is_owned(c, n) || is_replaced_root_child(parent, n) ||
	       regs_hit_guest_layout(c, parent, n);
}
