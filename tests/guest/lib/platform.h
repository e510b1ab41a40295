/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the guest learns from its device tree at boot: RAM, the GICv3
 * distributor and redistributors, the console, the vCPUs' MPIDRs, the PSCI
 * conduit, whether it runs under our (Xen-compatible) hypervisor, the
 * virtual timer's INTID and the bootargs.
 */
#ifndef GUEST_PLATFORM_H
#define GUEST_PLATFORM_H

#include <xen/dtb.h>
#include "config.h"

#define MAX_RAM_REGIONS   4
#define MAX_GICR_REGIONS  4

struct mem_region {
	uint64_t base;
	uint64_t size;
};

enum psci_conduit {
	PSCI_CONDUIT_NONE,
	PSCI_CONDUIT_HVC,
	PSCI_CONDUIT_SMC,
};

struct platform {
	struct dtb dtb;
	struct mem_region dtb_region;
	struct mem_region ram[MAX_RAM_REGIONS];
	unsigned int nr_ram;
	struct mem_region gicd;
	struct mem_region gicr[MAX_GICR_REGIONS];
	unsigned int nr_gicr;
	uint64_t gicr_stride;           /* 0: from each frame's GICR_TYPER */
	struct mem_region uart;         /* PL011; size 0 if none */
	uint64_t cpu_mpidr[MAX_CPUS];   /* affinity from /cpus/cpu@N reg, in DT order */
	unsigned int nr_cpus;
	enum psci_conduit psci;
	bool xen;                       /* a node compatible "xen,xen" exists */
	unsigned int vtimer_intid;
	const char *bootargs;           /* "" if none */
};

extern struct platform platform;

/* The image's bounds (linker script): _end includes BSS. */
extern char _start[], _end[];

/* Opens the DTB and finds the console (MMU off). false: nothing can be reported. */
bool platform_probe_console(uint64_t dtb_addr);
/* The rest of the platform (MMU off, console usable); fails the guest on error. */
void platform_probe(void);
/* The RAM region containing addr, or NULL. */
const struct mem_region *platform_ram_at(uint64_t addr);

#endif /* GUEST_PLATFORM_H */
