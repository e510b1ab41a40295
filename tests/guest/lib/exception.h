/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Exception entry (vectors.S) and handling: an IRQ handler table for the
 * per-vCPU interrupts (SGIs and PPIs) and expected synchronous faults.
 */
#ifndef GUEST_EXCEPTION_H
#define GUEST_EXCEPTION_H

/* Saved state on the stack: x0..x30, ELR, SPSR, ESR, FAR, one pad word. */
#define FRAME_X(n)    ((n) * 8)
#define FRAME_ELR     (31 * 8)
#define FRAME_SPSR    (32 * 8)
#define FRAME_ESR     (33 * 8)
#define FRAME_FAR     (34 * 8)
#define FRAME_SIZE    (36 * 8)    /* keeps SP 16-byte aligned */

/*
 * Vector table (Arm ARM chapter D1, "Exception vectors"): four groups of four
 * 128-byte entries, 2 KiB aligned. vectors.S passes the entry's index.
 */
#define VECTOR_ENTRY_SIZE  0x80
#define VECTOR_TABLE_ALIGN 0x800
#define VEC_KIND_SYNC      0
#define VEC_KIND_IRQ       1
#define VEC_KIND_FIQ       2
#define VEC_KIND_SERROR    3
#define VEC_GROUP_CUR_SP0  0          /* current EL with SP_EL0 */
#define VEC_GROUP_CUR_SPX  4          /* current EL with SP_ELx: where the runtime runs */
#define VEC_GROUP_LOW_A64  8
#define VEC_GROUP_LOW_A32  12

#ifndef __ASSEMBLER__
#include <xen/types.h>

struct exc_frame {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
	uint64_t pad;
};

/* The GIC reserves INTIDs 0..31 for the per-PE SGIs (0..15) and PPIs (16..31). */
#define NR_LOCAL_IRQS  32

typedef void (*irq_handler_t)(unsigned int intid, void *arg);

/* Installs handler for a local INTID (shared by all vCPUs); NULL removes it. */
void irq_register(unsigned int intid, irq_handler_t handler, void *arg);

/* What an expected synchronous exception left behind. */
struct fault_info {
	uint64_t esr;
	uint64_t far;
	uint64_t elr;
};

/*
 * Arms this vCPU for one synchronous exception: instead of failing the guest
 * the handler records it and resumes at ELR + 4, i.e. skips the faulting
 * instruction. Use only around single load/store instructions.
 */
void fault_expect(void);
/* Disarms; true (and *info filled) if an exception was taken since fault_expect(). */
bool fault_taken(struct fault_info *info);

/* Called by vectors.S. */
void exception_handler(struct exc_frame *frame, unsigned int vector);
#endif

#endif /* GUEST_EXCEPTION_H */
