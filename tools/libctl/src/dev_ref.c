// SPDX-License-Identifier: LGPL-2.1-only
/*
 * One device's identity: its kind (vbd, vif) and what goes with it (the
 * hotplug script, dom0's backend driver), its backend and frontend roots,
 * the name messages give it.
 */
#include <errno.h>
#include <stdio.h>

#include "dev_int.h"

static const struct {
	const char *name;
	const char *script;
	const char *driver;
} kinds[] = {
	[CTL_DEV_VBD] = { "vbd", CTL_SCRIPT_BLOCK, "xen-blkback" },
	[CTL_DEV_VIF] = { "vif", CTL_SCRIPT_VIF, "xen-netback" },
};

const char *dev_kind_name(enum ctl_dev_kind kind)
{
	return kinds[kind].name;
}

const char *dev_kind_script(enum ctl_dev_kind kind)
{
	return kinds[kind].script;
}

const char *dev_kind_driver(enum ctl_dev_kind kind)
{
	return kinds[kind].driver;
}

void dev_ref_init(struct dev_ref *r, enum ctl_dev_kind kind, uint32_t domid, uint32_t devid,
		  const char *label)
{
	const char *k = dev_kind_name(kind);

	r->kind = kind;
	r->domid = domid;
	r->devid = devid;
	if (label)
		snprintf(r->label, sizeof(r->label), "%s", label);
	else
		snprintf(r->label, sizeof(r->label), "%s%u", kind == CTL_DEV_VIF ? "vif" : "",
			 devid);
	snprintf(r->be, sizeof(r->be), "/local/domain/%u/backend/%s/%u/%u", DEV_BACKEND_DOMID,
		 k, domid, devid);
	snprintf(r->fe, sizeof(r->fe), "/local/domain/%u/device/%s/%u", domid, k, devid);
}

int dev_path(struct ctl_handle *h, const char *root, const char *rel, char *buf)
{
	int n = snprintf(buf, DEV_PATH_LEN, "%s/%s", root, rel);

	if (n < 0 || n >= DEV_PATH_LEN)
		return ctl_fail(h, -ENAMETOOLONG, "xenstore: %s/%s: path too long", root, rel);
	return 0;
}

int dev_domain_check(struct ctl_handle *h, uint32_t domid)
{
	struct ctl_domctl_info info;
	int rc = ctl_domain_info(h, domid, &info);

	if (rc == -ESRCH)
		return ctl_fail(h, rc, "d%u: no such domain", domid);
	return rc;
}
