// SPDX-License-Identifier: GPL-2.0-only
/*
 * The DTB reader (xen/common/dtb.c) and bootinfo_parse() on corrupt blobs:
 * truncations, bad headers, malformed tokens, deep nesting and random byte
 * flips must all come back cleanly, with ASan and UBSan watching every read.
 * exercise() runs every reader function on whatever a blob still holds.
 */
#include "dtb_edit.h"
#include "harness.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xen/bootinfo.h>
#include <xen/dtb.h>
#include <xen/errno.h>

#define FLIP_ROUNDS      3000   /* random mutations of the packed 4-CPU blob */
#define DEEP_LEVELS      40     /* nesting beyond DTB_MAX_DEPTH */
#define MAX_REG_PROBE    64
#define VIRT_BASE_NODES  56     /* QEMU virt nodes besides cpu@N and coreN */
#define VIRT_4CPU_NODES  (VIRT_BASE_NODES + 2 * 4)

static void *packed;                     /* virt-4cpu.dtb packed by libfdt */
static size_t packed_len;

static int suite_init(void)
{
	packed = dte_load("virt-4cpu.dtb", &packed_len);
	return packed ? 0 : -1;
}

static int suite_clean(void)
{
	free(packed);
	return 0;
}

static void *copy_of(const void *b, size_t len)
{
	void *c = malloc(len);

	CU_ASSERT_FATAL(c != NULL);
	memcpy(c, b, len);
	return c;
}

static void *finish(struct rawdt *w, size_t *len, struct dtb *d)
{
	void *b = rawdt_finish(w, len);

	CU_ASSERT_FATAL(dtb_open(d, b, *len) == 0);
	return b;
}

/* ---- Exercise everything reachable in a blob, for corrupt inputs ---- */

static void touch_props(const struct dtb_node *n)
{
	struct dtb_prop p;
	uint32_t cursor = 0, last = 0, sum = 0;

	while (dtb_next_prop(n, &cursor, &p)) {
		CU_ASSERT(cursor > last);
		last = cursor;
		sum += (uint32_t)strlen(p.name);
		for (uint32_t i = 0; i < p.len; i++)
			sum += ((const uint8_t *)p.data)[i];
		dtb_stringlist_contains(&p, "arm,gic-v3");
	}
	(void)sum;
}

static void touch_node(const struct dtb_node *n)
{
	struct dtb_node parent;
	uint64_t a, s;
	uint32_t v;
	const char *str;

	CU_ASSERT_FATAL(dtb_node_name(n) != NULL);
	CU_ASSERT(strlen(dtb_node_name(n)) < 0x100000);
	dtb_parent(n, &parent);
	touch_props(n);
	str = dtb_prop_string(n, "compatible");
	CU_ASSERT(!str || strlen(str) < 0x100000);
	dtb_prop_u32(n, "#address-cells", &v);
	dtb_node_is_compatible(n, "arm,pl011");
	dtb_node_is_enabled(n);
	dtb_address_cells(n);
	dtb_size_cells(n);
	dtb_reg_count(n);
	for (unsigned int i = 0; i < MAX_REG_PROBE && dtb_get_reg(n, i, &a, &s) == 0; i++)
		;
}

/* Depth-first over every node with first_child/next_sibling; returns the count. */
static unsigned int walk_all(const struct dtb *d)
{
	struct dtb_node stack[DTB_MAX_DEPTH], n;
	unsigned int depth = 0, count = 0;

	if (!dtb_root(d, &stack[depth++]))
		return 0;
	for (;;) {
		touch_node(&stack[depth - 1]);
		CU_ASSERT_FATAL(++count <= d->size_struct / 4);
		if (depth < DTB_MAX_DEPTH && dtb_first_child(&stack[depth - 1], &n)) {
			stack[depth++] = n;
			continue;
		}
		while (depth > 1 && !dtb_next_sibling(&stack[depth - 1], &stack[depth - 1]))
			depth--;
		if (depth == 1)
			return count;
	}
}

