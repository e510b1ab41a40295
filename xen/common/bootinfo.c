// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot information from the device tree: memory, reservations, boot modules,
 * CPUs, GICv3, generic timer, PSCI, console UART and SMMUv3.
 *
 * Bindings followed: DTSpec v0.4 chapter 3 (memory, /reserved-memory,
 * /chosen, /cpus, /aliases), Xen's docs/misc/arm/device-tree/booting.txt
 * (multiboot modules in /chosen), and the Linux bindings arm,gic-v3.yaml,
 * arm,arch_timer.yaml, arm,psci.yaml and arm,smmu-v3.yaml.
 */
#include <xen/bootinfo.h>
#include <xen/errno.h>
#include <xen/lib.h>

#define CELL_SIZE       4   /* DTSpec 2.2.4: a cell is a big-endian u32 */
/* arm,gic-v3.yaml: #interrupt-cells = 3 (type, number, flags). */
#define GIC_SPEC_CELLS  3
#define GIC_SPEC_SIZE   (GIC_SPEC_CELLS * CELL_SIZE)
/* GICv3 architecture (IHI 0069) 2.2: INTIDs 16-31 are PPIs, 32-1019 SPIs. */
#define GIC_PPI_COUNT   16
#define GIC_SPI_COUNT   988
/* arm,gic-v3.yaml: "#redistributor-regions" defaults to 1. */
#define GIC_DEFAULT_REDIST_REGIONS 1
/* Longest stdout-path, options stripped, that is looked up. */
#define STDOUT_PATH_MAX 256
/* DTSpec 3.6: stdout-path options follow the path after a ':'. */
#define STDOUT_OPTS_SEP ':'

/* Sets bi->error and returns err. */
static int __printf(3, 4) fail(struct bootinfo *bi, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(bi->error, sizeof(bi->error), fmt, ap);
	va_end(ap);
	return err;
}

static const char *node_label(const struct dtb_node *node)
{
	const char *name = dtb_node_name(node);

	return name && *name ? name : "/";
}

uint32_t bootinfo_gic_intid(const void *spec)
{
	uint32_t type = dtb_be32(spec);
	uint32_t num = dtb_be32((const uint8_t *)spec + CELL_SIZE);

	if (type == GIC_SPEC_SPI && num < GIC_SPI_COUNT)
		return GIC_SPI_BASE + num;
	if (type == GIC_SPEC_PPI && num < GIC_PPI_COUNT)
		return GIC_PPI_BASE + num;
	return 0;
}

/* ---- Helpers ---- */

/* Depth-first iteration over every node, with an explicit stack. */
struct dfs {
	struct dtb_node stack[DTB_MAX_DEPTH];
	unsigned int depth;
};

static bool dfs_start(struct dfs *it, const struct dtb *dtb)
{
	it->depth = dtb_root(dtb, &it->stack[0]) ? 1 : 0;
	return it->depth;
}

static const struct dtb_node *dfs_node(const struct dfs *it)
{
	return &it->stack[it->depth - 1];
}

/* Moves to the next node; offsets only grow, so this always ends. */
static bool dfs_next(struct dfs *it)
{
	uint32_t cur = dfs_node(it)->off;
	struct dtb_node n;

	if (it->depth < DTB_MAX_DEPTH && dtb_first_child(dfs_node(it), &n) && n.off > cur) {
		it->stack[it->depth++] = n;
		return true;
	}
	for (; it->depth > 1; it->depth--) {
		if (dtb_next_sibling(dfs_node(it), &n) && n.off > cur) {
			it->stack[it->depth - 1] = n;
			return true;
		}
	}
	return false;
}

/* First enabled node compatible with compat. */
static bool find_enabled(const struct dtb *dtb, const char *compat, struct dtb_node *out)
{
	const struct dtb_node *after = NULL;

	while (dtb_find_compatible(dtb, after, compat, out)) {
		if (dtb_node_is_enabled(out))
			return true;
		after = out;
	}
	return false;
}

/* Reads reg[idx] of node into r, refusing ranges that wrap around. */
static int node_reg(struct bootinfo *bi, const struct dtb_node *node, unsigned int idx,
		    struct mem_region *r)
{
	uint64_t addr, size;
	int rc = dtb_get_reg(node, idx, &addr, &size);

