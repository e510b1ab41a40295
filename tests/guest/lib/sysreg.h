/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * AArch64 system-register access, barriers, interrupt masking and the
 * register fields shared by several runtime files. Field positions are from
 * the Arm ARM (DDI 0487K.a), chapters C5 and D24, under each register's name.
 */
#ifndef GUEST_SYSREG_H
#define GUEST_SYSREG_H

/* DAIF: the immediate of MSR DAIFSet/DAIFClr is D:A:I:F, bits 3..0. */
#define DAIF_IMM_IRQ    2
#define DAIF_IMM_ALL    0xf

/* CurrentEL: EL in bits [3:2]. */
#define CURRENTEL_EL1   (1 << 2)

#ifndef __ASSEMBLER__
#include <xen/lib.h>

#define read_sysreg(r)                                                        \
	({                                                                    \
		uint64_t __rv;                                                \
		asm volatile("mrs %0, " STRINGIFY(r) : "=r"(__rv));           \
		__rv;                                                         \
	})

#define write_sysreg(v, r)                                                    \
	do {                                                                  \
		uint64_t __wv = (uint64_t)(v);                                \
		asm volatile("msr " STRINGIFY(r) ", %x0" : : "rZ"(__wv));     \
	} while (0)

#define isb()       asm volatile("isb" : : : "memory")
#define dsb(opt)    asm volatile("dsb " #opt : : : "memory")
#define dmb(opt)    asm volatile("dmb " #opt : : : "memory")
#define wfi()       asm volatile("wfi" : : : "memory")
#define cpu_relax() asm volatile("yield" : : : "memory")
#define barrier()   asm volatile("" : : : "memory")

#define READ_ONCE(x)     (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#define DAIF_I          (1UL << 7)   /* DAIF register: PSTATE.I */

static inline void local_irq_enable(void)
{
	asm volatile("msr daifclr, #" STRINGIFY(DAIF_IMM_IRQ) : : : "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("msr daifset, #" STRINGIFY(DAIF_IMM_IRQ) : : : "memory");
}

/* Masks IRQs and returns the previous DAIF for local_irq_restore(). */
static inline uint64_t local_irq_save(void)
{
	uint64_t daif = read_sysreg(daif);

	local_irq_disable();
	return daif;
}

static inline void local_irq_restore(uint64_t daif)
{
	write_sysreg(daif, daif);
}

/* MPIDR_EL1: affinity fields; the same layout as a DT cpu node's reg. */
#define MPIDR_AFF0_SHIFT  0
#define MPIDR_AFF1_SHIFT  8
#define MPIDR_AFF2_SHIFT  16
#define MPIDR_AFF3_SHIFT  32
#define MPIDR_AFF_BITS    8
#define MPIDR_AFF_MASK    0xff00ffffffUL

static inline uint64_t mpidr_aff(uint64_t mpidr, unsigned int shift)
{
	return FIELD_GET(mpidr, shift, MPIDR_AFF_BITS);
}

/* ESR_EL1. */
#define ESR_EC_SHIFT       26
#define ESR_EC_BITS        6
#define ESR_EC_DABT_LOW    0x24        /* data abort from a lower EL */
#define ESR_EC_DABT_CUR    0x25        /* data abort taken without a change of EL */
#define ESR_ISS_DFSC_SHIFT 0           /* data abort ISS: fault status code, bits [5:0] */
#define ESR_ISS_DFSC_BITS  6
#define ESR_ISS_WNR        (1UL << 6)  /* data abort ISS: caused by a write */
#define ESR_ISS_FNV        (1UL << 10) /* data abort ISS: FAR not valid */

static inline unsigned int esr_ec(uint64_t esr)
{
	return (unsigned int)FIELD_GET(esr, ESR_EC_SHIFT, ESR_EC_BITS);
}

/* Every A64 instruction is 4 bytes: how far to skip a faulting one. */
#define A64_INSN_SIZE  4

#endif /* !__ASSEMBLER__ */

#endif /* GUEST_SYSREG_H */