static void exercise_lookups(const struct dtb *d)
{
	static const char *const paths[] = { "/", "/chosen", "/cpus/cpu@0", "/cpus/cpu",
		"serial0", "serial0/x", "//memory/", "/intc/its", "nope" };
	struct dtb_node n;
	const struct dtb_node *after = NULL;
	uint64_t a, s;
	unsigned int i;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		dtb_find_path(d, paths[i], &n);
	for (i = 0; dtb_find_compatible(d, after, "virtio,mmio", &n); i++, after = &n)
		CU_ASSERT_FATAL(i <= d->size_struct / 4);
	dtb_find_phandle(d, 0x8005, &n);
	for (i = 0; dtb_rsvmap_get(d, i, &a, &s) == 0; i++)
		CU_ASSERT_FATAL(i <= d->size / 16);
}

/* Runs every reader on the blob; returns the nodes walked, -1 if it does not open. */
static int exercise(const void *blob, size_t len)
{
	struct dtb d;
	struct bootinfo bi;
	unsigned int nodes;

	if (dtb_open(&d, blob, len))
		return -1;
	nodes = walk_all(&d);
	exercise_lookups(&d);
	if (bootinfo_parse(&d, &bi) || bootinfo_check(&bi)) {
		CU_ASSERT(bi.error[0] != '\0');
	}
	return (int)nodes;
}

/* The exerciser itself on the real blobs: it must see every node. */
static void t_exercise_real(void)
{
	static const char *const files[] = { "virt-1cpu.dtb", "virt-2cpu.dtb", "virt-4cpu.dtb" };
	static const int cpus[] = { 1, 2, 4 };

	for (unsigned int i = 0; i < 3; i++) {
		size_t len;
		void *b = dte_load(files[i], &len);

		CU_ASSERT_FATAL(b != NULL);
		CU_ASSERT_EQUAL(exercise(b, len), VIRT_BASE_NODES + 2 * cpus[i]);
		free(b);
	}
}

/* ---- Corrupt blobs ---- */

static void t_truncated_header(void)
{
	struct dtb d;
	uint32_t size;

	for (size_t n = 0; n <= DTB_HEADER_SIZE; n++) {
		void *b = copy_of(packed, n ? n : 1);

		if (n < DTB_HEADER_SIZE)
			CU_ASSERT_EQUAL(dtb_open(&d, b, n), -ERANGE);
		if (n >= 2 * sizeof(uint32_t))
			CU_ASSERT(dtb_peek_size(b, &size) == 0 && size == packed_len);
		free(b);
	}
	for (size_t n = DTB_HEADER_SIZE; n < packed_len; n++)
		CU_ASSERT_EQUAL_FATAL(dtb_open(&d, packed, n), -ERANGE);
	CU_ASSERT_EQUAL(dtb_open(&d, packed, packed_len), 0);
	CU_ASSERT_EQUAL(dtb_open(&d, NULL, packed_len), -ERANGE);
}

static void t_truncated_struct(void)
{
	uint32_t full = dte_hdr(packed, HDR_F_SIZE_STRUCT);
	unsigned int opened = 0;

	for (uint32_t cut = 0; cut <= full; cut++) {
		size_t len;
		void *b = dte_cut_struct(packed, cut, &len);
		int nodes = exercise(b, len);

		CU_ASSERT_FATAL(nodes >= 0 && nodes <= VIRT_4CPU_NODES);
		opened += nodes > 0;
		if (cut == full)
			CU_ASSERT_EQUAL(nodes, VIRT_4CPU_NODES);
		free(b);
	}
	CU_ASSERT(opened > full / 2);
}

static int open_patched(unsigned int field, uint32_t val)
{
	void *b = copy_of(packed, packed_len);
	struct dtb d;
	int rc;

	dte_set_hdr(b, field, val);
	rc = dtb_open(&d, b, packed_len);
	if (rc == 0)
		exercise(b, packed_len);
	free(b);
	return rc;
}

static void t_bad_magic(void)
{
	uint32_t size;

	for (unsigned int bit = 0; bit < 32; bit++)
		CU_ASSERT_EQUAL(open_patched(HDR_F_MAGIC, 0xd00dfeedU ^ (1U << bit)), -EINVAL);
	CU_ASSERT_EQUAL(dtb_peek_size("\xed\xfe\x0d\xd0\0\0\0\0", &size), -EINVAL);
}

