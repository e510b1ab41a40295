// SPDX-License-Identifier: GPL-2.0-only
/*
 * Boot-time domains from the device tree. For each /chosen child compatible
 * "xen,domain": create the domain, give it RAM at GUEST_RAM0_BASE, load its
 * arm64 Image (Linux booting.rst header) at RAM base + text_offset, write a
 * device tree for it near the top of its RAM, and start vCPU 0 there with
 * x0 = the device tree's address.
 */
#include <arch/mm.h>
#include <xen/dom0less.h>
#include <xen/domain.h>
#include <xen/dtb_write.h>
#include <xen/errno.h>
#include <xen/guest_phys.h>
#include <xen/kernel_image.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/sched.h>
#include <xen/timer.h>
#include <xen/xmalloc.h>

#define DT_ALIGN           MiB(2)
#define DT_MAX             KiB(64)
#define BLOCK_ORDER        9             /* 2 MiB */
#define DEFAULT_SPIS       32

struct dom_desc {
	struct dtb_node node;
	const char *name;
	uint32_t vcpus;
	uint64_t mem_bytes;
	struct mem_region kernel;
	const char *bootargs;
	uint32_t weight, cap;
	uint64_t affinity;
};

static int module_reg(const struct dtb_node *mod, struct mem_region *r)
{
	uint64_t a, s;
	int rc = dtb_get_reg(mod, 0, &a, &s);

	if (!rc)
		*r = (struct mem_region){ pa_init(a), s };
	return rc;
}

int dom0less_reserve(const struct dtb *dtb, struct memrange_set *free_ram)
{
	struct dtb_node chosen, dom, mod;
	struct mem_region r;

	if (!dtb_find_path(dtb, "/chosen", &chosen))
		return 0;
	for (bool ok = dtb_first_child(&chosen, &dom); ok; ok = dtb_next_sibling(&dom, &dom)) {
		if (!dtb_node_is_compatible(&dom, "xen,domain"))
			continue;
		for (bool m = dtb_first_child(&dom, &mod); m; m = dtb_next_sibling(&mod, &mod))
			if (dtb_node_is_compatible(&mod, "multiboot,module") &&
			    !module_reg(&mod, &r)) {
				uint64_t s = ALIGN_DOWN(pa_val(r.start), PAGE_SIZE);
				uint64_t e = ALIGN_UP(pa_val(r.start) + r.size, PAGE_SIZE);
				int rc = memrange_remove(free_ram, pa_init(s), e - s);

				if (rc)
					return rc;
			}
	}
	return 0;
}

static uint64_t prop_num(const struct dtb_node *n, const char *name, uint64_t dflt)
{
	struct dtb_prop p;

	if (!dtb_get_prop(n, name, &p))
		return dflt;
	if (p.len == 4)
		return dtb_be32(p.data);
	if (p.len == 8)
		return dtb_be64(p.data);
	return dflt;
}

static int read_desc(const struct dtb_node *n, struct dom_desc *dd)
{
	struct dtb_node mod;

	*dd = (struct dom_desc){ .node = *n, .name = dtb_node_name(n) };
	dd->vcpus = (uint32_t)prop_num(n, "cpus", 1);
	dd->mem_bytes = KiB(prop_num(n, "memory", 0));
	dd->weight = (uint32_t)prop_num(n, "sched-weight", SCHED_DEFAULT_WEIGHT);
	dd->cap = (uint32_t)prop_num(n, "sched-cap", 0);
	dd->affinity = prop_num(n, "cpu-affinity", ~0ULL);
	for (bool m = dtb_first_child(n, &mod); m; m = dtb_next_sibling(&mod, &mod))
		if (dtb_node_is_compatible(&mod, "multiboot,kernel")) {
			if (module_reg(&mod, &dd->kernel))
				return -EINVAL;
			dd->bootargs = dtb_prop_string(&mod, "bootargs");
		}
	if (!dd->bootargs)
		dd->bootargs = dtb_prop_string(n, "bootargs");
	if (!dd->kernel.size || !dd->mem_bytes || dd->mem_bytes > GUEST_RAM0_SIZE)
		return -EINVAL;
	return 0;
}

