/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * GICv3 (Arm IHI 0069H): the EL1 CPU interface through system registers and
 * each vCPU's redistributor for its SGIs and PPIs. SPIs are not used.
 */
#ifndef GUEST_GIC_H
#define GUEST_GIC_H

#include "sysreg.h"

/* ICC_SGI1R_EL1, by encoding (IHI 0069H, ICC_SGI1R_EL1). */
#define ICC_SGI1R_EL1      S3_0_C12_C11_5

#define GIC_NR_SGIS        16
#define GIC_INTID_SPURIOUS 1020     /* 1020..1023: special INTIDs, no interrupt */
#define GIC_IAR_INTID_MASK 0xffffff /* ICC_IAR1_EL1.INTID, bits [23:0] */

/* Boot vCPU: distributor (affinity routing, Group 1 on), then gic_cpu_init(). */
void gic_init(void);
/* This vCPU: wakes its redistributor, disables and groups its SGIs/PPIs, CPU interface on. */
void gic_cpu_init(void);

void gic_enable_irq(unsigned int intid);
void gic_disable_irq(unsigned int intid);
void gic_clear_pending(unsigned int intid);
bool gic_is_pending(unsigned int intid);

/* Sends SGI intid to logical vCPU cpu via ICC_SGI1R_EL1. */
void gic_send_sgi(unsigned int intid, unsigned int cpu);
/* ICC_SGI1R_EL1 value targeting cpu, for callers writing the register themselves. */
uint64_t gic_sgi1r_value(unsigned int intid, unsigned int cpu);

static inline void gic_write_sgi1r(uint64_t v)
{
	write_sysreg(v, ICC_SGI1R_EL1);
	isb();
}

/* Acknowledge (ICC_IAR1_EL1) and end (ICC_EOIR1_EL1) a Group 1 interrupt. */
uint32_t gic_ack(void);
void gic_eoi(uint32_t iar);

/* This vCPU's redistributor RD_base. */
uint64_t gic_rdist_base(void);

#endif /* GUEST_GIC_H */
