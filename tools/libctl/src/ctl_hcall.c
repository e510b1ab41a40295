// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Hypercalls through the backend, and domctl/sysctl (docs/specs/domctl.md)
 * with the error messages every wrapper shares.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <public/domctl.h>

#include "ctl_int.h"

_Static_assert(sizeof(struct ctl_domctl) <= CTL_HBUF_DATA_OFF, "domctl struct fits");
_Static_assert(sizeof(struct ctl_sysctl) <= CTL_HBUF_DATA_OFF, "sysctl struct fits");

static const char *const domctl_names[] = {
	[CTL_DOMCTL_create] = "create",
	[CTL_DOMCTL_destroy] = "destroy",
	[CTL_DOMCTL_pause] = "pause",
	[CTL_DOMCTL_unpause] = "unpause",
	[CTL_DOMCTL_getinfo] = "getinfo",
	[CTL_DOMCTL_max_mem] = "max_mem",
	[CTL_DOMCTL_sched_credit] = "sched_credit",
	[CTL_DOMCTL_vcpu_affinity] = "vcpu_affinity",
	[CTL_DOMCTL_shutdown] = "shutdown",
	[CTL_DOMCTL_vcpu_start] = "vcpu_start",
	[CTL_DOMCTL_getvcpucontext] = "getvcpucontext",
	[CTL_DOMCTL_setvcpucontext] = "setvcpucontext",
	[CTL_DOMCTL_get_hvm_param] = "get_hvm_param",
	[CTL_DOMCTL_set_hvm_param] = "set_hvm_param",
	[CTL_DOMCTL_getvcpuinfo] = "getvcpuinfo",
};

static const char *const sysctl_names[] = {
	[CTL_SYSCTL_physinfo] = "physinfo",
	[CTL_SYSCTL_readconsole] = "readconsole",
};

#define NAME_OF(table, cmd) \
	((cmd) < sizeof(table) / sizeof((table)[0]) && (table)[cmd] ? (table)[cmd] : "?")

const char *ctl_domctl_name(uint32_t cmd)
{
	return NAME_OF(domctl_names, cmd);
}

long ctl_hypercall(struct ctl_handle *h, unsigned int nr, uint64_t a0, uint64_t a1)
{
	const uint64_t args[CTL_HCALL_ARGS] = { a0, a1 };

	return h->be.hypercall(h->priv, nr, args);
}

int ctl_domctl_prep(struct ctl_handle *h, uint32_t cmd, uint32_t domid, size_t extra,
		    struct ctl_domctl **op)
{
	*op = ctl_hbuf(h, CTL_HBUF_DATA_OFF + extra);
	if (!*op)
		return -ENOMEM;
	(*op)->cmd = cmd;
	(*op)->version = CTL_INTERFACE_VERSION;
	(*op)->domid = (domid_t)domid;
	return 0;
}

int ctl_sysctl_prep(struct ctl_handle *h, uint32_t cmd, size_t extra, struct ctl_sysctl **op)
{
	*op = ctl_hbuf(h, CTL_HBUF_DATA_OFF + extra);
	if (!*op)
		return -ENOMEM;
	(*op)->cmd = cmd;
	(*op)->version = CTL_INTERFACE_VERSION;
	return 0;
}

/* -EACCES is the hypervisor refusing our CTL_INTERFACE_VERSION: the versioning contract. */
static int version_mismatch(struct ctl_handle *h, const char *what)
{
	return ctl_fail(h, -EACCES,
			"%s: the hypervisor's toolstack interface version differs from libctl's "
			"(CTL_INTERFACE_VERSION 0x%08x): use a toolstack built for this hypervisor",
			what, CTL_INTERFACE_VERSION);
}

int ctl_domctl_do(struct ctl_handle *h, struct ctl_domctl *op)
{
	char what[CTL_MSG_LEN];
	long rc = ctl_hypercall(h, __HYPERVISOR_domctl, ctl_addr(op), 0);

	if (rc >= 0)
		return 0;
	if (op->cmd == CTL_DOMCTL_create)
		snprintf(what, sizeof(what), "domctl create '%.*s'", CTL_NAME_LEN,
			 op->u.create.name);
	else
		snprintf(what, sizeof(what), "domctl %s d%u", ctl_domctl_name(op->cmd), op->domid);
	if (rc == -EACCES)
		return version_mismatch(h, what);
	return ctl_fail_errno(h, (int)rc, "%s", what);
}

int ctl_sysctl_do(struct ctl_handle *h, struct ctl_sysctl *op)
{
	char what[CTL_MSG_LEN];
	long rc = ctl_hypercall(h, __HYPERVISOR_sysctl, ctl_addr(op), 0);

	if (rc >= 0)
		return 0;
	snprintf(what, sizeof(what), "sysctl %s", NAME_OF(sysctl_names, op->cmd));
	if (rc == -EACCES)
		return version_mismatch(h, what);
	return ctl_fail_errno(h, (int)rc, "%s", what);
}
