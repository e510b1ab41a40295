// SPDX-License-Identifier: GPL-2.0-only
/*
 * GICv3 for a Non-secure EL1 guest using Group 1 interrupts only. Register
 * offsets and fields are from Arm IHI 0069H chapter 12, under each register.
 */
#include <xen/lib.h>
#include "exception.h"
#include "gic.h"
#include "mmio.h"
#include "report.h"
#include "smp.h"
#include "timer.h"

/* CPU interface system registers, by encoding. */
#define ICC_IAR1_EL1         S3_0_C12_C12_0
#define ICC_EOIR1_EL1        S3_0_C12_C12_1
#define ICC_PMR_EL1          S3_0_C4_C6_0
#define ICC_BPR1_EL1         S3_0_C12_C12_3
#define ICC_SRE_EL1          S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1      S3_0_C12_C12_7

#define ICC_SRE_SRE          (1UL << 0)   /* system register interface enable */
#define ICC_IGRPEN1_ENABLE   (1UL << 0)
#define ICC_PMR_ALLOW_ALL    0xff         /* lowest priority mask: every priority passes */
#define ICC_BPR1_NO_GROUPING 0

/* ICC_SGI1R_EL1. */
#define SGI1R_TARGETS_SHIFT  0            /* TargetList: bit n targets Aff0 = RS * 16 + n */
#define SGI1R_AFF1_SHIFT     16
#define SGI1R_INTID_SHIFT    24
#define SGI1R_AFF2_SHIFT     32
#define SGI1R_RS_SHIFT       44
#define SGI1R_AFF3_SHIFT     48
#define SGI1R_TARGETS_PER_RS 16

/*
 * Distributor. GICD_CTLR bits 1 and 4 are EnableGrp1NS and ARE_NS (DS = 0, Non-secure
 * view) or EnableGrp1 and ARE (DS = 1): the same bits either way.
 */
#define GICD_CTLR            0x0000
#define GICD_CTLR_ENABLE_G1  (1U << 1)
#define GICD_CTLR_ARE        (1U << 4)
#define GICD_CTLR_RWP        (1U << 31)

/* Redistributor: RD_base frame, then the SGI_base frame 64 KiB above it. */
#define GICR_FRAME_SIZE      0x10000
#define GICR_FRAMES          2            /* RD_base, SGI_base ... */
#define GICR_FRAMES_VLPI     4            /* ... and VLPI_base, reserved, with GICR_TYPER.VLPIS */
#define GICR_CTLR            0x0000
#define GICR_CTLR_RWP        (1U << 3)
#define GICR_TYPER           0x0008
#define GICR_TYPER_VLPIS     (1UL << 1)
#define GICR_TYPER_LAST      (1UL << 4)
#define GICR_TYPER_AFF_SHIFT 32           /* Affinity_Value: Aff3.Aff2.Aff1.Aff0 in [63:32] */
#define GICR_WAKER           0x0014
#define GICR_WAKER_SLEEP     (1U << 1)    /* ProcessorSleep */
#define GICR_WAKER_ASLEEP    (1U << 2)    /* ChildrenAsleep */
#define GICR_SGI_BASE        GICR_FRAME_SIZE
#define GICR_IGROUPR0        0x0080
#define GICR_ISENABLER0      0x0100
#define GICR_ICENABLER0      0x0180
#define GICR_ISPENDR0        0x0200
#define GICR_ICPENDR0        0x0280
#define GICR_IPRIORITYR      0x0400       /* one byte per INTID */

#define GIC_PRIO_DEFAULT     0xa0
#define GIC_PRIO_X4(p)       ((p) | (p) << 8 | (p) << 16 | (p) << 24)
#define ALL_LOCAL_IRQS       0xffffffffU
#define GIC_TIMEOUT_MS       1000
#define AFF_FIELD_BITS       8

static uint64_t rdist[MAX_CPUS];

