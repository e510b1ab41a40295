// SPDX-License-Identifier: GPL-2.0-only
/*
 * The EL2 stage-1 translation tables: 4 KiB granule, 48-bit VA, four levels,
 * VA == PA. Built from a static pool; entries only ever go from invalid to
 * valid, so no break-before-make is needed (Arm ARM D8.16.1).
 */
#include <arch/mm.h>
#include <arch/setup.h>
#include <asm/config.h>
#include <asm/mmu.h>
#include <asm/sysregs.h>
#include <xen/errno.h>
#include <xen/lib.h>

#define VA_BITS         48
#define PT_ENTRIES      512
#define LEVEL_SHIFT(l)  (12 + 9 * (3 - (l)))   /* 39, 30, 21, 12 */
#define LEVEL_SIZE(l)   (1UL << LEVEL_SHIFT(l))
#define PT_INDEX(a, l)  (((a) >> LEVEL_SHIFT(l)) & (PT_ENTRIES - 1))

/* VMSAv8-64 descriptor fields (Arm ARM D8.3). */
#define DESC_VALID      (1UL << 0)
#define DESC_TABLE      (1UL << 1)   /* table (L0-2) or page (L3) */
#define DESC_ATTRIDX(i) ((uint64_t)(i) << 2)
#define DESC_AP_RES1    (1UL << 6)   /* AP[1]: RES1 in the EL2 regime */
#define DESC_AP_RO      (1UL << 7)   /* AP[2] */
#define DESC_SH_INNER   (3UL << 8)
#define DESC_AF         (1UL << 10)
#define DESC_XN         (1UL << 54)
#define DESC_ADDR_MASK  0x0000fffffffff000UL

#define PARANGE_MAX_4K  5            /* 48 bits: the most a 4K, 48-bit VA map may output */

struct mmu_regs secondary_mmu;

static uint64_t pt_pool[PT_POOL_PAGES][PT_ENTRIES] __aligned(PAGE_SIZE)
	__section(".bss.page_aligned");
static unsigned int pt_used;
static uint64_t *root;

extern char _start_image[], _etext[], _erodata[], _end[];

static uint64_t *pt_alloc(void)
{
	uint64_t *t;

	if (pt_used == PT_POOL_PAGES)
		return NULL;
	t = pt_pool[pt_used++];
	memset(t, 0, PAGE_SIZE);
	return t;
}

static uint64_t leaf_attrs(enum map_type type)
{
	uint64_t a = DESC_VALID | DESC_AF | DESC_AP_RES1;

	switch (type) {
	case MAP_TEXT:
		return a | DESC_SH_INNER | DESC_ATTRIDX(MAIR_IDX_NORMAL) | DESC_AP_RO;
	case MAP_RODATA:
		return a | DESC_SH_INNER | DESC_ATTRIDX(MAIR_IDX_NORMAL) | DESC_AP_RO | DESC_XN;
	case MAP_DATA:
		return a | DESC_SH_INNER | DESC_ATTRIDX(MAIR_IDX_NORMAL) | DESC_XN;
	case MAP_DEVICE:
	default:
		return a | DESC_ATTRIDX(MAIR_IDX_DEVICE) | DESC_XN;
	}
}

/* The table at level+1 under entry e, created if absent; NULL if e is a leaf or out of pool. */
static uint64_t *next_table(uint64_t *e)
{
	uint64_t *t;

	if (*e & DESC_VALID)
		return (*e & DESC_TABLE) ? (uint64_t *)(*e & DESC_ADDR_MASK) : NULL;
	t = pt_alloc();
	if (!t)
		return NULL;
	*e = (uint64_t)(uintptr_t)t | DESC_VALID | DESC_TABLE;
	return t;
}

/* Largest level whose block fits at va with size bytes left; 3 = page. */
static unsigned int leaf_level(uint64_t va, uint64_t size)
{
	for (unsigned int l = 1; l < 3; l++)
		if (IS_ALIGNED(va, LEVEL_SIZE(l)) && size >= LEVEL_SIZE(l))
			return l;
	return 3;
}

static int map_one(uint64_t va, unsigned int leaf, uint64_t attrs)
{
	uint64_t *t = root;

	for (unsigned int l = 0; l < leaf; l++) {
		t = next_table(&t[PT_INDEX(va, l)]);
		if (!t)
			return pt_used == PT_POOL_PAGES ? -ENOMEM : -EEXIST;
	}
	if (t[PT_INDEX(va, leaf)] & DESC_VALID)
		return -EEXIST;
	t[PT_INDEX(va, leaf)] = va | attrs | (leaf == 3 ? DESC_TABLE : 0);
	return 0;
}

