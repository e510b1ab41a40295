// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exception dispatch: IRQs go to the registered handlers, an armed vCPU
 * records and skips one synchronous exception, anything else fails the guest.
 */
#include <xen/lib.h>
#include "exception.h"
#include "gic.h"
#include "report.h"
#include "smp.h"

struct irq_slot {
	irq_handler_t handler;
	void *arg;
};

struct fault_slot {
	bool armed;
	bool taken;
	struct fault_info info;
};

static struct irq_slot irqs[NR_LOCAL_IRQS];
static struct fault_slot faults[MAX_CPUS];

void irq_register(unsigned int intid, irq_handler_t handler, void *arg)
{
	if (intid >= NR_LOCAL_IRQS)
		guest_fail("irq_register: INTID %u is not an SGI or PPI", intid);
	irqs[intid].arg = arg;
	__atomic_store_n(&irqs[intid].handler, handler, __ATOMIC_RELEASE);
}

void fault_expect(void)
{
	struct fault_slot *f = &faults[this_cpu()];

	f->taken = false;
	f->armed = true;
	barrier();
}

bool fault_taken(struct fault_info *info)
{
	struct fault_slot *f = &faults[this_cpu()];

	barrier();
	f->armed = false;
	if (f->taken && info)
		*info = f->info;
	return f->taken;
}

static void __noreturn unexpected(const struct exc_frame *frame, unsigned int vector)
{
	guest_fail("unexpected exception on vCPU %u: vector %u, ESR 0x%lx (EC 0x%x), ELR 0x%lx, "
		   "FAR 0x%lx", this_cpu(), vector, frame->esr, esr_ec(frame->esr), frame->elr,
		   frame->far);
}

static void handle_sync(struct exc_frame *frame)
{
	struct fault_slot *f = &faults[this_cpu()];

	if (!f->armed)
		unexpected(frame, VEC_GROUP_CUR_SPX + VEC_KIND_SYNC);
	f->armed = false;
	f->taken = true;
	f->info = (struct fault_info){ .esr = frame->esr, .far = frame->far, .elr = frame->elr };
	frame->elr += A64_INSN_SIZE;
}

static void handle_irq(void)
{
	uint32_t iar = gic_ack();
	unsigned int intid = iar & GIC_IAR_INTID_MASK;
	irq_handler_t handler = NULL;

	if (intid >= GIC_INTID_SPURIOUS)
		return;
	if (intid < NR_LOCAL_IRQS)
		handler = __atomic_load_n(&irqs[intid].handler, __ATOMIC_ACQUIRE);
	if (!handler)
		guest_fail("unexpected interrupt %u on vCPU %u", intid, this_cpu());
	handler(intid, irqs[intid].arg);
	gic_eoi(iar);
}

void exception_handler(struct exc_frame *frame, unsigned int vector)
{
	if (vector == VEC_GROUP_CUR_SPX + VEC_KIND_SYNC)
		handle_sync(frame);
	else if (vector == VEC_GROUP_CUR_SPX + VEC_KIND_IRQ)
		handle_irq();
	else
		unexpected(frame, vector);
}
