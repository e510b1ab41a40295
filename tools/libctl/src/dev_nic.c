// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Network interfaces (vif) for xen-netback and the guest's xen-netfront:
 * devids are indexes (the next after the highest in use), a MAC in Xen's
 * OUI 00:16:3e is made up when none is given, the nodes are libxl's with
 * the rate limit as netback reads it (docs/specs/xenstore-paths.md).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "dev_int.h"

#define MAC_LEN    18   /* "00:16:3e:xx:xx:xx" and the NUL */
#define RATE_LEN   48   /* "<u64>,<u32>" */

static int make_mac(struct ctl_handle *h, uint32_t domid, char *mac)
{
	uint8_t r[3];
	int rc = cfg_random(r, sizeof(r));

	if (rc)
		return ctl_fail(h, rc, "d%u: vif: cannot generate a MAC address: %s", domid,
				strerror(-rc));
	/* The first random octet below 0x80, as xl does. */
	snprintf(mac, MAC_LEN, "00:16:3e:%02x:%02x:%02x", r[0] & 0x7f, r[1], r[2]);
	return 0;
}

static int next_devid(struct ctl_handle *h, uint32_t domid, uint32_t *devid)
{
	struct ctl_xs *xs = NULL;
	uint32_t *ids = NULL;
	size_t n = 0;
	int rc = ctl_xs_open(h, &xs);

	if (!rc)
		rc = dev_devids(h, xs, CTL_DEV_VIF, domid, &ids, &n);
	if (!rc)
		*devid = n ? ids[n - 1] + 1 : 0;
	free(ids);
	ctl_xs_close(xs);
	return rc;
}

/* The MAC (made up if none), the rate as netback's "<bytes>,<usecs>" ("" if none). */
static int check_vif(struct ctl_handle *h, const struct dev_ref *r, struct ctl_vif *v,
		     char *mac, char *rate)
{
	uint8_t octets[6];
	uint64_t bytes;
	uint32_t usecs;
	int rc;

	rate[0] = '\0';
	if (v->rate && (rc = dev_rate_convert(v->rate, &bytes, &usecs)))
		return ctl_fail(h, -EINVAL, "%s: rate '%s': %s (e.g. 10Mb/s@20ms)", r->label,
				v->rate, rc == -ERANGE ? "out of range" : "invalid");
	if (v->rate)
		snprintf(rate, RATE_LEN, "%llu,%u", (unsigned long long)bytes, usecs);
	if (v->mac && cfg_mac_parse(v->mac, octets))
		return ctl_fail(h, -EINVAL, "%s: invalid unicast MAC '%s'", r->label, v->mac);
	if (v->mac)
		return 0;
	v->mac = mac;
	return make_mac(h, r->domid, mac);
}

static void nic_nodes(struct ctl_handle *h, struct dev_attach *a, const struct ctl_vif *v,
		      const char *rate)
{
	const struct dev_ref *r = &a->ref;
	struct dev_nodes *b = &a->be, *f = &a->fe;

	dev_node_add(h, b, "frontend", "%s", r->fe);
	dev_node_add(h, b, "frontend-id", "%u", r->domid);
	dev_node_add(h, b, "online", "1");
	dev_node_add(h, b, "state", "%d", CTL_XB_INITIALISING);
	dev_node_add(h, b, "script", "%s/%s", dev_script_dir(), CTL_SCRIPT_VIF);
	dev_node_add(h, b, "mac", "%s", v->mac);
	dev_node_add(h, b, "bridge", "%s", v->bridge ? v->bridge : CTL_DEFAULT_BRIDGE);
	dev_node_add(h, b, "handle", "%u", r->devid);
	dev_node_add(h, b, "type", "vif");
	if (v->ip)
		dev_node_add(h, b, "ip", "%s", v->ip);
	if (v->vifname)
		dev_node_add(h, b, "vifname", "%s", v->vifname);
	if (v->mtu)
		dev_node_add(h, b, "mtu", "%u", v->mtu);
	if (*rate)
		dev_node_add(h, b, "rate", "%s", rate);
	dev_node_add(h, f, "backend", "%s", r->be);
	dev_node_add(h, f, "backend-id", "%d", DEV_BACKEND_DOMID);
	dev_node_add(h, f, "state", "%d", CTL_XB_INITIALISING);
	dev_node_add(h, f, "handle", "%u", r->devid);
	dev_node_add(h, f, "mac", "%s", v->mac);
	if (v->mtu)
		dev_node_add(h, f, "mtu", "%u", v->mtu);
}