int mmu_map(paddr_t pa, uint64_t size, enum map_type type)
{
	uint64_t va = ALIGN_DOWN(pa_val(pa), PAGE_SIZE);
	uint64_t end = ALIGN_UP(pa_val(pa) + size, PAGE_SIZE);
	uint64_t attrs = leaf_attrs(type);

	if (end > (1UL << VA_BITS) || end < va)
		return -EINVAL;
	while (va < end) {
		unsigned int leaf = leaf_level(va, end - va);
		int rc = map_one(va, leaf, attrs);

		if (rc)
			return rc;
		va += LEVEL_SIZE(leaf);
	}
	dsb(ishst);
	isb();
	return 0;
}

void *mmu_map_device(paddr_t pa, uint64_t size, const char *what)
{
	int rc = mmu_map(pa, size, MAP_DEVICE);

	if (rc)
		panic("cannot map %s at 0x%lx (size 0x%lx): error %d", what,
		      (unsigned long)pa_val(pa), (unsigned long)size, rc);
	return (void *)(uintptr_t)pa_val(pa);
}

int arch_mm_map_ram(paddr_t start, uint64_t size)
{
	return mmu_map(start, size, MAP_DATA);
}

/* ID_AA64MMFR0_EL1.PARange encodings -> bits (Arm ARM D24.2.64). */
static const unsigned int parange_bits[] = { 32, 36, 40, 42, 44, 48, 52 };

unsigned int cpu_pa_bits(void)
{
	uint64_t pa = read_sysreg(id_aa64mmfr0_el1) & MMFR0_PARANGE_MASK;

	return pa < ARRAY_SIZE(parange_bits) ? parange_bits[pa] : 0;
}

uint64_t cpu_parange_4k(void)
{
	uint64_t pa = read_sysreg(id_aa64mmfr0_el1) & MMFR0_PARANGE_MASK;

	return MIN(pa, (uint64_t)PARANGE_MAX_4K);
}

#define MMFR1_VMIDBITS_16 2   /* ID_AA64MMFR1_EL1.VMIDBits [7:4]: 16-bit VMIDs (D24.2.65) */

bool cpu_has_vmid16(void)
{
	return FIELD_GET(read_sysreg(id_aa64mmfr1_el1), 4, 4) == MMFR1_VMIDBITS_16;
}

enum dcache_op { DC_CLEAN, DC_INVAL };

/* One data-cache operation by VA over [start, end), then a DSB. */
static void dcache_range(uintptr_t start, uintptr_t end, enum dcache_op op)
{
	uint64_t ctr = read_sysreg(ctr_el0);
	uintptr_t line = 4UL << ((ctr >> 16) & 0xf);   /* CTR_EL0.DminLine, log2 words */

	for (uintptr_t a = ALIGN_DOWN(start, line); a < end; a += line) {
		if (op == DC_CLEAN)
			asm volatile("dc cvac, %0" : : "r"(a) : "memory");
		else
			asm volatile("dc ivac, %0" : : "r"(a) : "memory");
	}
	dsb(sy);
}

void arch_clean_dcache(const void *va, size_t len)
{
	dcache_range((uintptr_t)va, (uintptr_t)va + len, DC_CLEAN);
}

static uint64_t tcr_value(void)
{
	return TCR_T0SZ(VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER |
	       TCR_TG0_4K | (cpu_parange_4k() << TCR_PS_SHIFT) | TCR_EL2_RES1;
}

static void map_image(void)
{
	uintptr_t text = (uintptr_t)_start_image, etext = (uintptr_t)_etext;
	uintptr_t erodata = (uintptr_t)_erodata, end = (uintptr_t)_end;

	if (mmu_map(pa_init(text), etext - text, MAP_TEXT) ||
	    mmu_map(pa_init(etext), erodata - etext, MAP_RODATA) ||
	    mmu_map(pa_init(erodata), end - erodata, MAP_DATA))
		for (;;)
			wfi(); /* no console yet: the pool is sized so this cannot happen */
}

void mmu_boot(paddr_t dtb, uint64_t dtb_size)
{
	root = pt_alloc();
	map_image();
	/* A DTB overlapping the image is left unmapped; start_xen then fails cleanly. */
	(void)mmu_map(dtb, dtb_size, MAP_RODATA);
	secondary_mmu = (struct mmu_regs){
		.mair = MAIR_EL2_VALUE,
		.tcr = tcr_value(),
		.ttbr0 = (uint64_t)(uintptr_t)root,
		.sctlr = SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_SA | SCTLR_I | SCTLR_WXN,
	};
	/* Discards stale lines: everything so far was written with caches off. */
	dcache_range((uintptr_t)_start_image, (uintptr_t)_end, DC_INVAL);
	write_sysreg(secondary_mmu.mair, mair_el2);
	write_sysreg(secondary_mmu.tcr, tcr_el2);
	write_sysreg(secondary_mmu.ttbr0, ttbr0_el2);
	isb();
	asm volatile("tlbi alle2" : : : "memory");
	dsb(nsh);
	isb();
	write_sysreg(secondary_mmu.sctlr, sctlr_el2);
	isb();
}

void arch_image_region(struct mem_region *out)
{
	out->start = pa_init((uintptr_t)_start_image);
	out->size = (uintptr_t)_end - (uintptr_t)_start_image;
}