/* Copies len bytes into the domain's RAM at ipa; the guest starts with its caches off. */
static int copy_to_guest_phys(struct domain *d, uint64_t ipa, const void *src, size_t len)
{
	return guest_phys_write(d, ipa, src, len, true);
}

static int populate_ram(struct domain *d, uint64_t bytes)
{
	uint64_t off = 0;
	int rc = 0;

	while (!rc && off < bytes) {
		unsigned int order = (bytes - off >= MiB(2)) ? BLOCK_ORDER : 0;

		rc = domain_populate(d, ipa_to_gfn(ipa_init(GUEST_RAM0_BASE + off)), order);
		off += PAGE_SIZE << order;
	}
	return rc;
}

/* Loads the Image; returns its entry IPA or 0. */
static uint64_t load_kernel(struct domain *d, const struct dom_desc *dd)
{
	const uint8_t *img = arch_pa_to_va(dd->kernel.start);
	struct kernel_image k;
	uint64_t load;

	if (kernel_image_parse(img, dd->kernel.size, &k))
		return 0;
	load = GUEST_RAM0_BASE + k.text_offset;
	if (MAX(k.image_size, dd->kernel.size) + k.text_offset > dd->mem_bytes - DT_ALIGN)
		return 0;
	if (copy_to_guest_phys(d, load, img, dd->kernel.size))
		return 0;
	return load;
}

#define GIC_PHANDLE        1
#define GIC_SPEC_PPI_CELL  1
#define IRQ_LEVEL_HIGH     4
#define IRQ_LEVEL_LOW_ALL  0xf08   /* level, low; Xen's flags for its event PPI */
#define PPI(intid)         ((intid) - 16)

static void dt_cpus(struct dtb_writer *w, unsigned int n)
{
	char name[16];

	dtbw_begin_node(w, "cpus");
	dtbw_prop_u32(w, "#address-cells", 1);
	dtbw_prop_u32(w, "#size-cells", 0);
	for (unsigned int i = 0; i < n; i++) {
		uint32_t aff = (uint32_t)vgic_vcpu_affinity(i);   /* the vCPU's MPIDR Aff1.Aff0 */

		snprintf(name, sizeof(name), "cpu@%x", aff);
		dtbw_begin_node(w, name);
		dtbw_prop_string(w, "device_type", "cpu");
		dtbw_prop_string(w, "compatible", "arm,armv8");
		dtbw_prop_u32(w, "reg", aff);
		dtbw_prop_string(w, "enable-method", "psci");
		dtbw_end_node(w);
	}
	dtbw_end_node(w);
}

static void dt_gic(struct dtb_writer *w, unsigned int vcpus)
{
	uint64_t reg[] = { GUEST_GICD_BASE, GUEST_GICD_SIZE, GUEST_GICR_BASE,
			   (uint64_t)vcpus * GUEST_GICR_STRIDE };
	char name[48];

	snprintf(name, sizeof(name), "interrupt-controller@%lx", (unsigned long)GUEST_GICD_BASE);
	dtbw_begin_node(w, name);
	dtbw_prop_string(w, "compatible", "arm,gic-v3");
	dtbw_prop_u32(w, "#interrupt-cells", 3);
	dtbw_prop_u32(w, "#address-cells", 2);
	dtbw_prop_u32(w, "#size-cells", 2);
	dtbw_prop_empty(w, "interrupt-controller");
	dtbw_prop_u32(w, "#redistributor-regions", 1);
	dtbw_prop_u64s(w, "reg", reg, ARRAY_SIZE(reg));
	dtbw_prop_u32(w, "phandle", GIC_PHANDLE);
	dtbw_end_node(w);
}

