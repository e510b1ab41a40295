// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The kept JSON (dom_state.c) follows ctl_disk_attach/detach and
 * ctl_nic_attach/detach, so that a restart (the monitor's, from the kept
 * JSON) recreates the devices the domain has now. A domain with no kept
 * JSON has nothing to update. An entry for the same vdev (disk) or MAC
 * (vif) is replaced, never doubled.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "dev_int.h"

typedef int (*kept_edit)(struct ctl_domain_config *cfg, const void *arg);

static int kept_update(struct ctl_handle *h, uint32_t domid, kept_edit edit, const void *arg)
{
	struct ctl_domain_config *cfg = NULL;
	char *json = NULL, *err = NULL;
	int rc = ctl_domain_config_load(h, domid, &cfg);

	if (rc == -ENOENT)
		return 0;
	if (rc)
		return rc;
	rc = edit(cfg, arg);
	if (rc)
		rc = ctl_fail(h, rc, "d%u: kept configuration: out of memory", domid);
	if (!rc && (rc = ctl_config_to_json(cfg, &json, &err)))
		rc = dom_cfg_fail(h, rc, err, cfg->name);
	if (!rc)
		rc = dom_state_save(h, domid, json);
	free(json);
	ctl_config_free(cfg);
	return rc;
}

/* *dst = a copy of src (NULL stays NULL); false if out of memory. */
static bool dup(char **dst, const char *src)
{
	*dst = src ? strdup(src) : NULL;
	return !src || *dst;
}

static ssize_t find_disk(const struct ctl_domain_config *cfg, uint32_t vdev_number)
{
	for (size_t i = 0; i < cfg->nr_disks; i++)
		if (cfg->disks[i].vdev_number == vdev_number)
			return (ssize_t)i;
	return -1;
}

static void del_disk_at(struct ctl_domain_config *cfg, ssize_t i)
{
	ctl_disk_clear(&cfg->disks[i]);
	memmove(&cfg->disks[i], &cfg->disks[i + 1],
		(cfg->nr_disks - (size_t)i - 1) * sizeof(cfg->disks[0]));
	cfg->nr_disks--;
}

static int add_disk(struct ctl_domain_config *cfg, const void *arg)
{
	const struct ctl_disk *d = arg;
	ssize_t old = find_disk(cfg, d->vdev_number);
	struct ctl_disk *v, *n;

	if (old >= 0)
		del_disk_at(cfg, old);
	v = realloc(cfg->disks, (cfg->nr_disks + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	cfg->disks = v;
	n = &v[cfg->nr_disks];
	*n = (struct ctl_disk){ .format = d->format, .vdev_number = d->vdev_number,
				.access = d->access, .devtype = d->devtype };
	if (!dup(&n->target, d->target) || !dup(&n->vdev, d->vdev)) {
		ctl_disk_clear(n);
		return -ENOMEM;
	}
	cfg->nr_disks++;
	return 0;
}

static int del_disk(struct ctl_domain_config *cfg, const void *arg)
{
	ssize_t i = find_disk(cfg, *(const uint32_t *)arg);

	if (i >= 0)
		del_disk_at(cfg, i);
	return 0;
}

static ssize_t find_vif(const struct ctl_domain_config *cfg, const char *mac)
{
	for (size_t i = 0; mac && i < cfg->nr_vifs; i++)
		if (cfg->vifs[i].mac && !strcasecmp(cfg->vifs[i].mac, mac))
			return (ssize_t)i;
	return -1;
}

static void del_vif_at(struct ctl_domain_config *cfg, ssize_t i)
{
	ctl_vif_clear(&cfg->vifs[i]);
	memmove(&cfg->vifs[i], &cfg->vifs[i + 1],
		(cfg->nr_vifs - (size_t)i - 1) * sizeof(cfg->vifs[0]));
	cfg->nr_vifs--;
}

static int add_vif(struct ctl_domain_config *cfg, const void *arg)
{
	const struct ctl_vif *src = arg;
	ssize_t old = find_vif(cfg, src->mac);
	struct ctl_vif *v, *n;

	if (old >= 0)
		del_vif_at(cfg, old);
	v = realloc(cfg->vifs, (cfg->nr_vifs + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	cfg->vifs = v;
	n = &v[cfg->nr_vifs];
	*n = (struct ctl_vif){ .mtu = src->mtu };
	if (!dup(&n->mac, src->mac) || !dup(&n->bridge, src->bridge) || !dup(&n->ip, src->ip) ||
	    !dup(&n->vifname, src->vifname) || !dup(&n->rate, src->rate)) {
		ctl_vif_clear(n);
		return -ENOMEM;
	}
	cfg->nr_vifs++;
	return 0;
}

static int del_vif(struct ctl_domain_config *cfg, const void *arg)
{
	ssize_t i = find_vif(cfg, arg);

	if (i >= 0)
		del_vif_at(cfg, i);
	return 0;
}

int dev_kept_add_disk(struct ctl_handle *h, uint32_t domid, const void *disk)
{
	return kept_update(h, domid, add_disk, disk);
}

int dev_kept_add_vif(struct ctl_handle *h, uint32_t domid, const void *vif)
{
	return kept_update(h, domid, add_vif, vif);
}

int dev_kept_del_disk(struct ctl_handle *h, uint32_t domid, uint32_t vdev_number)
{
	return kept_update(h, domid, del_disk, &vdev_number);
}

int dev_kept_del_vif(struct ctl_handle *h, uint32_t domid, const char *mac)
{
	return mac ? kept_update(h, domid, del_vif, mac) : 0;
}
