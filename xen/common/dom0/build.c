// SPDX-License-Identifier: GPL-2.0-only
/*
 * Building dom0 (docs/specs/dom0.md): domain 0 with dom0_max_vcpus vCPUs
 * and dom0_mem of direct-mapped RAM; the kernel Image at the start of the
 * first bank that holds it plus text_offset, the initramfs and the device
 * tree after it (each 2 MiB aligned); the host's devices passed through;
 * vCPU 0 started at the kernel with x0 = the device tree.
 */
#include <arch/mm.h>
#include <xen/dom0less.h>
#include <xen/domain_pv.h>
#include <xen/errno.h>
#include <xen/guest_phys.h>
#include <xen/kernel_image.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <arch/setup.h>
#include <xen/setup.h>
#include <xen/vgic.h>
#include <xen/xmalloc.h>

#include "private.h"

#define DOM0_DEFAULT_MEM   (512UL << 20)
#define DOM0_ALIGN         (2UL << 20)     /* kernel base, initrd and DT: 2 MiB aligned */
#define DOM0_SPI_ROUND     32              /* the vGIC counts SPIs in 32s */
#define DOM0_EVTCHN_INTID  VGIC_EVTCHN_INTID
#define DOM0_ROOM_AFTER_KERNEL (64UL << 20)   /* at least this much RAM besides an in-place kernel */

static uint64_t dom0_mem = DOM0_DEFAULT_MEM;
static uint64_t dom0_max_vcpus;

static int parse_mem(const char *v)
{
	char *end;
	uint64_t n = strtoull(v, &end, 0);

	switch (*end) {
	case 'G': case 'g': n <<= 10; /* fall through */
	case 'M': case 'm': n <<= 10; /* fall through */
	case 'K': case 'k': n <<= 10; end++; break;
	case '\0': break;
	default: return -EINVAL;
	}
	if (*end || n < DOM0_ALIGN)
		return -EINVAL;
	dom0_mem = n;
	return 0;
}
DEFINE_PARAM(dom0_mem, "dom0_mem", PARAM_CUSTOM, NULL, parse_mem,
	     "dom0's RAM, e.g. 512M or 1G (default 512M)");
DEFINE_PARAM(dom0_max_vcpus, "dom0_max_vcpus", PARAM_UINT, &dom0_max_vcpus, NULL,
	     "dom0's vCPUs (default: one per pCPU)");

struct dom0_boot {
	const struct boot_module *kernel;
	const struct boot_module *ramdisk;
	const char *bootargs;
	struct kernel_image img;
	bool in_place;                  /* the kernel runs where the boot loader put it */
	struct mem_region kregion;      /* ... in this region (dom0_kernel_in_place) */
	uint64_t entry, initrd, dt;     /* guest-physical load addresses */
};

static const struct boot_module *find_module(const struct bootinfo *bi, enum boot_module_kind k)
{
	for (unsigned int i = 0; i < bi->nr_modules; i++)
		if (bi->modules[i].kind == k)
			return &bi->modules[i];
	return NULL;
}

/* The initrd then the DT, 2 MiB aligned, in the first bank with room outside [klo, khi). */
static int place_blobs(struct dom0_boot *b, const struct dom0_ram *ram, uint64_t klo, uint64_t khi)
{
	uint64_t rsize = b->ramdisk ? b->ramdisk->size : 0;

	for (unsigned int i = 0; i < ram->nr; i++) {
		uint64_t base = pa_val(ram->bank[i].start), end = base + ram->bank[i].size;

		if (base < khi && klo < end)
			base = MAX(base, khi);     /* the kernel is in this bank: after it */
		b->initrd = ALIGN_UP(base, DOM0_ALIGN);
		b->dt = ALIGN_UP(b->initrd + rsize, DOM0_ALIGN);
		if (b->dt + DOM0_DT_MAX <= end)
			return 0;
	}
	return -ENOSPC;
}

/* The kernel (in place, or at the start of the first bank it fits in), then the rest. */
static int place(struct dom0_boot *b, const struct dom0_ram *ram)
{
	uint64_t ksize = MAX(b->img.image_size, b->kernel->size);

	if (b->in_place) {
		b->entry = pa_val(b->kernel->start);
		return place_blobs(b, ram, b->entry, b->entry + ksize);
	}
	for (unsigned int i = 0; i < ram->nr; i++) {
		uint64_t base = pa_val(ram->bank[i].start);

		b->entry = base + b->img.text_offset;
		if (b->entry + ksize <= base + ram->bank[i].size &&
		    !place_blobs(b, ram, base, b->entry + ksize))
			return 0;
	}
	return -ENOSPC;
}

