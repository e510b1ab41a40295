/* SPDX-License-Identifier: MIT */
/*
 * The saved state of one AArch64 vCPU: the record save/restore and migration
 * carry (docs/specs/vcpu-state.md). Little-endian, naturally aligned, no
 * padding the compiler may choose: every field is 64-bit or a multiple.
 */
#ifndef PUBLIC_VCPU_STATE_H
#define PUBLIC_VCPU_STATE_H

#include <stdint.h>

#define VCPU_STATE_VERSION 1

#define VCPU_STATE_F_ONLINE      (1U << 0)
#define VCPU_STATE_F_INITIALISED (1U << 1)

struct vcpu_state_v1 {
	uint32_t version;            /* VCPU_STATE_VERSION */
	uint32_t flags;              /* VCPU_STATE_F_* */
	uint64_t x[31];
	uint64_t pc;
	uint64_t pstate;             /* SPSR_EL2 layout; must be AArch64 EL0t, EL1t or EL1h */
	uint64_t sp_el0, sp_el1, elr_el1, spsr_el1;
	uint64_t sctlr, actlr, cpacr, ttbr0, ttbr1, tcr, esr, afsr0, afsr1, far, mair, amair;
	uint64_t vbar, contextidr, tpidr_el0, tpidrro_el0, tpidr_el1, par, cntkctl, mdscr, csselr;
	uint64_t vtimer_ctl, vtimer_cval;
	uint64_t ptimer_ctl, ptimer_cval;
	uint64_t fpsr, fpcr;
	uint64_t vreg[32][2];        /* q0-q31, low half first */
};

#endif /* PUBLIC_VCPU_STATE_H */
