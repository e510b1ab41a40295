/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * EL2 exception vectors (Arm ARM D1.3.2: 16 entries of 0x80 bytes, table
 * 2 KiB aligned). Every entry saves a struct cpu_regs frame on the current
 * stack and calls C; only the IRQ path returns.
 */
#include <asm/percpu.h>
#include <asm/regs.h>

/* x2-x29 to / from a struct cpu_regs frame at \base (op: stp or ldp). */
.macro pair op, base, a, b
	\op	x\a, x\b, [\base, #FRAME_X(\a)]
.endm

.macro x2_x29 op, base
	pair	\op, \base, 2, 3
	pair	\op, \base, 4, 5
	pair	\op, \base, 6, 7
	pair	\op, \base, 8, 9
	pair	\op, \base, 10, 11
	pair	\op, \base, 12, 13
	pair	\op, \base, 14, 15
	pair	\op, \base, 16, 17
	pair	\op, \base, 18, 19
	pair	\op, \base, 20, 21
	pair	\op, \base, 22, 23
	pair	\op, \base, 24, 25
	pair	\op, \base, 26, 27
	pair	\op, \base, 28, 29
.endm

.macro store_x2_x29 base
	x2_x29	stp, \base
.endm

.macro load_x2_x29 base
	x2_x29	ldp, \base
.endm

.macro store_exc_state base, t0, t1
	mrs	\t0, elr_el2
	mrs	\t1, spsr_el2
	stp	\t0, \t1, [\base, #FRAME_ELR]
	mrs	\t0, esr_el2
	mrs	\t1, far_el2
	stp	\t0, \t1, [\base, #FRAME_ESR]
.endm

.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #FRAME_X(0)]
	store_x2_x29 sp
	add	x0, sp, #FRAME_SIZE
	stp	x30, x0, [sp, #FRAME_X(30)]
	store_exc_state sp, x0, x1
.endm

.macro restore_frame
	ldp	x0, x1, [sp, #FRAME_ELR]
	msr	elr_el2, x0
	msr	spsr_el2, x1
	ldp	x0, x1, [sp, #FRAME_X(0)]
	load_x2_x29 sp
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
	store_x2_x29 x0
	str	x30, [x0, #FRAME_X(30)]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #FRAME_X(0)]
	store_exc_state x0, x2, x3
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
	load_x2_x29 x0
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
