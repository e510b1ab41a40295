// SPDX-License-Identifier: GPL-2.0-only
/* Test helpers that build and edit device tree blobs; see dtb_edit.h. */
#include "dtb_edit.h"
#include "harness.h"
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HDR_SIZE       40   /* DTSpec 5.2: ten u32 fields */
#define RSV_ENTRY      16   /* DTSpec 5.3.2: { u64 address; u64 size; } */
#define DTB_VERSION    17   /* DTSpec 5.2: the version written */
#define DTB_LAST_COMP  16   /* DTSpec 5.2: last_comp_version written */

uint32_t dte_hdr(const void *blob, unsigned int field)
{
	const uint8_t *b = (const uint8_t *)blob + field;

	return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

void dte_put32(void *p, uint32_t v)
{
	uint8_t *b = p;

	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

void dte_set_hdr(void *blob, unsigned int field, uint32_t val)
{
	dte_put32((uint8_t *)blob + field, val);
}

static void put64(void *p, uint64_t v)
{
	dte_put32(p, (uint32_t)(v >> 32));
	dte_put32((uint8_t *)p + 4, (uint32_t)v);
}

/* ---- libfdt edits ---- */

void *dte_open(const void *blob, size_t extra)
{
	size_t size = fdt_totalsize(blob) + extra;
	void *buf = malloc(size);

	if (buf && fdt_open_into(blob, buf, (int)size) != 0) {
		free(buf);
		buf = NULL;
	}
	return buf;
}

void *dte_load(const char *name, size_t *len)
{
	char path[512];
	size_t flen;
	void *raw, *buf;

	snprintf(path, sizeof(path), "%s/%s", ut_dtb_dir(), name);
	raw = ut_read_file(path, &flen);
	if (!raw)
		return NULL;
	buf = fdt_check_header(raw) == 0 ? dte_open(raw, 0) : NULL;
	free(raw);
	if (!buf)
		return NULL;
	fdt_pack(buf);
	*len = fdt_totalsize(buf);
	return realloc(buf, *len);
}

size_t dte_size(const void *fdt)
{
	return fdt_totalsize(fdt);
}

static int node_at(const void *fdt, const char *path)
{
	return fdt_path_offset(fdt, path);
}

int dte_del_node(void *fdt, const char *path)
{
	int off = node_at(fdt, path);

	return off < 0 ? off : fdt_del_node(fdt, off);
}

int dte_add_node(void *fdt, const char *parent, const char *name)
{
	int off = node_at(fdt, parent);

	if (off < 0)
		return off;
	off = fdt_add_subnode(fdt, off, name);
	return off < 0 ? off : 0;
}

int dte_del_prop(void *fdt, const char *path, const char *name)
{
	int off = node_at(fdt, path);

	return off < 0 ? off : fdt_delprop(fdt, off, name);
}

int dte_set_prop(void *fdt, const char *path, const char *name, const void *val, int len)
{
	int off = node_at(fdt, path);

	return off < 0 ? off : fdt_setprop(fdt, off, name, val, len);
}

int dte_set_string(void *fdt, const char *path, const char *name, const char *val)
{
	return dte_set_prop(fdt, path, name, val, (int)strlen(val) + 1);
}

int dte_set_strings(void *fdt, const char *path, const char *name, const char *val, int len)
{
	return dte_set_prop(fdt, path, name, val, len);
}

int dte_set_u32(void *fdt, const char *path, const char *name, uint32_t val)
{
	uint8_t b[4];

	dte_put32(b, val);
	return dte_set_prop(fdt, path, name, b, sizeof(b));
}

int dte_set_u64(void *fdt, const char *path, const char *name, uint64_t val)
{
	uint8_t b[8];

	put64(b, val);
	return dte_set_prop(fdt, path, name, b, sizeof(b));
}

int dte_set_cells(void *fdt, const char *path, const char *name, const uint32_t *cells,
		  unsigned int n)
{
	uint8_t b[1024];

	if (n * 4 > sizeof(b))
		return -FDT_ERR_NOSPACE;
	for (unsigned int i = 0; i < n; i++)
		dte_put32(b + 4 * i, cells[i]);
	return dte_set_prop(fdt, path, name, b, (int)(n * 4));
}

int dte_add_memreserve(void *fdt, uint64_t addr, uint64_t size)
{
	return fdt_add_mem_rsv(fdt, addr, size);
}

/* ---- Raw writer ---- */

void rawdt_init(struct rawdt *w)
{
	memset(w, 0, sizeof(*w));
}

void rawdt_u32(struct rawdt *w, uint32_t v)
{
	if (w->st_len + 4 > DTBW_STRUCT_MAX)
		abort();
	dte_put32(w->st + w->st_len, v);
	w->st_len += 4;
}

void rawdt_bytes(struct rawdt *w, const void *p, uint32_t len)
{
	uint32_t padded = (len + 3) & ~3U;

	if (w->st_len + padded > DTBW_STRUCT_MAX)
		abort();
	memcpy(w->st + w->st_len, p, len);
	memset(w->st + w->st_len + len, 0, padded - len);
	w->st_len += padded;
}

void rawdt_begin(struct rawdt *w, const char *name)
{
	rawdt_u32(w, TK_BEGIN_NODE);
	rawdt_bytes(w, name, (uint32_t)strlen(name) + 1);
}

void rawdt_end(struct rawdt *w)
{
	rawdt_u32(w, TK_END_NODE);
}

uint32_t rawdt_string(struct rawdt *w, const char *s)
{
	uint32_t len = (uint32_t)strlen(s) + 1, off;

	for (off = 0; off < w->str_len; off += (uint32_t)strlen(w->str + off) + 1)
		if (strcmp(w->str + off, s) == 0)
			return off;
	if (w->str_len + len > DTBW_STRINGS_MAX)
		abort();
	memcpy(w->str + w->str_len, s, len);
	w->str_len += len;
	return off;
}

void rawdt_prop(struct rawdt *w, const char *name, const void *data, uint32_t len)
{
	rawdt_u32(w, TK_PROP);
	rawdt_u32(w, len);
	rawdt_u32(w, rawdt_string(w, name));
	rawdt_bytes(w, data, len);
}

void rawdt_prop_str(struct rawdt *w, const char *name, const char *s)
{
	rawdt_prop(w, name, s, (uint32_t)strlen(s) + 1);
}

void rawdt_prop_u32(struct rawdt *w, const char *name, uint32_t v)
{
	rawdt_prop_cells(w, name, &v, 1);
}

void rawdt_prop_cells(struct rawdt *w, const char *name, const uint32_t *cells, unsigned int n)
{
	uint8_t b[1024];

	if (n * 4 > sizeof(b))
		abort();
	for (unsigned int i = 0; i < n; i++)
		dte_put32(b + 4 * i, cells[i]);
	rawdt_prop(w, name, b, n * 4);
}

void rawdt_rsv(struct rawdt *w, uint64_t addr, uint64_t size)
{
	if (w->nr_rsv == DTBW_RSV_MAX)
		abort();
	w->rsv[w->nr_rsv][0] = addr;
	w->rsv[w->nr_rsv][1] = size;
	w->nr_rsv++;
}

/* Header, rsvmap, strings, struct; returns a malloc'd blob of exactly *len bytes. */
static void *assemble(const uint8_t *rsv, uint32_t rsv_len, const void *str, uint32_t str_len,
		      const void *st, uint32_t st_len, size_t *len)
{
	uint32_t off_str = HDR_SIZE + rsv_len;
	uint32_t off_st = (off_str + str_len + 3) & ~3U;
	uint8_t *b = calloc(1, off_st + st_len);

	if (!b)
		abort();
	dte_set_hdr(b, HDR_F_MAGIC, 0xd00dfeed);
	dte_set_hdr(b, HDR_F_TOTALSIZE, off_st + st_len);
	dte_set_hdr(b, HDR_F_OFF_STRUCT, off_st);
	dte_set_hdr(b, HDR_F_OFF_STRINGS, off_str);
	dte_set_hdr(b, HDR_F_OFF_RSVMAP, HDR_SIZE);
	dte_set_hdr(b, HDR_F_VERSION, DTB_VERSION);
	dte_set_hdr(b, HDR_F_LAST_COMP, DTB_LAST_COMP);
	dte_set_hdr(b, HDR_F_SIZE_STRINGS, str_len);
	dte_set_hdr(b, HDR_F_SIZE_STRUCT, st_len);
	memcpy(b + HDR_SIZE, rsv, rsv_len);
	memcpy(b + off_str, str, str_len);
	memcpy(b + off_st, st, st_len);
	*len = off_st + st_len;
	return b;
}

void *rawdt_finish(const struct rawdt *w, size_t *len)
{
	uint8_t rsv[(DTBW_RSV_MAX + 1) * RSV_ENTRY] = { 0 };

	for (unsigned int i = 0; i < w->nr_rsv; i++) {
		put64(rsv + i * RSV_ENTRY, w->rsv[i][0]);
		put64(rsv + i * RSV_ENTRY + 8, w->rsv[i][1]);
	}
	return assemble(rsv, (w->nr_rsv + 1) * RSV_ENTRY, w->str, w->str_len, w->st, w->st_len,
			len);
}

void *dte_cut_struct(const void *blob, uint32_t struct_len, size_t *len)
{
	const uint8_t *b = blob;
	uint32_t rsv_off = dte_hdr(b, HDR_F_OFF_RSVMAP), rsv_len = 0;

	/* The source is a valid blob: its reservation map is terminated. */
	while (dte_hdr(b, rsv_off + rsv_len) | dte_hdr(b, rsv_off + rsv_len + 4) |
	       dte_hdr(b, rsv_off + rsv_len + 8) | dte_hdr(b, rsv_off + rsv_len + 12))
		rsv_len += RSV_ENTRY;
	rsv_len += RSV_ENTRY;
	return assemble(b + rsv_off, rsv_len, b + dte_hdr(b, HDR_F_OFF_STRINGS),
			dte_hdr(b, HDR_F_SIZE_STRINGS), b + dte_hdr(b, HDR_F_OFF_STRUCT),
			struct_len, len);
}
