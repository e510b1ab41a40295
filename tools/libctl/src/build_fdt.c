// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The guest device tree, written with libfdt's sequential-write API. The
 * nodes are those of Xen's Arm guests (libxl's libxl_arm.c; binding:
 * docs/misc/arm/device-tree/guest.txt in Xen) and of our hypervisor's
 * boot-time domains (xen/common/dom0less.c): root, /chosen, /cpus, /psci,
 * /memory, the GICv3, /timer and /hypervisor. docs/specs/guest-layout.md
 * lists every property.
 */
#include <errno.h>
#include <libfdt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_int.h"
#include "ctl_int.h"

#define DT_ROOT_CELLS        2           /* #address-cells = #size-cells = 2 */
#define DT_CPUS_ADDR_CELLS   1           /* Linux binding arm/cpus.yaml */
#define DT_CPUS_SIZE_CELLS   0
#define DT_GIC_PHANDLE       1           /* as xen/common/dom0less.c */
#define DT_GIC_INT_CELLS     3           /* arm,gic-v3: type, number, flags */
#define DT_GIC_REDIST_REGIONS 1
#define DT_GIC_PPI           1           /* arm,gic-v3: first cell 1 = PPI */
#define DT_PPI_BASE          16          /* PPI n is INTID 16 + n */
/* Xen's flags for guest PPIs: CPU mask 0xf << 8 | IRQ_TYPE_LEVEL_LOW (8). */
#define DT_IRQ_LEVEL_LOW     0xf08U
/* MPIDR of vCPU n (xen/common/vgic/route.c): Aff0 = n % 16, Aff1 = n / 16. */
#define DT_AFF0_PER_AFF1     16
#define DT_AFF1_SHIFT        8
/* Buffer: a base for the fixed nodes, a budget per cpu node, the command line. */
#define DT_BASE_SIZE         8192
#define DT_CPU_NODE_SIZE     192
#define DT_NAME_MAX          48
#define DT_STRLIST_MAX       128
#define DT_MAX_CELLS         16
#define DT_MODEL             "XENVM-4.17"

/* A writer that remembers its first libfdt error. */
struct dtw {
	void *fdt;
	int err;
};

/* A property's local buffer holds need units of room; records the error if not. */
static bool fits(struct dtw *w, size_t need, size_t room)
{
	if (need <= room)
		return true;
	if (!w->err)
		w->err = -FDT_ERR_NOSPACE;
	return false;
}

static void begin(struct dtw *w, const char *name)
{
	if (!w->err)
		w->err = fdt_begin_node(w->fdt, name);
}

static void end(struct dtw *w)
{
	if (!w->err)
		w->err = fdt_end_node(w->fdt);
}

static void prop(struct dtw *w, const char *name, const void *v, size_t len)
{
	if (!w->err)
		w->err = fdt_property(w->fdt, name, v, (int)len);
}

static void prop_u32(struct dtw *w, const char *name, uint32_t v)
{
	fdt32_t be = cpu_to_fdt32(v);

	prop(w, name, &be, sizeof(be));
}

static void prop_str(struct dtw *w, const char *name, const char *s)
{
	prop(w, name, s, strlen(s) + 1);
}

/* A string list ("a\0b\0"); n and the strings are this file's constants. */
static void prop_strs(struct dtw *w, const char *name, const char *const *s, size_t n)
{
	char buf[DT_STRLIST_MAX];
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(s[i]) + 1;

		if (!fits(w, len + l, sizeof(buf)))
			return;
		memcpy(buf + len, s[i], l);
		len += l;
	}
	prop(w, name, buf, len);
}

static void prop_u32s(struct dtw *w, const char *name, const uint32_t *v, size_t n)
{
	fdt32_t be[DT_MAX_CELLS];

	if (!fits(w, n, DT_MAX_CELLS))
		return;
	for (size_t i = 0; i < n; i++)
		be[i] = cpu_to_fdt32(v[i]);
	prop(w, name, be, n * sizeof(be[0]));
}

