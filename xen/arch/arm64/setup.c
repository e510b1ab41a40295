// SPDX-License-Identifier: GPL-2.0-only
/* AArch64 boot: from head.S to the generic start_xen(), and the arch's banner. */
#include <arch/setup.h>
#include <arch/time.h>
#include <asm/gicv3.h>
#include <asm/mmu.h>
#include <asm/percpu.h>
#include <asm/timer.h>
#include <asm/irq.h>
#include <asm/vcpu.h>
#include <xen/dom0less.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/setup.h>

#define DTB_MAX_SIZE   (2UL << 20)   /* Linux's arm64 booting.rst limit */

static struct mem_region dtb_region;

void arch_boot_main(uint64_t dtb_pa);
unsigned int smp_cpus_started(void);
void vsysreg_init(void);
void __noreturn guest_start(void);
bool smp_timer_ok(unsigned int idx);

static bool overlaps_image(uint64_t start, uint64_t size)
{
	struct mem_region img;

	arch_image_region(&img);
	return start < pa_val(img.start) + img.size && pa_val(img.start) < start + size;
}

void arch_boot_main(uint64_t dtb_pa)
{
	uint32_t size = 0;

	pcpu_init(0);
	write_sysreg(HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO, hcr_el2);
	isb();
	if (dtb_peek_size((const void *)(uintptr_t)dtb_pa, &size) == 0 &&
	    !overlaps_image(dtb_pa, MIN(size, DTB_MAX_SIZE)))
		dtb_region = (struct mem_region){ pa_init(dtb_pa), MIN(size, DTB_MAX_SIZE) };
	mmu_boot(dtb_region.start, dtb_region.size);
	start_xen((const void *)(uintptr_t)dtb_pa);
}

void arch_dtb_region(struct mem_region *out)
{
	*out = dtb_region;
}

void arch_irq_init(const struct bootinfo *bi)
{
	gicv3_init(bi);
	irq_init_guest_handlers();
	irq_cpu_init_guest_ppis();
	write_sysreg(read_sysreg(midr_el1), vpidr_el2);
}

static void print_cpu_facts(void)
{
	printk("CPU: MIDR 0x%08lx, %u-bit physical addresses, %u-bit VMIDs, counter %lu kHz\n",
	       (unsigned long)read_sysreg(midr_el1), cpu_pa_bits(), cpu_has_vmid16() ? 16 : 8,
	       (unsigned long)(arch_counter_freq() / 1000));
}

static void print_gic_facts(const struct bootinfo *bi)
{
	const struct gic_facts *g = gicv3_facts();

	printk("GICv%u: distributor 0x%lx, %u SPIs, %u-bit INTIDs, LPIs %s, security %s\n",
	       g->arch_rev, (unsigned long)pa_val(bi->gic.dist.start), g->nr_lines - 32,
	       g->id_bits, g->lpis ? "yes" : "no", g->security_disabled ? "disabled" : "enabled");
	printk("GICv%u: %u redistributor region(s) from 0x%lx, maintenance INTID %u, "
	       "%u list registers, %u priority bits\n",
	       g->arch_rev, bi->gic.nr_redist, (unsigned long)pa_val(bi->gic.redist[0].start),
	       g->maint_intid, g->list_regs, g->pri_bits);
}

static void print_cpus(const struct bootinfo *bi, unsigned int online)
{
	unsigned int ticks_ok = 0, started = smp_cpus_started();

	printk("CPUs online: %u of %u\n", online, bi->nr_cpus);
	for (unsigned int i = 0; i < started; i++) {
		struct pcpu *c = &pcpu_data[i];

		ticks_ok += c->online && smp_timer_ok(i);
		printk("  CPU%u MPIDR 0x%lx %s\n", i, (unsigned long)c->mpidr,
		       c->online ? "online" : c->parked ? "stopped" : "offline");
	}
	printk("Timer: EL2 physical timer INTID %u, interrupt seen on %u of %u online CPUs\n",
	       timer_intid(), ticks_ok, online);
}

void arch_print_banner(const struct bootinfo *bi, unsigned int online)
{
	print_cpu_facts();
	print_gic_facts(bi);
	if (bi->smmu.present)
		printk("SMMUv3 at 0x%lx (not yet in use)\n", (unsigned long)pa_val(bi->smmu.regs.start));
	print_cpus(bi, online);
}

unsigned int arch_nr_cpus_started(void)
{
	return smp_cpus_started();
}

int arch_mm_map_ro(paddr_t start, uint64_t size)
{
	uint64_t first = ALIGN_DOWN(pa_val(start), PAGE_SIZE);
	uint64_t end = ALIGN_UP(pa_val(start) + size, PAGE_SIZE);

	for (uint64_t a = first; a < end; a += PAGE_SIZE) {
		int rc = mmu_map(pa_init(a), PAGE_SIZE, MAP_RODATA);

		if (rc && rc != -EEXIST)
			return rc;
	}
	return 0;
}

void arch_vcpu_start(struct vcpu *v, uint64_t pc, uint64_t x0)
{
	vcpu_reset(v, pc, x0);
	vcpu_set_online(v, true);
}

volatile bool guests_go;

void arch_run_guests(void)
{
	vsysreg_init();
	dsb(sy);
	guests_go = true;
	sev();
	guest_start();
}
