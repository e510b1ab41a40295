// SPDX-License-Identifier: GPL-2.0-only
/* Dispatch of the physical interrupts the hypervisor takes for itself. */
#include <arch/cpu.h>
#include <asm/gicv3.h>
#include <asm/irq.h>
#include <asm/regs.h>
#include <xen/errno.h>
#include <xen/lib.h>

struct irq_action {
	irq_handler_fn fn;
	void *data;
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

void irq_enable_local(unsigned int intid)
{
	gicv3_enable_irq(intid);
}

void do_hyp_irq(struct cpu_regs *regs);

void do_hyp_irq(struct cpu_regs *regs)
{
	(void)regs;
	for (;;) {
		unsigned int intid = gicv3_ack();

		if (intid >= GIC_INTID_SPURIOUS_MIN)
			return;
		if (actions[intid].fn)
			actions[intid].fn(intid, actions[intid].data);
		else if (spurious++ < 10)
			printk_level(LOG_WARN, "unexpected interrupt %u on CPU%u\n", intid,
				     arch_cpu_id());
		gicv3_eoi(intid);
	}
}
