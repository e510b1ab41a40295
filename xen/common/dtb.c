// SPDX-License-Identifier: GPL-2.0-only
/*
 * Read-only flattened device tree reader, written from the Devicetree
 * Specification v0.4 ("DTSpec"), chapter 5.
 *
 * Safety: the blob is untrusted. Every token is decoded by tok_read(), which
 * checks that the token, a node name, a property's header and data, and the
 * property name in the strings block all lie inside their blocks and that
 * strings are NUL-terminated there. Every loop over the structure block moves
 * strictly forward by at least one token, so it ends after at most
 * size_struct / 4 steps; nesting is limited to DTB_MAX_DEPTH open nodes. All
 * loads are byte loads: the blob may sit at any alignment.
 */
#include <xen/dtb.h>
#include <xen/errno.h>
#include <xen/lib.h>

/* DTSpec 5.2: byte offsets of the big-endian u32 header fields. */
#define HDR_MAGIC           0
#define HDR_TOTALSIZE       4
#define HDR_OFF_STRUCT      8
#define HDR_OFF_STRINGS     12
#define HDR_OFF_RSVMAP      16
#define HDR_VERSION         20
#define HDR_LAST_COMP       24
#define HDR_SIZE_STRINGS    32
#define HDR_SIZE_STRUCT     36

/* DTSpec 5.2: oldest version read (5.1 says 16 is the oldest compatible format). */
#define DTB_MIN_VERSION     16
/* DTSpec 5.2: newest layout understood; size_dt_struct only exists from version 17. */
#define DTB_CUR_VERSION     17

/* DTSpec 5.3.2: a reservation entry is { u64 address; u64 size; }. */
#define RSV_ENTRY_SIZE      16

/* DTSpec 5.4.1: structure block tokens, each a big-endian u32. */
#define FDT_BEGIN_NODE      0x1
#define FDT_END_NODE        0x2
#define FDT_PROP            0x3
#define FDT_NOP             0x4
#define FDT_END             0x9

#define TOKEN_SIZE          4   /* DTSpec 5.4.1: tokens are u32 ... */
#define TOKEN_ALIGN         4   /* ... on 4-byte boundaries, data padded with zeroes. */
#define PROP_HDR_SIZE       8   /* DTSpec 5.4.1: FDT_PROP's { u32 len; u32 nameoff; } ... */
#define PROP_NAMEOFF        4   /* ... so nameoff is 4 bytes into it */

/* DTSpec 2.3.5: #address-cells and #size-cells when absent. */
#define DEFAULT_ADDRESS_CELLS 2
#define DEFAULT_SIZE_CELLS    1
#define CELL_SIZE             4   /* DTSpec 2.2.4: a cell is a big-endian u32 */

/* DTSpec 2.3.3: phandle values that never name a node (libfdt treats -1 as invalid too). */
#define PHANDLE_NONE        0
#define PHANDLE_INVALID     0xffffffffU

/* One decoded structure-block token; fields past `next` are set by its tag. */
struct tok {
	uint32_t tag;
	uint32_t off;           /* of the token */
	uint32_t next;          /* of the token after it */
	const char *name;       /* FDT_BEGIN_NODE: node name; FDT_PROP: property name */
	const uint8_t *data;    /* FDT_PROP */
	uint32_t len;           /* FDT_PROP */
};

/* Depth-first walk over one subtree, in document (= offset) order. */
struct walk {
	const struct dtb *dtb;
	uint32_t off;           /* next token to read */
	unsigned int depth;     /* nodes open; the start node is depth 1 */
	bool done;              /* the start node's FDT_END_NODE was read */
};