static void t_bad_version(void)
{
	CU_ASSERT_EQUAL(open_patched(HDR_F_VERSION, 15), -ENOEXEC);
	CU_ASSERT_EQUAL(open_patched(HDR_F_VERSION, 0), -ENOEXEC);
	CU_ASSERT_EQUAL(open_patched(HDR_F_LAST_COMP, 18), -ENOEXEC);
	CU_ASSERT_EQUAL(open_patched(HDR_F_LAST_COMP, 0xffffffffU), -ENOEXEC);
	CU_ASSERT_EQUAL(open_patched(HDR_F_VERSION, 16), 0);   /* size_dt_struct unused */
	CU_ASSERT_EQUAL(open_patched(HDR_F_VERSION, 0xffffffffU), 0);
}

static void t_bad_offsets(void)
{
	const uint32_t len = (uint32_t)packed_len;
	const uint32_t off_st = dte_hdr(packed, HDR_F_OFF_STRUCT);
	const uint32_t off_str = dte_hdr(packed, HDR_F_OFF_STRINGS);
	const struct { unsigned int field; uint32_t val; } bad[] = {
		{ HDR_F_TOTALSIZE, 0 }, { HDR_F_TOTALSIZE, DTB_HEADER_SIZE - 1 },
		{ HDR_F_TOTALSIZE, len + 1 }, { HDR_F_TOTALSIZE, 0xffffffffU },
		{ HDR_F_TOTALSIZE, off_str },
		{ HDR_F_OFF_STRUCT, 0 }, { HDR_F_OFF_STRUCT, DTB_HEADER_SIZE - 4 },
		{ HDR_F_OFF_STRUCT, len }, { HDR_F_OFF_STRUCT, len - 4 },
		{ HDR_F_OFF_STRUCT, 0xfffffff0U }, { HDR_F_OFF_STRUCT, 0xffffffffU },
		{ HDR_F_SIZE_STRUCT, len }, { HDR_F_SIZE_STRUCT, len - off_st + 1 },
		{ HDR_F_SIZE_STRUCT, 0xffffffffU }, { HDR_F_SIZE_STRUCT, 0x100000000ULL - off_st },
		{ HDR_F_OFF_STRINGS, 0 }, { HDR_F_OFF_STRINGS, len },
		{ HDR_F_OFF_STRINGS, 0xfffffff8U },
		{ HDR_F_SIZE_STRINGS, len }, { HDR_F_SIZE_STRINGS, 0xffffffffU },
		{ HDR_F_SIZE_STRINGS, 0x100000000ULL - off_str },
		{ HDR_F_OFF_RSVMAP, 0 }, { HDR_F_OFF_RSVMAP, len - 8 }, { HDR_F_OFF_RSVMAP, len },
		{ HDR_F_OFF_RSVMAP, 0xfffffff8U },
	};

	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CU_ASSERT_EQUAL(open_patched(bad[i].field, bad[i].val), -ERANGE);
}

/*
 * Root with one child "c" holding property "p" = 8 bytes. Its FDT_PROP token
 * follows two FDT_BEGIN_NODE tokens with 4-byte padded names ("" and "c").
 */
#define SMALL_PROP_OFF   16
#define PROP_LEN_OFF     4      /* DTSpec 5.4.1: FDT_PROP, then u32 len, u32 nameoff */
#define PROP_NAMEOFF_OFF 8

static void *small_blob(size_t *len)
{
	struct rawdt w;

	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_begin(&w, "c");
	rawdt_prop(&w, "p", "abcdefgh", 8);
	rawdt_end(&w);
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	return rawdt_finish(&w, len);
}

static uint8_t *struct_at(void *b, uint32_t off)
{
	return (uint8_t *)b + dte_hdr(b, HDR_F_OFF_STRUCT) + off;
}

