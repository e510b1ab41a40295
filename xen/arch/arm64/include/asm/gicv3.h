/* SPDX-License-Identifier: GPL-2.0-only */
/* GICv3 driver for the hypervisor's own interrupts (GICv3/v4 spec IHI 0069H). */
#ifndef ASM_GICV3_H
#define ASM_GICV3_H

#include <xen/bootinfo.h>

struct gic_facts {
	unsigned int arch_rev;      /* GICD_PIDR2.ArchRev */
	unsigned int nr_lines;      /* SPIs + 32 */
	unsigned int id_bits;
	bool lpis;
	bool security_disabled;     /* GICD_CTLR.DS */
	unsigned int list_regs;     /* ICH_VTR_EL2.ListRegs + 1 */
	unsigned int pri_bits;
	unsigned int pre_bits;
	unsigned int maint_intid;
};

void gicv3_init(const struct bootinfo *bi);
void gicv3_cpu_init(void);
const struct gic_facts *gicv3_facts(void);
void gicv3_enable_irq(unsigned int intid);
void gicv3_disable_irq(unsigned int intid);
/* Sets an SPI's trigger (call while it is disabled). */
void gicv3_set_spi_trigger(unsigned int intid, bool edge);
/* Acknowledge the highest-priority pending Group 1 interrupt; returns its INTID. */
unsigned int gicv3_ack(void);
/* EOImode 1: gicv3_eoi drops the priority, gicv3_deactivate deactivates. */
void gicv3_eoi(unsigned int intid);
void gicv3_deactivate(unsigned int intid);
bool gicv3_ppi_active(unsigned int intid);
void gicv3_ppi_set_active(unsigned int intid, bool active);

#endif /* ASM_GICV3_H */
