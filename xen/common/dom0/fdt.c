// SPDX-License-Identifier: GPL-2.0-only
/*
 * dom0_fdt_build(): dom0's device tree from the host's (docs/specs/dom0.md,
 * "Dom0 device tree"). This file checks the parameters, finds the host GIC
 * and the hypervisor's UART, writes the root (kept nodes, then made-up
 * ones) and adds the memory reservation entries dom0 must honour.
 */
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/lib.h>

#include "fdt_private.h"

/* DTSpec 5.2: byte offsets of the header fields patched here. */
#define HDR_TOTALSIZE       4
#define HDR_OFF_STRUCT      8
#define HDR_OFF_STRINGS     12
#define HDR_OFF_RSVMAP      16
/* DTSpec 5.3.2: a reservation entry is { u64 address; u64 size; }. */
#define RSV_ENTRY_SIZE      16
/* DTSpec 3.6: stdout-path options follow the path after a ':'. */
#define STDOUT_OPTS_SEP     ':'
#define UART_PATH_MAX       128
/* GICv3 architecture (IHI 0069) 2.2.1: INTIDs 16-31 are PPIs. */
#define PPI_FIRST           16
#define PPI_LAST            31
/* DTSpec 2.3.3: phandle values that name no node. */
#define PHANDLE_NONE        0U
#define PHANDLE_INVALID     0xffffffffU

/* Appends "/name" for every level below the root to buf at *pos. */
static void put_path(const struct fdt_level *l, char *buf, size_t len, size_t *pos)
{
	if (!l->up)
		return;
	put_path(l->up, buf, len, pos);
	if (*pos < len)
		*pos += (size_t)snprintf(buf + *pos, len - *pos, "/%s", dtb_node_name(&l->node));
}

int fdt_fail(struct fdt_ctx *c, const struct fdt_level *l, int err, const char *fmt, ...)
{
	size_t pos = 0;
	va_list ap;

	if (!c->err || !c->errlen)
		return err;
	c->err[0] = '\0';
	if (l) {
		put_path(l, c->err, c->errlen, &pos);
		if (!l->up)
			pos = (size_t)snprintf(c->err, c->errlen, "/");
		if (pos < c->errlen)
			pos += (size_t)snprintf(c->err + pos, c->errlen - pos, ": ");
	}
	if (pos < c->errlen) {
		va_start(ap, fmt);
		vsnprintf(c->err + pos, c->errlen - pos, fmt, ap);
		va_end(ap);
	}
	return err;
}

static int check_params(struct fdt_ctx *c)
{
	const struct dom0_fdt_params *p = c->p;

	if (!p->host || !p->bi || !p->banks || !p->xen_compatible)
		return fdt_fail(c, NULL, -EINVAL,
				"missing host tree, bootinfo, banks or compatible");
	if (!p->nr_banks || p->nr_banks > DOM0_MAX_BANKS)
		return fdt_fail(c, NULL, -EINVAL, "%u RAM banks (1 to %u)", p->nr_banks,
				DOM0_MAX_BANKS);
	if (!p->nr_vcpus || p->nr_vcpus > MAX_VCPUS_PER_DOMAIN)
		return fdt_fail(c, NULL, -EINVAL, "%u vCPUs (1 to %u)", p->nr_vcpus,
				MAX_VCPUS_PER_DOMAIN);
	if (p->evtchn_intid < PPI_FIRST || p->evtchn_intid > PPI_LAST)
		return fdt_fail(c, NULL, -EINVAL, "event INTID %u is not a PPI", p->evtchn_intid);
	if (!p->gicd_size || !p->gicr_size || !p->gnttab_size)
		return fdt_fail(c, NULL, -EINVAL, "empty virtual GIC or grant-table window");
	return 0;
}

/* The host GIC: dropped and replaced, but its phandle stays dom0's GIC's. */
static int find_gic(struct fdt_ctx *c)
{
	const struct dtb_node *g = &c->gic;
	uint32_t cells;

	if (!dtb_find_compatible(c->p->host, NULL, "arm,gic-v3", &c->gic))
		return fdt_fail(c, NULL, -EINVAL, "no GICv3 node (compatible \"arm,gic-v3\")");
	if ((!dtb_prop_u32(g, "phandle", &c->gic_phandle) &&
	     !dtb_prop_u32(g, "linux,phandle", &c->gic_phandle)) ||
	    c->gic_phandle == PHANDLE_NONE || c->gic_phandle == PHANDLE_INVALID)
		return fdt_fail(c, NULL, -EINVAL, "the GIC node %s has no valid phandle",
				dtb_node_name(g));
	if (!dtb_prop_u32(g, "#interrupt-cells", &cells) || cells != FDT_GIC_SPEC_CELLS)
		return fdt_fail(c, NULL, -EINVAL,
				"the GIC node %s does not have #interrupt-cells = %u",
				dtb_node_name(g), FDT_GIC_SPEC_CELLS);
	if (!dtb_prop_u32(g, "#address-cells", &c->gic_addr_cells))
		c->gic_addr_cells = 0;
	return 0;
}

/* The node bi->uart.path names (its ":options" stripped). */
static int find_uart(struct fdt_ctx *c)
{
	const char *path = c->p->bi->uart.path;
	char buf[UART_PATH_MAX];
	size_t n;

	if (!c->p->bi->uart.present || !path)
		return 0;
	for (n = 0; path[n] && path[n] != STDOUT_OPTS_SEP; n++)
		if (n + 1 == sizeof(buf))
			return fdt_fail(c, NULL, -EINVAL, "UART path too long: %s", path);
	memcpy(buf, path, n);
	buf[n] = '\0';
	if (!dtb_find_path(c->p->host, buf, &c->uart))
		return fdt_fail(c, NULL, -EINVAL, "UART %s not found", buf);
	c->have_uart = true;
	return 0;
}

