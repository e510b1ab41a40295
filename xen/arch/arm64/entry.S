/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2 exception vectors (Arm ARM D1.3.2: 16 entries of 0x80 bytes, table
 * 2 KiB aligned). Every entry saves a struct cpu_regs frame on the current
 * stack and calls C; only the IRQ path returns.
 */
#include <asm/percpu.h>
#include <asm/regs.h>

.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_X(0)]
	stp	x2, x3, [sp, #FRAME_X(2)]
	stp	x4, x5, [sp, #FRAME_X(4)]
	stp	x6, x7, [sp, #FRAME_X(6)]
	stp	x8, x9, [sp, #FRAME_X(8)]
	stp	x10, x11, [sp, #FRAME_X(10)]
	stp	x12, x13, [sp, #FRAME_X(12)]
	stp	x14, x15, [sp, #FRAME_X(14)]
	stp	x16, x17, [sp, #FRAME_X(16)]
	stp	x18, x19, [sp, #FRAME_X(18)]
	stp	x20, x21, [sp, #FRAME_X(20)]
	stp	x22, x23, [sp, #FRAME_X(22)]
	stp	x24, x25, [sp, #FRAME_X(24)]
	stp	x26, x27, [sp, #FRAME_X(26)]
	stp	x28, x29, [sp, #FRAME_X(28)]
	add	x0, sp, #FRAME_SIZE
	stp	x30, x0, [sp, #FRAME_X(30)]
	mrs	x0, elr_el2
	mrs	x1, spsr_el2
	stp	x0, x1, [sp, #FRAME_ELR]
	mrs	x0, esr_el2
	mrs	x1, far_el2
	stp	x0, x1, [sp, #FRAME_ESR]
.endm

.macro restore_frame
	ldp	x0, x1, [sp, #FRAME_ELR]
	msr	elr_el2, x0
	msr	spsr_el2, x1
	ldp	x0, x1, [sp, #FRAME_X(0)]
	ldp	x2, x3, [sp, #FRAME_X(2)]
	ldp	x4, x5, [sp, #FRAME_X(4)]
	ldp	x6, x7, [sp, #FRAME_X(6)]
	ldp	x8, x9, [sp, #FRAME_X(8)]
	ldp	x10, x11, [sp, #FRAME_X(10)]
	ldp	x12, x13, [sp, #FRAME_X(12)]
	ldp	x14, x15, [sp, #FRAME_X(14)]
	ldp	x16, x17, [sp, #FRAME_X(16)]
	ldp	x18, x19, [sp, #FRAME_X(18)]
	ldp	x20, x21, [sp, #FRAME_X(20)]
	ldp	x22, x23, [sp, #FRAME_X(22)]
	ldp	x24, x25, [sp, #FRAME_X(24)]
	ldp	x26, x27, [sp, #FRAME_X(26)]
	ldp	x28, x29, [sp, #FRAME_X(28)]
	ldr	x30, [sp, #FRAME_X(30)]
	add	sp, sp, #FRAME_SIZE
	eret
.endm

/* An entry that reports and never returns. */
.macro bad_entry vec
	.align 7
	save_frame
	mov	x0, sp
	mov	x1, #\vec
	bl	do_unexpected_exception
	b	.
.endm

/*
 * A guest exit: the guest's x0-x30, PC and PSTATE go into the running vCPU's
 * frame (pcpu->guest_regs), the hypervisor stack restarts at its top (nothing
 * on it outlives a guest entry), and C decides which vCPU to enter next.
 */
.macro guest_exit handler
	stp	x0, x1, [sp, #-16]!
	mrs	x0, tpidr_el2
	ldr	x0, [x0, #PCPU_GUEST_REGS]
	stp	x2, x3, [x0, #FRAME_X(2)]
	stp	x4, x5, [x0, #FRAME_X(4)]
	stp	x6, x7, [x0, #FRAME_X(6)]
	stp	x8, x9, [x0, #FRAME_X(8)]
	stp	x10, x11, [x0, #FRAME_X(10)]
	stp	x12, x13, [x0, #FRAME_X(12)]
	stp	x14, x15, [x0, #FRAME_X(14)]
	stp	x16, x17, [x0, #FRAME_X(16)]
	stp	x18, x19, [x0, #FRAME_X(18)]
	stp	x20, x21, [x0, #FRAME_X(20)]
	stp	x22, x23, [x0, #FRAME_X(22)]
	stp	x24, x25, [x0, #FRAME_X(24)]
	stp	x26, x27, [x0, #FRAME_X(26)]
	stp	x28, x29, [x0, #FRAME_X(28)]
	str	x30, [x0, #FRAME_X(30)]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #FRAME_X(0)]
	mrs	x2, elr_el2
	mrs	x3, spsr_el2
	stp	x2, x3, [x0, #FRAME_ELR]
	mrs	x2, esr_el2
	mrs	x3, far_el2
	stp	x2, x3, [x0, #FRAME_ESR]
	mrs	x1, tpidr_el2
	ldr	x1, [x1, #PCPU_STACK_TOP]
	mov	sp, x1
	mov	x29, xzr
	mov	x30, xzr
	bl	\handler
	b	enter_guest
.endm

	.text

/* enter_guest(struct cpu_regs *regs): loads the frame and erets into the guest. */
	.global enter_guest
enter_guest:
	ldp	x1, x2, [x0, #FRAME_ELR]
	msr	elr_el2, x1
	msr	spsr_el2, x2
	ldp	x2, x3, [x0, #FRAME_X(2)]
	ldp	x4, x5, [x0, #FRAME_X(4)]
	ldp	x6, x7, [x0, #FRAME_X(6)]
	ldp	x8, x9, [x0, #FRAME_X(8)]
	ldp	x10, x11, [x0, #FRAME_X(10)]
	ldp	x12, x13, [x0, #FRAME_X(12)]
	ldp	x14, x15, [x0, #FRAME_X(14)]
	ldp	x16, x17, [x0, #FRAME_X(16)]
	ldp	x18, x19, [x0, #FRAME_X(18)]
	ldp	x20, x21, [x0, #FRAME_X(20)]
	ldp	x22, x23, [x0, #FRAME_X(22)]
	ldp	x24, x25, [x0, #FRAME_X(24)]
	ldp	x26, x27, [x0, #FRAME_X(26)]
	ldp	x28, x29, [x0, #FRAME_X(28)]
	ldr	x30, [x0, #FRAME_X(30)]
	ldp	x0, x1, [x0, #FRAME_X(0)]
	eret

	.align 11
	.global hyp_vectors
hyp_vectors:
	bad_entry 0    /* current EL, SP_EL0: sync */
	bad_entry 1    /* irq */
	bad_entry 2    /* fiq */
	bad_entry 3    /* serror */
	.align 7       /* current EL, SP_ELx: sync */
	b	hyp_sync
	.align 7       /* irq */
	b	hyp_irq
	bad_entry 6    /* fiq */
	bad_entry 7    /* serror */
	.align 7       /* lower EL, AArch64: sync */
	b	guest_sync_vec
	.align 7       /* irq */
	b	guest_irq_vec
	.align 7       /* fiq */
	b	guest_bad_vec
	.align 7       /* serror */
	b	guest_bad_vec
	.align 7       /* lower EL, AArch32 (a guest's EL0): sync */
	b	guest_sync_vec
	.align 7       /* irq */
	b	guest_irq_vec
	.align 7       /* fiq */
	b	guest_bad_vec
	.align 7       /* serror */
	b	guest_bad_vec

guest_sync_vec:
	guest_exit guest_sync_exit

guest_irq_vec:
	guest_exit guest_irq_exit

/* FIQ or SError from a guest: that domain crashes, the CPU goes on. */
guest_bad_vec:
	guest_exit guest_bad_exit

hyp_sync:
	save_frame
	mov	x0, sp
	bl	do_hyp_sync
	restore_frame

hyp_irq:
	save_frame
	mov	x0, sp
	bl	do_hyp_irq
	restore_frame