uint32_t dtb_be32(const void *p)
{
	const uint8_t *b = p;

	return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

uint64_t dtb_be64(const void *p)
{
	const uint8_t *b = p;

	return ((uint64_t)dtb_be32(b) << 32) | dtb_be32(b + 4);
}

/* Cell counts other than 1 and 2 read as 0; callers check them first. */
uint64_t dtb_read_cells(const void *p, uint32_t cells)
{
	if (cells == 1)
		return dtb_be32(p);
	if (cells == 2)
		return dtb_be64(p);
	return 0;
}

/* True if [off, off + len) lies inside a block of `size` bytes. */
static bool in_block(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

/* Sets *len to the length of the string at off if it is NUL-terminated inside the block. */
static bool block_string(const uint8_t *base, uint32_t size, uint32_t off, uint32_t *len)
{
	size_t n;

	if (off >= size)
		return false;
	n = strnlen((const char *)base + off, size - off);
	if (n == size - off)
		return false;
	*len = (uint32_t)n;
	return true;
}

static const uint8_t *struct_base(const struct dtb *dtb)
{
	return dtb->blob + dtb->off_struct;
}

/* Offset after `len` bytes at `start`, rounded up to a token; false if past the block. */
static bool tok_end(const struct dtb *dtb, uint32_t start, uint32_t len, uint32_t *next)
{
	uint64_t end = ALIGN_UP((uint64_t)start + len, TOKEN_ALIGN);

	if (end > dtb->size_struct)
		return false;
	*next = (uint32_t)end;
	return true;
}

static bool tok_read_node(const struct dtb *dtb, struct tok *t)
{
	uint32_t start = t->off + TOKEN_SIZE, n;

	if (!block_string(struct_base(dtb), dtb->size_struct, start, &n))
		return false;
	t->name = (const char *)struct_base(dtb) + start;
	return tok_end(dtb, start, n + 1, &t->next);
}

static bool tok_read_prop(const struct dtb *dtb, struct tok *t)
{
	const uint8_t *hdr;
	uint32_t start, nameoff, n;

	if (!in_block(t->off + TOKEN_SIZE, PROP_HDR_SIZE, dtb->size_struct))
		return false;
	hdr = struct_base(dtb) + t->off + TOKEN_SIZE;
	start = t->off + TOKEN_SIZE + PROP_HDR_SIZE;
	t->len = dtb_be32(hdr);
	nameoff = dtb_be32(hdr + PROP_NAMEOFF);
	if (!block_string(dtb->blob + dtb->off_strings, dtb->size_strings, nameoff, &n))
		return false;
	t->name = (const char *)dtb->blob + dtb->off_strings + nameoff;
	/* This also keeps the data, padded, inside the block. */
	if (!tok_end(dtb, start, t->len, &t->next))
		return false;
	t->data = struct_base(dtb) + start;
	return true;
}

/* Decodes and bounds-checks the token at struct offset off. */
static bool tok_read(const struct dtb *dtb, uint32_t off, struct tok *t)
{
	if (!in_block(off, TOKEN_SIZE, dtb->size_struct))
		return false;
	t->off = off;
	t->tag = dtb_be32(struct_base(dtb) + off);
	t->next = off + TOKEN_SIZE;
	switch (t->tag) {
	case FDT_BEGIN_NODE:
		return tok_read_node(dtb, t);
	case FDT_PROP:
		return tok_read_prop(dtb, t);
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		return true;
	default:
		return false;
	}
}

/* Reads the first token at or after off that is not FDT_NOP. */
static bool tok_read_skip_nop(const struct dtb *dtb, uint32_t off, struct tok *t)
{
	while (tok_read(dtb, off, t)) {
		if (t->tag != FDT_NOP)
			return true;
		off = t->next;
	}
	return false;
}

/* Decodes the FDT_BEGIN_NODE token a node names; false if it is not one. */
static bool node_tok(const struct dtb_node *node, struct tok *t)
{
	return node && node->dtb && tok_read(node->dtb, node->off, t) &&
	       t->tag == FDT_BEGIN_NODE;
}

static void make_node(const struct dtb *dtb, uint32_t off, struct dtb_node *out)
{
	out->dtb = dtb;
	out->off = off;
}

/* ---- Header ---- */

int dtb_peek_size(const void *blob, uint32_t *size)
{
	const uint8_t *b = blob;

	if (dtb_be32(b + HDR_MAGIC) != DTB_MAGIC)
		return -EINVAL;
	*size = dtb_be32(b + HDR_TOTALSIZE);
	return 0;
}

/* Every block must start after the header and end inside totalsize. */
static bool blocks_fit(const struct dtb *dtb)
{
	if (dtb->off_struct < DTB_HEADER_SIZE || dtb->off_strings < DTB_HEADER_SIZE ||
	    dtb->off_rsvmap < DTB_HEADER_SIZE)
		return false;
	return in_block(dtb->off_struct, dtb->size_struct, dtb->size) &&
	       in_block(dtb->off_strings, dtb->size_strings, dtb->size) &&
	       in_block(dtb->off_rsvmap, RSV_ENTRY_SIZE, dtb->size);
}

static void read_header(struct dtb *dtb, const uint8_t *b)
{
	dtb->blob = b;
	dtb->size = dtb_be32(b + HDR_TOTALSIZE);
	dtb->off_struct = dtb_be32(b + HDR_OFF_STRUCT);
	dtb->off_strings = dtb_be32(b + HDR_OFF_STRINGS);
	dtb->off_rsvmap = dtb_be32(b + HDR_OFF_RSVMAP);
	dtb->version = dtb_be32(b + HDR_VERSION);
	dtb->size_strings = dtb_be32(b + HDR_SIZE_STRINGS);
	dtb->size_struct = dtb_be32(b + HDR_SIZE_STRUCT);
	/* Version 16 has no size_dt_struct: the block may run up to totalsize. */
	if (dtb->version < DTB_CUR_VERSION && dtb->off_struct <= dtb->size)
		dtb->size_struct = dtb->size - dtb->off_struct;
}

int dtb_open(struct dtb *dtb, const void *blob, size_t max_size)
{
	const uint8_t *b = blob;
	struct dtb d;

	if (!blob || max_size < sizeof(uint32_t))
		return -ERANGE;
	if (dtb_be32(b + HDR_MAGIC) != DTB_MAGIC)
		return -EINVAL;
	if (max_size < DTB_HEADER_SIZE)
		return -ERANGE;
	read_header(&d, b);
	if (d.version < DTB_MIN_VERSION || dtb_be32(b + HDR_LAST_COMP) > DTB_CUR_VERSION)
		return -ENOEXEC;
	if (d.size < DTB_HEADER_SIZE || d.size > max_size || !blocks_fit(&d))
		return -ERANGE;
	*dtb = d;
	return 0;
}

int dtb_rsvmap_get(const struct dtb *dtb, unsigned int idx, uint64_t *addr, uint64_t *size)
{
	uint64_t off = dtb->off_rsvmap;

	for (unsigned int i = 0;; i++, off += RSV_ENTRY_SIZE) {
		uint64_t a, s;

		if (!in_block(off, RSV_ENTRY_SIZE, dtb->size))
			return -ERANGE;     /* no terminating entry */
		a = dtb_be64(dtb->blob + off);
		s = dtb_be64(dtb->blob + off + sizeof(uint64_t));
		if (a == 0 && s == 0)
			return -ENOENT;
		if (i == idx) {
			*addr = a;
			*size = s;
			return 0;
		}
	}
}

/* ---- Walking nodes ---- */

static void walk_start(struct walk *w, const struct dtb_node *start)
{
	w->dtb = start->dtb;
	w->off = start->off;
	w->depth = 0;
	w->done = false;
}

/* Next node of the subtree in document order; false at its end (w->done) or on corruption. */
static bool walk_next(struct walk *w, struct dtb_node *node, unsigned int *depth)
{
	struct tok t;

	while (!w->done && tok_read(w->dtb, w->off, &t)) {
		if (w->depth == 0 && t.tag != FDT_BEGIN_NODE)
			return false;
		w->off = t.next;
		if (t.tag == FDT_BEGIN_NODE) {
			if (w->depth == DTB_MAX_DEPTH)
				return false;
			make_node(w->dtb, t.off, node);
			*depth = ++w->depth;
			return true;
		}
		if (t.tag == FDT_END_NODE)
			w->done = --w->depth == 0;
		else if (t.tag == FDT_END)
			return false;   /* inside an open node */
	}
	return false;
}

bool dtb_root(const struct dtb *dtb, struct dtb_node *root)
{
	struct tok t;

	if (!dtb || !tok_read_skip_nop(dtb, 0, &t) || t.tag != FDT_BEGIN_NODE)
		return false;
	make_node(dtb, t.off, root);
	return true;
}

bool dtb_first_child(const struct dtb_node *parent, struct dtb_node *child)
{
	struct tok t;
	uint32_t off;

	if (!node_tok(parent, &t))
		return false;
	for (off = t.next; tok_read(parent->dtb, off, &t); off = t.next) {
		if (t.tag == FDT_BEGIN_NODE) {
			make_node(parent->dtb, t.off, child);
			return true;
		}
		if (t.tag != FDT_PROP && t.tag != FDT_NOP)
			return false;
	}
	return false;
}

bool dtb_next_sibling(const struct dtb_node *node, struct dtb_node *next)
{
	struct dtb_node root, n;
	struct walk w;
	unsigned int depth;
	struct tok t;

	if (!node_tok(node, &t) || !dtb_root(node->dtb, &root) || root.off == node->off)
		return false;
	walk_start(&w, node);
	while (walk_next(&w, &n, &depth))
		;
	if (!w.done || !tok_read_skip_nop(node->dtb, w.off, &t) || t.tag != FDT_BEGIN_NODE)
		return false;
	make_node(node->dtb, t.off, next);
	return true;
}

bool dtb_parent(const struct dtb_node *node, struct dtb_node *parent)
{
	uint32_t stack[DTB_MAX_DEPTH];
	struct dtb_node root, n;
	struct walk w;
	unsigned int depth;

	if (!node || !dtb_root(node->dtb, &root))
		return false;
	walk_start(&w, &root);
	while (walk_next(&w, &n, &depth) && n.off <= node->off) {
		stack[depth - 1] = n.off;
		if (n.off != node->off)
			continue;
		if (depth == 1)
			return false;   /* the root has no parent */
		make_node(node->dtb, stack[depth - 2], parent);
		return true;
	}
	return false;
}

/* NULL if node does not name an FDT_BEGIN_NODE token. */
const char *dtb_node_name(const struct dtb_node *node)
{
	struct tok t;

	return node_tok(node, &t) ? t.name : NULL;
}

/* ---- Properties ---- */

bool dtb_next_prop(const struct dtb_node *node, uint32_t *cursor, struct dtb_prop *out)
{
	struct tok t;
	uint32_t off = *cursor;

	if (!node_tok(node, &t))
		return false;
	if (off == 0)
		off = t.next;
	else if (off <= node->off)
		return false;
	if (!tok_read_skip_nop(node->dtb, off, &t) || t.tag != FDT_PROP)
		return false;
	out->name = t.name;
	out->data = t.data;
	out->len = t.len;
	*cursor = t.next;
	return true;
}

bool dtb_get_prop(const struct dtb_node *node, const char *name, struct dtb_prop *out)
{
	uint32_t cursor = 0;
	struct dtb_prop p;

	while (dtb_next_prop(node, &cursor, &p)) {
		if (strcmp(p.name, name) == 0) {
			*out = p;
			return true;
		}
	}
	return false;
}

const char *dtb_prop_string(const struct dtb_node *node, const char *name)
{
	struct dtb_prop p;

	if (!dtb_get_prop(node, name, &p) || strnlen(p.data, p.len) == p.len)
		return NULL;
	return p.data;
}

bool dtb_prop_u32(const struct dtb_node *node, const char *name, uint32_t *out)
{
	struct dtb_prop p;

	if (!dtb_get_prop(node, name, &p) || p.len != sizeof(uint32_t))
		return false;
	*out = dtb_be32(p.data);
	return true;
}

/* An unterminated last string is ignored. */
bool dtb_stringlist_contains(const struct dtb_prop *prop, const char *str)
{
	const char *s = prop->data;
	size_t want = strlen(str);
	uint32_t pos = 0;

	while (pos < prop->len) {
		size_t n = strnlen(s + pos, prop->len - pos);

		if (n == prop->len - pos)
			return false;
		if (n == want && memcmp(s + pos, str, n) == 0)
			return true;
		pos += (uint32_t)n + 1;
	}
	return false;
}

bool dtb_node_is_compatible(const struct dtb_node *node, const char *compat)
{
	struct dtb_prop p;

	return dtb_get_prop(node, "compatible", &p) && dtb_stringlist_contains(&p, compat);
}

/* DTSpec 2.3.4: "okay" is enabled; "ok" is a legacy spelling Linux accepts too. */
bool dtb_node_is_enabled(const struct dtb_node *node)
{
	struct dtb_prop p;
	const char *status;

	if (!dtb_get_prop(node, "status", &p))
		return true;
	status = dtb_prop_string(node, "status");
	return status && (strcmp(status, "okay") == 0 || strcmp(status, "ok") == 0);
}

uint32_t dtb_address_cells(const struct dtb_node *node)
{
	uint32_t v;

	return dtb_prop_u32(node, "#address-cells", &v) ? v : DEFAULT_ADDRESS_CELLS;
}

uint32_t dtb_size_cells(const struct dtb_node *node)
{
	uint32_t v;

	return dtb_prop_u32(node, "#size-cells", &v) ? v : DEFAULT_SIZE_CELLS;
}

/* ---- reg ---- */

/*
 * Finds node's reg and its layout from the parent. Returns the number of
 * entries or a negative error. The root has no parent to give cell counts:
 * -EINVAL.
 */
static int reg_layout(const struct dtb_node *node, struct dtb_prop *reg, uint32_t *ac,
		      uint32_t *sc)
{
	struct dtb_node parent;
	uint32_t entry;

	if (!dtb_get_prop(node, "reg", reg))
		return -ENOENT;
	if (!dtb_parent(node, &parent))
		return -EINVAL;
	*ac = dtb_address_cells(&parent);
	*sc = dtb_size_cells(&parent);
	if (*ac < 1 || *ac > 2 || *sc > 2)
		return -EINVAL;
	entry = (*ac + *sc) * CELL_SIZE;
	if (reg->len % entry)
		return -EINVAL;
	return (int)(reg->len / entry);
}

int dtb_get_reg(const struct dtb_node *node, unsigned int idx, uint64_t *addr, uint64_t *size)
{
	struct dtb_prop reg;
	uint32_t ac, sc;
	const uint8_t *p;
	int n = reg_layout(node, &reg, &ac, &sc);

	if (n < 0)
		return n;
	if (idx >= (unsigned int)n)
		return -ENOENT;
	p = (const uint8_t *)reg.data + idx * (ac + sc) * CELL_SIZE;
	*addr = dtb_read_cells(p, ac);
	*size = dtb_read_cells(p + ac * CELL_SIZE, sc);
	return 0;
}

int dtb_reg_count(const struct dtb_node *node)
{
	struct dtb_prop reg;
	uint32_t ac, sc;

	return reg_layout(node, &reg, &ac, &sc);
}

/* ---- Searching ---- */

/* Length of the path component at path: up to '/' or the end. */
static size_t component_len(const char *path)
{
	size_t n = 0;

	while (path[n] && path[n] != '/')
		n++;
	return n;
}

static bool has_char(const char *s, size_t len, char c)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == c)
			return true;
	return false;
}

