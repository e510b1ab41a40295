// SPDX-License-Identifier: GPL-2.0-only
/*
 * Permissions as Xen writes them: a letter (n none, r read, w write, b both)
 * followed by a decimal domid. The first entry names the owner, who has
 * every right, and gives the access of domains not listed after it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xsd_int.h"

bool conn_privileged(const struct xsd_conn *c)
{
	return c->domid == 0;
}

static int perm_letter(char ch, unsigned int *access)
{
	static const char letters[] = "nrwb";
	const char *p = ch ? strchr(letters, ch) : NULL;

	if (!p)
		return -EINVAL;
	*access = (unsigned int)(p - letters);
	return 0;
}

/* Parses n strings such as "r5" into out[0..n). */
int perms_parse(char *const *strs, unsigned int n, struct xs_perm *out)
{
	uint64_t domid;

	for (unsigned int i = 0; i < n; i++) {
		if (perm_letter(strs[i][0], &out[i].access) ||
		    req_uint(strs[i] + 1, XS_DOMID_MAX, &domid))
			return -EINVAL;
		out[i].domid = (uint32_t)domid;
	}
	return 0;
}

int perm_format(const struct xs_perm *p, char *buf, size_t len)
{
	return snprintf(buf, len, "%c%u", "nrwb"[p->access & 3], p->domid);
}

/* Whether c may access (want) a node with permissions p[0..np). */
bool perms_allow(const struct xsd_conn *c, const struct xs_perm *p, unsigned int np,
		 unsigned int want)
{
	unsigned int access;

	if (conn_privileged(c))
		return true;
	if (!np)
		return false;
	if (p[0].domid == c->domid)
		return true;
	access = p[0].access;
	for (unsigned int i = 1; i < np; i++)
		if (p[i].domid == c->domid)
			access = p[i].access;
	return (access & want) == want;
}
