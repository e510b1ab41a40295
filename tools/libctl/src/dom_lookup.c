// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Domain names: the hypervisor's (given at create), "Domain-0" for dom0
 * whatever the hypervisor calls it. A name is unique among live domains.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom_int.h"

static const char *info_name(const struct ctl_domctl_info *d)
{
	return d->domid == 0 ? DOM0_NAME : d->name;
}

/* The domain called name: 0, or -ESRCH (no message: callers word it). */
static int find_name(struct ctl_handle *h, const char *name, uint32_t *domid)
{
	struct ctl_domctl_info *list = NULL;
	size_t n = 0;
	int rc = ctl_domain_list(h, &list, &n);

	if (rc)
		return rc;
	rc = -ESRCH;
	for (size_t i = 0; i < n && rc; i++) {
		if (!strncmp(info_name(&list[i]), name, CTL_NAME_LEN)) {
			*domid = list[i].domid;
			rc = 0;
		}
	}
	free(list);
	return rc;
}

int dom_name_free(struct ctl_handle *h, const char *name)
{
	uint32_t domid;
	int rc = find_name(h, name, &domid);

	if (rc == -ESRCH)
		return 0;
	if (rc)
		return rc;
	return ctl_fail(h, -EEXIST, "a domain named %s already exists (d%u)", name, domid);
}

/* "7" (decimal digits only, below DOMID_FIRST_RESERVED) to 7; -EINVAL if not a number. */
static int parse_domid(const char *s, uint32_t *domid)
{
	unsigned long v = 0;

	if (!*s || strspn(s, "0123456789") != strlen(s))
		return -EINVAL;
	for (; *s; s++) {
		v = v * 10 + (unsigned long)(*s - '0');
		if (v >= DOMID_FIRST_RESERVED)
			return -ERANGE;
	}
	*domid = (uint32_t)v;
	return 0;
}

int ctl_domain_lookup(struct ctl_handle *h, const char *name_or_id, uint32_t *domid)
{
	struct ctl_domctl_info info;
	uint32_t id;
	int rc = parse_domid(name_or_id, &id);

	if (rc == -ERANGE)
		return ctl_fail(h, -ESRCH, "%s: no such domain", name_or_id);
	if (rc == 0) {
		rc = ctl_domain_info(h, id, &info);
		if (rc == -ESRCH)
			return ctl_fail(h, rc, "%s: no such domain", name_or_id);
		if (!rc)
			*domid = id;
		return rc;
	}
	rc = find_name(h, name_or_id, domid);
	return rc == -ESRCH ? ctl_fail(h, rc, "%s: no such domain", name_or_id) : rc;
}

int ctl_domain_name(struct ctl_handle *h, uint32_t domid, char *buf, size_t len)
{
	struct ctl_domctl_info info = { .domid = 0 };
	const char *name = DOM0_NAME;
	int rc = 0;

	if (domid != 0) {
		rc = ctl_domain_info(h, domid, &info);
		name = info.name;
	}
	if (rc)
		return rc;
	if (strnlen(name, CTL_NAME_LEN) >= len)
		return ctl_fail(h, -ERANGE, "d%u: name does not fit in %zu bytes", domid, len);
	memcpy(buf, name, strnlen(name, CTL_NAME_LEN));
	buf[strnlen(name, CTL_NAME_LEN)] = '\0';
	return 0;
}
