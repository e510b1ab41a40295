// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Creating a domain from its resolved configuration: a copy of it completed
 * (UUID, MACs), the hypervisor domain, affinity, the builder, the xenstore
 * entries, xenstored's introduction, its disks and vifs (dev_create.c), the
 * kept JSON, unpause. Any failure undoes all of it (dom_teardown) and
 * reports the first error.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dev_int.h"
#include "dom_int.h"

#define KIB_PER_MIB      1024
#define KIB_PER_PAGE     4           /* Xen's 4 KiB guest page */
/* Slack above the RAM for what the builder adds, as Xen's LIBXL_MAXMEM_CONSTANT. */
#define MAXMEM_SLACK_KIB 1024
#define AFFINITY_CPUS    64          /* pCPUs one ctl_domctl_vcpu_affinity map holds */

struct create_ctx {
	struct ctl_handle *h;
	struct ctl_domain_config *cfg;   /* the caller's, completed */
	char *json;                      /* cfg as kept */
	uint32_t domid;
	bool created;
	struct ctl_build_result build;
};

static unsigned int max_vcpus(const struct ctl_domain_config *cfg)
{
	return cfg->maxvcpus > cfg->vcpus ? cfg->maxvcpus : cfg->vcpus;
}

/* A deep copy through JSON, given a UUID and MACs, and its JSON. */
static int complete_config(struct create_ctx *c, const struct ctl_domain_config *cfg)
{
	char *err = NULL, *json = NULL;
	int rc = ctl_config_to_json(cfg, &json, &err);

	if (!rc)
		rc = ctl_config_from_json(json, &c->cfg, &err);
	if (!rc)
		rc = ctl_config_generate_uuid(c->cfg, &err);
	if (!rc)
		rc = ctl_config_generate_macs(c->cfg, &err);
	if (!rc)
		rc = ctl_config_to_json(c->cfg, &c->json, &err);
	free(json);
	return rc ? dom_cfg_fail(c->h, rc, err, cfg->name) : 0;
}

static int make_domain(struct create_ctx *c)
{
	const struct ctl_domain_config *cfg = c->cfg;
	uint64_t mib = cfg->maxmem > cfg->memory ? cfg->maxmem : cfg->memory;
	struct ctl_create_args a = {
		.name = cfg->name,
		.max_vcpus = max_vcpus(cfg),
		.max_mem_kb = mib * KIB_PER_MIB + CTL_NR_MAGIC_PAGES * KIB_PER_PAGE +
			      MAXMEM_SLACK_KIB,
		.max_evtchn = cfg->max_event_channels,
		.max_grant_frames = cfg->max_grant_frames,
	};
	int rc = ctl_domain_create(c->h, &a, &c->domid);

	c->created = rc == 0;
	return rc;
}

static int set_affinity(struct create_ctx *c)
{
	const struct ctl_domain_config *cfg = c->cfg;
	int rc = 0;

	if (!cfg->cpus)
		return 0;
	for (size_t w = 1; w < sizeof(cfg->cpumap) / sizeof(cfg->cpumap[0]); w++)
		if (cfg->cpumap[w])
			return ctl_fail(c->h, -EINVAL, "%s: cpus \"%s\" names a CPU beyond %d",
					cfg->name, cfg->cpus, AFFINITY_CPUS - 1);
	for (unsigned int v = 0; v < max_vcpus(cfg) && !rc; v++)
		rc = ctl_vcpu_affinity_set(c->h, c->domid, v, cfg->cpumap[0]);
	return rc;
}

static int build(struct create_ctx *c)
{
	const struct ctl_domain_config *cfg = c->cfg;
	struct ctl_build_args a = {
		.domid = c->domid,
		.max_vcpus = max_vcpus(cfg),
		.mem_mib = cfg->memory,
		.kernel = cfg->kernel,
		.ramdisk = cfg->ramdisk,
		.cmdline = cfg->cmdline,
		.console_domid = 0,
		.store_domid = 0,
	};

	return ctl_build_linux(c->h, &a, &c->build);
}

/* The xenstore entries, then xenstored's introduction of the store ring. */
static int publish(struct create_ctx *c)
{
	struct dom_xs_args a = { .domid = c->domid, .cfg = c->cfg, .build = &c->build };
	struct ctl_xs *xs = NULL;
	int rc = ctl_xs_open(c->h, &xs);

	if (rc)
		return rc;
	rc = dom_xs_write(c->h, xs, &a);
	if (!rc)
		rc = ctl_xs_introduce(xs, c->domid, c->build.store_gfn, c->build.store_port);
	ctl_xs_close(xs);
	return rc;
}

static int create(struct create_ctx *c, const struct ctl_domain_config *cfg,
		  unsigned int flags)
{
	int rc;

	if (!cfg->name || !cfg->name[0])
		return ctl_fail(c->h, -EINVAL, "create: the configuration has no name");
	rc = complete_config(c, cfg);
	if (!rc)
		rc = dom_name_free(c->h, cfg->name);
	if (!rc)
		rc = make_domain(c);
	if (!rc)
		rc = set_affinity(c);
	if (!rc)
		rc = build(c);
	if (!rc)
		rc = publish(c);
	if (!rc)
		rc = dev_attach_config(c->h, c->domid, c->cfg);
	if (!rc)
		rc = dom_state_save(c->h, c->domid, c->json);
	if (!rc && !(flags & CTL_CREATE_PAUSED))
		rc = ctl_domain_unpause(c->h, c->domid);
	return rc;
}

int ctl_domain_create_cfg(struct ctl_handle *h, const struct ctl_domain_config *cfg,
			  unsigned int flags, uint32_t *domid)
{
	struct create_ctx c = { .h = h, .domid = DOMID_INVALID };
	struct dom_err e = { 0 };

	dom_err_note(h, &e, create(&c, cfg, flags));
	if (e.rc && c.created)
		dom_teardown(h, c.domid, &e);
	ctl_config_free(c.cfg);
	free(c.json);
	if (!e.rc)
		*domid = c.domid;
	return dom_err_report(h, &e);
}
