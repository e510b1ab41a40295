// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stage-1 identity map (Arm ARM chapter D8, "The AArch64 Virtual Memory
 * System Architecture"): 4 KiB granule, lookup levels 0..3, tables from a
 * static pool, the largest block that fits (1 GiB, 2 MiB) or 4 KiB pages.
 */
#include <xen/errno.h>
#include <xen/lib.h>
#include "mmu.h"
#include "platform.h"
#include "report.h"
#include "sysreg.h"

#define PT_LEVELS          4
#define PT_INDEX_BITS      9
#define PT_ENTRIES         (1U << PT_INDEX_BITS)
#define PT_LAST_LEVEL      (PT_LEVELS - 1)
#define PT_FIRST_BLOCK     1              /* blocks exist at levels 1 and 2 */
#define PT_POOL_PAGES      64
#define VA_BITS            48

/* Arm ARM D8, "Translation table descriptor formats": VMSAv8-64 stage 1, 4 KiB granule. */
#define DESC_VALID         (1UL << 0)
#define DESC_TABLE         (1UL << 1)     /* levels 0-2: next-level table, not block */
#define DESC_PAGE          (1UL << 1)     /* level 3: required for a page */
#define DESC_ATTRINDX(i)   ((uint64_t)(i) << 2)
#define DESC_SH_INNER      (3UL << 8)
#define DESC_AF            (1UL << 10)
#define DESC_PXN           (1UL << 53)
#define DESC_UXN           (1UL << 54)
#define DESC_ADDR_MASK     GENMASK(47, 12)

/* MAIR_EL1: one byte per AttrIndx. */
#define MAIR_IDX_NORMAL    0
#define MAIR_IDX_DEVICE    1
#define MAIR_NORMAL_WB     0xffUL         /* Normal, inner/outer WB non-transient, RW-allocate */
#define MAIR_DEVICE_NGNRE  0x04UL
#define MAIR_ATTR(idx, a)  ((a) << ((idx) * 8))

/* TCR_EL1. */
#define TCR_T0SZ(bits)     (64UL - (bits))
#define TCR_IRGN0_WBWA     (1UL << 8)
#define TCR_ORGN0_WBWA     (1UL << 10)
#define TCR_SH0_INNER      (3UL << 12)
#define TCR_TG0_4K         (0UL << 14)
#define TCR_EPD1           (1UL << 23)    /* no walks through TTBR1 */
#define TCR_TG1_4K         (2UL << 30)
#define TCR_IPS_SHIFT      32

/* ID_AA64MMFR0_EL1.PARange, bits [3:0]: 0..5 = 32, 36, 40, 42, 44, 48 bits (52: not used). */
#define PARANGE_SHIFT      0
#define PARANGE_BITS       4
#define PARANGE_MAX        5

/* SCTLR_EL1; RES1 in Armv8.0: bits 11, 20, 22, 23, 28, 29. */
#define SCTLR_M            (1UL << 0)
#define SCTLR_C            (1UL << 2)
#define SCTLR_SA           (1UL << 3)
#define SCTLR_I            (1UL << 12)
#define SCTLR_EL1_RES1     ((1UL << 11) | (1UL << 20) | (1UL << 22) | (1UL << 23) | \
			    (1UL << 28) | (1UL << 29))

/* PAR_EL1 after AT: F (bit 0) set on a fault, else PA in [47:12]. */
#define PAR_F              (1UL << 0)

/* CTR_EL0.DminLine, bits [19:16]: log2 of the smallest data cache line, in words. */
#define CTR_DMINLINE_SHIFT 16
#define CTR_DMINLINE_BITS  4
#define WORD_SIZE          4

struct mmu_regs mmu_boot_regs;
static uint64_t pt_pool[PT_POOL_PAGES][PT_ENTRIES] __aligned(PAGE_SIZE);
static unsigned int pt_next = 1;          /* pt_pool[0] is the level-0 table */

static unsigned int parange(void)
{
	return MIN(FIELD_GET(read_sysreg(id_aa64mmfr0_el1), PARANGE_SHIFT, PARANGE_BITS),
		   PARANGE_MAX);
}

static unsigned int pa_bits(void)
{
	static const uint8_t bits[PARANGE_MAX + 1] = { 32, 36, 40, 42, 44, 48 };

	return bits[parange()];
}

static unsigned int level_shift(unsigned int level)
{
	return PAGE_SHIFT + (PT_LAST_LEVEL - level) * PT_INDEX_BITS;
}

static unsigned int pt_index(uint64_t va, unsigned int level)
{
	return (unsigned int)FIELD_GET(va, level_shift(level), PT_INDEX_BITS);
}

/* The table *entry points to, made from a fresh (zeroed BSS) page if invalid. */
static int next_table(uint64_t *entry, uint64_t **table)
{
	uint64_t e = *entry;

	if (!(e & DESC_VALID)) {
		if (pt_next == PT_POOL_PAGES)
			return -ENOMEM;
		e = (uint64_t)pt_pool[pt_next++] | DESC_TABLE | DESC_VALID;
		dsb(ishst);
		WRITE_ONCE(*entry, e);
	} else if (!(e & DESC_TABLE)) {
		return -EEXIST;
	}
	*table = (uint64_t *)(e & DESC_ADDR_MASK);
	return 0;
}

