// SPDX-License-Identifier: GPL-2.0-only
/*
 * Generic boot: read the device tree, bring up the console, build the page
 * allocator over free RAM, start the interrupt controller, timer and the
 * other CPUs, and print the banner.
 */
#include <arch/setup.h>
#include <xen/console.h>
#include <xen/dom0.h>
#include <xen/dom0less.h>
#include <xen/sched.h>
#include <xen/errno.h>
#include <xen/page_alloc.h>
#include <xen/param.h>
#include <xen/setup.h>

#define FREE_RANGES_MAX  (BOOTINFO_MAX_BANKS + BOOTINFO_MAX_RESERVED + BOOTINFO_MAX_MODULES + 4)

static struct dtb boot_dtb;
static struct bootinfo bi;
static struct mem_region free_storage[FREE_RANGES_MAX];
static struct memrange_set free_ram;

static int parse_loglvl(const char *v)
{
	static const char *const names[] = { "error", "warning", "info", "debug" };

	for (unsigned int i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(v, names[i])) {
			console_set_loglevel((enum log_level)i);
			return 0;
		}
	return -EINVAL;
}
DEFINE_PARAM(loglvl, "loglvl", PARAM_CUSTOM, NULL, parse_loglvl,
	     "one of error, warning, info, debug");

static const char *const module_kinds[] = { "kernel", "ramdisk", "module" };

static void print_region(const char *what, paddr_t start, uint64_t size, const char *note)
{
	printk("  %-8s 0x%016lx - 0x%016lx  %6lu KiB  %s\n", what, (unsigned long)pa_val(start),
	       (unsigned long)(pa_val(start) + size), (unsigned long)(size >> 10), note);
}

/* Takes [start, start+size), rounded out to whole pages, out of free RAM. */
static void exclude(paddr_t start, uint64_t size, const char *what)
{
	uint64_t first = ALIGN_DOWN(pa_val(start), PAGE_SIZE);
	uint64_t end = ALIGN_UP(pa_val(start) + size, PAGE_SIZE);
	int rc = memrange_remove(&free_ram, pa_init(first), end - first);

	if (rc)
		panic("cannot exclude %s 0x%lx+0x%lx from free memory: error %d", what,
		      (unsigned long)pa_val(start), (unsigned long)size, rc);
}

static void compute_free_ram(void)
{
	struct mem_region img, dtb;

	memrange_init(&free_ram, free_storage, FREE_RANGES_MAX);
	for (unsigned int i = 0; i < bi.nr_mem; i++)
		if (memrange_add(&free_ram, bi.mem[i].start, bi.mem[i].size))
			panic("memory bank %u (0x%lx) cannot be added", i,
			      (unsigned long)pa_val(bi.mem[i].start));
	arch_image_region(&img);
	arch_dtb_region(&dtb);
	exclude(img.start, img.size, "the hypervisor image");
	exclude(dtb.start, dtb.size, "the device tree");
	for (unsigned int i = 0; i < bi.nr_reserved; i++)
		exclude(bi.reserved[i].start, bi.reserved[i].size, "a reserved region");
	for (unsigned int i = 0; i < bi.nr_modules; i++) {
		const struct boot_module *m = &bi.modules[i];
		struct mem_region r;

		if (m->kind == BOOTMOD_KERNEL && dom0_kernel_in_place(&bi, m, &r))
			exclude(r.start, r.size, "dom0's kernel, to run in place");
		else
			exclude(m->start, m->size, "a boot module");
	}
	if (dom0less_reserve(&boot_dtb, &free_ram))
		panic("cannot exclude the dom0less domains' modules from free memory");
}

static void print_memory_map(void)
{
	struct mem_region img, dtb;

	arch_image_region(&img);
	arch_dtb_region(&dtb);
	printk("Memory map:\n");
	for (unsigned int i = 0; i < bi.nr_mem; i++)
		print_region("RAM", bi.mem[i].start, bi.mem[i].size, "");
	print_region("image", img.start, img.size, "hypervisor");
	print_region("DTB", dtb.start, dtb.size, "device tree");
	for (unsigned int i = 0; i < bi.nr_reserved; i++)
		print_region("reserved", bi.reserved[i].start, bi.reserved[i].size, "");
	for (unsigned int i = 0; i < bi.nr_modules; i++)
		print_region("module", bi.modules[i].start, bi.modules[i].size,
			     module_kinds[bi.modules[i].kind]);
	for (unsigned int i = 0; i < free_ram.count; i++)
		print_region("free", free_ram.r[i].start, free_ram.r[i].size, "");
}

static void setup_page_allocator(void)
{
	for (unsigned int i = 0; i < free_ram.count; i++) {
		struct mem_region *r = &free_ram.r[i];
		int rc = arch_mm_map_ram(r->start, r->size);

		if (rc)
			panic("cannot map free RAM 0x%lx+0x%lx: error %d",
			      (unsigned long)pa_val(r->start), (unsigned long)r->size, rc);
		rc = page_alloc_add_region(r->start, r->size);
		if (rc && rc != -EINVAL)
			panic("page allocator refused 0x%lx+0x%lx: error %d",
			      (unsigned long)pa_val(r->start), (unsigned long)r->size, rc);
	}
	printk("Page allocator: %lu pages free of %lu managed (%lu MiB free)\n",
	       (unsigned long)page_alloc_free_count(), (unsigned long)page_alloc_total_count(),
	       (unsigned long)(page_alloc_free_count() >> (20 - PAGE_SHIFT)));
}

static void read_device_tree(const void *dtb)
{
	struct mem_region r;
	int rc;

	arch_dtb_region(&r);
	rc = dtb_open(&boot_dtb, dtb, r.size);
	if (rc)
		panic("the device tree at 0x%lx is not a valid DTB (error %d)",
		      (unsigned long)pa_val(r.start), rc);
	rc = bootinfo_parse(&boot_dtb, &bi);
	arch_console_init(&bi);
	console_flush_early();
	if (rc)
		panic("device tree: %s", bi.error);
	if (bootinfo_check(&bi))
		panic("device tree: %s", bi.error);
}

void start_xen(const void *dtb)
{
	unsigned int online;

	read_device_tree(dtb);
	printk("Hypervisor %s (Xen %d.%d guest ABI), aarch64\n", HV_VERSION_STRING,
	       XEN_VERSION_MAJOR, XEN_VERSION_MINOR);
	printk("Command line: %s\n", bi.xen_bootargs);
	params_parse(bi.xen_bootargs);
	compute_free_ram();
	print_memory_map();
	setup_page_allocator();
	arch_irq_init(&bi);
	arch_timer_init(&bi);
	online = arch_smp_boot(&bi);
	arch_print_banner(&bi, online);
	printk("Boot complete: %u of %u CPUs online.\n", online, bi.nr_cpus);
	sched_init(arch_nr_cpus_started());
	dom0_build(&boot_dtb, &bi);
	debug_watch_start();
	printk("Domains started from the device tree: %u\n", dom0less_build_all(&boot_dtb));
	console_in_endboot();
	arch_run_guests();
}
