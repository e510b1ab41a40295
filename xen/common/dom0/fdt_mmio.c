// SPDX-License-Identifier: GPL-2.0-only
/*
 * Passthrough MMIO: every CPU-addressable reg range of a kept, enabled node
 * and the CPU side of a PCI host bridge's windows, rounded out to pages and
 * merged into c->mmio (sorted, disjoint). A range that overlaps what the
 * hypervisor keeps (its UART, the SMMU, the GIC), dom0's RAM, or where dom0
 * sees its virtual GIC or grant-table window, makes the tree unusable.
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "fdt_private.h"

/*
 * IEEE Std 1275 PCI bus binding 2.2.1 (Linux pci/host-generic-pci.yaml): a
 * PCI bus has #address-cells = 3, and its ranges entries are (PCI address:
 * 3 cells, CPU address: the parent's #address-cells, size: #size-cells).
 */
#define PCI_ADDR_CELLS  3

static bool overlaps(uint64_t lo, uint64_t hi, uint64_t start, uint64_t size)
{
	return size && lo < start + size && start < hi;
}

static bool overlaps_region(uint64_t lo, uint64_t hi, const struct mem_region *r)
{
	return overlaps(lo, hi, pa_val(r->start), r->size);
}

bool fdt_hits_guest_layout(const struct fdt_ctx *c, uint64_t lo, uint64_t hi)
{
	const struct dom0_fdt_params *p = c->p;

	return overlaps(lo, hi, p->gicd_base, p->gicd_size) ||
	       overlaps(lo, hi, p->gicr_base, p->gicr_size) ||
	       overlaps(lo, hi, p->gnttab_base, p->gnttab_size);
}

/* What [lo, hi) would clash with, or NULL. */
static const char *owner_at(const struct fdt_ctx *c, uint64_t lo, uint64_t hi)
{
	const struct bootinfo *bi = c->p->bi;

	if (bi->uart.present && overlaps_region(lo, hi, &bi->uart.regs))
		return "the hypervisor's UART";
	if (bi->smmu.present && overlaps_region(lo, hi, &bi->smmu.regs))
		return "the SMMU";
	if (bi->gic.present && overlaps_region(lo, hi, &bi->gic.dist))
		return "the GIC distributor";
	for (unsigned int i = 0; bi->gic.present && i < bi->gic.nr_redist; i++)
		if (overlaps_region(lo, hi, &bi->gic.redist[i]))
			return "the GIC redistributors";
	for (unsigned int i = 0; i < c->p->nr_banks; i++)
		if (overlaps_region(lo, hi, &c->p->banks[i]))
			return "dom0's RAM";
	if (fdt_hits_guest_layout(c, lo, hi))
		return "dom0's virtual GIC or grant-table window";
	return NULL;
}

static int add_range(struct fdt_ctx *c, const struct fdt_level *l, uint64_t addr, uint64_t size)
{
	const char *owner;
	uint64_t lo, hi;

	if (!size)
		return 0;
	if (!fdt_page_bounds(addr, size, &lo, &hi))
		return fdt_fail(c, l, -EINVAL, "MMIO range 0x%llx + 0x%llx overflows",
				(unsigned long long)addr, (unsigned long long)size);
	owner = owner_at(c, lo, hi);
	if (owner)
		return fdt_fail(c, l, -EINVAL, "MMIO [0x%llx, 0x%llx) overlaps %s",
				(unsigned long long)lo, (unsigned long long)hi, owner);
	if (memrange_add(&c->mmio, pa_init(lo), hi - lo))
		return fdt_fail(c, l, -ENOSPC, "more than %u MMIO ranges to pass through",
				DOM0_MAX_PT_MMIO);
	return 0;
}

static int collect_reg(struct fdt_ctx *c, const struct fdt_level *l)
{
	int n = fdt_reg_count(l), rc = 0;
	uint64_t addr, size;

	if (n == -ENXIO)
		return 0;
	if (n < 0)
		return fdt_fail(c, l, -EINVAL, "reg does not decode");
	for (int i = 0; i < n && !rc; i++) {
		rc = fdt_reg_cpu(l, (unsigned int)i, &addr, &size);
		if (rc == -ENXIO)
			rc = 0;         /* outside every window of a bus: not MMIO */
		else if (rc)
			return fdt_fail(c, l, rc, "a ranges property above it does not decode");
		else
			rc = add_range(c, l, addr, size);
	}
	return rc;
}

static int collect_pci_windows(struct fdt_ctx *c, const struct fdt_level *l)
{
	uint32_t pa = l->up->addr_cells, sc = l->size_cells, entry = PCI_ADDR_CELLS + pa + sc;
	uint64_t cpu, size;
	struct dtb_prop r;
	int rc = 0;

	if (!l->up->cpu_mapped || !dtb_get_prop(&l->node, "ranges", &r) || !r.len)
		return 0;
	if (l->addr_cells != PCI_ADDR_CELLS || r.len % (entry * FDT_CELL_SIZE))
		return fdt_fail(c, l, -EINVAL, "PCI ranges do not decode");
	for (uint32_t pos = 0; pos < r.len / FDT_CELL_SIZE && !rc; pos += entry) {
		if (!fdt_prop_cells(&r, pos + PCI_ADDR_CELLS, pa, &cpu) ||
		    !fdt_prop_cells(&r, pos + PCI_ADDR_CELLS + pa, sc, &size))
			return fdt_fail(c, l, -EINVAL, "PCI ranges do not decode");
		rc = fdt_translate(l->up, &cpu, size);
		if (rc == -ENXIO)
			rc = 0;
		else if (rc)
			return fdt_fail(c, l, rc, "a ranges property above it does not decode");
		else
			rc = add_range(c, l, cpu, size);
	}
	return rc;
}

int fdt_mmio_collect(struct fdt_ctx *c, const struct fdt_level *l)
{
	int rc = collect_reg(c, l);

	if (!rc && l->pci)
		rc = collect_pci_windows(c, l);
	return rc;
}
