/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Static PIE linked at 0 and relocated at boot. Text, read-only data and
 * read-write data sit on page boundaries so the EL2 map can be W^X.
 */
#include <asm/config.h>

OUTPUT_ARCH(aarch64)
ENTRY(_start)

SECTIONS
{
	. = 0;
	_start_image = .;
	.text : {
		KEEP(*(.text.head))
		*(.text .text.*)
	}
	. = ALIGN(4096);
	_etext = .;
	.rodata : {
		*(.rodata .rodata.*)
		. = ALIGN(8);
		__param_start = .;
		KEEP(*(.xen_params))
		__param_end = .;
	}
	.rela.dyn : ALIGN(8) {
		__rela_start = .;
		*(.rela .rela.*)
		__rela_end = .;
	}
	.dynamic : { *(.dynamic) }
	.dynsym : { *(.dynsym) }
	.dynstr : { *(.dynstr) }
	.hash : { *(.hash) }
	.gnu.hash : { *(.gnu.hash) }
	. = ALIGN(4096);
	_erodata = .;
	.data : {
		*(.data .data.*)
		*(.got .got.plt .igot.plt)
	}
	.bss (NOLOAD) : ALIGN(4096) {
		__bss_start = .;
		*(.bss.page_aligned)
		*(.bss .bss.* COMMON)
		. = ALIGN(4096);
		__bss_end = .;
	}
	_end = .;
	_image_size = _end - _start_image;

	/DISCARD/ : {
		*(.interp .comment .note .note.* .eh_frame .eh_frame_hdr)
	}
}
