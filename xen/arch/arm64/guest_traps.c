// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest exits. Synchronous ones dispatch through a table indexed by
 * ESR_EL2.EC (Arm ARM D24.2.40) whose default injects an undefined
 * instruction into the guest; IRQs run the hypervisor's handlers. Both end
 * in run_continue(), which may switch to another vCPU.
 */
#include <asm/gicv3.h>
#include <asm/irq.h>
#include <asm/percpu.h>
#include <asm/vcpu.h>
#include <public/xen.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/run.h>
#include <xen/timer.h>

#define EC_WFX        0x01
#define EC_FPSIMD     0x07
#define EC_HVC64      0x16
#define EC_SMC64      0x17
#define EC_SYS64      0x18
#define EC_IABT_LOW   0x20
#define EC_DABT_LOW   0x24
#define ISS_WFX_WFE   (1UL << 0)     /* TI[0]: 1 = WFE */
#define ISS_IMM16     0xffffUL

typedef void (*guest_trap_fn)(struct vcpu *v, uint64_t esr);

struct cpu_regs *guest_sync_exit(struct cpu_regs *regs);
struct cpu_regs *guest_irq_exit(struct cpu_regs *regs);
struct cpu_regs *guest_bad_exit(struct cpu_regs *regs);

struct vcpu *current_vcpu(void)
{
	return this_pcpu()->cur;
}

#define UNDEF_LOG_BURST 10

static unsigned int undef_logged;

static void trap_undef(struct vcpu *v, uint64_t esr)
{
	if (undef_logged < UNDEF_LOG_BURST) {
		undef_logged++;
		printk_level(LOG_WARN, "d%uv%u: trap EC 0x%02lx (ESR 0x%lx) at PC 0x%lx: "
			     "undefined instruction injected\n", v->domain->id, v->id,
			     (unsigned long)((esr >> ESR_EC_SHIFT) & ESR_EC_MASK),
			     (unsigned long)esr, (unsigned long)v->arch.regs.elr);
	}
	inject_undef(v);
}

static void trap_wfx(struct vcpu *v, uint64_t esr)
{
	advance_pc(v);
	if (esr & ISS_WFX_WFE) {
		if (sched_others_waiting(arch_cpu_id()))
			sched_yield(v, now_ns());
	}
	else if (!vgic_vcpu_pending(v))
		vcpu_block(v);
}

static void trap_hvc(struct vcpu *v, uint64_t esr)
{
	uint64_t *x = v->arch.regs.x;
	uint64_t imm = esr & ISS_IMM16;

	if (imm == XEN_HYPERCALL_TAG)
		x[0] = (uint64_t)do_hypercall(v, x[16], x);
	else if (imm == 0)
		vpsci_call(v);
	else {
		/* ELR_EL2 is past the HVC; an undefined instruction is reported at itself. */
		v->arch.regs.elr -= 4;
		inject_undef(v);
	}
}

static void trap_smc(struct vcpu *v, uint64_t esr)
{
	/* A trapped SMC returns to itself (HCR_EL2.TSC): step over it. */
	advance_pc(v);
	if ((esr & ISS_IMM16) == 0)
		vpsci_call(v);
	else
		v->arch.regs.x[0] = (uint64_t)-1;   /* SMCCC NOT_SUPPORTED */
}

static void trap_sys64(struct vcpu *v, uint64_t esr)
{
	vsysreg_trap(v, esr);
}

static void trap_fpsimd(struct vcpu *v, uint64_t esr)
{
	(void)esr;
	fpsimd_trap(v);
}

static void trap_iabt(struct vcpu *v, uint64_t esr)
{
	(void)esr;
	inject_iabt(v, v->arch.regs.far);
}

static void trap_dabt(struct vcpu *v, uint64_t esr)
{
	guest_dabt(v, esr, v->arch.regs.far);
}

static const guest_trap_fn guest_traps[ESR_EC_MAX + 1] = {
	[0 ... ESR_EC_MAX] = trap_undef,
	[EC_WFX] = trap_wfx,
	[EC_FPSIMD] = trap_fpsimd,
	[EC_HVC64] = trap_hvc,
	[EC_SMC64] = trap_smc,
	[EC_SYS64] = trap_sys64,
	[EC_IABT_LOW] = trap_iabt,
	[EC_DABT_LOW] = trap_dabt,
};

static struct cpu_regs *resume(struct vcpu *v)
{
	v = run_continue(v);
	vgic_hw_load_lrs(v);
	return &v->arch.regs;
}

struct cpu_regs *guest_sync_exit(struct cpu_regs *regs)
{
	struct vcpu *v = current_vcpu();
	uint64_t esr = regs->esr;

	vgic_hw_save_lrs(v);
	guest_traps[(esr >> ESR_EC_SHIFT) & ESR_EC_MASK](v, esr);
	return resume(v);
}

struct cpu_regs *guest_irq_exit(struct cpu_regs *regs)
{
	struct vcpu *v = current_vcpu();

	(void)regs;
	vgic_hw_save_lrs(v);
	irq_dispatch_pending();
	return resume(v);
}

struct cpu_regs *guest_bad_exit(struct cpu_regs *regs)
{
	struct vcpu *v = current_vcpu();

	vgic_hw_save_lrs(v);
	printk_level(LOG_ERR, "d%uv%u: FIQ or SError from the guest (ESR 0x%lx, PC 0x%lx): "
		     "domain crashed\n", v->domain->id, v->id, (unsigned long)regs->esr,
		     (unsigned long)regs->elr);
	domain_shutdown(v->domain, SHUTDOWN_CRASH);
	return resume(v);
}

/* A pCPU's first guest entry (never returns). */
void __noreturn guest_start(void);
void __noreturn guest_start(void)
{
	extern void __noreturn enter_guest(struct cpu_regs *regs);
	struct vcpu *v = run_first();

	vgic_hw_load_lrs(v);
	enter_guest(&v->arch.regs);
}
