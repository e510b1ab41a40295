/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guests are linked at their load address (config.h) and run identity
 * mapped, so nothing is relocated. start.S checks the load address.
 */
#include "config.h"

OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS
{
	. = GUEST_LINK_ADDR;
	.text : {
		KEEP(*(.text.head))
		*(.text .text.*)
	}
	. = ALIGN(16);
	.rodata : { *(.rodata .rodata.*) }
	. = ALIGN(16);
	.data : { *(.data .data.*) }
	. = ALIGN(16);
	__bss_start = .;
	.bss : { *(.bss .bss.*) *(COMMON) }
	. = ALIGN(16);
	__bss_end = .;
	_end = .;
	/* The Image header's image_size: bytes from _start to the end of BSS. */
	_image_size = _end - _start;

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.eh_frame .eh_frame_hdr) }
}
