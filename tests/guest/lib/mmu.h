/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL1 stage-1 identity map, 4 KiB granule, 48-bit VA: RAM is Normal
 * write-back cacheable inner shareable, devices Device-nGnRE, everything
 * else unmapped.
 */
#ifndef GUEST_MMU_H
#define GUEST_MMU_H

#include <xen/types.h>

enum mem_type {
	MEM_NORMAL,
	MEM_DEVICE,
};

/* What mmu_enable() (start.S) loads, in this order. */
struct mmu_regs {
	uint64_t mair;
	uint64_t tcr;
	uint64_t ttbr0;
	uint64_t sctlr;
};

/* Published for secondary vCPUs, which read it with their MMU off. */
extern struct mmu_regs mmu_boot_regs;

void mmu_enable(const struct mmu_regs *regs);

/* Boot vCPU, MMU off: maps RAM, the GIC, the UART and the DTB and turns the MMU on. */
void mmu_init(void);
bool mmu_is_on(void);

/*
 * Identity-maps [base, base + size) (rounded out to pages), before or after
 * mmu_init(), from one vCPU at a time. -EEXIST if part of it is mapped
 * differently, -ERANGE if beyond the output address size, -ENOMEM if out of
 * table pages.
 */
int mmu_map(uint64_t base, uint64_t size, enum mem_type type);

/* Stage-1 translation of va by the MMU (AT S1E1R): true and *pa if mapped. */
bool mmu_translate(uint64_t va, uint64_t *pa);

/* Data cache maintenance by VA to the point of coherency. */
void dcache_clean_range(const void *start, size_t size);
void dcache_inval_range(const void *start, size_t size);

#endif /* GUEST_MMU_H */
