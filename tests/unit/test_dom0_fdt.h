/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Helpers shared by the dom0 device tree suites (test_dom0_fdt_*.c): a
 * QEMU virt host tree (editable), the bootinfo and parameters dom0 would be
 * built with, one dom0_fdt_build() run, and libfdt checks of its output.
 */
#ifndef UNIT_TEST_DOM0_FDT_H
#define UNIT_TEST_DOM0_FDT_H

#include <stdbool.h>
#include <xen/bootinfo.h>
#include <xen/dom0_fdt.h>

/* The parameters every run starts from (docs/specs/dom0.md). */
#define D0_BANK0         0x48000000ULL
#define D0_BANK0_SIZE    0x10000000ULL
#define D0_BANK1         0x60000000ULL
#define D0_BANK1_SIZE    0x08000000ULL
#define D0_NR_BANKS      2
#define D0_INITRD        0x50000000ULL
#define D0_INITRD_SIZE   0x123456ULL
#define D0_BOOTARGS      "console=hvc0 root=/dev/vda rw"
#define D0_GNTTAB        0x01000000ULL   /* inside the dropped flash, clear of the vGIC */
#define D0_GNTTAB_SIZE   0x01000000ULL
#define D0_EVTCHN        31
#define D0_XEN_COMPAT    "xen,xen-4.17"
#define D0_GICD          0x03001000ULL   /* Xen's guest GICv3 layout */
#define D0_GICD_SIZE     0x10000ULL
#define D0_GICR          0x03020000ULL
#define D0_GICR_STRIDE   0x20000ULL
#define D0_OUT_SIZE      65536
#define D0_ERR_LEN       160

/* What the QEMU virt trees hold (dtc -I dtb build/unit/dtb/virt-4cpu.dtb). */
#define VIRT_GIC_PHANDLE 0x8005
#define VIRT_UART        "/pl011@9000000"
#define VIRT_PCIE        "/pcie@10000000"
#define VIRT_RTC         "/pl031@9010000"
#define VIRT_VIRTIO0     "/virtio_mmio@a000000"
#define VIRT_BUS         "/platform-bus@c000000"
#define VIRT_GPIO        "/pl061@9030000"
#define VIRT_NR_VIRTIO   32

struct d0 {
	void *host;                          /* editable host blob, malloc'd */
	struct dtb dtb;
	struct bootinfo bi;
	struct mem_region banks[D0_NR_BANKS];
	struct dom0_fdt_params p;
	struct dom0_passthrough pt;
	void *out;                           /* dom0's blob, malloc'd */
	long len;
	char err[D0_ERR_LEN];
};

/* An editable copy of virt-<cpus>cpu.dtb (1, 2 or 4) with room to grow. */
void *d0_host(unsigned int cpus);
/* Opens and parses host (now owned by d) and sets the default parameters. */
void d0_setup(struct d0 *d, void *host, unsigned int nr_vcpus);
/* dom0_fdt_build() into a fresh buffer of size bytes; its result. */
long d0_build(struct d0 *d, size_t size);
/* d0_setup(d0_host(host_cpus), nr_vcpus) and a build that must succeed. */
void d0_build_virt(struct d0 *d, unsigned int host_cpus, unsigned int nr_vcpus);
void d0_free(struct d0 *d);

/* ---- Reading the output (or any blob) with libfdt ---- */

int d0_node(const void *fdt, const char *path);
int d0_phandle_node(const void *fdt, uint32_t phandle);
/* Property bytes and length (-1 if absent). */
const void *d0_prop(const void *fdt, const char *path, const char *name, int *len);
bool d0_prop_eq(const void *fdt, const char *path, const char *name, const void *val, int len);
bool d0_cells_eq(const void *fdt, const char *path, const char *name, const uint32_t *cells,
		 unsigned int n);
bool d0_u32_eq(const void *fdt, const char *path, const char *name, uint32_t v);
/* Nodes with this property anywhere in the tree. */
unsigned int d0_count_prop(const void *fdt, const char *name);
/* Nodes compatible with compat anywhere in the tree. */
unsigned int d0_count_compat(const void *fdt, const char *compat);
/* Nodes whose interrupt-parent does not name exactly the node at target. */
unsigned int d0_bad_irq_parents(const void *fdt, int target);
/* Number of entries in the memory reservation block; entry i. */
int d0_nr_rsv(const void *fdt);
void d0_rsv(const void *fdt, int i, uint64_t *addr, uint64_t *size);

/* ---- Passthrough ---- */

bool d0_pt_has_irq(const struct dom0_passthrough *pt, uint32_t intid, bool edge);
/* Some range contains [start, start + size) / overlaps it. */
bool d0_pt_covers(const struct dom0_passthrough *pt, uint64_t start, uint64_t size);
bool d0_pt_touches(const struct dom0_passthrough *pt, uint64_t start, uint64_t size);
/* Sorted, disjoint and not touching, page-aligned; IRQs sorted and unique SPIs. */
bool d0_pt_well_formed(const struct dom0_passthrough *pt);

#endif /* UNIT_TEST_DOM0_FDT_H */
