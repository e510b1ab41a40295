// SPDX-License-Identifier: LGPL-2.1-only
/*
 * ctl_build_linux(): the steps, in order (docs/specs/guest-layout.md):
 * read the Image header, lay out RAM, populate it and the magic pages, zero
 * those, load the kernel and the initramfs, write the DT, allocate the
 * console and xenstore event channels, set the HVM params, start vCPU 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <public/hvm.h>

#include "build_int.h"
#include "ctl_int.h"

int build_fail_step(struct build_ctx *c, int rc, const char *step)
{
	char inner[CTL_MSG_LEN];

	snprintf(inner, sizeof(inner), "%s", ctl_errmsg(c->h));
	if (!inner[0])
		snprintf(inner, sizeof(inner), "%s", strerror(-rc));
	return ctl_fail(c->h, rc, "d%u build: %s: %s", c->a->domid, step, inner);
}

static int load_blobs(struct build_ctx *c)
{
	char what[CTL_MSG_LEN];
	int rc;

	snprintf(what, sizeof(what), "kernel %s", c->a->kernel);
	rc = build_copy_file(c, c->kernel_fd, what, c->lay.kernel_addr, c->img.file_size);
	if (rc || !c->lay.initrd_size)
		return rc;
	snprintf(what, sizeof(what), "ramdisk %s", c->a->ramdisk);
	return build_copy_file(c, c->ramdisk_fd, what, c->lay.initrd_addr, c->lay.initrd_size);
}

static int load_fdt(struct build_ctx *c)
{
	void *blob;
	size_t size;
	int rc = build_fdt(c, &blob, &size);

	if (rc)
		return rc;
	rc = build_copy_buf(c, blob, size, "the device tree", c->lay.dtb_addr);
	free(blob);
	return rc;
}

static int alloc_port(struct build_ctx *c, uint32_t remote, const char *what, uint32_t *port)
{
	char step[CTL_MSG_LEN];
	int rc = ctl_evtchn_alloc_unbound(c->h, c->a->domid, remote, port);

	if (!rc)
		return 0;
	snprintf(step, sizeof(step), "%s event channel (remote d%u)", what, remote);
	return build_fail_step(c, rc, step);
}

static int set_param(struct build_ctx *c, unsigned int index, const char *name, uint64_t v)
{
	char step[CTL_MSG_LEN];
	int rc = ctl_hvm_param_set(c->h, c->a->domid, index, v);

	if (!rc)
		return 0;
	snprintf(step, sizeof(step), "set %s", name);
	return build_fail_step(c, rc, step);
}

#define MAGIC_GFN(i) ((CTL_GUEST_MAGIC_BASE >> BUILD_PAGE_SHIFT) + (i))

static int setup_rings(struct build_ctx *c, struct ctl_build_result *r)
{
	int rc;

	r->console_gfn = MAGIC_GFN(CTL_MAGIC_CONSOLE);
	r->store_gfn = MAGIC_GFN(CTL_MAGIC_XENSTORE);
	rc = alloc_port(c, c->a->console_domid, "console", &r->console_port);
	if (!rc)
		rc = alloc_port(c, c->a->store_domid, "xenstore", &r->store_port);
	if (!rc)
		rc = set_param(c, HVM_PARAM_CONSOLE_PFN, "HVM_PARAM_CONSOLE_PFN", r->console_gfn);
	if (!rc)
		rc = set_param(c, HVM_PARAM_CONSOLE_EVTCHN, "HVM_PARAM_CONSOLE_EVTCHN",
			       r->console_port);
	if (!rc)
		rc = set_param(c, HVM_PARAM_STORE_PFN, "HVM_PARAM_STORE_PFN", r->store_gfn);
	if (!rc)
		rc = set_param(c, HVM_PARAM_STORE_EVTCHN, "HVM_PARAM_STORE_EVTCHN", r->store_port);
	return rc;
}

static int start(struct build_ctx *c, struct ctl_build_result *r)
{
	int rc = ctl_vcpu_start(c->h, c->a->domid, 0, c->lay.kernel_addr, c->lay.dtb_addr);

	if (rc)
		return build_fail_step(c, rc, "start vCPU 0");
	r->entry = c->lay.kernel_addr;
	r->dtb_addr = c->lay.dtb_addr;
	r->initrd_addr = c->lay.initrd_addr;
	r->initrd_size = c->lay.initrd_size;
	return 0;
}

static int build(struct build_ctx *c, struct ctl_build_result *r)
{
	int rc = build_image_open(c);

	rc = rc ? rc : build_layout(c);
	rc = rc ? rc : build_populate(c);
	rc = rc ? rc : build_zero_magic(c);
	rc = rc ? rc : load_blobs(c);
	rc = rc ? rc : load_fdt(c);
	rc = rc ? rc : setup_rings(c, r);
	return rc ? rc : start(c, r);
}

int ctl_build_linux(struct ctl_handle *h, const struct ctl_build_args *a,
		    struct ctl_build_result *r)
{
	struct build_ctx c = { .h = h, .a = a, .kernel_fd = -1, .ramdisk_fd = -1 };
	struct ctl_build_result res = { 0 };
	int rc;

	if (!h || !a || !r)
		return ctl_fail(h, -EINVAL, "build: no handle, arguments or result");
	rc = build(&c, &res);
	if (!rc)
		*r = res;
	if (c.kernel_fd >= 0)
		close(c.kernel_fd);
	if (c.ramdisk_fd >= 0)
		close(c.ramdisk_fd);
	return rc;
}
