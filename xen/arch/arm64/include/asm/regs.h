/* SPDX-License-Identifier: GPL-2.0-only */
/* The register frame every exception entry saves (entry.S builds it). */
#ifndef ASM_REGS_H
#define ASM_REGS_H

#define FRAME_X(n)      ((n) * 8)
#define FRAME_SP        (31 * 8)
#define FRAME_ELR       (32 * 8)
#define FRAME_SPSR      (33 * 8)
#define FRAME_ESR       (34 * 8)
#define FRAME_FAR       (35 * 8)
#define FRAME_SIZE      (36 * 8)

#ifndef __ASSEMBLER__
#include <xen/types.h>

struct cpu_regs {
	uint64_t x[31];
	uint64_t sp;
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
};

_Static_assert(sizeof(struct cpu_regs) == FRAME_SIZE, "frame layout");
#endif

/* Which vector took us in (the offset of the entry in VBAR_EL2, / 0x80). */
#define VEC_CUR_SP0_SYNC   0
#define VEC_CUR_SPX_SYNC   4
#define VEC_CUR_SPX_IRQ    5
#define VEC_LOW64_SYNC     8
#define VEC_LOW64_IRQ      9
#define VEC_COUNT          16

#endif /* ASM_REGS_H */
