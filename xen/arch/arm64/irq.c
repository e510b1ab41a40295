// SPDX-License-Identifier: GPL-2.0-only
/*
 * Physical interrupts the hypervisor takes, from itself or from a guest.
 * The CPU interface runs with EOImode 1 (priority drop and deactivation
 * split), so the virtual timer's PPI can stay active until the guest
 * deactivates it through a hardware-linked list register.
 */
#include <arch/cpu.h>
#include <asm/gicv3.h>
#include <asm/irq.h>
#include <asm/percpu.h>
#include <asm/regs.h>
#include <asm/vcpu.h>
#include <xen/errno.h>
#include <xen/run.h>
#include <xen/lib.h>
#include <xen/bootinfo.h>
#include <xen/dom0.h>
#include <xen/domain.h>
#include <xen/vgic.h>

#define VTIMER_PPI     27      /* EL1 virtual timer (the DT binding's 3rd timer interrupt) */
#define MAINT_PPI      25      /* GIC maintenance interrupt */

struct irq_action {
	irq_handler_fn fn;
	void *data;
	bool guest;     /* a guest deactivates it (hardware-linked): no ICC_DIR here */
};

static struct irq_action actions[GIC_MAX_INTID];
static unsigned long spurious;

int irq_request(unsigned int intid, irq_handler_fn fn, void *data)
{
	if (intid >= GIC_MAX_INTID || !fn)
		return -EINVAL;
	if (actions[intid].fn)
		return -EBUSY;
	actions[intid] = (struct irq_action){ .fn = fn, .data = data };
	gicv3_enable_irq(intid);
	return 0;
}

/* A device SPI owned by d: injected into d's vGIC as the same INTID (see the header). */
static void guest_spi(unsigned int intid, void *data)
{
	vgic_inject(data, NULL, intid, true);
}

int arch_route_irq_to_guest(struct domain *d, unsigned int intid, bool edge)
{
	int rc;

	if (intid < GIC_SPI_BASE || intid >= GIC_MAX_INTID)
		return -EINVAL;
	if (actions[intid].fn)
		return -EBUSY;
	rc = vgic_link_hw_spi(d, intid);
	if (rc)
		return rc;
	gicv3_disable_irq(intid);
	gicv3_set_spi_trigger(intid, edge);
	actions[intid] = (struct irq_action){ .fn = guest_spi, .data = d, .guest = true };
	gicv3_enable_irq(intid);
	return 0;
}

void irq_enable_local(unsigned int intid)
{
	gicv3_enable_irq(intid);
}

static void kick_irq(unsigned int intid, void *data)
{
	(void)intid;
	(void)data;   /* the sender set our softirq bits; taking the IRQ left the guest */
}

/*
 * The maintenance interrupt stays asserted while its condition holds (an
 * EOIed LR with the EOI bit, or underflow with UIE) and it is signalled only
 * while ICH_HCR_EL2.En is set (GICv3 spec 4.9). Clear En so it goes away; the
 * next guest entry folds the LRs back, rewrites them and sets En again.
 */
static void maint_irq(unsigned int intid, void *data)
{
	struct vcpu *v = current_vcpu();

	(void)intid;
	(void)data;
	write_sysreg(0, ICH_HCR_EL2);
	isb();
	if (v)
		v->arch.lrs_live = true;   /* forces the full LR path on the way back in */
}

/* Per-CPU interrupts every pCPU takes once guests run. */
void irq_cpu_init_guest_ppis(void)
{
	gicv3_enable_irq(SGI_KICK);
	gicv3_enable_irq(MAINT_PPI);
	gicv3_enable_irq(VTIMER_PPI);
}

void irq_init_guest_handlers(void)
{
	actions[SGI_KICK] = (struct irq_action){ .fn = kick_irq };
	actions[MAINT_PPI] = (struct irq_action){ .fn = maint_irq };
}

static void handle(unsigned int intid)
{
	if (intid == VTIMER_PPI) {
		struct vcpu *v = current_vcpu();

		if (v) {
			vtimer_irq(v);     /* deactivated by the guest, through the LR */
			return;
		}
	} else if (actions[intid].guest) {
		actions[intid].fn(intid, actions[intid].data);
		return;
	} else if (actions[intid].fn) {
		actions[intid].fn(intid, actions[intid].data);
	} else if (spurious++ < 10) {
		printk_level(LOG_WARN, "unexpected interrupt %u on CPU%u\n", intid, arch_cpu_id());
	}
	gicv3_deactivate(intid);
}

void irq_dispatch_pending(void)
{
	for (;;) {
		unsigned int intid = gicv3_ack();

		if (intid >= GIC_INTID_SPURIOUS_MIN)
			return;
		gicv3_eoi(intid);
		handle(intid);
	}
}

void do_hyp_irq(struct cpu_regs *regs);

void do_hyp_irq(struct cpu_regs *regs)
{
	(void)regs;
	irq_dispatch_pending();
}

void send_sgi(unsigned int cpu, unsigned int sgi)
{
	uint64_t mpidr = pcpu_data[cpu].mpidr;
	uint64_t aff0 = mpidr & 0xff;
	uint64_t v = ((uint64_t)sgi << 24) | (((mpidr >> 8) & 0xff) << 16) |
		     (((mpidr >> 16) & 0xff) << 32) | (((mpidr >> 32) & 0xff) << 48) |
		     ((aff0 >> 4) << 44) | (1UL << (aff0 & 0xf));

	dsb(ishst);
	write_sysreg(v, ICC_SGI1R_EL1);
	isb();
}

bool arch_resched_pending(void)
{
	return this_pcpu()->softirq & BIT(SOFTIRQ_RESCHED);
}

void arch_resched_clear(void)
{
	__atomic_and_fetch(&this_pcpu()->softirq, ~BIT(SOFTIRQ_RESCHED), __ATOMIC_SEQ_CST);
}

void arch_resched_set(unsigned int cpu)
{
	__atomic_or_fetch(&pcpu_data[cpu].softirq, BIT(SOFTIRQ_RESCHED), __ATOMIC_SEQ_CST);
	if (cpu != arch_cpu_id())
		send_sgi(cpu, SGI_KICK);
}

void arch_idle_wait(void)
{
	/* WFI with IRQs masked still wakes on a pending one; then take it. */
	wfi();
	arch_irq_enable();
	isb();
	arch_irq_disable();
}
