// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Disks (vbd) for xen-blkback and the guest's xen-blkfront: the devid is
 * the vdev's xen-vbd-interface number, the nodes are libxl's for a "phy"
 * disk whose params the block script turns into a physical-device
 * (docs/specs/xenstore-paths.md).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cfg.h"
#include "dev_int.h"

/* The vdev's number, and the target there unless it is an empty cdrom. */
static int check_disk(struct ctl_handle *h, const struct ctl_disk *d, uint32_t *devid)
{
	struct stat st;

	if (!d->vdev || cfg_vdev_number(d->vdev, devid))
		return ctl_fail(h, -EINVAL, "%s: not a virtual disk name (xvda, hdc, sdb1)",
				d->vdev ? d->vdev : "disk");
	if (!d->target && d->devtype == CTL_DISK_DEVTYPE_CDROM)
		return 0;
	if (!d->target || !*d->target)
		return ctl_fail(h, -EINVAL, "%s: no target", d->vdev);
	if (stat(d->target, &st))
		return ctl_fail(h, -errno, "%s: %s: %s", d->vdev, d->target, strerror(errno));
	return 0;
}

static int disk_nodes(struct ctl_handle *h, struct dev_attach *a, const struct ctl_disk *d)
{
	const char *type = cfg_disk_devtype_name(d->devtype);
	const struct dev_ref *r = &a->ref;
	struct dev_nodes *b = &a->be, *f = &a->fe;

	dev_node_add(h, b, "frontend", "%s", r->fe);
	dev_node_add(h, b, "frontend-id", "%u", r->domid);
	dev_node_add(h, b, "online", "1");
	dev_node_add(h, b, "removable", "1");
	dev_node_add(h, b, "bootable", "1");
	dev_node_add(h, b, "state", "%d", CTL_XB_INITIALISING);
	dev_node_add(h, b, "dev", "%s", d->vdev);
	dev_node_add(h, b, "type", "phy");
	dev_node_add(h, b, "mode", "%s", d->access == CTL_DISK_RO ? "r" : "w");
	dev_node_add(h, b, "device-type", "%s", type);
	dev_node_add(h, b, "params", "%s", d->target ? d->target : "");
	dev_node_add(h, f, "backend", "%s", r->be);
	dev_node_add(h, f, "backend-id", "%d", DEV_BACKEND_DOMID);
	dev_node_add(h, f, "state", "%d", CTL_XB_INITIALISING);
	dev_node_add(h, f, "virtual-device", "%u", r->devid);
	dev_node_add(h, f, "device-type", "%s", type);
	return b->rc ? b->rc : f->rc;
}

int dev_disk_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_disk *disk,
		    bool keep)
{
	struct dev_attach a = { .keep = keep ? dev_kept_add_disk : NULL };
	struct ctl_disk d = *disk;
	int rc = check_disk(h, disk, &d.vdev_number);

	if (rc)
		return rc;
	a.dev = &d;
	dev_ref_init(&a.ref, CTL_DEV_VBD, domid, d.vdev_number, d.vdev);
	rc = disk_nodes(h, &a, &d);
	if (!rc)
		rc = dev_attach(h, &a);
	dev_nodes_free(&a.be);
	dev_nodes_free(&a.fe);
	return rc;
}

int ctl_disk_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_disk *disk)
{
	return dev_disk_attach(h, domid, disk, true);
}

/* "xvdb" or "51728" to its number. */
static int vdev_devid(struct ctl_handle *h, const char *vdev, uint32_t *devid)
{
	unsigned long long v;
	char *end;

	if (vdev && !cfg_vdev_number(vdev, devid))
		return 0;
	if (vdev && *vdev >= '0' && *vdev <= '9') {
		v = strtoull(vdev, &end, 10);
		if (!*end && v <= UINT32_MAX) {
			*devid = (uint32_t)v;
			return 0;
		}
	}
	return ctl_fail(h, -EINVAL, "%s: not a virtual disk name or number", vdev ? vdev : "");
}

static int detach(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r, bool force)
{
	struct dom_err e = { 0 };
	int rc = dev_present(h, xs, r, "disk");

	if (rc)
		return rc;
	dom_err_note(h, &e, dev_detach(h, xs, r, force));
	if (dev_exists(xs, 0, r->be) == 0)
		dom_err_note(h, &e, dev_kept_del_disk(h, r->domid, r->devid));
	return dom_err_report(h, &e);
}

int ctl_disk_detach(struct ctl_handle *h, uint32_t domid, const char *vdev, bool force)
{
	struct ctl_xs *xs = NULL;
	struct dev_ref r;
	uint32_t devid;
	int rc = vdev_devid(h, vdev, &devid);

	if (!rc)
		rc = dev_domain_check(h, domid);
	if (!rc)
		rc = ctl_xs_open(h, &xs);
	if (rc)
		return rc;
	if (*vdev >= '0' && *vdev <= '9')
		dev_ref_lookup(xs, &r, CTL_DEV_VBD, domid, devid);
	else
		dev_ref_init(&r, CTL_DEV_VBD, domid, devid, vdev);
	rc = detach(h, xs, &r, force);
	ctl_xs_close(xs);
	return rc;
}