static void wait_clear(uint64_t reg, uint32_t bit, const char *what)
{
	uint64_t deadline = timer_deadline_ms(GIC_TIMEOUT_MS);

	while (mmio_read32(reg) & bit)
		if (timer_expired(deadline))
			guest_fail("%s stays set after %u ms", what, GIC_TIMEOUT_MS);
}

void gic_init(void)
{
	uint64_t ctlr_reg = platform.gicd.base + GICD_CTLR;
	uint32_t ctlr = mmio_read32(ctlr_reg);

	/* Affinity routing goes on before (or with) the group enable, never after. */
	if (!(ctlr & GICD_CTLR_ARE)) {
		mmio_write32(ctlr_reg, ctlr | GICD_CTLR_ARE);
		wait_clear(ctlr_reg, GICD_CTLR_RWP, "GICD_CTLR.RWP");
	}
	mmio_write32(ctlr_reg, ctlr | GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1);
	wait_clear(ctlr_reg, GICD_CTLR_RWP, "GICD_CTLR.RWP");
	ctlr = mmio_read32(ctlr_reg);
	if ((ctlr & (GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1)) != (GICD_CTLR_ARE | GICD_CTLR_ENABLE_G1))
		guest_fail("GICD_CTLR 0x%x: cannot enable affinity routing and Group 1", ctlr);
	gic_cpu_init();
}

/* MPIDR affinity in GICR_TYPER.Affinity_Value's layout. */
static uint64_t typer_affinity(uint64_t mpidr)
{
	return mpidr_aff(mpidr, MPIDR_AFF0_SHIFT) |
	       mpidr_aff(mpidr, MPIDR_AFF1_SHIFT) << AFF_FIELD_BITS |
	       mpidr_aff(mpidr, MPIDR_AFF2_SHIFT) << (2 * AFF_FIELD_BITS) |
	       mpidr_aff(mpidr, MPIDR_AFF3_SHIFT) << (3 * AFF_FIELD_BITS);
}

static uint64_t rdist_stride(uint64_t typer)
{
	if (platform.gicr_stride)
		return platform.gicr_stride;
	return (typer & GICR_TYPER_VLPIS ? GICR_FRAMES_VLPI : GICR_FRAMES) * GICR_FRAME_SIZE;
}

