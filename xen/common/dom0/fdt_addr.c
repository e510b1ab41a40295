// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device addresses to CPU addresses (DTSpec 2.3.6 "reg", 2.3.8 "ranges"):
 * a reg entry is decoded with the parent's #address-cells / #size-cells and
 * mapped up through every ancestor's ranges; an empty ranges is the
 * identity, an absent one means the children are not memory-mapped (an I2C
 * bus, /cpus). Children of a PCI bus (device_type "pci") are not decoded:
 * their reg is a config-space address, and what they use lies inside the
 * bridge's windows, which fdt_mmio.c passes through.
 */
#include <xen/errno.h>
#include <xen/lib.h>

#include "fdt_private.h"

/* The cell counts decoded here (dtb_read_cells reads 1 or 2). */
#define MIN_CELLS  1
#define MAX_CELLS  2

static bool cells_ok(uint32_t n)
{
	return n >= MIN_CELLS && n <= MAX_CELLS;
}

bool fdt_prop_cells(const struct dtb_prop *prop, uint32_t pos, uint32_t n, uint64_t *v)
{
	if (!cells_ok(n) || ((uint64_t)pos + n) * FDT_CELL_SIZE > prop->len)
		return false;
	*v = dtb_read_cells((const uint8_t *)prop->data + (size_t)pos * FDT_CELL_SIZE, n);
	return true;
}

/* True if [addr, addr + size) lies in [base, base + len). */
static bool inside(uint64_t addr, uint64_t size, uint64_t base, uint64_t len)
{
	return addr >= base && addr - base < len && size <= len - (addr - base);
}

/* Maps *addr from l's children's space to l's parent's through l's ranges. */
static int ranges_lookup(const struct fdt_level *l, uint64_t *addr, uint64_t size)
{
	uint32_t ca = l->addr_cells, pa = l->up->addr_cells, sc = l->size_cells;
	uint32_t entry = ca + pa + sc;
	uint64_t cb, pb, len;
	struct dtb_prop r;

	if (!dtb_get_prop(&l->node, "ranges", &r))
		return -ENXIO;
	if (!r.len)
		return 0;
	if (!cells_ok(ca) || !cells_ok(pa) || !cells_ok(sc) || r.len % (entry * FDT_CELL_SIZE))
		return -EINVAL;
	for (uint32_t pos = 0; pos < r.len / FDT_CELL_SIZE; pos += entry) {
		if (!fdt_prop_cells(&r, pos, ca, &cb) || !fdt_prop_cells(&r, pos + ca, pa, &pb) ||
		    !fdt_prop_cells(&r, pos + ca + pa, sc, &len))
			return -EINVAL;
		if (inside(*addr, size, cb, len)) {
			*addr = *addr - cb + pb;
			return 0;
		}
	}
	return -ENXIO;
}

int fdt_translate(const struct fdt_level *l, uint64_t *addr, uint64_t size)
{
	int rc = 0;

	for (; l->up && !rc; l = l->up)
		rc = ranges_lookup(l, addr, size);
	return rc;
}

/* Finds l's reg; returns the number of entries or a negative error (see fdt_reg_count). */
static int reg_layout(const struct fdt_level *l, struct dtb_prop *reg)
{
	const struct fdt_level *up = l->up;
	uint32_t entry;

	if (!up || !dtb_get_prop(&l->node, "reg", reg))
		return 0;
	if (!up->cpu_mapped || !up->size_cells)
		return -ENXIO;
	if (!cells_ok(up->addr_cells) || !cells_ok(up->size_cells))
		return -EINVAL;
	entry = (up->addr_cells + up->size_cells) * FDT_CELL_SIZE;
	if (reg->len % entry)
		return -EINVAL;
	return (int)(reg->len / entry);
}

int fdt_reg_count(const struct fdt_level *l)
{
	struct dtb_prop reg;

	return reg_layout(l, &reg);
}

int fdt_reg_cpu(const struct fdt_level *l, unsigned int idx, uint64_t *addr, uint64_t *size)
{
	uint32_t ac = l->up ? l->up->addr_cells : 0, sc = l->up ? l->up->size_cells : 0, pos;
	struct dtb_prop reg;
	int n = reg_layout(l, &reg);

	if (n <= 0 || idx >= (unsigned int)n)
		return n < 0 ? n : -ENOENT;
	pos = idx * (ac + sc);
	if (!fdt_prop_cells(&reg, pos, ac, addr) || !fdt_prop_cells(&reg, pos + ac, sc, size))
		return -EINVAL;
	return fdt_translate(l->up, addr, *size);
}

bool fdt_page_bounds(uint64_t addr, uint64_t size, uint64_t *lo, uint64_t *hi)
{
	uint64_t end = addr + size;

	if (end < addr || end > (uint64_t)0 - PAGE_SIZE)
		return false;
	*lo = ALIGN_DOWN(addr, PAGE_SIZE);
	*hi = ALIGN_UP(end, PAGE_SIZE);
	return true;
}
