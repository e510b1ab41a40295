// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 for the hypervisor's own interrupts: distributor, one redistributor
 * per CPU, and the system-register CPU interface. Register offsets and fields
 * are from the GICv3/v4 architecture specification (IHI 0069H), chapter 12.
 */
#include <arch/cpu.h>
#include <asm/gicv3.h>
#include <asm/mmu.h>
#include <asm/percpu.h>
#include <xen/errno.h>
#include <xen/lib.h>

#define GICD_CTLR            0x0000
#define GICD_CTLR_RWP        (1U << 31)
#define GICD_CTLR_DS         (1U << 6)
#define GICD_CTLR_ARE        (1U << 4)
#define GICD_CTLR_ENABLE_G1A (1U << 1)
#define GICD_CTLR_ENABLE_G1  (1U << 0)
#define GICD_TYPER           0x0004
#define GICD_IGROUPR         0x0080
#define GICD_ISENABLER       0x0100
#define GICD_ICENABLER       0x0180
#define GICD_ICPENDR         0x0280
#define GICD_ISACTIVER       0x0300
#define GICD_ICACTIVER       0x0380
#define GICD_IPRIORITYR      0x0400
#define GICD_ICFGR           0x0c00
#define GICD_IROUTER         0x6000
#define GICD_PIDR2           0xffe8

#define GICR_TYPER           0x0008
#define GICR_TYPER_LAST      (1UL << 4)
#define GICR_TYPER_VLPIS     (1UL << 1)
#define GICR_WAKER           0x0014
#define GICR_WAKER_PSLEEP    (1U << 1)
#define GICR_WAKER_CASLEEP   (1U << 2)
#define GICR_SGI_OFFSET      0x10000
#define GICR_FRAME_V3        0x20000   /* RD_base + SGI_base */
#define GICR_FRAME_V4        0x40000   /* plus VLPI_base and a reserved frame */

#define ICC_SRE_SRE          (1UL << 0)
#define ICC_SRE_ENABLE       (1UL << 3)
#define ICC_PMR_ALL          0xff
#define ICC_CTLR_EOIMODE     (1UL << 1)
#define GIC_PRIO_DEFAULT     0xa0
#define GIC_IRQS_PER_REG     32
#define GIC_RWP_SPINS        1000000

static volatile uint8_t *gicd;
static struct gic_facts facts;
static const struct bootinfo *boot;

static inline uint32_t rd32(volatile uint8_t *b, unsigned int off)
{
	return *(volatile uint32_t *)(b + off);
}

static inline void wr32(volatile uint8_t *b, unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(b + off) = v;
}

static inline uint64_t rd64(volatile uint8_t *b, unsigned int off)
{
	return *(volatile uint64_t *)(b + off);
}

static inline void wr64(volatile uint8_t *b, unsigned int off, uint64_t v)
{
	*(volatile uint64_t *)(b + off) = v;
}

static void dist_wait_rwp(void)
{
	for (unsigned int i = 0; rd32(gicd, GICD_CTLR) & GICD_CTLR_RWP; i++)
		if (i == GIC_RWP_SPINS)
			panic("GICv3: distributor register write never completed (GICD_CTLR.RWP)");
}

static void read_facts(void)
{
	uint32_t typer = rd32(gicd, GICD_TYPER);
	uint64_t vtr = read_sysreg(ICH_VTR_EL2);

	facts.arch_rev = FIELD_GET(rd32(gicd, GICD_PIDR2), 4, 4);
	facts.nr_lines = MIN(GIC_IRQS_PER_REG * (FIELD_GET(typer, 0, 5) + 1), 1020U);
	facts.id_bits = FIELD_GET(typer, 19, 5) + 1;
	facts.lpis = FIELD_GET(typer, 17, 1);
	facts.security_disabled = rd32(gicd, GICD_CTLR) & GICD_CTLR_DS;
	facts.list_regs = FIELD_GET(vtr, 0, 5) + 1;
	facts.pre_bits = FIELD_GET(vtr, 26, 3) + 1;
	facts.pri_bits = FIELD_GET(vtr, 29, 3) + 1;
	facts.maint_intid = boot->gic.maint_intid;
}