/* Opens b, checks /c is found but its property p is not, and exercises it. */
static void prop_unreadable(void *b, size_t len)
{
	struct dtb d;
	struct dtb_node n, x;
	struct dtb_prop p;
	uint32_t cursor = 0;

	CU_ASSERT_FATAL(dtb_open(&d, b, len) == 0);
	CU_ASSERT_FATAL(dtb_find_path(&d, "/c", &n));
	CU_ASSERT_FALSE(dtb_get_prop(&n, "p", &p));
	CU_ASSERT_FALSE(dtb_next_prop(&n, &cursor, &p));
	CU_ASSERT_FALSE(dtb_next_sibling(&n, &x));
	CU_ASSERT_FALSE(dtb_find_compatible(&d, NULL, "x", &x));
	exercise(b, len);
}

static void t_prop_len_past_block(void)
{
	/* The data starts at 28 in a 48-byte block: 20 bytes fit, 21 do not. */
	static const uint32_t lens[] = { 21, 24, 0x1000, 0x7fffffff, 0xfffffff0U, 0xffffffffU };
	size_t len;

	for (unsigned int i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		void *b = small_blob(&len);

		CU_ASSERT_EQUAL_FATAL(dte_hdr(b, HDR_F_SIZE_STRUCT), 48);
		dte_put32(struct_at(b, SMALL_PROP_OFF + PROP_LEN_OFF), lens[i]);
		prop_unreadable(b, len);
		free(b);
	}
}

static void t_nameoff_past_strings(void)
{
	size_t len;
	void *b = small_blob(&len);
	uint32_t strsz = dte_hdr(b, HDR_F_SIZE_STRINGS);
	const uint32_t offs[] = { strsz, strsz + 1, 0x7fffffff, 0xffffffffU };

	free(b);
	for (unsigned int i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
		b = small_blob(&len);
		dte_put32(struct_at(b, SMALL_PROP_OFF + PROP_NAMEOFF_OFF), offs[i]);
		prop_unreadable(b, len);
		free(b);
	}
}

static void t_unterminated_string(void)
{
	size_t len;
	void *b = small_blob(&len);
	struct rawdt w;
	struct dtb d;
	struct dtb_node n;
	struct dtb_prop p;

	/* The strings block is "p\0": cut its NUL off. */
	dte_set_hdr(b, HDR_F_SIZE_STRINGS, dte_hdr(b, HDR_F_SIZE_STRINGS) - 1);
	prop_unreadable(b, len);
	free(b);

	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_prop(&w, "compatible", "abc\0de", 6);
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &n) && dtb_get_prop(&n, "compatible", &p));
	CU_ASSERT(dtb_stringlist_contains(&p, "abc"));
	CU_ASSERT_FALSE(dtb_stringlist_contains(&p, "de"));
	CU_ASSERT_FALSE(dtb_node_is_compatible(&n, "de"));
	free(b);
}

static void t_unterminated_name(void)
{
	struct rawdt w;
	struct dtb d;
	struct dtb_node n;
	size_t len;
	void *b;

	rawdt_init(&w);
	rawdt_bytes(&w, "\0\0\0\1" "abcd", 8);           /* root name runs to the end */
	b = finish(&w, &len, &d);
	CU_ASSERT_FALSE(dtb_root(&d, &n));
	CU_ASSERT_EQUAL(exercise(b, len), 0);
	free(b);

	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_bytes(&w, "\0\0\0\1" "abcdefgh", 12);
	b = finish(&w, &len, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &n));
	CU_ASSERT_FALSE(dtb_first_child(&n, &n));
	CU_ASSERT_FALSE(dtb_find_path(&d, "/abcdefgh", &n));
	CU_ASSERT_EQUAL(exercise(b, len), 1);
	free(b);
}