int dev_nic_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_vif *vif,
		   bool keep, uint32_t *devid)
{
	struct dev_attach a = { .keep = keep ? dev_kept_add_vif : NULL };
	char mac[MAC_LEN], rate[RATE_LEN];
	struct ctl_vif v = *vif;
	uint32_t id = 0;
	int rc = dev_domain_check(h, domid);

	if (!rc)
		rc = next_devid(h, domid, &id);
	dev_ref_init(&a.ref, CTL_DEV_VIF, domid, id, NULL);
	if (!rc)
		rc = check_vif(h, &a.ref, &v, mac, rate);
	if (rc)
		return rc;
	a.dev = &v;
	nic_nodes(h, &a, &v, rate);
	rc = dev_attach(h, &a);
	dev_nodes_free(&a.be);
	dev_nodes_free(&a.fe);
	if (!rc && devid)
		*devid = id;
	return rc;
}

int ctl_nic_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_vif *vif,
		   uint32_t *devid)
{
	return dev_nic_attach(h, domid, vif, true, devid);
}

/* B/mac, malloc'd; NULL if it cannot be read. */
static char *read_mac(struct ctl_xs *xs, const struct dev_ref *r)
{
	char path[DEV_PATH_LEN], *mac = NULL;

	snprintf(path, sizeof(path), "%s/mac", r->be);
	if (ctl_xs_read(xs, 0, path, &mac)) {
		free(mac);
		return NULL;
	}
	return mac;
}

static int detach(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r, bool force)
{
	struct dom_err e = { 0 };
	char *mac = NULL;
	int rc = dev_present(h, xs, r, "network interface");

	if (rc)
		return rc;
	mac = read_mac(xs, r);
	dom_err_note(h, &e, dev_detach(h, xs, r, force));
	if (dev_exists(xs, 0, r->be) == 0)
		dom_err_note(h, &e, dev_kept_del_vif(h, r->domid, mac));
	free(mac);
	return dom_err_report(h, &e);
}

int ctl_nic_detach(struct ctl_handle *h, uint32_t domid, uint32_t devid, bool force)
{
	struct ctl_xs *xs = NULL;
	struct dev_ref r;
	int rc = dev_domain_check(h, domid);

	if (!rc)
		rc = ctl_xs_open(h, &xs);
	if (rc)
		return rc;
	dev_ref_init(&r, CTL_DEV_VIF, domid, devid, NULL);
	rc = detach(h, xs, &r, force);
	ctl_xs_close(xs);
	return rc;
}

/* The vif whose B/mac is mac (any case); -ENODEV if none. */
static int find_mac(struct ctl_handle *h, struct ctl_xs *xs, uint32_t domid, const char *mac,
		    uint32_t *devid)
{
	uint32_t *ids = NULL;
	struct dev_ref r;
	size_t n = 0;
	int rc = dev_devids(h, xs, CTL_DEV_VIF, domid, &ids, &n);

	for (size_t i = 0; !rc && i < n; i++) {
		char *found;

		dev_ref_init(&r, CTL_DEV_VIF, domid, ids[i], NULL);
		found = read_mac(xs, &r);
		if (found && !strcasecmp(found, mac)) {
			*devid = ids[i];
			rc = 1;
		}
		free(found);
	}
	free(ids);
	if (rc == 0)
		rc = ctl_fail(h, -ENODEV, "%s: no such network interface on d%u", mac, domid);
	return rc < 0 ? rc : 0;
}

int ctl_nic_lookup(struct ctl_handle *h, uint32_t domid, const char *mac_or_devid,
		   uint32_t *devid)
{
	unsigned long long v;
	struct ctl_xs *xs = NULL;
	struct dev_ref r;
	char *end;
	int rc = ctl_xs_open(h, &xs);

	if (rc)
		return rc;
	if (*mac_or_devid >= '0' && *mac_or_devid <= '9' && !strchr(mac_or_devid, ':')) {
		v = strtoull(mac_or_devid, &end, 10);
		dev_ref_init(&r, CTL_DEV_VIF, domid, (uint32_t)v, NULL);
		if (*end || v > UINT32_MAX)
			rc = ctl_fail(h, -EINVAL, "%s: not a MAC or a vif index", mac_or_devid);
		else
			rc = dev_present(h, xs, &r, "network interface");
		if (!rc)
			*devid = (uint32_t)v;
	} else {
		rc = find_mac(h, xs, domid, mac_or_devid, devid);
	}
	ctl_xs_close(xs);
	return rc;
}