/* ---- Memory reservation block ---- */

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void put_be64(uint8_t *p, uint64_t v)
{
	put_be32(p, (uint32_t)(v >> 32));
	put_be32(p + sizeof(uint32_t), (uint32_t)v);
}

static void add_be32(uint8_t *p, uint32_t v)
{
	put_be32(p, dtb_be32(p) + v);
}

/* A host /memreserve/ entry dom0 keeps: one overlapping dom0's RAM. */
static bool rsv_wanted(const struct fdt_ctx *c, uint64_t addr, uint64_t size)
{
	uint64_t end = addr + size < addr ? UINT64_MAX : addr + size;

	for (unsigned int i = 0; i < c->p->nr_banks; i++) {
		uint64_t start = pa_val(c->p->banks[i].start);

		if (addr < start + c->p->banks[i].size && start < end)
			return true;
	}
	return false;
}

/* Visits the host's reservation entries: counts the wanted ones, writes them if out. */
static int rsv_scan(struct fdt_ctx *c, uint8_t *out, unsigned int *n)
{
	uint64_t addr, size;
	int rc;

	*n = 0;
	for (unsigned int i = 0;; i++) {
		rc = dtb_rsvmap_get(c->p->host, i, &addr, &size);
		if (rc == -ENOENT)
			return 0;
		if (rc)
			return fdt_fail(c, NULL, -EINVAL,
					"the host's memory reservation block has no end");
		if (!rsv_wanted(c, addr, size))
			continue;
		if (out) {
			put_be64(out + RSV_ENTRY_SIZE * *n, addr);
			put_be64(out + RSV_ENTRY_SIZE * *n + sizeof(uint64_t), size);
		}
		(*n)++;
	}
}

/*
 * The writer laid its blob out at buf + n entries: header, empty
 * reservation block, structure, strings. Moving the header down to buf
 * frees exactly the room for n entries in front of the terminating one.
 */
static long rsv_insert(struct fdt_ctx *c, uint8_t *buf, long len, unsigned int n)
{
	uint32_t grow = n * RSV_ENTRY_SIZE;
	unsigned int written;

	if (!n)
		return len;
	if (dtb_be32(buf + grow + HDR_OFF_RSVMAP) != DTB_HEADER_SIZE)
		return fdt_fail(c, NULL, -EINVAL, "unexpected writer layout");
	memmove(buf, buf + grow, DTB_HEADER_SIZE);
	/* The same scan as before: it cannot fail now, and writes n entries. */
	rsv_scan(c, buf + DTB_HEADER_SIZE, &written);
	add_be32(buf + HDR_TOTALSIZE, grow);
	add_be32(buf + HDR_OFF_STRUCT, grow);
	add_be32(buf + HDR_OFF_STRINGS, grow);
	return len + grow;
}

/* ---- The tree ---- */

static int write_tree(struct fdt_ctx *c)
{
	struct fdt_level root;
	struct dtb_node rn;
	int rc;

	if (!dtb_root(c->p->host, &rn))
		return fdt_fail(c, NULL, -EINVAL, "the host device tree has no root node");
	fdt_level_init(&root, NULL, &rn);
	if (root.addr_cells < 1 || root.addr_cells > 2 || root.size_cells < 1 ||
	    root.size_cells > 2)
		return fdt_fail(c, &root, -EINVAL, "#address-cells %u / #size-cells %u not 1 or 2",
				root.addr_cells, root.size_cells);
	dtbw_begin_node(c->w, "");
	rc = fdt_copy_root(c, &root);
	if (!rc)
		rc = fdt_write_made_up(c, &root);
	dtbw_end_node(c->w);
	return rc;
}

static int prepare(struct fdt_ctx *c, unsigned int *nr_rsv)
{
	int rc = check_params(c);

	if (!rc)
		rc = find_gic(c);
	if (!rc)
		rc = find_uart(c);
	if (!rc)
		rc = rsv_scan(c, NULL, nr_rsv);
	return rc;
}

long dom0_fdt_build(const struct dom0_fdt_params *p, void *buf, size_t size,
		    struct dom0_passthrough *pt, char *err, size_t errlen)
{
	struct fdt_ctx c = { .p = p, .pt = pt, .err = err, .errlen = errlen };
	struct dtb_writer w;
	unsigned int nr_rsv;
	size_t skip;
	long len;
	int rc;

	if (err && errlen)
		err[0] = '\0';
	if (!p || !buf || !pt)
		return fdt_fail(&c, NULL, -EINVAL, "missing parameters, buffer or passthrough");
	memset(pt, 0, sizeof(*pt));
	memrange_init(&c.mmio, pt->mmio, DOM0_MAX_PT_MMIO);
	rc = prepare(&c, &nr_rsv);
	if (rc)
		return rc;
	skip = MIN((size_t)nr_rsv * RSV_ENTRY_SIZE, size);
	dtbw_init(&w, (uint8_t *)buf + skip, size - skip);
	c.w = &w;
	rc = write_tree(&c);
	pt->nr_mmio = c.mmio.count;
	if (rc)
		return rc;
	len = dtbw_finish(&w);
	if (len == -ENOSPC)
		return fdt_fail(&c, NULL, -ENOSPC, "dom0's device tree does not fit in %zu bytes "
				"(or has over %u bytes of property names)", size,
				DTBW_MAX_STRINGS);
	if (len < 0)
		return fdt_fail(&c, NULL, (int)len, "device tree writer error %ld", len);
	return rsv_insert(&c, buf, len, nr_rsv);
}