/* 0: no match, 2: exact, 1: comp has no '@' and name is comp followed by "@unit". */
static int name_match(const char *name, const char *comp, size_t len)
{
	if (strncmp(name, comp, len) != 0)
		return 0;
	if (name[len] == '\0')
		return 2;
	return name[len] == '@' && !has_char(comp, len, '@') ? 1 : 0;
}

/* Child named comp; an exact name wins over one only matching without its unit address. */
static bool find_child(const struct dtb_node *parent, const char *comp, size_t len,
		       struct dtb_node *out)
{
	struct dtb_node c, loose;
	bool have_loose = false;
	bool ok;

	for (ok = dtb_first_child(parent, &c); ok; ok = dtb_next_sibling(&c, &c)) {
		int m = name_match(dtb_node_name(&c), comp, len);

		if (m == 2) {
			*out = c;
			return true;
		}
		if (m == 1 && !have_loose) {
			loose = c;
			have_loose = true;
		}
	}
	if (have_loose)
		*out = loose;
	return have_loose;
}

/* Follows path (components separated by '/') down from start. */
static bool find_relative(const struct dtb_node *start, const char *path, struct dtb_node *out)
{
	struct dtb_node cur = *start;

	for (;;) {
		size_t len;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		len = component_len(path);
		if (!find_child(&cur, path, len, &cur))
			return false;
		path += len;
	}
	*out = cur;
	return true;
}