static void dist_init(void)
{
	uint64_t route = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;

	wr32(gicd, GICD_CTLR, 0);
	dist_wait_rwp();
	for (unsigned int i = 32; i < facts.nr_lines; i += GIC_IRQS_PER_REG) {
		unsigned int r = (i / GIC_IRQS_PER_REG) * 4;

		wr32(gicd, GICD_IGROUPR + r, ~0U);
		wr32(gicd, GICD_ICENABLER + r, ~0U);
		wr32(gicd, GICD_ICPENDR + r, ~0U);
		wr32(gicd, GICD_ICACTIVER + r, ~0U);
	}
	for (unsigned int i = 32; i < facts.nr_lines; i += 4)
		wr32(gicd, GICD_IPRIORITYR + i, GIC_PRIO_DEFAULT * 0x01010101U);
	for (unsigned int i = 32; i < facts.nr_lines; i += 16)
		wr32(gicd, GICD_ICFGR + i / 4, 0);   /* level-sensitive */
	dist_wait_rwp();
	wr32(gicd, GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ENABLE_G1);
	dist_wait_rwp();
	for (unsigned int i = 32; i < facts.nr_lines; i++)
		wr64(gicd, GICD_IROUTER + i * 8, route);
}

void gicv3_init(const struct bootinfo *bi)
{
	boot = bi;
	gicd = mmu_map_device(bi->gic.dist.start, bi->gic.dist.size, "GIC distributor");
	for (unsigned int i = 0; i < bi->gic.nr_redist; i++)
		mmu_map_device(bi->gic.redist[i].start, bi->gic.redist[i].size,
			       "GIC redistributor region");
	read_facts();
	if (facts.arch_rev != 3 && facts.arch_rev != 4)
		panic("GIC at 0x%lx reports architecture revision %u; a GICv3 or v4 is required",
		      (unsigned long)pa_val(bi->gic.dist.start), facts.arch_rev);
	dist_init();
	gicv3_cpu_init();
}

static uint32_t mpidr_to_gicr_aff(uint64_t mpidr)
{
	return (uint32_t)(((mpidr >> 32) & 0xff) << 24) | (uint32_t)(mpidr & 0xffffff);
}

/* Finds this CPU's RD_base by matching GICR_TYPER.Affinity with MPIDR_EL1. */
static volatile uint8_t *find_redist(void)
{
	uint32_t aff = mpidr_to_gicr_aff(read_sysreg(mpidr_el1));

	for (unsigned int r = 0; r < boot->gic.nr_redist; r++) {
		volatile uint8_t *rd = (volatile uint8_t *)(uintptr_t)pa_val(boot->gic.redist[r].start);
		volatile uint8_t *end = rd + boot->gic.redist[r].size;

		while (rd < end) {
			uint64_t typer = rd64(rd, GICR_TYPER);

			if ((uint32_t)(typer >> 32) == aff)
				return rd;
			if (typer & GICR_TYPER_LAST)
				break;
			rd += boot->gic.redist_stride ? boot->gic.redist_stride :
				(typer & GICR_TYPER_VLPIS) ? GICR_FRAME_V4 : GICR_FRAME_V3;
		}
	}
	return NULL;
}

static void redist_init(volatile uint8_t *rd)
{
	volatile uint8_t *sgi = rd + GICR_SGI_OFFSET;
	unsigned int i;

	wr32(rd, GICR_WAKER, rd32(rd, GICR_WAKER) & ~GICR_WAKER_PSLEEP);
	for (i = 0; rd32(rd, GICR_WAKER) & GICR_WAKER_CASLEEP; i++)
		if (i == GIC_RWP_SPINS)
			panic("GICv3: redistributor of CPU%u does not wake up", arch_cpu_id());
	wr32(sgi, GICD_IGROUPR, ~0U);
	wr32(sgi, GICD_ICENABLER, ~0U);
	wr32(sgi, GICD_ICACTIVER, ~0U);
	for (i = 0; i < GIC_IRQS_PER_REG; i += 4)
		wr32(sgi, GICD_IPRIORITYR + i, GIC_PRIO_DEFAULT * 0x01010101U);
}

