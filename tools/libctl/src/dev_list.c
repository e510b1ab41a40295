// SPDX-License-Identifier: LGPL-2.1-only
/*
 * ctl_device_list(): what `ctl block-list` and `ctl network-list` show,
 * read from each device's backend and frontend nodes; a value not (yet)
 * there is -1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "dev_int.h"

static int num(struct ctl_xs *xs, const char *root, const char *rel)
{
	long long v = dev_read_num(xs, root, rel);

	return v > INT32_MAX ? -1 : (int)v;
}

static void read_name(struct ctl_xs *xs, const struct dev_ref *r, char *buf, size_t len)
{
	char path[DEV_PATH_LEN], *value = NULL;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s", r->be, r->kind == CTL_DEV_VBD ? "dev" : "mac");
	if (!ctl_xs_read(xs, 0, path, &value))
		snprintf(buf, len, "%s", value);
	free(value);
}

static void read_info(struct ctl_xs *xs, const struct dev_ref *r, struct ctl_dev_info *d)
{
	bool vif = r->kind == CTL_DEV_VIF;

	*d = (struct ctl_dev_info){
		.kind = r->kind,
		.devid = r->devid,
		.backend_domid = DEV_BACKEND_DOMID,
		.backend_state = num(xs, r->be, "state"),
		.frontend_state = num(xs, r->fe, "state"),
		.evtchn = num(xs, r->fe, "event-channel"),
		.ring_ref = num(xs, r->fe, vif ? "tx-ring-ref" : "ring-ref"),
		.rx_ring_ref = vif ? num(xs, r->fe, "rx-ring-ref") : -1,
	};
	read_name(xs, r, d->name, sizeof(d->name));
	snprintf(d->backend, sizeof(d->backend), "%s", r->be);
}

int ctl_device_list(struct ctl_handle *h, uint32_t domid, enum ctl_dev_kind kind,
		    struct ctl_dev_info **devs, size_t *n)
{
	struct ctl_xs *xs = NULL;
	uint32_t *ids = NULL;
	struct dev_ref r;
	size_t count = 0;
	int rc = ctl_xs_open(h, &xs);

	*devs = NULL;
	*n = 0;
	if (!rc && kind != CTL_DEV_VBD && kind != CTL_DEV_VIF)
		rc = ctl_fail(h, -EINVAL, "device list: unknown kind %d", (int)kind);
	if (rc) {
		ctl_xs_close(xs);
		return rc;
	}
	rc = dev_devids(h, xs, kind, domid, &ids, &count);
	if (!rc && count && !(*devs = calloc(count, sizeof(**devs))))
		rc = ctl_fail(h, -ENOMEM, "d%u: device list: out of memory", domid);
	for (size_t i = 0; !rc && i < count; i++) {
		dev_ref_init(&r, kind, domid, ids[i], NULL);
		read_info(xs, &r, &(*devs)[i]);
	}
	if (!rc)
		*n = count;
	free(ids);
	ctl_xs_close(xs);
	return rc;
}
