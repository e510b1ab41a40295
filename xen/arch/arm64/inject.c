// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exceptions delivered to a guest's EL1, as the CPU would take them (Arm ARM
 * D1.10): ELR_EL1/SPSR_EL1 get the return state, PSTATE becomes EL1h with
 * DAIF masked, and the PC goes to VBAR_EL1 + the vector offset. Only for the
 * vCPU whose EL1 registers are on this CPU (the trapping one).
 */
#include <asm/percpu.h>
#include <asm/vcpu.h>
#include <xen/lib.h>

#define VEC_CURRENT_SP0   0x000
#define VEC_CURRENT_SPX   0x200
#define VEC_LOWER_A64     0x400
#define VEC_LOWER_A32     0x600
#define SPSR_AARCH32      (1UL << 4)   /* SPSR.M[4]: the exception came from AArch32 */
#define EC_UNKNOWN        0x00
#define EC_IABT_LOWER     0x20
#define EC_IABT_CURRENT   0x21
#define EC_DABT_LOWER     0x24
#define EC_DABT_CURRENT   0x25
#define FSC_EXTERNAL      0x10   /* synchronous external abort */

static bool from_el1(const struct vcpu *v)
{
	uint64_t m = v->arch.regs.spsr & SPSR_MODE_MASK;

	return m == SPSR_EL1H || m == SPSR_EL1T;
}

static uint64_t vector_offset(const struct vcpu *v)
{
	uint64_t m = v->arch.regs.spsr & SPSR_MODE_MASK;

	if (m == SPSR_EL1H)
		return VEC_CURRENT_SPX;
	if (m == SPSR_EL1T)
		return VEC_CURRENT_SP0;
	return (v->arch.regs.spsr & SPSR_AARCH32) ? VEC_LOWER_A32 : VEC_LOWER_A64;
}

static void inject_sync(struct vcpu *v, uint64_t esr, uint64_t far, bool set_far)
{
	struct cpu_regs *r = &v->arch.regs;

	write_sysreg(r->elr, elr_el1);
	write_sysreg(r->spsr, spsr_el1);
	write_sysreg(esr, esr_el1);
	if (set_far)
		write_sysreg(far, far_el1);
	r->elr = read_sysreg(vbar_el1) + vector_offset(v);
	r->spsr = SPSR_EL1H | SPSR_DAIF;
}

void inject_undef(struct vcpu *v)
{
	inject_sync(v, ((uint64_t)EC_UNKNOWN << ESR_EC_SHIFT) | ESR_IL, 0, false);
}

void inject_dabt(struct vcpu *v, uint64_t far)
{
	uint64_t ec = from_el1(v) ? EC_DABT_CURRENT : EC_DABT_LOWER;

	inject_sync(v, (ec << ESR_EC_SHIFT) | ESR_IL | FSC_EXTERNAL, far, true);
}

void inject_iabt(struct vcpu *v, uint64_t far)
{
	uint64_t ec = from_el1(v) ? EC_IABT_CURRENT : EC_IABT_LOWER;

	inject_sync(v, (ec << ESR_EC_SHIFT) | ESR_IL | FSC_EXTERNAL, far, true);
}