void gicv3_cpu_init(void)
{
	volatile uint8_t *rd = find_redist();

	if (!rd)
		panic("GICv3: no redistributor for CPU%u (MPIDR 0x%lx)", arch_cpu_id(),
		      (unsigned long)read_sysreg(mpidr_el1));
	this_pcpu()->gicr_base = (uintptr_t)rd;
	redist_init(rd);
	write_sysreg(read_sysreg(ICC_SRE_EL2) | ICC_SRE_SRE | ICC_SRE_ENABLE, ICC_SRE_EL2);
	isb();
	write_sysreg(ICC_PMR_ALL, ICC_PMR_EL1);
	write_sysreg(0, ICC_BPR1_EL1);
	write_sysreg(ICC_CTLR_EOIMODE, ICC_CTLR_EL1);   /* EOIR drops priority, DIR deactivates */
	write_sysreg(1, ICC_IGRPEN1_EL1);
	isb();
}

const struct gic_facts *gicv3_facts(void)
{
	return &facts;
}

static void set_enable(unsigned int intid, unsigned int reg_base)
{
	volatile uint8_t *b = gicd;

	if (intid < 32)
		b = (volatile uint8_t *)this_pcpu()->gicr_base + GICR_SGI_OFFSET;
	wr32(b, reg_base + (intid / GIC_IRQS_PER_REG) * 4, 1U << (intid % GIC_IRQS_PER_REG));
	if (intid >= 32)
		dist_wait_rwp();
}

void gicv3_enable_irq(unsigned int intid)
{
	set_enable(intid, GICD_ISENABLER);
}

void gicv3_disable_irq(unsigned int intid)
{
	set_enable(intid, GICD_ICENABLER);
}

unsigned int gicv3_ack(void)
{
	unsigned int intid = (unsigned int)read_sysreg(ICC_IAR1_EL1) & 0xffffff;

	dsb(sy);
	return intid;
}

void gicv3_eoi(unsigned int intid)
{
	write_sysreg(intid, ICC_EOIR1_EL1);
	isb();
}

void gicv3_deactivate(unsigned int intid)
{
	write_sysreg(intid, ICC_DIR_EL1);
	isb();
}

/* GICD_ICFGR<n>: 2 bits per INTID, bit 1 set = edge-triggered (GICv3 spec 12.9.9). */
#define GIC_CFG_PER_REG   16
#define GIC_CFG_EDGE      2U

void gicv3_set_spi_trigger(unsigned int intid, bool edge)
{
	unsigned int off = GICD_ICFGR + (intid / GIC_CFG_PER_REG) * 4;
	unsigned int shift = (intid % GIC_CFG_PER_REG) * 2;
	uint32_t v = rd32(gicd, off);

	v = (v & ~(GIC_CFG_EDGE << shift)) | ((edge ? GIC_CFG_EDGE : 0) << shift);
	wr32(gicd, off, v);
	dist_wait_rwp();
}

bool gicv3_ppi_active(unsigned int intid)
{
	volatile uint8_t *sgi = (volatile uint8_t *)this_pcpu()->gicr_base + GICR_SGI_OFFSET;

	return rd32(sgi, GICD_ISACTIVER) & (1U << intid);
}

void gicv3_ppi_set_active(unsigned int intid, bool active)
{
	volatile uint8_t *sgi = (volatile uint8_t *)this_pcpu()->gicr_base + GICR_SGI_OFFSET;

	wr32(sgi, active ? GICD_ISACTIVER : GICD_ICACTIVER, 1U << intid);
}
