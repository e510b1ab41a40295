/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * FP/SIMD register patterns for the fpsimd guest (the runtime itself never
 * touches these registers): fp_fill(seed) sets both 64-bit lanes of v<n> to
 * seed + n; fp_check(seed) returns 0 if they all still hold that, else n + 1
 * for the first register that does not.
 */
	.arch armv8-a+fp+simd
	.text

	.global fp_fill
fp_fill:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	add	x1, x0, #\n
	dup	v\n\().2d, x1
	.endr
	ret

	.global fp_check
fp_check:
	.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	add	x1, x0, #\n
	umov	x2, v\n\().d[0]
	umov	x3, v\n\().d[1]
	cmp	x2, x1
	ccmp	x3, x1, #0, eq
	mov	x4, #(\n + 1)
	b.ne	1f
	.endr
	mov	x0, #0
	ret
1:	mov	x0, x4
	ret