static void t_missing_end(void)
{
	struct rawdt w;
	struct dtb d;
	struct dtb_node root, a, x;
	size_t len;
	void *b;

	/* Root closed, no FDT_END: still readable, and nothing after the root. */
	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_begin(&w, "a");
	rawdt_end(&w);
	rawdt_end(&w);
	b = finish(&w, &len, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &root) && dtb_find_path(&d, "/a", &a));
	CU_ASSERT_FALSE(dtb_next_sibling(&root, &x));
	CU_ASSERT_FALSE(dtb_next_sibling(&a, &x));
	CU_ASSERT_EQUAL(exercise(b, len), 2);
	free(b);

	/* Neither the root's FDT_END_NODE nor FDT_END. */
	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_begin(&w, "a");
	rawdt_end(&w);
	b = finish(&w, &len, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &root) && dtb_find_path(&d, "/a", &a));
	CU_ASSERT(dtb_parent(&a, &x) && x.off == root.off);
	CU_ASSERT_FALSE(dtb_next_sibling(&a, &x));
	CU_ASSERT_FALSE(dtb_find_compatible(&d, NULL, "x", &x));
	CU_ASSERT_EQUAL(exercise(b, len), 2);
	free(b);
}

/* FDT_END inside the root: nothing after it is part of the tree. */
static void t_end_inside_root(void)
{
	struct rawdt w;
	struct dtb d;
	struct dtb_node a, x;
	size_t len;
	void *b;

	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_begin(&w, "a");
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	rawdt_begin(&w, "b");
	rawdt_prop_str(&w, "compatible", "x");
	rawdt_end(&w);
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, &d);
	CU_ASSERT_FATAL(dtb_find_path(&d, "/a", &a));
	CU_ASSERT_FALSE(dtb_next_sibling(&a, &x));
	CU_ASSERT_FALSE(dtb_find_compatible(&d, NULL, "x", &x));
	CU_ASSERT_FALSE(dtb_find_path(&d, "/b", &x));
	CU_ASSERT_EQUAL(exercise(b, len), 2);
	free(b);
}

static void t_bad_first_token(void)
{
	static const uint32_t bad_first[][3] = {
		{ TK_END_NODE, TK_END, 0 }, { TK_END, 0, 0 }, { 0x12345678, 0, 0 },
		{ TK_NOP, TK_NOP, TK_END }, { 0, 0, 0 },
	};
	struct rawdt w;
	struct dtb d;
	struct dtb_node root;
	size_t len;
	void *b;

	for (unsigned int i = 0; i < sizeof(bad_first) / sizeof(bad_first[0]); i++) {
		rawdt_init(&w);
		for (unsigned int j = 0; j < 3; j++)
			rawdt_u32(&w, bad_first[i][j]);
		b = finish(&w, &len, &d);
		CU_ASSERT_FALSE(dtb_root(&d, &root));
		CU_ASSERT_EQUAL(exercise(b, len), 0);
		free(b);
	}
}

/* NOPs first, an unknown token inside /a, a second "root" after the first. */
static void t_bad_token_inside(void)
{
	struct rawdt w;
	struct dtb d;
	struct dtb_node root, a, x;
	size_t len;
	void *b;

	rawdt_init(&w);
	rawdt_u32(&w, TK_NOP);
	rawdt_begin(&w, "");
	rawdt_begin(&w, "a");
	rawdt_u32(&w, 0x5);
	rawdt_end(&w);
	rawdt_end(&w);
	rawdt_begin(&w, "b");
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &root) && dtb_first_child(&root, &a));
	CU_ASSERT(dtb_parent(&a, &x) && x.off == root.off);
	CU_ASSERT_FALSE(dtb_next_sibling(&a, &x));
	CU_ASSERT_FALSE(dtb_next_sibling(&root, &x));
	CU_ASSERT_FALSE(dtb_first_child(&a, &x));
	exercise(b, len);
	free(b);
	/* A well-formed root, then a second top-level node: not the root's sibling. */
	rawdt_init(&w);
	rawdt_begin(&w, "");
	rawdt_end(&w);
	rawdt_begin(&w, "b");
	rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	b = finish(&w, &len, &d);
	CU_ASSERT_FATAL(dtb_root(&d, &root));
	CU_ASSERT_FALSE(dtb_next_sibling(&root, &x));
	CU_ASSERT_EQUAL(exercise(b, len), 1);
	free(b);
}