static void dt_timer_psci_hyp(struct dtb_writer *w)
{
	static const char *const timer_compat[] = { "arm,armv8-timer" };
	static const char *const psci_compat[] = { "arm,psci-1.0", "arm,psci-0.2" };
	static const char *const xen_compat[] = { "xen,xen-4.17", "xen,xen" };
	uint32_t irqs[] = { 1, 13, IRQ_LEVEL_HIGH, 1, 14, IRQ_LEVEL_HIGH, 1, 11, IRQ_LEVEL_HIGH,
			    1, 10, IRQ_LEVEL_HIGH };
	uint32_t evtchn[] = { GIC_SPEC_PPI_CELL, PPI(GUEST_EVTCHN_PPI), IRQ_LEVEL_LOW_ALL };
	uint64_t gnttab[] = { GUEST_GNTTAB_BASE, GUEST_GNTTAB_SIZE };

	dtbw_begin_node(w, "timer");
	dtbw_prop_strings(w, "compatible", timer_compat, 1);
	dtbw_prop_u32s(w, "interrupts", irqs, ARRAY_SIZE(irqs));
	dtbw_end_node(w);
	dtbw_begin_node(w, "psci");
	dtbw_prop_strings(w, "compatible", psci_compat, 2);
	dtbw_prop_string(w, "method", "hvc");
	dtbw_end_node(w);
	dtbw_begin_node(w, "hypervisor");
	dtbw_prop_strings(w, "compatible", xen_compat, 2);
	dtbw_prop_u64s(w, "reg", gnttab, 2);
	dtbw_prop_u32s(w, "interrupts", evtchn, 3);
	dtbw_end_node(w);
}

static long write_guest_dt(void *buf, const struct dom_desc *dd)
{
	static const char *const compat[] = { "xen,xenvm-4.17", "xen,xenvm" };
	uint64_t mem[] = { GUEST_RAM0_BASE, dd->mem_bytes };
	struct dtb_writer w;

	dtbw_init(&w, buf, DT_MAX);
	dtbw_begin_node(&w, "");
	dtbw_prop_u32(&w, "#address-cells", 2);
	dtbw_prop_u32(&w, "#size-cells", 2);
	dtbw_prop_strings(&w, "compatible", compat, 2);
	dtbw_prop_u32(&w, "interrupt-parent", GIC_PHANDLE);
	dtbw_begin_node(&w, "chosen");
	dtbw_prop_string(&w, "bootargs", dd->bootargs ? dd->bootargs : "");
	dtbw_end_node(&w);
	dt_cpus(&w, dd->vcpus);
	dtbw_begin_node(&w, "memory@40000000");
	dtbw_prop_string(&w, "device_type", "memory");
	dtbw_prop_u64s(&w, "reg", mem, 2);
	dtbw_end_node(&w);
	dt_gic(&w, dd->vcpus);
	dt_timer_psci_hyp(&w);
	dtbw_end_node(&w);
	return dtbw_finish(&w);
}

static int place_dt(struct domain *d, const struct dom_desc *dd, uint64_t *dt_ipa)
{
	void *buf = xzalloc_bytes(DT_MAX);
	long len;
	int rc;

	if (!buf)
		return -ENOMEM;
	len = write_guest_dt(buf, dd);
	*dt_ipa = GUEST_RAM0_BASE + ALIGN_DOWN(dd->mem_bytes - DT_ALIGN, DT_ALIGN);
	rc = len < 0 ? (int)len : copy_to_guest_phys(d, *dt_ipa, buf, (size_t)len);
	xfree(buf);
	return rc;
}

/*
 * Test aid: debug_pause=N pauses domain N one second after boot; a second
 * later it takes every vCPU of N through its save records (save, wipe, load)
 * and unpauses it, saying so on the console.
 */
#define DEBUG_PAUSE_NS   NS_PER_SEC
#define NO_DOMAIN        0xffffffffU

static uint64_t debug_pause_id = NO_DOMAIN;
static struct timer debug_pause_timer;
static bool debug_paused;
DEFINE_PARAM(debug_pause, "debug_pause", PARAM_UINT, &debug_pause_id, NULL,
	     "a dom0less domain ID to pause for one second, one second after boot");