	if (rc)
		return fail(bi, rc, "%s: cannot decode reg entry %u (error %d)", node_label(node),
			    idx, rc);
	if (size && addr + size - 1 < addr)
		return fail(bi, -EINVAL, "%s: reg entry %u wraps around the address space",
			    node_label(node), idx);
	r->start = pa_init(addr);
	r->size = size;
	return 0;
}

/* A u32 or u64 property: -ENOENT if absent, -EINVAL if another length. */
static int prop_u32_or_u64(const struct dtb_node *node, const char *name, uint64_t *v)
{
	struct dtb_prop p;

	if (!dtb_get_prop(node, name, &p))
		return -ENOENT;
	if (p.len == sizeof(uint32_t))
		*v = dtb_be32(p.data);
	else if (p.len == sizeof(uint64_t))
		*v = dtb_be64(p.data);
	else
		return -EINVAL;
	return 0;
}

/* An optional u32 property: def if absent, an error if of the wrong length. */
static int opt_u32(struct bootinfo *bi, const struct dtb_node *node, const char *name,
		   uint32_t def, uint32_t *out)
{
	struct dtb_prop p;

	*out = def;
	if (!dtb_get_prop(node, name, &p))
		return 0;
	if (!dtb_prop_u32(node, name, out))
		return fail(bi, -EINVAL, "%s: \"%s\" is %u bytes, not one cell", node_label(node),
			    name, p.len);
	return 0;
}

/* INTIDs of the first max 3-cell specifiers of "interrupts"; -ENOENT if absent. */
static int read_intids(struct bootinfo *bi, const struct dtb_node *node, uint32_t *intid,
		       unsigned int max)
{
	struct dtb_prop p;

	if (!dtb_get_prop(node, "interrupts", &p))
		return -ENOENT;
	if (p.len == 0 || p.len % GIC_SPEC_SIZE)
		return fail(bi, -EINVAL, "%s: \"interrupts\" is not a list of 3-cell GIC "
			    "specifiers", node_label(node));
	for (unsigned int i = 0; i < max && i < p.len / GIC_SPEC_SIZE; i++)
		intid[i] = bootinfo_gic_intid((const uint8_t *)p.data + i * GIC_SPEC_SIZE);
	return 0;
}

/* Appends every non-empty reg entry of node to a region array. */
static int add_regs(struct bootinfo *bi, const struct dtb_node *node, struct mem_region *arr,
		    unsigned int *nr, unsigned int max)
{
	int count = dtb_reg_count(node);
	struct mem_region r;

	if (count < 0)
		return fail(bi, count, "%s: no usable reg (error %d)", node_label(node), count);
	for (int i = 0; i < count; i++) {
		int rc = node_reg(bi, node, (unsigned int)i, &r);

		if (rc)
			return rc;
		if (!r.size)
			continue;
		if (*nr == max)
			return fail(bi, -ENOSPC, "%s: more than %u regions", node_label(node), max);
		arr[(*nr)++] = r;
	}
	return 0;
}

/* ---- Memory and reservations ---- */

static bool is_memory_node(const struct dtb_node *node)
{
	const char *type = dtb_prop_string(node, "device_type");

	return type && strcmp(type, "memory") == 0 && dtb_node_is_enabled(node);
}

/* DTSpec 3.4: every node with device_type = "memory". */
static int parse_memory(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dfs it;

	for (bool ok = dfs_start(&it, dtb); ok; ok = dfs_next(&it)) {
		int rc;

		if (!is_memory_node(dfs_node(&it)))
			continue;
		rc = add_regs(bi, dfs_node(&it), bi->mem, &bi->nr_mem, BOOTINFO_MAX_BANKS);
		if (rc)
			return rc;
	}
	return 0;
}

static int add_reserved(struct bootinfo *bi, uint64_t addr, uint64_t size)
{
	if (!size)
		return 0;
	if (addr + size - 1 < addr)
		return fail(bi, -EINVAL, "/memreserve/ entry %#llx+%#llx wraps around",
			    (unsigned long long)addr, (unsigned long long)size);
	if (bi->nr_reserved == BOOTINFO_MAX_RESERVED)
		return fail(bi, -ENOSPC, "more than %u reserved memory regions",
			    BOOTINFO_MAX_RESERVED);
	bi->reserved[bi->nr_reserved].start = pa_init(addr);
	bi->reserved[bi->nr_reserved].size = size;
	bi->nr_reserved++;
	return 0;
}

