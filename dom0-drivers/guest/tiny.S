/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * tiny.bin: the smallest arm64 Image a domain can be built from (a 64-byte
 * Image header, then PSCI SYSTEM_OFF). dom0's toolstack checks create and
 * destroy it, paused, hundreds of times (CYCLE_KERNEL of
 * checks/toolstack-checks.sh); if it ever runs, it powers its domain off.
 */
	.text
	.globl	_start
_start:
	b	entry			/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	image_end - _start	/* image_size */
	.quad	2			/* flags: little-endian, 4 KiB pages */
	.quad	0, 0, 0			/* res2, res3, res4 */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* res5 */
entry:
	ldr	x0, =0x84000008		/* PSCI SYSTEM_OFF */
	hvc	#0
1:	wfi
	b	1b
	.ltorg
	.balign	8
image_end:
