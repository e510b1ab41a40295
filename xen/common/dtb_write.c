// SPDX-License-Identifier: GPL-2.0-only
/*
 * Flattened device tree writer. Layout (DT spec 5.1): header (40 bytes), an
 * empty memory reservation block (its terminating entry, 16 bytes), the
 * structure block (built in place), then the strings block (copied at the end).
 */
#include <xen/dtb_write.h>
#include <xen/errno.h>
#include <xen/lib.h>

#define FDT_BEGIN_NODE   1
#define FDT_END_NODE     2
#define FDT_PROP         3
#define FDT_END          9
#define FDT_VERSION      17
#define FDT_LAST_COMP    16
#define HDR_SIZE         40
#define RSVMAP_SIZE      16                    /* the terminating {0, 0} entry */
#define STRUCT_OFF       (HDR_SIZE + RSVMAP_SIZE)

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void set_error(struct dtb_writer *w, int err)
{
	if (!w->error)
		w->error = err;
}

/* Appends len bytes (zero-padded to 4) to the structure block. */
static void emit(struct dtb_writer *w, const void *data, size_t len)
{
	size_t padded = ALIGN_UP(len, 4);
	uint8_t *dst = w->buf + STRUCT_OFF + w->struct_len;

	if (w->error)
		return;
	if (STRUCT_OFF + w->struct_len + padded > w->size) {
		set_error(w, -ENOSPC);
		return;
	}
	memcpy(dst, data, len);
	memset(dst + len, 0, padded - len);
	w->struct_len += padded;
}

static void emit_u32(struct dtb_writer *w, uint32_t v)
{
	uint8_t b[4];

	put_be32(b, v);
	emit(w, b, 4);
}

void dtbw_init(struct dtb_writer *w, void *buf, size_t size)
{
	*w = (struct dtb_writer){ .buf = buf, .size = size };
	if (size < STRUCT_OFF)
		w->error = -ENOSPC;
}

void dtbw_begin_node(struct dtb_writer *w, const char *name)
{
	emit_u32(w, FDT_BEGIN_NODE);
	emit(w, name, strlen(name) + 1);
	w->depth++;
}

void dtbw_end_node(struct dtb_writer *w)
{
	if (!w->depth) {
		set_error(w, -EINVAL);
		return;
	}
	emit_u32(w, FDT_END_NODE);
	w->depth--;
}

/* Offset of name in the strings block, adding it if new. */
static uint32_t string_offset(struct dtb_writer *w, const char *name)
{
	size_t len = strlen(name) + 1;

	for (size_t off = 0; off < w->strings_len; off += strlen(w->strings + off) + 1)
		if (!strcmp(w->strings + off, name))
			return (uint32_t)off;
	if (w->strings_len + len > DTBW_MAX_STRINGS) {
		set_error(w, -ENOSPC);
		return 0;
	}
	memcpy(w->strings + w->strings_len, name, len);
	w->strings_len += len;
	return (uint32_t)(w->strings_len - len);
}

void dtbw_prop(struct dtb_writer *w, const char *name, const void *data, size_t len)
{
	uint32_t off = string_offset(w, name);

	emit_u32(w, FDT_PROP);
	emit_u32(w, (uint32_t)len);
	emit_u32(w, off);
	if (len)
		emit(w, data, len);
}

void dtbw_prop_u32s(struct dtb_writer *w, const char *name, const uint32_t *v, unsigned int n)
{
	uint8_t b[4 * 32];

	if (n > 32) {
		set_error(w, -EINVAL);
		return;
	}
	for (unsigned int i = 0; i < n; i++)
		put_be32(b + 4 * i, v[i]);
	dtbw_prop(w, name, b, 4UL * n);
}

void dtbw_prop_u32(struct dtb_writer *w, const char *name, uint32_t v)
{
	dtbw_prop_u32s(w, name, &v, 1);
}

void dtbw_prop_u64s(struct dtb_writer *w, const char *name, const uint64_t *v, unsigned int n)
{
	uint32_t cells[32];

	if (n > 16) {
		set_error(w, -EINVAL);
		return;
	}
	for (unsigned int i = 0; i < n; i++) {
		cells[2 * i] = (uint32_t)(v[i] >> 32);
		cells[2 * i + 1] = (uint32_t)v[i];
	}
	dtbw_prop_u32s(w, name, cells, 2 * n);
}

void dtbw_prop_string(struct dtb_writer *w, const char *name, const char *s)
{
	dtbw_prop(w, name, s, strlen(s) + 1);
}

void dtbw_prop_strings(struct dtb_writer *w, const char *name, const char *const *s,
		       unsigned int n)
{
	char b[256];
	size_t len = 0;

	for (unsigned int i = 0; i < n; i++) {
		size_t l = strlen(s[i]) + 1;

		if (len + l > sizeof(b)) {
			set_error(w, -ENOSPC);
			return;
		}
		memcpy(b + len, s[i], l);
		len += l;
	}
	dtbw_prop(w, name, b, len);
}

void dtbw_prop_empty(struct dtb_writer *w, const char *name)
{
	dtbw_prop(w, name, NULL, 0);
}

static void write_header(struct dtb_writer *w, size_t total)
{
	static const uint32_t magic = 0xd00dfeedU;
	uint32_t fields[10] = {
		magic, (uint32_t)total, STRUCT_OFF, (uint32_t)(STRUCT_OFF + w->struct_len),
		HDR_SIZE, FDT_VERSION, FDT_LAST_COMP, 0, (uint32_t)w->strings_len,
		(uint32_t)w->struct_len,
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(fields); i++)
		put_be32(w->buf + 4 * i, fields[i]);
	memset(w->buf + HDR_SIZE, 0, RSVMAP_SIZE);
}

long dtbw_finish(struct dtb_writer *w)
{
	size_t total;

	if (w->depth)
		set_error(w, -EINVAL);
	emit_u32(w, FDT_END);
	total = STRUCT_OFF + w->struct_len + w->strings_len;
	if (!w->error && total > w->size)
		set_error(w, -ENOSPC);
	if (w->error)
		return w->error;
	memcpy(w->buf + STRUCT_OFF + w->struct_len, w->strings, w->strings_len);
	write_header(w, total);
	return (long)total;
}
