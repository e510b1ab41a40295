/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the hypervisor learns from the boot device tree, in one plain struct.
 * bootinfo_parse() fills it; bootinfo_check() says what mandatory piece is
 * missing. Strings point into the DTB, which stays mapped read-only.
 */
#ifndef XEN_BOOTINFO_H
#define XEN_BOOTINFO_H

#include <xen/dtb.h>
#include <xen/memrange.h>

#define BOOTINFO_MAX_BANKS     16
#define BOOTINFO_MAX_RESERVED  32
#define BOOTINFO_MAX_MODULES   8
#define BOOTINFO_MAX_CPUS      64
#define BOOTINFO_MAX_REDIST    8
#define BOOTINFO_ERR_LEN       160

/* GIC interrupt specifier, first cell (Linux binding arm,gic-v3.yaml). */
#define GIC_SPEC_SPI   0
#define GIC_SPEC_PPI   1
#define GIC_SPI_BASE   32   /* INTID of SPI 0 */
#define GIC_PPI_BASE   16   /* INTID of PPI 0 */

enum boot_module_kind {
	BOOTMOD_KERNEL,   /* "multiboot,kernel" */
	BOOTMOD_RAMDISK,  /* "multiboot,ramdisk", or /chosen linux,initrd-start/end */
	BOOTMOD_OTHER,    /* any other "multiboot,module" */
};

struct boot_module {
	enum boot_module_kind kind;
	paddr_t start;
	uint64_t size;
	const char *bootargs;  /* the node's "bootargs", or NULL */
};

enum psci_conduit {
	PSCI_CONDUIT_SMC,
	PSCI_CONDUIT_HVC,
};

struct bootinfo {
	struct mem_region mem[BOOTINFO_MAX_BANKS];      /* device_type = "memory" nodes */
	unsigned int nr_mem;
	struct mem_region reserved[BOOTINFO_MAX_RESERVED]; /* /memreserve/ + /reserved-memory */
	unsigned int nr_reserved;
	struct boot_module modules[BOOTINFO_MAX_MODULES];
	unsigned int nr_modules;

	uint64_t cpu_mpidr[BOOTINFO_MAX_CPUS];  /* enabled /cpus/cpu@N "reg", in DT order */
	unsigned int nr_cpus;

	struct {
		bool present;                  /* compatible "arm,gic-v3" */
		struct mem_region dist;        /* reg[0] */
		struct mem_region redist[BOOTINFO_MAX_REDIST]; /* reg[1 .. #redistributor-regions] */
		unsigned int nr_redist;
		uint64_t redist_stride;        /* "redistributor-stride", 0 if absent */
		uint32_t maint_intid;          /* from "interrupts", 0 if absent */
	} gic;

	struct {
		bool present;                  /* compatible "arm,armv8-timer" */
		/* INTIDs in binding order: secure phys, non-secure phys, virt, hyp phys, hyp virt; 0 if absent */
		uint32_t intid[5];
		uint32_t clock_frequency;      /* "clock-frequency", 0 if absent */
	} timer;

	struct {
		bool present;                  /* compatible "arm,psci-0.2" or later */
		enum psci_conduit conduit;     /* "method" */
	} psci;

	struct {
		bool present;                  /* node named by /chosen "stdout-path" */
		const char *path;
		const char *compatible;        /* first compatible string */
		struct mem_region regs;
		uint32_t intid;                /* 0 if absent */
	} uart;

	struct {
		bool present;                  /* compatible "arm,smmu-v3" (first one) */
		struct mem_region regs;
	} smmu;

	const char *xen_bootargs;  /* /chosen "xen,xen-bootargs", "" if absent */

	char error[BOOTINFO_ERR_LEN];   /* why bootinfo_parse / bootinfo_check failed */
};

/*
 * Fills bi from dtb. Absent optional pieces stay zero/false. Returns 0, or a
 * negative error with bi->error naming the node and what is wrong with it
 * (e.g. a reg that does not decode, more banks than BOOTINFO_MAX_BANKS).
 */
int bootinfo_parse(const struct dtb *dtb, struct bootinfo *bi);

/*
 * Checks that the mandatory pieces are there: memory, cpus, a GICv3, the
 * timer, PSCI. Returns 0, or -ENODEV with bi->error saying what is missing,
 * e.g. "no memory node (device_type = \"memory\") in the device tree".
 */
int bootinfo_check(struct bootinfo *bi);

/* INTID of a 3-cell GIC interrupt specifier at p; 0 if the type is unknown. */
uint32_t bootinfo_gic_intid(const void *spec);

#endif /* XEN_BOOTINFO_H */
