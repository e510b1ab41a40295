/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest entry. The image starts with the arm64 Image header (Linux
 * Documentation/arch/arm64/booting.rst), so the hypervisor and QEMU's -kernel
 * load it at RAM base + text_offset and enter it at EL1, MMU off, with the
 * device tree's address in x0. Secondary vCPUs arrive at secondary_entry
 * from PSCI CPU_ON with their logical index as the context id in x0.
 */
#include "config.h"
#include "sysreg.h"

/* booting.rst "Image header": flags bit 0 = big-endian, bits 1-2 = page size (1: 4K). */
#define IMAGE_FLAG_LE        (0 << 0)
#define IMAGE_FLAG_PAGE_4K   (1 << 1)
#define IMAGE_FLAGS          (IMAGE_FLAG_LE | IMAGE_FLAG_PAGE_4K)
#define IMAGE_MAGIC          0x644d5241   /* "ARM\x64" */

/* SPSel: 1 = use SP_EL1 at EL1, as exceptions taken to EL1 do. */
#define SPSEL_SP_ELX         1

	.section .text.head, "ax"
	.global _start
_start:
	b	primary_entry            /* code0 */
	.long	0                        /* code1 */
	.quad	GUEST_TEXT_OFFSET        /* text_offset */
	.quad	_image_size              /* image_size, from the linker script */
	.quad	IMAGE_FLAGS
	.quad	0, 0, 0                  /* res2 - res4 */
	.long	IMAGE_MAGIC
	.long	0                        /* res5 */

/* Parks if not at EL1 or not loaded where linked: without the DT nothing can be reported. */
primary_entry:
	msr	daifset, #DAIF_IMM_ALL
	msr	spsel, #SPSEL_SP_ELX
	mov	x19, x0
	mrs	x1, CurrentEL
	cmp	x1, #CURRENTEL_EL1
	b.ne	park
	adr	x1, _start
	ldr	x2, =_start
	cmp	x1, x2
	b.ne	park
	bl	clear_bss
	ldr	x1, =cpu_stacks + STACK_SIZE
	mov	sp, x1
	mov	x29, xzr
	mov	x30, xzr
	ldr	x1, =exception_vectors
	msr	vbar_el1, x1
	msr	tpidr_el1, xzr           /* this_cpu() == 0 */
	isb
	mov	x0, x19
	bl	boot_main
	b	park

/* MMU off: BSS is 16-byte aligned at both ends (linker script). */
clear_bss:
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	stp	xzr, xzr, [x1], #16
	b	1b
2:	ret

	.text
	.global secondary_entry
secondary_entry:
	msr	daifset, #DAIF_IMM_ALL
	msr	spsel, #SPSEL_SP_ELX
	mov	x19, x0
	cmp	x19, #MAX_CPUS
	b.hs	park
	ldr	x1, =exception_vectors
	msr	vbar_el1, x1
	ldr	x0, =mmu_boot_regs
	bl	mmu_enable
	ldr	x1, =cpu_stacks
	add	x2, x19, #1
	lsl	x2, x2, #STACK_SHIFT
	add	sp, x1, x2
	mov	x29, xzr
	mov	x30, xzr
	msr	tpidr_el1, x19
	isb
	mov	x0, x19
	bl	secondary_main
	b	park

/*
 * mmu_enable(regs): loads MAIR, TCR, TTBR0 and then SCTLR from struct
 * mmu_regs (mmu.h) with the MMU off. Uses no stack; clobbers x1-x4.
 */
	.global mmu_enable
mmu_enable:
	ldp	x1, x2, [x0]
	msr	mair_el1, x1
	msr	tcr_el1, x2
	ldp	x3, x4, [x0, #16]
	msr	ttbr0_el1, x3
	isb
	tlbi	vmalle1
	ic	iallu
	dsb	nsh
	isb
	msr	sctlr_el1, x4
	isb
	ret

	.global park
park:
	msr	daifset, #DAIF_IMM_ALL
1:	wfi
	b	1b

	.ltorg

	.section .bss.stacks, "aw", %nobits
	.balign	16
	.global cpu_stacks
cpu_stacks:
	.skip	MAX_CPUS * STACK_SIZE
