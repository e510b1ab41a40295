// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Where things go in guest RAM (docs/specs/guest-layout.md), following
 * Documentation/arm64/booting.rst:
 *   kernel   RAM base (2 MiB-aligned) + text_offset, image_size bytes
 *   DT       the next 2 MiB boundary after the kernel, a 2 MiB block of its own
 *   initrd   right after the DT's block, page-aligned
 * RAM ends at 4 GiB at most, so every blob is below 4 GiB, and the kernel
 * and the initrd share one 1 GiB-aligned window of less than 32 GiB.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build_int.h"
#include "ctl_int.h"

static unsigned long long kib(uint64_t bytes)
{
	return (unsigned long long)(BUILD_ALIGN_UP(bytes, 1024) / 1024);
}

static int check_args(struct build_ctx *c)
{
	const struct ctl_build_args *a = c->a;

	if (!a->kernel)
		return ctl_fail(c->h, -EINVAL, "d%u build: no kernel given", a->domid);
	if (!a->mem_mib || a->mem_mib > CTL_GUEST_RAM0_SIZE / BUILD_MIB)
		return ctl_fail(c->h, -EINVAL, "d%u build: memory %llu MiB is out of range 1-%llu",
				a->domid, (unsigned long long)a->mem_mib,
				(unsigned long long)(CTL_GUEST_RAM0_SIZE / BUILD_MIB));
	if (!a->max_vcpus || a->max_vcpus > BUILD_MAX_VCPUS)
		return ctl_fail(c->h, -EINVAL, "d%u build: %u vCPUs is out of range 1-%llu",
				a->domid, a->max_vcpus, (unsigned long long)BUILD_MAX_VCPUS);
	return 0;
}

static int open_ramdisk(struct build_ctx *c)
{
	const struct ctl_build_args *a = c->a;
	struct stat st;

	c->ramdisk_fd = open(a->ramdisk, O_RDONLY | O_CLOEXEC);
	if (c->ramdisk_fd < 0 || fstat(c->ramdisk_fd, &st))
		return ctl_fail_errno(c->h, -errno, "d%u build: ramdisk %s: open", a->domid,
				      a->ramdisk);
	if (!S_ISREG(st.st_mode) || !st.st_size)
		return ctl_fail(c->h, -EINVAL, "d%u build: ramdisk %s: %s", a->domid, a->ramdisk,
				st.st_size ? "not a regular file" : "empty file");
	c->lay.initrd_size = (uint64_t)st.st_size;
	return 0;
}

static int too_small(struct build_ctx *c, uint64_t need)
{
	const struct ctl_build_args *a = c->a;

	return ctl_fail(c->h, -ENOSPC, "d%u build: kernel %s (text_offset 0x%llx + image_size "
			"%llu KiB), device tree (%llu KiB block) and ramdisk (%llu KiB) need "
			"%llu MiB of RAM; the guest has %llu MiB", a->domid, a->kernel,
			(unsigned long long)c->img.text_offset, kib(c->img.image_size),
			kib(BUILD_DT_MAX), kib(c->lay.initrd_size),
			(unsigned long long)(BUILD_ALIGN_UP(need, BUILD_MIB) / BUILD_MIB),
			(unsigned long long)a->mem_mib);
}

static void place(struct build_layout *l, const struct build_image *img)
{
	l->ram_base = CTL_GUEST_RAM0_BASE;
	l->kernel_addr = BUILD_ALIGN_UP(l->ram_base, BUILD_KERNEL_ALIGN) + img->text_offset;
	l->kernel_end = l->kernel_addr + img->image_size;
	l->dtb_addr = BUILD_ALIGN_UP(l->kernel_end, BUILD_DT_ALIGN);
	l->initrd_addr = l->initrd_size ? l->dtb_addr + BUILD_DT_MAX : 0;
}

int build_layout(struct build_ctx *c)
{
	struct build_layout *l = &c->lay;
	uint64_t end;
	int rc = check_args(c);

	if (rc)
		return rc;
	if (c->a->ramdisk && (rc = open_ramdisk(c)))
		return rc;
	l->ram_end = CTL_GUEST_RAM0_BASE + c->a->mem_mib * BUILD_MIB;
	if (c->img.text_offset >= CTL_GUEST_RAM0_SIZE || c->img.image_size >= CTL_GUEST_RAM0_SIZE)
		return too_small(c, CTL_GUEST_RAM0_SIZE + 1);
	place(l, &c->img);
	end = l->initrd_size ? l->initrd_addr + l->initrd_size : l->dtb_addr + BUILD_DT_MAX;
	if (end > l->ram_end)
		return too_small(c, end - l->ram_base);
	return 0;
}
