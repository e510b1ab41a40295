/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test helpers that make device tree blobs: edits of real DTBs through the
 * host's libfdt (dte_*), and a raw blob writer (rawdt_*) that can also write
 * malformed trees on purpose. libfdt.h stays inside dtb_edit.c so test files
 * can include xen/dtb.h without any clash.
 */
#ifndef UNIT_DTB_EDIT_H
#define UNIT_DTB_EDIT_H

#include <stddef.h>
#include <stdint.h>

/* DTSpec v0.4 5.4.1 structure block tokens, for writing raw blobs. */
#define TK_BEGIN_NODE  0x1
#define TK_END_NODE    0x2
#define TK_PROP        0x3
#define TK_NOP         0x4
#define TK_END         0x9

/* DTSpec v0.4 5.2 header field offsets. */
#define HDR_F_MAGIC         0
#define HDR_F_TOTALSIZE     4
#define HDR_F_OFF_STRUCT    8
#define HDR_F_OFF_STRINGS   12
#define HDR_F_OFF_RSVMAP    16
#define HDR_F_VERSION       20
#define HDR_F_LAST_COMP     24
#define HDR_F_SIZE_STRINGS  32
#define HDR_F_SIZE_STRUCT   36

uint32_t dte_hdr(const void *blob, unsigned int field);
void dte_set_hdr(void *blob, unsigned int field, uint32_t val);
void dte_put32(void *p, uint32_t v);

/* ---- libfdt edits; each returns 0 or a negative libfdt error ---- */

/* A malloc'd writable copy of a valid blob with `extra` bytes to grow. */
void *dte_open(const void *blob, size_t extra);
/* A malloc'd packed copy of the QEMU DTB ut_dtb_dir()/name; NULL if missing. */
void *dte_load(const char *name, size_t *len);
size_t dte_size(const void *fdt);
int dte_del_node(void *fdt, const char *path);
int dte_add_node(void *fdt, const char *parent, const char *name);
int dte_del_prop(void *fdt, const char *path, const char *name);
int dte_set_prop(void *fdt, const char *path, const char *name, const void *val, int len);
int dte_set_string(void *fdt, const char *path, const char *name, const char *val);
/* Strings separated by '\0' inside val, total length len (a stringlist). */
int dte_set_strings(void *fdt, const char *path, const char *name, const char *val, int len);
int dte_set_u32(void *fdt, const char *path, const char *name, uint32_t val);
int dte_set_u64(void *fdt, const char *path, const char *name, uint64_t val);
int dte_set_cells(void *fdt, const char *path, const char *name, const uint32_t *cells,
		  unsigned int n);
int dte_add_memreserve(void *fdt, uint64_t addr, uint64_t size);

/* ---- Raw blob writer ---- */

#define DTBW_STRUCT_MAX   16384
#define DTBW_STRINGS_MAX  2048
#define DTBW_RSV_MAX      8

struct rawdt {
	uint8_t st[DTBW_STRUCT_MAX];
	uint32_t st_len;
	char str[DTBW_STRINGS_MAX];
	uint32_t str_len;
	uint64_t rsv[DTBW_RSV_MAX][2];
	unsigned int nr_rsv;
};

void rawdt_init(struct rawdt *w);
void rawdt_u32(struct rawdt *w, uint32_t v);
void rawdt_bytes(struct rawdt *w, const void *p, uint32_t len);    /* padded to 4 */
void rawdt_begin(struct rawdt *w, const char *name);
void rawdt_end(struct rawdt *w);
/* Offset of the name in the strings block, adding it if new. */
uint32_t rawdt_string(struct rawdt *w, const char *s);
void rawdt_prop(struct rawdt *w, const char *name, const void *data, uint32_t len);
void rawdt_prop_str(struct rawdt *w, const char *name, const char *s);
void rawdt_prop_u32(struct rawdt *w, const char *name, uint32_t v);
void rawdt_prop_cells(struct rawdt *w, const char *name, const uint32_t *cells, unsigned int n);
void rawdt_rsv(struct rawdt *w, uint64_t addr, uint64_t size);
/*
 * A malloc'd blob of exactly *len bytes: header, reservation map (terminated),
 * strings, then the structure block last, so a read past its end is a read
 * past the allocation. Tokens are written as given: add TK_END yourself.
 */
void *rawdt_finish(const struct rawdt *w, size_t *len);

/*
 * A malloc'd copy of a valid blob laid out as header, rsvmap, strings,
 * struct with the structure block cut to struct_len bytes and the blob to
 * exactly its end (*len). Header sizes describe the cut block.
 */
void *dte_cut_struct(const void *blob, uint32_t struct_len, size_t *len);

#endif /* UNIT_DTB_EDIT_H */
