/* SPDX-License-Identifier: GPL-2.0-only */
/* AArch64 vCPU internals shared by the trap, timer and context-switch code. */
#ifndef ASM_VCPU_H
#define ASM_VCPU_H

#include <asm/sysregs.h>
#include <public/vcpu_state.h>
#include <xen/domain.h>
#include <xen/vcpu_state.h>

#define SGI_KICK        0   /* leave guest mode and look at the softirq bits */

/* Gives v a fresh EL1 context starting at pc with x0 (builder, PSCI CPU_ON). */
void vcpu_reset(struct vcpu *v, uint64_t pc, uint64_t x0);
void arch_context_switch(struct vcpu *prev, struct vcpu *next);
struct vcpu *current_vcpu(void);

/* LR images <-> hardware, with vgic_sync_lrs / vgic_flush_lrs (the full paths). */
void vgic_hw_save_lrs_full(struct vcpu *v);
void vgic_hw_load_lrs_full(struct vcpu *v);

/*
 * Fast path: with every LR image empty at entry (lrs_live false) the
 * hardware LRs stay empty (a guest cannot make an invalid LR valid), so an
 * exit need not read them back, and an entry with nothing queued and no
 * underflow request need not write them. A concurrent injection queues first
 * and then kicks this pCPU, so it is not missed.
 */
static inline void vgic_hw_save_lrs(struct vcpu *v)
{
	if (v->arch.lrs_live)
		vgic_hw_save_lrs_full(v);
}

static inline void vgic_hw_load_lrs(struct vcpu *v)
{
	if (v->arch.lrs_live || (v->vgic.hcr & ICH_HCR_UIE) ||
	    __atomic_load_n(&v->vgic.pending, __ATOMIC_ACQUIRE))
		vgic_hw_load_lrs_full(v);
}

void vtimer_save(struct vcpu *v);
void vtimer_load(struct vcpu *v);
void vtimer_wake_fn(void *data);
void vtimer_irq(struct vcpu *v);
void ptimer_fire_fn(void *data);
bool ptimer_access(struct vcpu *v, unsigned int reg, bool write, uint64_t *val);

void fpsimd_save(struct vcpu *v);
void fpsimd_trap(struct vcpu *v);
void fpsimd_save_regs(struct fpsimd_state *s);
void fpsimd_load_regs(const struct fpsimd_state *s);

void send_sgi(unsigned int cpu, unsigned int sgi);

/* Exceptions injected into the guest's EL1. */
void inject_undef(struct vcpu *v);
void inject_dabt(struct vcpu *v, uint64_t far);
void inject_iabt(struct vcpu *v, uint64_t far);
/* Steps over the trapped instruction: ESR_EL2.IL says 32 bits, else a 16-bit T32 one. */
static inline void advance_pc(struct vcpu *v)
{
	v->arch.regs.elr += (v->arch.regs.esr & ESR_IL) ? 4 : 2;
}

/* The guest's SMCCC/PSCI call (hvc #0 or smc #0); x0.. in regs. */
void vpsci_call(struct vcpu *v);
/* A trapped MSR/MRS (EC 0x18). */
void vsysreg_trap(struct vcpu *v, uint64_t esr);
/* A stage-2 data abort: MMIO emulation or an abort for the guest. */
void guest_dabt(struct vcpu *v, uint64_t esr, uint64_t far);

#endif /* ASM_VCPU_H */