static void debug_pause_fn(void *data)
{
	struct domain *d = domain_by_id((domid_t)debug_pause_id);

	(void)data;
	if (!d || d->state != DOMAIN_RUNNING)
		return;
	if (!debug_paused) {
		domain_pause(d);
		printk("d%u: paused (debug_pause)\n", d->id);
		debug_paused = true;
		timer_set(&debug_pause_timer, now_ns() + DEBUG_PAUSE_NS);
	} else {
		for (unsigned int i = 0; i < d->nr_vcpus; i++) {
			int rc = arch_vcpu_state_roundtrip(d->vcpus[i]);

			printk("d%uv%u: state saved, wiped and restored from its records: %s (%d)\n",
			       d->id, i, rc ? "MISMATCH" : "identical", rc);
		}
		domain_unpause(d);
		printk("d%u: unpaused (debug_pause)\n", d->id);
	}
}

static int apply_sched(struct domain *d, const struct dom_desc *dd)
{
	struct sched_params p = { (uint16_t)dd->weight, (uint16_t)dd->cap };
	int rc = sched_set_params(d, &p);

	for (unsigned int i = 0; !rc && i < d->nr_vcpus; i++)
		rc = sched_set_affinity(d->vcpus[i], dd->affinity, 0);
	return rc;
}

static int build(const struct dom_desc *dd, struct domain **out)
{
	struct domain_config cfg = { .max_vcpus = dd->vcpus, .nr_spis = DEFAULT_SPIS,
				     .max_pages = dd->mem_bytes >> PAGE_SHIFT };
	uint64_t entry, dt = 0;
	struct domain *d;
	int rc;

	snprintf(cfg.name, sizeof(cfg.name), "%s", dd->name);
	if (arch_mm_map_ro(dd->kernel.start, dd->kernel.size))
		return -EFAULT;
	d = domain_create(DOMID_SELF, &cfg, &rc);
	if (!d)
		return rc;
	rc = populate_ram(d, dd->mem_bytes);
	entry = rc ? 0 : load_kernel(d, dd);
	rc = rc ? rc : !entry ? -ENOEXEC : place_dt(d, dd, &dt);
	rc = rc ? rc : apply_sched(d, dd);
	if (rc) {
		domain_destroy(d);
		return rc;
	}
	arch_vcpu_start(d->vcpus[0], entry, dt);
	d->destroy_on_shutdown = true;
	*out = d;
	return 0;
}

static const char *build_error(int rc)
{
	switch (rc) {
	case -ENOEXEC:
		return "the kernel module is not an arm64 Image, or does not fit in its memory";
	case -EINVAL:
		return "bad domain node (needs cpus, memory in KiB, a multiboot,kernel module)";
	case -ENOMEM:
	case -ENOSPC:
		return "not enough free memory";
	default:
		return "error";
	}
}

unsigned int dom0less_build_all(const struct dtb *dtb)
{
	struct dtb_node chosen, n;
	unsigned int started = 0;

	if (!dtb_find_path(dtb, "/chosen", &chosen))
		return 0;
	for (bool ok = dtb_first_child(&chosen, &n); ok; ok = dtb_next_sibling(&n, &n)) {
		struct dom_desc dd;
		struct domain *d = NULL;
		int rc;

		if (!dtb_node_is_compatible(&n, "xen,domain"))
			continue;
		rc = read_desc(&n, &dd);
		rc = rc ? rc : build(&dd, &d);
		if (rc) {
			printk_level(LOG_ERR, "dom0less: /chosen/%s not started: %s (%d)\n",
				     dtb_node_name(&n), build_error(rc), rc);
			continue;
		}
		printk("dom0less: d%u '%s': %u vCPU(s), %lu MiB, weight %u, cap %u\n", d->id,
		       dd.name, dd.vcpus, (unsigned long)(dd.mem_bytes >> 20), dd.weight, dd.cap);
		domain_unpause(d);
		started++;
	}
	if (debug_pause_id != NO_DOMAIN) {
		timer_init(&debug_pause_timer, debug_pause_fn, NULL);
		timer_set(&debug_pause_timer, now_ns() + DEBUG_PAUSE_NS);
	}
	return started;
}
