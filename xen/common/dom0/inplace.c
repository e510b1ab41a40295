// SPDX-License-Identifier: GPL-2.0-only
/*
 * Dom0's kernel run where the boot loader put it: when the kernel module
 * starts 2 MiB aligned and its Image asks for text_offset 0, the module's
 * memory up to the Image's image_size (rounded up to 2 MiB) becomes dom0's
 * first RAM bank, at its own address, and the 32 MiB copy is saved. The
 * boot code keeps that whole region out of the allocator; the boot loader
 * must not put anything else there (the runner puts the initramfs after
 * image_size).
 */
#include <arch/mm.h>
#include <xen/dom0.h>
#include <arch/setup.h>
#include <xen/dom0less.h>
#include <xen/errno.h>
#include <xen/kernel_image.h>
#include <xen/lib.h>

#define INPLACE_ALIGN  (2UL << 20)    /* Linux arm64: Image base 2 MiB aligned (booting.rst) */

static bool overlaps(const struct mem_region *a, paddr_t start, uint64_t size)
{
	return pa_val(a->start) < pa_val(start) + size && pa_val(start) < pa_val(a->start) + a->size;
}

static bool others_clear(const struct bootinfo *bi, const struct boot_module *k,
			 const struct mem_region *r)
{
	for (unsigned int i = 0; i < bi->nr_modules; i++)
		if (&bi->modules[i] != k && overlaps(r, bi->modules[i].start, bi->modules[i].size))
			return false;
	return true;
}

/*
 * The hypervisor writes into dom0's RAM (hypercall results), so the region
 * is mapped read-write, in 2 MiB blocks; a second call finds it mapped.
 */
static bool map_rw(paddr_t start, uint64_t size)
{
	int rc = size ? arch_mm_map_ram(start, size) : 0;

	return !rc || rc == -EEXIST;
}

bool dom0_kernel_in_place(const struct bootinfo *bi, const struct boot_module *k,
			  struct mem_region *r)
{
	struct kernel_image img;
	uint64_t start = pa_val(k->start), end;

	/* The first 2 MiB lie inside the module (it is at least that big): the header. */
	if (start & (INPLACE_ALIGN - 1) || k->size < INPLACE_ALIGN ||
	    !map_rw(k->start, INPLACE_ALIGN) ||
	    kernel_image_parse(arch_pa_to_va(k->start), k->size, &img) || img.text_offset)
		return false;
	end = ALIGN_UP(start + MAX(img.image_size, k->size), INPLACE_ALIGN);
	*r = (struct mem_region){ k->start, end - start };
	return others_clear(bi, k, r) && map_rw(pa_init(start + INPLACE_ALIGN), end - start - INPLACE_ALIGN);
}