/* DTSpec 5.3: the memory reservation block. */
static int parse_rsvmap(const struct dtb *dtb, struct bootinfo *bi)
{
	uint64_t addr, size;
	unsigned int i;
	int rc;

	for (i = 0; (rc = dtb_rsvmap_get(dtb, i, &addr, &size)) == 0; i++) {
		rc = add_reserved(bi, addr, size);
		if (rc)
			return rc;
	}
	if (rc != -ENOENT)
		return fail(bi, rc, "memory reservation block has no terminating entry");
	return 0;
}

/* DTSpec 3.5: static regions of /reserved-memory; dynamic ones (no reg) are skipped. */
static int parse_reserved(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node rmem, n;
	int rc = parse_rsvmap(dtb, bi);

	if (rc || !dtb_find_path(dtb, "/reserved-memory", &rmem))
		return rc;
	for (bool ok = dtb_first_child(&rmem, &n); ok; ok = dtb_next_sibling(&n, &n)) {
		struct dtb_prop reg;

		if (!dtb_node_is_enabled(&n) || !dtb_get_prop(&n, "reg", &reg))
			continue;
		rc = add_regs(bi, &n, bi->reserved, &bi->nr_reserved, BOOTINFO_MAX_RESERVED);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- /chosen: modules, initrd, bootargs, console ---- */

static bool module_kind(const struct dtb_node *node, enum boot_module_kind *kind)
{
	if (!dtb_node_is_enabled(node))
		return false;
	if (dtb_node_is_compatible(node, "multiboot,kernel"))
		*kind = BOOTMOD_KERNEL;
	else if (dtb_node_is_compatible(node, "multiboot,ramdisk"))
		*kind = BOOTMOD_RAMDISK;
	else if (dtb_node_is_compatible(node, "multiboot,module"))
		*kind = BOOTMOD_OTHER;
	else
		return false;
	return true;
}

static int add_module(struct bootinfo *bi, enum boot_module_kind kind, const struct mem_region *r,
		      const char *bootargs)
{
	struct boot_module *m;

	if (bi->nr_modules == BOOTINFO_MAX_MODULES)
		return fail(bi, -ENOSPC, "/chosen: more than %u boot modules",
			    BOOTINFO_MAX_MODULES);
	m = &bi->modules[bi->nr_modules++];
	m->kind = kind;
	m->start = r->start;
	m->size = r->size;
	m->bootargs = bootargs;
	return 0;
}

/* Xen's multiboot binding: children of /chosen with reg and optional bootargs. */
static int parse_modules(const struct dtb_node *chosen, struct bootinfo *bi)
{
	struct dtb_node n;
	enum boot_module_kind kind;

	for (bool ok = dtb_first_child(chosen, &n); ok; ok = dtb_next_sibling(&n, &n)) {
		struct mem_region r;
		int rc;

		if (!module_kind(&n, &kind))
			continue;
		rc = node_reg(bi, &n, 0, &r);
		if (!rc)
			rc = add_module(bi, kind, &r, dtb_prop_string(&n, "bootargs"));
		if (rc)
			return rc;
	}
	return 0;
}

/* Linux's /chosen linux,initrd-start and linux,initrd-end (u32 or u64 each). */
static int parse_initrd(const struct dtb_node *chosen, struct bootinfo *bi)
{
	uint64_t start = 0, end = 0;
	int rs = prop_u32_or_u64(chosen, "linux,initrd-start", &start);
	int re = prop_u32_or_u64(chosen, "linux,initrd-end", &end);
	struct mem_region r;

	if (rs == -ENOENT && re == -ENOENT)
		return 0;
	if (rs || re)
		return fail(bi, -EINVAL, "/chosen: linux,initrd-start/end must both be present "
			    "and be 4 or 8 bytes long");
	if (end < start)
		return fail(bi, -EINVAL, "/chosen: linux,initrd-end %#llx is below start %#llx",
			    (unsigned long long)end, (unsigned long long)start);
	if (end == start)
		return 0;
	r.start = pa_init(start);
	r.size = end - start;
	return add_module(bi, BOOTMOD_RAMDISK, &r, NULL);
}

/* Copies stdout-path up to its ':options'; false if too long. */
static bool strip_options(const char *sp, char *buf, size_t bufsz)
{
	const char *colon = strchr(sp, STDOUT_OPTS_SEP);
	size_t len = colon ? (size_t)(colon - sp) : strlen(sp);

	if (len >= bufsz)
		return false;
	memcpy(buf, sp, len);
	buf[len] = '\0';
	return true;
}

/*
 * DTSpec 3.6 stdout-path: a path or an alias, maybe followed by ":options".
 * uart.path keeps the property's value as written, options included.
 */
static int parse_uart(const struct dtb *dtb, const struct dtb_node *chosen, struct bootinfo *bi)
{
	const char *sp = dtb_prop_string(chosen, "stdout-path");
	char path[STDOUT_PATH_MAX];
	struct dtb_node n;
	int rc;

	if (!sp)
		sp = dtb_prop_string(chosen, "linux,stdout-path");  /* pre-DTSpec name */
	if (!sp || !strip_options(sp, path, sizeof(path)) || !dtb_find_path(dtb, path, &n))
		return 0;
	rc = node_reg(bi, &n, 0, &bi->uart.regs);
	if (rc)
		return rc;
	rc = read_intids(bi, &n, &bi->uart.intid, 1);
	if (rc && rc != -ENOENT)
		return rc;
	bi->uart.path = sp;
	bi->uart.compatible = dtb_prop_string(&n, "compatible");
	bi->uart.present = true;
	return 0;
}

static int parse_chosen(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node chosen;
	const char *args;
	int rc;

	if (!dtb_find_path(dtb, "/chosen", &chosen))
		return 0;
	args = dtb_prop_string(&chosen, "xen,xen-bootargs");
	if (args)
		bi->xen_bootargs = args;
	rc = parse_modules(&chosen, bi);
	if (!rc)
		rc = parse_initrd(&chosen, bi);
	if (!rc)
		rc = parse_uart(dtb, &chosen, bi);
	return rc;
}

/* ---- CPUs and devices ---- */

static bool is_cpu_node(const struct dtb_node *node)
{
	const char *type = dtb_prop_string(node, "device_type");

	return type && strcmp(type, "cpu") == 0 && dtb_node_is_enabled(node);
}

/* DTSpec 3.8: enabled /cpus children with device_type "cpu"; reg = MPIDR affinity. */
static int parse_cpus(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node cpus, n;

	if (!dtb_find_path(dtb, "/cpus", &cpus))
		return 0;
	for (bool ok = dtb_first_child(&cpus, &n); ok; ok = dtb_next_sibling(&n, &n)) {
		struct mem_region r;
		int rc;

		if (!is_cpu_node(&n))
			continue;
		rc = node_reg(bi, &n, 0, &r);
		if (rc)
			return rc;
		if (bi->nr_cpus == BOOTINFO_MAX_CPUS)
			return fail(bi, -ENOSPC, "/cpus: more than %u CPUs", BOOTINFO_MAX_CPUS);
		bi->cpu_mpidr[bi->nr_cpus++] = pa_val(r.start);
	}
	return 0;
}

/* arm,gic-v3.yaml "redistributor-stride" is a u64; a single cell is accepted too. */
static int parse_gic_stride(struct bootinfo *bi, const struct dtb_node *gic)
{
	int rc = prop_u32_or_u64(gic, "redistributor-stride", &bi->gic.redist_stride);

	if (rc == -EINVAL)
		return fail(bi, rc, "%s: redistributor-stride is not a u64", node_label(gic));
	return 0;
}

/* arm,gic-v3.yaml: reg = distributor, then #redistributor-regions redistributor regions. */
static int parse_gic(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node gic;
	uint32_t nr;
	int rc;

	if (!find_enabled(dtb, "arm,gic-v3", &gic))
		return 0;
	rc = opt_u32(bi, &gic, "#redistributor-regions", GIC_DEFAULT_REDIST_REGIONS, &nr);
	if (rc)
		return rc;
	if (nr == 0 || nr > BOOTINFO_MAX_REDIST)
		return fail(bi, -EINVAL, "%s: #redistributor-regions = %u (1..%u supported)",
			    node_label(&gic), nr, BOOTINFO_MAX_REDIST);
	rc = node_reg(bi, &gic, 0, &bi->gic.dist);
	for (uint32_t i = 0; !rc && i < nr; i++)
		rc = node_reg(bi, &gic, 1 + i, &bi->gic.redist[i]);
	if (!rc)
		rc = parse_gic_stride(bi, &gic);
	if (rc)
		return rc;
	rc = read_intids(bi, &gic, &bi->gic.maint_intid, 1);
	if (rc && rc != -ENOENT)
		return rc;
	bi->gic.nr_redist = nr;
	bi->gic.present = true;
	return 0;
}

/* arm,arch_timer.yaml: up to 5 interrupts in a fixed order, optional clock-frequency. */
static int parse_timer(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node t;
	int rc;

	if (!find_enabled(dtb, "arm,armv8-timer", &t))
		return 0;
	rc = read_intids(bi, &t, bi->timer.intid, ARRAY_SIZE(bi->timer.intid));
	if (rc == -ENOENT)
		return fail(bi, rc, "%s: no \"interrupts\"", node_label(&t));
	if (!rc)
		rc = opt_u32(bi, &t, "clock-frequency", 0, &bi->timer.clock_frequency);
	if (rc)
		return rc;
	bi->timer.present = true;
	return 0;
}

/* arm,psci.yaml: PSCI 0.2 and later; method is the conduit. */
static int parse_psci(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node p;
	const char *method;

	if (!find_enabled(dtb, "arm,psci-0.2", &p) && !find_enabled(dtb, "arm,psci-1.0", &p))
		return 0;
	method = dtb_prop_string(&p, "method");
	if (method && strcmp(method, "smc") == 0)
		bi->psci.conduit = PSCI_CONDUIT_SMC;
	else if (method && strcmp(method, "hvc") == 0)
		bi->psci.conduit = PSCI_CONDUIT_HVC;
	else
		return fail(bi, -EINVAL, "%s: method \"%s\" is neither \"smc\" nor \"hvc\"",
			    node_label(&p), method ? method : "(missing)");
	bi->psci.present = true;
	return 0;
}

static int parse_smmu(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node s;
	int rc;

	if (!find_enabled(dtb, "arm,smmu-v3", &s))
		return 0;
	rc = node_reg(bi, &s, 0, &bi->smmu.regs);
	if (rc)
		return rc;
	bi->smmu.present = true;
	return 0;
}

int bootinfo_parse(const struct dtb *dtb, struct bootinfo *bi)
{
	struct dtb_node root;
	int rc;

	memset(bi, 0, sizeof(*bi));
	bi->xen_bootargs = "";
	if (!dtb_root(dtb, &root))
		return fail(bi, -EINVAL, "the device tree has no root node");
	rc = parse_memory(dtb, bi);
	if (!rc)
		rc = parse_reserved(dtb, bi);
	if (!rc)
		rc = parse_chosen(dtb, bi);
	if (!rc)
		rc = parse_cpus(dtb, bi);
	if (!rc)
		rc = parse_gic(dtb, bi);
	if (!rc)
		rc = parse_timer(dtb, bi);
	if (!rc)
		rc = parse_psci(dtb, bi);
	if (!rc)
		rc = parse_smmu(dtb, bi);
	return rc;
}

/* bootinfo_check()'s message for a missing mandatory piece. */
static int missing(struct bootinfo *bi, const char *what)
{
	return fail(bi, -ENODEV, "no %s in the device tree", what);
}

int bootinfo_check(struct bootinfo *bi)
{
	if (!bi->nr_mem)
		return missing(bi, "memory node (device_type = \"memory\")");
	if (!bi->nr_cpus)
		return missing(bi, "CPU nodes under /cpus");
	if (!bi->gic.present)
		return missing(bi, "GICv3 interrupt controller (compatible \"arm,gic-v3\")");
	if (!bi->timer.present)
		return missing(bi, "timer (compatible \"arm,armv8-timer\")");
	if (!bi->psci.present)
		return missing(bi, "PSCI node (compatible \"arm,psci-0.2\")");
	bi->error[0] = '\0';
	return 0;
}