static void prop_u64s(struct dtw *w, const char *name, const uint64_t *v, size_t n)
{
	fdt64_t be[DT_MAX_CELLS / 2];

	if (!fits(w, n, DT_MAX_CELLS / 2))
		return;
	for (size_t i = 0; i < n; i++)
		be[i] = cpu_to_fdt64(v[i]);
	prop(w, name, be, n * sizeof(be[0]));
}

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static void write_chosen(struct dtw *w, const struct build_ctx *c)
{
	uint64_t start = c->lay.initrd_addr, end_ = start + c->lay.initrd_size;

	begin(w, "chosen");
	if (c->a->cmdline)
		prop_str(w, "bootargs", c->a->cmdline);
	if (c->lay.initrd_size) {
		prop_u64s(w, "linux,initrd-start", &start, 1);
		prop_u64s(w, "linux,initrd-end", &end_, 1);
	}
	end(w);
}

static uint32_t vcpu_mpidr(unsigned int n)
{
	return (n / DT_AFF0_PER_AFF1) << DT_AFF1_SHIFT | n % DT_AFF0_PER_AFF1;
}

static void write_cpus(struct dtw *w, unsigned int nr)
{
	char name[DT_NAME_MAX];

	begin(w, "cpus");
	prop_u32(w, "#address-cells", DT_CPUS_ADDR_CELLS);
	prop_u32(w, "#size-cells", DT_CPUS_SIZE_CELLS);
	for (unsigned int i = 0; i < nr; i++) {
		snprintf(name, sizeof(name), "cpu@%x", vcpu_mpidr(i));
		begin(w, name);
		prop_str(w, "device_type", "cpu");
		prop_str(w, "compatible", "arm,armv8");
		prop_u32(w, "reg", vcpu_mpidr(i));
		prop_str(w, "enable-method", "psci");
		end(w);
	}
	end(w);
}

static void write_psci_memory(struct dtw *w, const struct build_ctx *c)
{
	static const char *const compat[] = { "arm,psci-1.0", "arm,psci-0.2", "arm,psci" };
	uint64_t reg[] = { c->lay.ram_base, c->lay.ram_end - c->lay.ram_base };
	char name[DT_NAME_MAX];

	begin(w, "psci");
	prop_strs(w, "compatible", compat, ARRAY_LEN(compat));
	prop_str(w, "method", "hvc");
	end(w);
	snprintf(name, sizeof(name), "memory@%llx", (unsigned long long)reg[0]);
	begin(w, name);
	prop_str(w, "device_type", "memory");
	prop_u64s(w, "reg", reg, ARRAY_LEN(reg));
	end(w);
}

static void write_gic(struct dtw *w, unsigned int nr_vcpus)
{
	uint64_t reg[] = { CTL_GUEST_GICD_BASE, CTL_GUEST_GICD_SIZE, CTL_GUEST_GICR_BASE,
			   nr_vcpus * CTL_GUEST_GICR_STRIDE };
	char name[DT_NAME_MAX];

	snprintf(name, sizeof(name), "interrupt-controller@%llx",
		 (unsigned long long)CTL_GUEST_GICD_BASE);
	begin(w, name);
	prop_str(w, "compatible", "arm,gic-v3");
	prop_u32(w, "#interrupt-cells", DT_GIC_INT_CELLS);
	prop_u32(w, "#address-cells", DT_ROOT_CELLS);
	prop_u32(w, "#size-cells", DT_ROOT_CELLS);
	prop(w, "interrupt-controller", NULL, 0);
	prop_u32(w, "#redistributor-regions", DT_GIC_REDIST_REGIONS);
	prop_u64s(w, "reg", reg, ARRAY_LEN(reg));
	prop_u32(w, "phandle", DT_GIC_PHANDLE);
	end(w);
}