static uint64_t find_rdist_in(const struct mem_region *r, uint64_t aff)
{
	uint64_t frame, typer;

	for (frame = r->base; frame + GICR_FRAMES * GICR_FRAME_SIZE <= r->base + r->size;
	     frame += rdist_stride(typer)) {
		typer = mmio_read64(frame + GICR_TYPER);
		if (typer >> GICR_TYPER_AFF_SHIFT == aff)
			return frame;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

static uint64_t find_rdist(uint64_t mpidr)
{
	uint64_t rd = 0;

	for (unsigned int i = 0; i < platform.nr_gicr && !rd; i++)
		rd = find_rdist_in(&platform.gicr[i], typer_affinity(mpidr));
	if (!rd)
		guest_fail("vCPU %u: no redistributor for MPIDR 0x%lx", this_cpu(), mpidr);
	return rd;
}

static void rdist_wake(uint64_t rd)
{
	mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_SLEEP);
	wait_clear(rd + GICR_WAKER, GICR_WAKER_ASLEEP, "GICR_WAKER.ChildrenAsleep");
}

/* All SGIs and PPIs: disabled, not pending, Group 1, one priority. */
static void rdist_local_irqs_init(uint64_t rd)
{
	uint64_t sgi = rd + GICR_SGI_BASE;

	mmio_write32(sgi + GICR_ICENABLER0, ALL_LOCAL_IRQS);
	wait_clear(rd + GICR_CTLR, GICR_CTLR_RWP, "GICR_CTLR.RWP");
	mmio_write32(sgi + GICR_ICPENDR0, ALL_LOCAL_IRQS);
	mmio_write32(sgi + GICR_IGROUPR0, ALL_LOCAL_IRQS);
	for (unsigned int i = 0; i < NR_LOCAL_IRQS; i += sizeof(uint32_t))
		mmio_write32(sgi + GICR_IPRIORITYR + i, GIC_PRIO_X4(GIC_PRIO_DEFAULT));
}

static void cpu_interface_init(void)
{
	write_sysreg(read_sysreg(ICC_SRE_EL1) | ICC_SRE_SRE, ICC_SRE_EL1);
	isb();
	if (!(read_sysreg(ICC_SRE_EL1) & ICC_SRE_SRE))
		guest_fail("ICC_SRE_EL1.SRE stays 0: no GIC system register interface");
	write_sysreg(ICC_PMR_ALLOW_ALL, ICC_PMR_EL1);
	write_sysreg(ICC_BPR1_NO_GROUPING, ICC_BPR1_EL1);
	write_sysreg(ICC_IGRPEN1_ENABLE, ICC_IGRPEN1_EL1);
	isb();
}

void gic_cpu_init(void)
{
	uint64_t rd = find_rdist(read_sysreg(mpidr_el1) & MPIDR_AFF_MASK);

	rdist[this_cpu()] = rd;
	rdist_wake(rd);
	rdist_local_irqs_init(rd);
	cpu_interface_init();
}

uint64_t gic_rdist_base(void)
{
	return rdist[this_cpu()];
}

static uint64_t local_irq_reg(unsigned int intid, uint32_t reg)
{
	if (intid >= NR_LOCAL_IRQS)
		guest_fail("INTID %u is not an SGI or PPI", intid);
	return gic_rdist_base() + GICR_SGI_BASE + reg;
}

void gic_enable_irq(unsigned int intid)
{
	mmio_write32(local_irq_reg(intid, GICR_ISENABLER0), 1U << intid);
}

void gic_disable_irq(unsigned int intid)
{
	mmio_write32(local_irq_reg(intid, GICR_ICENABLER0), 1U << intid);
	wait_clear(gic_rdist_base() + GICR_CTLR, GICR_CTLR_RWP, "GICR_CTLR.RWP");
}

void gic_clear_pending(unsigned int intid)
{
	mmio_write32(local_irq_reg(intid, GICR_ICPENDR0), 1U << intid);
}

bool gic_is_pending(unsigned int intid)
{
	return mmio_read32(local_irq_reg(intid, GICR_ISPENDR0)) & (1U << intid);
}

uint64_t gic_sgi1r_value(unsigned int intid, unsigned int cpu)
{
	uint64_t mpidr = platform.cpu_mpidr[cpu];
	uint64_t aff0 = mpidr_aff(mpidr, MPIDR_AFF0_SHIFT);

	return (1UL << (aff0 % SGI1R_TARGETS_PER_RS)) << SGI1R_TARGETS_SHIFT |
	       mpidr_aff(mpidr, MPIDR_AFF1_SHIFT) << SGI1R_AFF1_SHIFT |
	       (uint64_t)intid << SGI1R_INTID_SHIFT |
	       mpidr_aff(mpidr, MPIDR_AFF2_SHIFT) << SGI1R_AFF2_SHIFT |
	       (aff0 / SGI1R_TARGETS_PER_RS) << SGI1R_RS_SHIFT |
	       mpidr_aff(mpidr, MPIDR_AFF3_SHIFT) << SGI1R_AFF3_SHIFT;
}

void gic_send_sgi(unsigned int intid, unsigned int cpu)
{
	/* A system register write is not ordered after earlier stores without a DSB. */
	dsb(ish);
	write_sysreg(gic_sgi1r_value(intid, cpu), ICC_SGI1R_EL1);
	isb();
}

uint32_t gic_ack(void)
{
	uint32_t iar = (uint32_t)read_sysreg(ICC_IAR1_EL1);

	dsb(sy);
	return iar;
}

void gic_eoi(uint32_t iar)
{
	write_sysreg(iar, ICC_EOIR1_EL1);
	isb();
}
