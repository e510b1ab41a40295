/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Entry from the boot loader. The image starts with the arm64 Linux Image
 * header (Linux Documentation/arch/arm64/booting.rst), so QEMU's -kernel and
 * ordinary boot loaders load it at a 2 MiB-aligned base and enter it at EL2,
 * MMU off, with the DTB's physical address in x0.
 *
 * The image is a static PIE linked at 0: the first thing it does is apply its
 * own R_AARCH64_RELATIVE relocations for wherever it was loaded.
 */
#include <asm/config.h>
#include <asm/sysregs.h>

/* Image header flags: LE, 4K pages, may be placed anywhere in memory. */
#define IMAGE_FLAGS  ((0 << 0) | (1 << 1) | (1 << 3))
#define IMAGE_MAGIC  0x644d5241   /* "ARM\x64" */

	.section .text.head, "ax"
	.global _start
_start:
	b	primary_entry            /* code0 */
	.long	0                        /* code1 */
	.quad	0                        /* text_offset */
	.quad	0                        /* image_size: patched by the build from _end */
	.quad	IMAGE_FLAGS
	.quad	0, 0, 0                  /* res2 - res4 */
	.long	IMAGE_MAGIC
	.long	0                        /* res5 */

primary_entry:
	msr	daifset, #0xf
	mov	x19, x0                  /* DTB physical address */
	mrs	x1, CurrentEL
	cmp	x1, #CURRENTEL_EL2
	b.ne	not_el2
	adr	x20, _start              /* load address = relocation delta (linked at 0) */
	bl	apply_relocations
	bl	clear_bss
	adrp	x1, cpu_stacks
	add	x1, x1, :lo12:cpu_stacks
	add	sp, x1, #STACK_SIZE
	mov	x29, xzr
	mov	x30, xzr
	adrp	x1, hyp_vectors
	add	x1, x1, :lo12:hyp_vectors
	msr	vbar_el2, x1
	isb
	mov	x0, x19
	bl	arch_boot_main
	b	park

/* Applies every RELA entry as R_AARCH64_RELATIVE: *(delta + off) = delta + addend. */
apply_relocations:
	adrp	x1, __rela_start
	add	x1, x1, :lo12:__rela_start
	adrp	x2, __rela_end
	add	x2, x2, :lo12:__rela_end
1:	cmp	x1, x2
	b.hs	2f
	ldp	x3, x4, [x1], #16        /* r_offset, r_info */
	ldr	x5, [x1], #8             /* r_addend */
	cmp	w4, #R_AARCH64_RELATIVE
	b.ne	park                     /* the build checks there is no other type */
	add	x5, x5, x20
	str	x5, [x20, x3]
	b	1b
2:	ret

clear_bss:
	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, __bss_end
	add	x2, x2, :lo12:__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	ret

/*
 * Secondary CPUs arrive here from PSCI CPU_ON, MMU off, with their logical
 * index as the context id in x0. They load the MMU set-up the boot CPU
 * published (and cleaned to memory) in secondary_mmu.
 */
	.global secondary_entry
secondary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	adrp	x1, hyp_vectors
	add	x1, x1, :lo12:hyp_vectors
	msr	vbar_el2, x1
	adrp	x2, secondary_mmu
	add	x2, x2, :lo12:secondary_mmu
	ldp	x3, x4, [x2]             /* mair, tcr */
	msr	mair_el2, x3
	msr	tcr_el2, x4
	ldp	x3, x4, [x2, #16]        /* ttbr0, sctlr */
	msr	ttbr0_el2, x3
	isb
	tlbi	alle2
	dsb	nsh
	isb
	msr	sctlr_el2, x4
	isb
	adrp	x1, cpu_stacks
	add	x1, x1, :lo12:cpu_stacks
	add	x2, x19, #1
	lsl	x2, x2, #STACK_SHIFT
	add	sp, x1, x2
	mov	x29, xzr
	mov	x30, xzr
	mov	x0, x19
	bl	arch_secondary_main
	b	park

not_el2:
park:
	msr	daifset, #0xf
1:	wfi
	b	1b
