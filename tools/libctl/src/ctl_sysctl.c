// SPDX-License-Identifier: LGPL-2.1-only
/* The host: sysctl physinfo and readconsole, xen_version. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ctl_int.h"

/* The hypervisor copies at most this much of its log per call (docs/specs/domctl.md). */
#define READCONSOLE_MAX (64U * 1024U)
/* XENVER_version: major in bits 31:16, minor in 15:0 (xen/common/version.c). */
#define XENVER_MAJOR_SHIFT 16
#define XENVER_MINOR_MASK  0xffffU

int ctl_physinfo(struct ctl_handle *h, struct ctl_sysctl_physinfo *out)
{
	struct ctl_sysctl *op;
	int rc = ctl_sysctl_prep(h, CTL_SYSCTL_physinfo, 0, &op);

	if (!rc)
		rc = ctl_sysctl_do(h, op);
	if (!rc)
		*out = op->u.physinfo;
	return rc;
}

int ctl_readconsole(struct ctl_handle *h, char *buf, size_t *len)
{
	size_t want = *len < READCONSOLE_MAX ? *len : READCONSOLE_MAX;
	struct ctl_sysctl *op;
	int rc = ctl_sysctl_prep(h, CTL_SYSCTL_readconsole, want, &op);

	if (rc)
		return rc;
	op->u.readconsole.buffer = ctl_addr(ctl_hbuf_data(h));
	op->u.readconsole.count = (uint32_t)want;
	rc = ctl_sysctl_do(h, op);
	if (rc)
		return rc;
	if (op->u.readconsole.count > want)
		return ctl_fail(h, -EIO, "sysctl readconsole: %u bytes written to a %zu-byte "
				"buffer", op->u.readconsole.count, want);
	memcpy(buf, ctl_hbuf_data(h), op->u.readconsole.count);
	*len = op->u.readconsole.count;
	return 0;
}

static int extraversion(struct ctl_handle *h, char *out)
{
	char *p = ctl_hbuf(h, XEN_EXTRAVERSION_LEN);
	long rc;

	if (!p)
		return -ENOMEM;
	rc = ctl_hypercall(h, __HYPERVISOR_xen_version, XENVER_extraversion, ctl_addr(p));
	if (rc < 0)
		return ctl_fail_errno(h, (int)rc, "xen_version extraversion");
	memcpy(out, p, XEN_EXTRAVERSION_LEN - 1);
	out[XEN_EXTRAVERSION_LEN - 1] = '\0';
	return 0;
}

int ctl_hypervisor_version(struct ctl_handle *h, char *buf, size_t len)
{
	char extra[XEN_EXTRAVERSION_LEN];
	long ver = ctl_hypercall(h, __HYPERVISOR_xen_version, XENVER_version, 0);
	int rc;

	if (ver < 0)
		return ctl_fail_errno(h, (int)ver, "xen_version version");
	rc = extraversion(h, extra);
	if (rc)
		return rc;
	rc = snprintf(buf, len, "%lu.%lu%s", (unsigned long)ver >> XENVER_MAJOR_SHIFT,
		      (unsigned long)ver & XENVER_MINOR_MASK, extra);
	if (rc < 0 || (size_t)rc >= len)
		return ctl_fail(h, -ERANGE, "hypervisor version: %zu bytes are too few for "
				"'%lu.%lu%s'", len, (unsigned long)ver >> XENVER_MAJOR_SHIFT,
				(unsigned long)ver & XENVER_MINOR_MASK, extra);
	return 0;
}