/* Linux's arch_timer order: secure phys, non-secure phys, virtual, hypervisor. */
static void write_timer(struct dtw *w)
{
	const uint32_t irqs[] = {
		DT_GIC_PPI, CTL_GUEST_STIMER_INTID - DT_PPI_BASE, DT_IRQ_LEVEL_LOW,
		DT_GIC_PPI, CTL_GUEST_PTIMER_INTID - DT_PPI_BASE, DT_IRQ_LEVEL_LOW,
		DT_GIC_PPI, CTL_GUEST_VTIMER_INTID - DT_PPI_BASE, DT_IRQ_LEVEL_LOW,
		DT_GIC_PPI, CTL_GUEST_HTIMER_INTID - DT_PPI_BASE, DT_IRQ_LEVEL_LOW,
	};

	begin(w, "timer");
	prop_str(w, "compatible", "arm,armv8-timer");
	prop_u32s(w, "interrupts", irqs, ARRAY_LEN(irqs));
	prop_u32(w, "interrupt-parent", DT_GIC_PHANDLE);
	end(w);
}

static void write_hypervisor(struct dtw *w)
{
	static const char *const compat[] = { "xen,xen-4.17", "xen,xen" };
	const uint64_t reg[] = { CTL_GUEST_GNTTAB_BASE, CTL_GUEST_GNTTAB_SIZE };
	const uint32_t irq[] = { DT_GIC_PPI, CTL_GUEST_EVTCHN_INTID - DT_PPI_BASE,
				 DT_IRQ_LEVEL_LOW };

	begin(w, "hypervisor");
	prop_strs(w, "compatible", compat, ARRAY_LEN(compat));
	prop_u64s(w, "reg", reg, ARRAY_LEN(reg));
	prop_u32s(w, "interrupts", irq, ARRAY_LEN(irq));
	prop_u32(w, "interrupt-parent", DT_GIC_PHANDLE);
	end(w);
}

static void write_tree(struct dtw *w, const struct build_ctx *c)
{
	static const char *const compat[] = { "xen,xenvm-4.17", "xen,xenvm" };

	if (!w->err)
		w->err = fdt_finish_reservemap(w->fdt);
	begin(w, "");
	prop_u32(w, "#address-cells", DT_ROOT_CELLS);
	prop_u32(w, "#size-cells", DT_ROOT_CELLS);
	prop_strs(w, "compatible", compat, ARRAY_LEN(compat));
	prop_str(w, "model", DT_MODEL);
	prop_u32(w, "interrupt-parent", DT_GIC_PHANDLE);
	write_chosen(w, c);
	write_cpus(w, c->a->max_vcpus);
	write_psci_memory(w, c);
	write_gic(w, c->a->max_vcpus);
	write_timer(w);
	write_hypervisor(w);
	end(w);
	if (!w->err)
		w->err = fdt_finish(w->fdt);
}

int build_fdt(struct build_ctx *c, void **blob, size_t *size)
{
	size_t cap = DT_BASE_SIZE + (size_t)c->a->max_vcpus * DT_CPU_NODE_SIZE +
		     (c->a->cmdline ? strlen(c->a->cmdline) + 1 : 0);
	struct dtw w = { .fdt = NULL };

	*blob = NULL;
	if (cap > BUILD_DT_MAX)
		return ctl_fail(c->h, -E2BIG, "d%u build: device tree: the command line (%zu "
				"bytes) does not fit its 2 MiB", c->a->domid,
				strlen(c->a->cmdline));
	w.fdt = malloc(cap);
	if (!w.fdt)
		return ctl_fail(c->h, -ENOMEM, "d%u build: device tree: out of memory",
				c->a->domid);
	w.err = fdt_create(w.fdt, (int)cap);
	write_tree(&w, c);
	if (w.err) {
		free(w.fdt);
		return ctl_fail(c->h, -EINVAL, "d%u build: device tree: %s", c->a->domid,
				fdt_strerror(w.err));
	}
	*blob = w.fdt;
	*size = fdt_totalsize(w.fdt);
	return 0;
}
