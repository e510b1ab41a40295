/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's own EL2 stage-1 map: VA == PA, W^X. */
#ifndef ASM_MMU_H
#define ASM_MMU_H

#include <xen/types.h>

enum map_type {
	MAP_TEXT,     /* read-only, executable */
	MAP_RODATA,   /* read-only, execute-never */
	MAP_DATA,     /* read-write, execute-never */
	MAP_DEVICE,   /* Device-nGnRE, read-write, execute-never */
};

/* The register values secondary CPUs load before turning their MMU on. */
struct mmu_regs {
	uint64_t mair;
	uint64_t tcr;
	uint64_t ttbr0;
	uint64_t sctlr;
};

extern struct mmu_regs secondary_mmu;

/* Maps the image W^X and the DTB read-only, then turns the MMU on (boot CPU). */
void mmu_boot(paddr_t dtb, uint64_t dtb_size);

/* Adds an identity mapping; -EEXIST if any part is mapped already, -ENOMEM if out of tables. */
int mmu_map(paddr_t pa, uint64_t size, enum map_type type);

/* The CPU's physical address size in bits (0 if unknown), and as a TCR/VTCR PS value for 4K. */
unsigned int cpu_pa_bits(void);
uint64_t cpu_parange_4k(void);
bool cpu_has_vmid16(void);

/* Identity-maps an MMIO region (rounded out to pages); panics on failure. */
void *mmu_map_device(paddr_t pa, uint64_t size, const char *what);

#endif /* ASM_MMU_H */
