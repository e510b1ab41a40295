/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A read-only flattened device tree (DTB) reader, written to the Devicetree
 * Specification v0.4, chapter 5. Every offset and length read from the blob is
 * bounds-checked: a corrupt blob gives an error, never a read outside it.
 *
 * A node is named by the offset of its FDT_BEGIN_NODE token inside the
 * structure block; walking uses small cursor structs, no allocation.
 */
#ifndef XEN_DTB_H
#define XEN_DTB_H

#include <xen/types.h>

#define DTB_MAGIC        0xd00dfeedU
#define DTB_HEADER_SIZE  40
#define DTB_MAX_DEPTH    32

struct dtb {
	const uint8_t *blob;
	uint32_t size;          /* header totalsize */
	uint32_t off_struct;
	uint32_t size_struct;
	uint32_t off_strings;
	uint32_t size_strings;
	uint32_t off_rsvmap;
	uint32_t version;
};

struct dtb_node {
	const struct dtb *dtb;
	uint32_t off;           /* of FDT_BEGIN_NODE, relative to the struct block */
};

struct dtb_prop {
	const char *name;
	const void *data;
	uint32_t len;
};

/* Big-endian loads that tolerate any alignment. */
uint32_t dtb_be32(const void *p);
uint64_t dtb_be64(const void *p);
/* Reads a 1- or 2-cell number (cells = 1 or 2) from p. */
uint64_t dtb_read_cells(const void *p, uint32_t cells);

/*
 * Checks the magic and returns totalsize without validating the rest, so a
 * caller can map the whole blob. -EINVAL on bad magic.
 */
int dtb_peek_size(const void *blob, uint32_t *size);

/*
 * Validates the header against max_size (the bytes known to be readable):
 * magic (-EINVAL), version >= 16 and last_comp_version <= 17 (-ENOEXEC),
 * totalsize and every block inside it and inside max_size (-ERANGE).
 */
int dtb_open(struct dtb *dtb, const void *blob, size_t max_size);

/* Memory reservation block entry idx; -ENOENT past the last one. */
int dtb_rsvmap_get(const struct dtb *dtb, unsigned int idx, uint64_t *addr, uint64_t *size);

bool dtb_root(const struct dtb *dtb, struct dtb_node *root);
bool dtb_first_child(const struct dtb_node *parent, struct dtb_node *child);
bool dtb_next_sibling(const struct dtb_node *node, struct dtb_node *next);
bool dtb_parent(const struct dtb_node *node, struct dtb_node *parent);

/* Full node name with unit address ("cpu@0"); "" for the root. */
const char *dtb_node_name(const struct dtb_node *node);

/*
 * Finds an absolute path ("/cpus/cpu@0"). A component without '@' also
 * matches a node whose name is that component followed by "@unit".
 * A path not starting with '/' is looked up in /aliases first.
 */
bool dtb_find_path(const struct dtb *dtb, const char *path, struct dtb_node *out);

/* First node in depth-first order, after `after` if not NULL, compatible with compat. */
bool dtb_find_compatible(const struct dtb *dtb, const struct dtb_node *after, const char *compat,
			 struct dtb_node *out);
bool dtb_find_phandle(const struct dtb *dtb, uint32_t phandle, struct dtb_node *out);

bool dtb_get_prop(const struct dtb_node *node, const char *name, struct dtb_prop *out);
/* Iterates properties: set *cursor = 0 first. */
bool dtb_next_prop(const struct dtb_node *node, uint32_t *cursor, struct dtb_prop *out);

/* A NUL-terminated string property, or NULL (absent or not terminated). */
const char *dtb_prop_string(const struct dtb_node *node, const char *name);
bool dtb_prop_u32(const struct dtb_node *node, const char *name, uint32_t *out);
/* True if the stringlist property contains str. */
bool dtb_stringlist_contains(const struct dtb_prop *prop, const char *str);
bool dtb_node_is_compatible(const struct dtb_node *node, const char *compat);
/* False if status is present and neither "okay" nor "ok". */
bool dtb_node_is_enabled(const struct dtb_node *node);

/* #address-cells / #size-cells that node gives its children (defaults 2 and 1). */
uint32_t dtb_address_cells(const struct dtb_node *node);
uint32_t dtb_size_cells(const struct dtb_node *node);

/*
 * Entry idx of node's "reg", decoded with the parent's cell counts:
 * -ENOENT past the end or no reg, -EINVAL if reg's length is not a multiple
 * of the entry size or the cell counts are not 1 or 2 (size may be 0 cells).
 */
int dtb_get_reg(const struct dtb_node *node, unsigned int idx, uint64_t *addr, uint64_t *size);
/* Number of reg entries, or a negative error as above. */
int dtb_reg_count(const struct dtb_node *node);

#endif /* XEN_DTB_H */