static int load(struct domain *d, const struct dom0_boot *b)
{
	int rc = b->in_place ? 0 : guest_phys_write(d, b->entry, arch_pa_to_va(b->kernel->start),
						    b->kernel->size, true);

	if (!rc && b->ramdisk)
		rc = guest_phys_write(d, b->initrd, arch_pa_to_va(b->ramdisk->start),
				      b->ramdisk->size, true);
	return rc;
}

static void fdt_params(struct dom0_fdt_params *p, const struct dtb *host,
		       const struct bootinfo *bi, const struct dom0_boot *b,
		       const struct dom0_ram *ram, unsigned int vcpus)
{
	*p = (struct dom0_fdt_params){
		.host = host, .bi = bi, .banks = ram->bank, .nr_banks = ram->nr,
		.nr_vcpus = vcpus, .bootargs = b->bootargs,
		.initrd_start = pa_init(b->initrd), .initrd_size = b->ramdisk ? b->ramdisk->size : 0,
		.gnttab_size = (uint64_t)DOMAIN_DEFAULT_GRANT_FRAMES << PAGE_SHIFT,
		.evtchn_intid = DOM0_EVTCHN_INTID, .xen_compatible = XEN_DT_COMPATIBLE,
		.gicd_base = GUEST_GICD_BASE, .gicd_size = GUEST_GICD_SIZE,
		.gicr_base = GUEST_GICR_BASE, .gicr_size = (uint64_t)vcpus * GUEST_GICR_STRIDE,
	};
}

static long make_dt(struct domain *d, struct dom0_fdt_params *p, struct dom0_passthrough *pt,
		    uint64_t dt_ipa)
{
	char err[BOOTINFO_ERR_LEN] = "";
	void *buf = xzalloc_bytes(DOM0_DT_MAX);
	long len;

	if (!buf)
		return -ENOMEM;
	len = dom0_fdt_build(p, buf, DOM0_DT_MAX, pt, err, sizeof(err));
	if (len < 0)
		printk_level(LOG_ERR, "dom0: device tree: %s (%ld)\n", err, len);
	else if (d)
		len = guest_phys_write(d, dt_ipa, buf, (size_t)len, true) ?: len;
	xfree(buf);
	return len;
}

static unsigned int spis_needed(const struct dom0_passthrough *pt)
{
	uint32_t max = 0;

	for (unsigned int i = 0; i < pt->nr_irq; i++)
		max = MAX(max, pt->irq[i].intid);
	if (max < VGIC_NR_PRIVATE)
		return DOM0_SPI_ROUND;
	return ALIGN_UP(max - VGIC_NR_PRIVATE + 1, DOM0_SPI_ROUND);
}

static unsigned int vcpus_wanted(void)
{
	unsigned int n = dom0_max_vcpus ? (unsigned int)dom0_max_vcpus : arch_nr_cpus_started();

	return MIN(n, (unsigned int)MAX_VCPUS_PER_DOMAIN);
}

/*
 * The kernel module's region becomes dom0's first bank if it can run in
 * place and dom0_mem leaves room for the initrd and DT elsewhere.
 */
static int adopt_kernel(struct domain *d, const struct bootinfo *bi, struct dom0_boot *b,
			struct dom0_ram *ram)
{
	int rc;

	b->in_place = dom0_kernel_in_place(bi, b->kernel, &b->kregion) &&
		      b->kregion.size + DOM0_ROOM_AFTER_KERNEL <= dom0_mem;
	if (!b->in_place)
		return 0;
	rc = domain_adopt_ram(d, b->kregion.start, b->kregion.size);
	if (!rc) {
		ram->bank[0] = b->kregion;
		ram->nr = 1;
		printk("dom0: kernel runs in place at 0x%lx\n", (unsigned long)pa_val(b->kregion.start));
	}
	return rc;
}

/* Lays dom0 out in its RAM and writes its DT there: 0 or an error (printed). */
static int lay_out(struct domain *d, const struct dtb *host, const struct bootinfo *bi,
		   struct dom0_boot *b, struct dom0_passthrough *pt)
{
	struct dom0_ram ram = { .nr = 0 };
	struct dom0_fdt_params p;
	int rc = adopt_kernel(d, bi, b, &ram);