/* Nested nodes l0/l1/.../l39, each compatible "level<i>"; the root is depth 1. */
static void *deep_blob(size_t *len)
{
	struct rawdt w;
	char name[24];

	rawdt_init(&w);
	rawdt_begin(&w, "");
	for (int i = 0; i < DEEP_LEVELS; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		rawdt_begin(&w, name);
		snprintf(name, sizeof(name), "level%d", i);
		rawdt_prop_str(&w, "compatible", name);
	}
	for (int i = 0; i <= DEEP_LEVELS; i++)
		rawdt_end(&w);
	rawdt_u32(&w, TK_END);
	return rawdt_finish(&w, len);
}

static void t_deep_nesting(void)
{
	size_t len;
	void *b = deep_blob(&len);
	struct dtb d;
	struct dtb_node n, p, x;
	char compat[16];

	CU_ASSERT_FATAL(dtb_open(&d, b, len) == 0);
	/* level<i> is at depth i + 2: the last one inside the limit is level30. */
	snprintf(compat, sizeof(compat), "level%d", DTB_MAX_DEPTH - 2);
	CU_ASSERT_FATAL(dtb_find_compatible(&d, NULL, compat, &n));
	CU_ASSERT(dtb_parent(&n, &p));
	snprintf(compat, sizeof(compat), "level%d", DTB_MAX_DEPTH - 1);
	CU_ASSERT_FALSE(dtb_find_compatible(&d, NULL, compat, &x));
	CU_ASSERT_FATAL(dtb_first_child(&n, &x));
	CU_ASSERT(dtb_node_is_compatible(&x, compat));
	CU_ASSERT_FALSE(dtb_parent(&x, &p));
	CU_ASSERT_FALSE(dtb_find_phandle(&d, 1, &x));
	CU_ASSERT_FATAL(dtb_find_path(&d, "/l0", &n));
	CU_ASSERT_FALSE(dtb_next_sibling(&n, &x));      /* its subtree is too deep to skip */
	CU_ASSERT_EQUAL(exercise(b, len), DTB_MAX_DEPTH);
	free(b);
}

/* xorshift64: deterministic, so a failure reproduces. */
static uint64_t prng(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void mutate(uint8_t *b, size_t len, uint64_t *seed)
{
	static const uint32_t tokens[] = { TK_BEGIN_NODE, TK_END_NODE, TK_PROP, TK_NOP, TK_END };
	unsigned int flips = 1 + prng(seed) % 4;

	for (unsigned int i = 0; i < flips; i++)
		b[prng(seed) % len] ^= (uint8_t)(1 + prng(seed) % 255);
	if (prng(seed) % 4 == 0) {          /* a token where one may not be */
		uint32_t off = dte_hdr(b, HDR_F_OFF_STRUCT), sz = dte_hdr(b, HDR_F_SIZE_STRUCT);

		if (off < len && sz >= 4 && sz <= len - off)
			dte_put32(b + off + (prng(seed) % (sz / 4)) * 4, tokens[prng(seed) % 5]);
	}
}

static void t_random_flips(void)
{
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	unsigned int opened = 0;

	for (unsigned int round = 0; round < FLIP_ROUNDS; round++) {
		uint8_t *b = copy_of(packed, packed_len);

		mutate(b, packed_len, &seed);
		opened += exercise(b, packed_len) >= 0;
		free(b);
	}
	CU_ASSERT(opened > FLIP_ROUNDS / 2);
}

UT_SUITE(dtb_corrupt_suite, "dtb_corrupt", suite_init, suite_clean,
	 UT_CASE(t_exercise_real), UT_CASE(t_truncated_header), UT_CASE(t_truncated_struct),
	 UT_CASE(t_bad_magic), UT_CASE(t_bad_version), UT_CASE(t_bad_offsets),
	 UT_CASE(t_prop_len_past_block), UT_CASE(t_nameoff_past_strings),
	 UT_CASE(t_unterminated_string), UT_CASE(t_unterminated_name), UT_CASE(t_missing_end),
	 UT_CASE(t_end_inside_root), UT_CASE(t_bad_first_token), UT_CASE(t_bad_token_inside),
	 UT_CASE(t_deep_nesting), UT_CASE(t_random_flips))