static int map_entry(uint64_t addr, unsigned int level, uint64_t attrs)
{
	uint64_t *table = pt_pool[0], *entry, desc;
	int ret;

	for (unsigned int l = 0; l < level; l++) {
		ret = next_table(&table[pt_index(addr, l)], &table);
		if (ret)
			return ret;
	}
	desc = addr | attrs | DESC_VALID | (level == PT_LAST_LEVEL ? DESC_PAGE : 0);
	entry = &table[pt_index(addr, level)];
	if (*entry & DESC_VALID)
		return *entry == desc ? 0 : -EEXIST;
	WRITE_ONCE(*entry, desc);
	return 0;
}

/* The level of the largest block or page aligned at addr that fits below end. */
static unsigned int map_level(uint64_t addr, uint64_t end)
{
	for (unsigned int l = PT_FIRST_BLOCK; l < PT_LAST_LEVEL; l++) {
		uint64_t size = 1UL << level_shift(l);

		if (IS_ALIGNED(addr, size) && end - addr >= size)
			return l;
	}
	return PT_LAST_LEVEL;
}

static uint64_t type_attrs(enum mem_type type)
{
	if (type == MEM_DEVICE)
		return DESC_ATTRINDX(MAIR_IDX_DEVICE) | DESC_AF | DESC_PXN | DESC_UXN;
	return DESC_ATTRINDX(MAIR_IDX_NORMAL) | DESC_SH_INNER | DESC_AF | DESC_UXN;
}

int mmu_map(uint64_t base, uint64_t size, enum mem_type type)
{
	uint64_t addr = ALIGN_DOWN(base, PAGE_SIZE), end = ALIGN_UP(base + size, PAGE_SIZE);
	unsigned int level;
	int ret = 0;

	if (end <= addr || end > (1UL << pa_bits()))
		return -ERANGE;
	for (; addr < end && !ret; addr += 1UL << level_shift(level)) {
		level = map_level(addr, end);
		ret = map_entry(addr, level, type_attrs(type));
	}
	/* New valid entries replace only invalid ones, which are never cached in TLBs. */
	dsb(ishst);
	isb();
	return ret;
}

static void map_or_fail(const struct mem_region *r, enum mem_type type, const char *what)
{
	int ret = mmu_map(r->base, r->size, type);

	if (ret)
		guest_fail("cannot map %s at 0x%lx, size 0x%lx: error %d", what, r->base, r->size,
			   ret);
}

static void map_platform(void)
{
	for (unsigned int i = 0; i < platform.nr_ram; i++)
		map_or_fail(&platform.ram[i], MEM_NORMAL, "RAM");
	if (!platform_ram_at(platform.dtb_region.base))
		map_or_fail(&platform.dtb_region, MEM_NORMAL, "the DTB");
	map_or_fail(&platform.gicd, MEM_DEVICE, "the GIC distributor");
	for (unsigned int i = 0; i < platform.nr_gicr; i++)
		map_or_fail(&platform.gicr[i], MEM_DEVICE, "GIC redistributors");
	if (platform.uart.size)
		map_or_fail(&platform.uart, MEM_DEVICE, "the UART");
}

void mmu_init(void)
{
	map_platform();
	mmu_boot_regs = (struct mmu_regs){
		.mair = MAIR_ATTR(MAIR_IDX_NORMAL, MAIR_NORMAL_WB) |
			MAIR_ATTR(MAIR_IDX_DEVICE, MAIR_DEVICE_NGNRE),
		.tcr = TCR_T0SZ(VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER |
		       TCR_TG0_4K | TCR_EPD1 | TCR_TG1_4K | ((uint64_t)parange() << TCR_IPS_SHIFT),
		.ttbr0 = (uint64_t)pt_pool[0],
		.sctlr = SCTLR_EL1_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I,
	};
	/*
	 * Everything written so far (BSS, tables, stack, mmu_boot_regs) went to
	 * memory uncached: drop any stale cache lines of the image before the
	 * caches are on. Secondaries then read mmu_boot_regs from memory.
	 */
	dcache_inval_range(_start, (size_t)(_end - _start));
	mmu_enable(&mmu_boot_regs);
}

bool mmu_is_on(void)
{
	return read_sysreg(sctlr_el1) & SCTLR_M;
}

bool mmu_translate(uint64_t va, uint64_t *pa)
{
	uint64_t flags = local_irq_save(), par;

	asm volatile("at s1e1r, %0" : : "r"(va) : "memory");
	isb();
	par = read_sysreg(par_el1);
	local_irq_restore(flags);
	if (par & PAR_F)
		return false;
	*pa = (par & DESC_ADDR_MASK) | (va & ~PAGE_MASK);
	return true;
}

static uint64_t dcache_line(void)
{
	return WORD_SIZE << FIELD_GET(read_sysreg(ctr_el0), CTR_DMINLINE_SHIFT, CTR_DMINLINE_BITS);
}

void dcache_clean_range(const void *start, size_t size)
{
	uint64_t line = dcache_line(), end = (uint64_t)start + size;

	for (uint64_t a = ALIGN_DOWN((uint64_t)start, line); a < end; a += line)
		asm volatile("dc cvac, %0" : : "r"(a) : "memory");
	dsb(sy);
}

void dcache_inval_range(const void *start, size_t size)
{
	uint64_t line = dcache_line(), end = (uint64_t)start + size;

	for (uint64_t a = ALIGN_DOWN((uint64_t)start, line); a < end; a += line)
		asm volatile("dc ivac, %0" : : "r"(a) : "memory");
	dsb(sy);
}
