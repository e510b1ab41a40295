/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of dom0_fdt_build() (docs/specs/dom0.md, "Dom0 device tree"),
 * one concept per file:
 *   fdt.c         entry point: parameters, the host GIC and UART, the root,
 *                 memory reservation entries, errors
 *   fdt_filter.c  which host nodes and properties dom0 keeps
 *   fdt_copy.c    the recursive copy of the kept nodes
 *   fdt_addr.c    reg and ranges decoding, translation to CPU addresses
 *   fdt_mmio.c    passthrough MMIO (reg, PCI windows) and its conflicts
 *   fdt_irq.c     passthrough SPIs (interrupts, interrupts-extended,
 *                 interrupt-map)
 *   fdt_nodes.c   the made-up nodes (/cpus, /memory, GIC, /psci,
 *                 /hypervisor, /chosen)
 *
 * Everything lives on the stack or in the caller's buffers: no heap. The
 * copy recurses once per tree level, at most DTB_MAX_DEPTH deep.
 */
#ifndef DOM0_FDT_PRIVATE_H
#define DOM0_FDT_PRIVATE_H

#include <xen/dom0_fdt.h>
#include <xen/dtb.h>
#include <xen/dtb_write.h>
#include <xen/memrange.h>

#define FDT_CELL_SIZE       4   /* DTSpec 2.2.4: a cell is a big-endian u32 */
/* Linux binding arm,gic-v3.yaml: the GIC's specifier is (type, number, flags). */
#define FDT_GIC_SPEC_CELLS  3
/* Cell counts this code decodes per address, size or specifier: sanity bound. */
#define FDT_MAX_CELLS       4

/* Everything one dom0_fdt_build() call works with. */
struct fdt_ctx {
	const struct dom0_fdt_params *p;
	struct dtb_writer *w;
	struct dom0_passthrough *pt;
	struct memrange_set mmio;        /* over pt->mmio */
	struct dtb_node gic;             /* the host GIC node */
	uint32_t gic_phandle;
	uint32_t gic_addr_cells;         /* its #address-cells, 0 if absent */
	struct dtb_node uart;            /* the hypervisor's UART node */
	bool have_uart;
	char *err;
	size_t errlen;
};

/* One node on the path from the root to the node being copied. */
struct fdt_level {
	const struct fdt_level *up;      /* the parent; NULL for the root */
	struct dtb_node node;
	uint32_t addr_cells;             /* #address-cells / #size-cells for the children */
	uint32_t size_cells;
	uint32_t irq_parent;             /* interrupt-parent in effect (phandle), 0 if none */
	bool cpu_mapped;                 /* the children's reg translates to CPU addresses */
	bool passthrough;                /* its MMIO and SPIs go to dom0 */
	bool pci;                        /* device_type "pci" */
};

/* fdt.c */
/* Fills c->err ("<path>: <message>" if l is not NULL) and returns err. */
int fdt_fail(struct fdt_ctx *c, const struct fdt_level *l, int err, const char *fmt, ...)
	__printf(4, 5);

/* fdt_filter.c */
bool fdt_node_dropped(const struct fdt_ctx *c, const struct fdt_level *parent,
		      const struct dtb_node *n);
bool fdt_prop_dropped(const char *name);

/* fdt_copy.c */
void fdt_level_init(struct fdt_level *l, const struct fdt_level *up, const struct dtb_node *n);
/*
 * Writes the root's properties and its kept subtrees (between the caller's
 * dtbw_begin_node and dtbw_end_node), collecting their passthrough.
 */
int fdt_copy_root(struct fdt_ctx *c, const struct fdt_level *root);

/* fdt_addr.c */
/* Reads n (1 or 2) cells at cell index pos of prop; false if past its end. */
bool fdt_prop_cells(const struct dtb_prop *prop, uint32_t pos, uint32_t n, uint64_t *v);
/* Translates [*addr, +size) from the children's address space of l to the CPU's. */
int fdt_translate(const struct fdt_level *l, uint64_t *addr, uint64_t size);
/*
 * Number of l's reg entries (0 if it has none); -ENXIO if they are not CPU
 * addresses (a parent without ranges, a PCI bus); -EINVAL if reg does not
 * decode. Uses l->node and l->up only.
 */
int fdt_reg_count(const struct fdt_level *l);
/*
 * Entry idx < fdt_reg_count(l) as a CPU address range: 0; -ENXIO if no
 * ranges entry covers it; -EINVAL if a ranges property is malformed.
 */
int fdt_reg_cpu(const struct fdt_level *l, unsigned int idx, uint64_t *addr, uint64_t *size);
/* [addr, addr + size) rounded out to pages as [*lo, *hi); false on overflow. */
bool fdt_page_bounds(uint64_t addr, uint64_t size, uint64_t *lo, uint64_t *hi);

/* fdt_mmio.c */
/* True if [lo, hi) overlaps dom0's virtual GIC frames or grant-table window. */
bool fdt_hits_guest_layout(const struct fdt_ctx *c, uint64_t lo, uint64_t hi);
/* Adds l's reg ranges (and a PCI bridge's windows) to the passthrough MMIO. */
int fdt_mmio_collect(struct fdt_ctx *c, const struct fdt_level *l);

/* fdt_irq.c */
/* Adds the SPIs that l's interrupts / interrupts-extended / interrupt-map name. */
int fdt_irq_collect(struct fdt_ctx *c, const struct fdt_level *l);

/* fdt_nodes.c */
/* Writes /cpus, /memory, the GIC, /psci, /hypervisor and /chosen under root. */
int fdt_write_made_up(struct fdt_ctx *c, const struct fdt_level *root);

#endif /* DOM0_FDT_PRIVATE_H */