/* DTSpec 3.3: the first component names a property of /aliases holding a full path. */
static bool find_alias(const struct dtb *dtb, const char *path, struct dtb_node *out)
{
	size_t len = component_len(path);
	struct dtb_node root, aliases, target;
	struct dtb_prop p;
	uint32_t cursor = 0;

	if (!dtb_root(dtb, &root) || !find_relative(&root, "/aliases", &aliases))
		return false;
	while (dtb_next_prop(&aliases, &cursor, &p)) {
		const char *val = p.data;

		if (strncmp(p.name, path, len) != 0 || p.name[len] != '\0')
			continue;
		/* Aliases hold absolute paths, never other aliases: no loops. */
		if (p.len < 2 || val[0] != '/' || strnlen(val, p.len) == p.len)
			return false;
		return find_relative(&root, val, &target) &&
		       find_relative(&target, path + len, out);
	}
	return false;
}

bool dtb_find_path(const struct dtb *dtb, const char *path, struct dtb_node *out)
{
	struct dtb_node root;

	if (!path || !*path)
		return false;
	if (path[0] != '/')
		return find_alias(dtb, path, out);
	return dtb_root(dtb, &root) && find_relative(&root, path, out);
}

bool dtb_find_compatible(const struct dtb *dtb, const struct dtb_node *after, const char *compat,
			 struct dtb_node *out)
{
	struct dtb_node root, n;
	struct walk w;
	unsigned int depth;

	if (!dtb_root(dtb, &root))
		return false;
	walk_start(&w, &root);
	while (walk_next(&w, &n, &depth)) {
		if (after && n.off <= after->off)
			continue;
		if (dtb_node_is_compatible(&n, compat)) {
			*out = n;
			return true;
		}
	}
	return false;
}

/* DTSpec 2.3.3 "phandle"; "linux,phandle" is its pre-standard spelling. */
static bool node_has_phandle(const struct dtb_node *node, uint32_t phandle)
{
	uint32_t v;

	return (dtb_prop_u32(node, "phandle", &v) || dtb_prop_u32(node, "linux,phandle", &v)) &&
	       v == phandle;
}

bool dtb_find_phandle(const struct dtb *dtb, uint32_t phandle, struct dtb_node *out)
{
	struct dtb_node root, n;
	struct walk w;
	unsigned int depth;

	if (phandle == PHANDLE_NONE || phandle == PHANDLE_INVALID || !dtb_root(dtb, &root))
		return false;
	walk_start(&w, &root);
	while (walk_next(&w, &n, &depth)) {
		if (node_has_phandle(&n, phandle)) {
			*out = n;
			return true;
		}
	}
	return false;
}