	rc = rc ? rc : dom0_alloc_ram(d, dom0_mem - (b->in_place ? b->kregion.size : 0), &ram);
	if (rc) {
		printk_level(LOG_ERR, "dom0: cannot allocate %lu MiB (%d)\n",
			     (unsigned long)(dom0_mem >> 20), rc);
		return rc;
	}
	rc = place(b, &ram);
	if (!rc) {
		/* After place(): the DT names where the initrd went. */
		fdt_params(&p, host, bi, b, &ram, d->nr_vcpus);
		rc = dom0_gnttab_window(bi, &ram, p.gnttab_size, &p.gnttab_base);
	}
	if (rc) {
		printk_level(LOG_ERR, "dom0: no room for the kernel, initrd, DT and grant window (%d)\n",
			     rc);
		return rc;
	}
	for (unsigned int i = 0; i < ram.nr; i++)
		printk("dom0: RAM bank %u: 0x%lx-0x%lx\n", i, (unsigned long)pa_val(ram.bank[i].start),
		       (unsigned long)(pa_val(ram.bank[i].start) + ram.bank[i].size - 1));
	printk("dom0: kernel at 0x%lx, initrd at 0x%lx, DT at 0x%lx, grant window at 0x%lx\n",
	       (unsigned long)b->entry, (unsigned long)b->initrd, (unsigned long)b->dt,
	       (unsigned long)p.gnttab_base);
	rc = (int)MIN(make_dt(d, &p, pt, b->dt), 0L);
	return rc ? rc : load(d, b);
}

static struct domain *create(const struct dtb *host, const struct bootinfo *bi,
			     struct dom0_boot *b, struct dom0_passthrough *pt, int *rc)
{
	struct domain_config cfg = { .name = "Domain-0", .max_vcpus = vcpus_wanted(),
				     .max_pages = dom0_mem >> PAGE_SHIFT, .direct_mapped = true,
				     .max_maptrack = DOM0_MAPTRACK };
	struct dom0_fdt_params p;
	struct dom0_ram guess = { .bank = { bi->mem[0] }, .nr = 1 };
	long len;

	/*
	 * A first pass over the host tree (with the host's first RAM bank as a
	 * stand-in for dom0's) says which SPIs dom0 gets, so how many its vGIC needs.
	 */
	fdt_params(&p, host, bi, b, &guess, cfg.max_vcpus);
	len = make_dt(NULL, &p, pt, 0);
	if (len < 0) {
		*rc = (int)len;
		return NULL;
	}
	cfg.nr_spis = spis_needed(pt);
	return domain_create(0, &cfg, rc);
}

static int prepare(const struct bootinfo *bi, struct dom0_boot *b)
{
	b->ramdisk = find_module(bi, BOOTMOD_RAMDISK);
	b->bootargs = b->kernel->bootargs ? b->kernel->bootargs : "";
	if (arch_mm_map_ro(b->kernel->start, b->kernel->size) ||
	    (b->ramdisk && arch_mm_map_ro(b->ramdisk->start, b->ramdisk->size)))
		return -EFAULT;
	if (kernel_image_parse(arch_pa_to_va(b->kernel->start), b->kernel->size, &b->img)) {
		printk_level(LOG_ERR, "dom0: the kernel module is not an arm64 Image\n");
		return -ENOEXEC;
	}
	return 0;
}

bool dom0_build(const struct dtb *host, const struct bootinfo *bi)
{
	struct dom0_boot b = { .kernel = find_module(bi, BOOTMOD_KERNEL) };
	struct dom0_passthrough *pt;
	struct domain *d = NULL;
	int rc;

	if (!b.kernel)
		return false;
	pt = xzalloc(struct dom0_passthrough);
	rc = pt ? prepare(bi, &b) : -ENOMEM;
	d = rc ? NULL : create(host, bi, &b, pt, &rc);
	rc = rc ? rc : lay_out(d, host, bi, &b, pt);
	rc = rc ? rc : dom0_passthrough(d, pt);
	xfree(pt);
	if (rc)
		panic("dom0: cannot build the control domain (error %d); see the messages above", rc);
	hardware_domain = d;
	arch_vcpu_start(d->vcpus[0], b.entry, b.dt);
	printk("dom0: %u vCPU(s), %lu MiB, command line \"%s\"\n", d->nr_vcpus,
	       (unsigned long)(d->tot_pages >> (20 - PAGE_SHIFT)), b.bootargs);
	domain_unpause(d);
	return true;
}
