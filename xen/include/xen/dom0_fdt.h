/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Dom0's device tree, generated from the host's (docs/specs/dom0.md).
 *
 * Dom0 keeps the nodes of the devices it owns (PCIe host bridge, virtio-mmio,
 * RTC, fw_cfg, GPIO, ...) and gets them passed through: every MMIO range
 * those nodes name and every SPI they use is reported in struct
 * dom0_passthrough for the builder to map 1:1 and hardware-link. What the
 * hypervisor owns disappears (its UART, the SMMU, the physical GIC's ITS and
 * the PMU; IOMMU and MSI references of the kept nodes). The rest is made up:
 * /cpus for dom0's vCPUs, /memory for its banks, the virtual GIC, /psci with
 * method "hvc", /hypervisor, /chosen with its bootargs and initrd.
 */
#ifndef XEN_DOM0_FDT_H
#define XEN_DOM0_FDT_H

#include <xen/bootinfo.h>
#include <xen/dtb.h>

#define DOM0_MAX_BANKS    8
#define DOM0_MAX_PT_MMIO  64
#define DOM0_MAX_PT_IRQS  64

struct dom0_fdt_params {
	const struct dtb *host;              /* the boot device tree */
	const struct bootinfo *bi;           /* what the hypervisor owns (uart, smmu, gic) */
	const struct mem_region *banks;      /* dom0 RAM, guest-physical == physical */
	unsigned int nr_banks;
	unsigned int nr_vcpus;
	const char *bootargs;                /* dom0's command line ("" if none) */
	paddr_t initrd_start;
	uint64_t initrd_size;                /* 0: no initrd */
	uint64_t gnttab_base;                /* the /hypervisor grant-table window */
	uint64_t gnttab_size;
	uint32_t evtchn_intid;               /* the event PPI (INTID 16..31) */
	const char *xen_compatible;          /* "xen,xen-<version>" */
	uint64_t gicd_base;                  /* the virtual GIC as dom0 sees it */
	uint64_t gicd_size;
	uint64_t gicr_base;
	uint64_t gicr_size;                  /* nr_vcpus redistributor frames */
};

struct dom0_irq {
	uint32_t intid;                      /* an SPI (32..1019) */
	bool edge;                           /* edge-triggered, else level-sensitive */
};

/* What dom0 gets from the hardware: page-aligned MMIO ranges, SPIs. Sorted, no duplicates. */
struct dom0_passthrough {
	struct mem_region mmio[DOM0_MAX_PT_MMIO];
	unsigned int nr_mmio;
	struct dom0_irq irq[DOM0_MAX_PT_IRQS];
	unsigned int nr_irq;
};

/*
 * Writes dom0's DTB into buf (size bytes) and fills *pt. Returns the blob's
 * size, or -ENOSPC (buf too small), -EINVAL (the host tree is not usable:
 * err says why, e.g. a kept device overlapping something the hypervisor owns).
 */
long dom0_fdt_build(const struct dom0_fdt_params *p, void *buf, size_t size,
		    struct dom0_passthrough *pt, char *err, size_t errlen);

#endif /* XEN_DOM0_FDT_H */
