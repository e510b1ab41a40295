/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Writes a flattened device tree (Devicetree Specification v0.4, chapter 5)
 * into a caller's buffer: nodes and properties in order, then dtbw_finish()
 * lays out the header, structure and strings blocks. Property names are
 * deduplicated in the strings block. Any overflow is remembered and
 * reported by dtbw_finish(), so callers need not check each step.
 */
#ifndef XEN_DTB_WRITE_H
#define XEN_DTB_WRITE_H

#include <xen/types.h>

#define DTBW_MAX_STRINGS 1024

struct dtb_writer {
	uint8_t *buf;
	size_t size;
	size_t struct_len;        /* structure block written so far, at buf + header */
	char strings[DTBW_MAX_STRINGS];
	size_t strings_len;
	unsigned int depth;
	int error;                /* first error: -ENOSPC, -EINVAL */
};

void dtbw_init(struct dtb_writer *w, void *buf, size_t size);
void dtbw_begin_node(struct dtb_writer *w, const char *name);
void dtbw_end_node(struct dtb_writer *w);
void dtbw_prop(struct dtb_writer *w, const char *name, const void *data, size_t len);
void dtbw_prop_u32(struct dtb_writer *w, const char *name, uint32_t v);
void dtbw_prop_u32s(struct dtb_writer *w, const char *name, const uint32_t *v, unsigned int n);
/* Two cells per value, as for #address-cells = #size-cells = 2. */
void dtbw_prop_u64s(struct dtb_writer *w, const char *name, const uint64_t *v, unsigned int n);
void dtbw_prop_string(struct dtb_writer *w, const char *name, const char *s);
/* A stringlist: the strings concatenated with their NULs (s holds n strings). */
void dtbw_prop_strings(struct dtb_writer *w, const char *name, const char *const *s,
		       unsigned int n);
void dtbw_prop_empty(struct dtb_writer *w, const char *name);
/* Completes the blob; returns its total size, or the first error (negative). */
long dtbw_finish(struct dtb_writer *w);

#endif /* XEN_DTB_WRITE_H */
