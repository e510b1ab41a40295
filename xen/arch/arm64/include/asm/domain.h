/* SPDX-License-Identifier: GPL-2.0-only */
/* AArch64 parts of domains and vCPUs: the guest's register state. */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

#include <asm/config.h>
#include <asm/regs.h>
#include <xen/timer.h>

/* EL1 system registers switched with the vCPU. */
struct el1_sysregs {
	uint64_t sctlr, actlr, cpacr, ttbr0, ttbr1, tcr, esr, afsr0, afsr1, far, mair, amair;
	uint64_t vbar, contextidr, tpidr_el0, tpidrro_el0, tpidr_el1, sp_el0, sp_el1, elr_el1;
	uint64_t spsr_el1, par, cntkctl, mdscr, csselr;
};

struct vtimer {
	uint64_t ctl;              /* CNTV_CTL_EL0 */
	uint64_t cval;             /* CNTV_CVAL_EL0 */
	bool irq_active;           /* the physical PPI was active when saved */
};

/* The EL1 physical timer, emulated (CNTHCTL_EL2.EL1PCEN = 0 traps it). */
struct ptimer {
	uint64_t ctl;
	uint64_t cval;
	struct timer timer;
};

struct fpsimd_state {
	__uint128_t q[32];
	uint64_t fpsr;
	uint64_t fpcr;
};

#define NO_VCPU_RAN  (-1)

struct arch_domain {
	/*
	 * Which of the domain's vCPUs last ran on each pCPU. Guests' local TLB
	 * maintenance stays local (no HCR_EL2.FB), so a vCPU arriving on a pCPU
	 * where another vCPU of its domain ran last gets that pCPU's TLB entries
	 * for the VMID flushed first: they may predate a local TLBI it did elsewhere.
	 */
	int16_t last_vcpu_ran[NR_CPUS];
	uint64_t vttbr;            /* VMID | root table */
	uint64_t vtcr;
	uint64_t cntvoff;
};

struct arch_vcpu {
	struct cpu_regs regs;      /* x0-x30, SP_EL1 kept in sysregs, ELR = PC, SPSR = PSTATE */
	struct el1_sysregs sys;
	struct vtimer vtimer;
	struct timer vtimer_wake;  /* wakes the vCPU at its timer deadline while it is off-CPU */
	struct ptimer ptimer;
	struct fpsimd_state fp;
	uint64_t vmpidr;
	uint64_t hcr;
	bool fp_loaded;            /* FP/SIMD state is on the CPU (lazy switch) */
	unsigned int pcpu;         /* where it last ran */
	bool loaded;               /* its state is on pcpu's registers */
	bool lrs_live;             /* some LR image was non-empty at the last guest entry */
};

#endif /* ASM_DOMAIN_H */
