// SPDX-License-Identifier: LGPL-2.1-only
/* Domain lifecycle domctls: create, destroy, pause, shutdown, info, list. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl_int.h"

#define DEFAULT_NR_SPIS 32   /* ctl_create_args.nr_spis 0 (libctl.h) */
#define GIC_VERSION_3   3    /* the only one (docs/specs/domctl.md) */
#define LIST_START      16   /* first allocation of ctl_domain_list */

/* A domctl with no payload. */
static int simple(struct ctl_handle *h, uint32_t cmd, uint32_t domid)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, cmd, domid, 0, &op);

	return rc ? rc : ctl_domctl_do(h, op);
}

int ctl_domain_create(struct ctl_handle *h, const struct ctl_create_args *a, uint32_t *domid)
{
	struct ctl_domctl *op;
	int rc;

	if (!a->name || strlen(a->name) >= CTL_NAME_LEN)
		return ctl_fail(h, -EINVAL, "domctl create: name missing or over %d bytes",
				CTL_NAME_LEN - 1);
	rc = ctl_domctl_prep(h, CTL_DOMCTL_create, DOMID_SELF, 0, &op);
	if (rc)
		return rc;
	op->u.create = (struct ctl_domctl_create){
		.max_vcpus = a->max_vcpus, .max_evtchn = a->max_evtchn,
		.max_grant_frames = a->max_grant_frames, .max_mem_kb = a->max_mem_kb,
		.nr_spis = a->nr_spis ? a->nr_spis : DEFAULT_NR_SPIS,
		.gic_version = GIC_VERSION_3,
	};
	memcpy(op->u.create.name, a->name, strlen(a->name) + 1);
	rc = ctl_domctl_do(h, op);
	if (!rc)
		*domid = op->domid;
	return rc;
}

int ctl_domain_destroy(struct ctl_handle *h, uint32_t domid)
{
	return simple(h, CTL_DOMCTL_destroy, domid);
}

int ctl_domain_pause(struct ctl_handle *h, uint32_t domid)
{
	return simple(h, CTL_DOMCTL_pause, domid);
}

int ctl_domain_unpause(struct ctl_handle *h, uint32_t domid)
{
	return simple(h, CTL_DOMCTL_unpause, domid);
}

int ctl_domain_shutdown(struct ctl_handle *h, uint32_t domid, unsigned int reason)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_shutdown, domid, 0, &op);

	if (rc)
		return rc;
	op->u.shutdown_reason = reason;
	return ctl_domctl_do(h, op);
}

int ctl_domain_set_max_mem(struct ctl_handle *h, uint32_t domid, uint64_t kb)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_max_mem, domid, 0, &op);

	if (rc)
		return rc;
	op->u.max_mem_kb = kb;
	return ctl_domctl_do(h, op);
}

/* getinfo: the first domain with ID >= domid; -ESRCH (quietly) if none. */
static int getinfo(struct ctl_handle *h, uint32_t domid, struct ctl_domctl_info *out)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_getinfo, domid, 0, &op);

	if (!rc)
		rc = ctl_domctl_do(h, op);
	if (!rc)
		*out = op->u.info;
	return rc;
}

int ctl_domain_info(struct ctl_handle *h, uint32_t domid, struct ctl_domctl_info *out)
{
	int rc = getinfo(h, domid, out);

	if (rc == -ESRCH || (!rc && out->domid != domid))
		return ctl_fail(h, -ESRCH, "domctl getinfo d%u: no such domain", domid);
	return rc;
}

static int list_append(struct ctl_handle *h, struct ctl_domctl_info **v, size_t *n,
		       size_t *cap, const struct ctl_domctl_info *info)
{
	struct ctl_domctl_info *grown;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : LIST_START;
		grown = realloc(*v, *cap * sizeof(**v));
		if (!grown)
			return ctl_fail(h, -ENOMEM, "domain list: out of memory");
		*v = grown;
	}
	(*v)[(*n)++] = *info;
	return 0;
}

int ctl_domain_list(struct ctl_handle *h, struct ctl_domctl_info **out, size_t *n)
{
	struct ctl_domctl_info info, *v = NULL;
	size_t count = 0, cap = 0;
	uint32_t next = 0;
	int rc = 0;

	while (next < DOMID_FIRST_RESERVED) {
		rc = getinfo(h, next, &info);
		if (rc == -ESRCH) {
			rc = 0;
			break;
		}
		if (!rc && info.domid < next)
			rc = ctl_fail(h, -EIO, "domctl getinfo d%u: answered d%u, below it", next,
				      info.domid);
		if (!rc)
			rc = list_append(h, &v, &count, &cap, &info);
		if (rc)
			goto out;
		next = info.domid + 1U;
	}
out:
	if (rc) {
		free(v);
		v = NULL;
		count = 0;
	}
	*out = v;
	*n = count;
	return rc;
}
