// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The two permission lists a domain's nodes get (docs/specs/xenstore-paths.md):
 * read-only for the guest ("n0","r<domid>", Xen libxl's roperm) and owned
 * by the guest ("n<domid>", libxl's rwperm). Other nodes inherit their
 * parent's list when created. Failures carry ctl_xs's message.
 */
#include <stdio.h>

#include "dom_int.h"

#define PERM_LEN 16   /* a letter, a domid (at most 5 digits) and the NUL */

int dom_xs_perm_ro(struct ctl_xs *xs, uint32_t tx, const char *path, uint32_t domid)
{
	char guest[PERM_LEN];
	const char *perms[] = { "n0", guest };

	snprintf(guest, sizeof(guest), "r%u", domid);
	return ctl_xs_set_perms(xs, tx, path, perms, 2);
}

int dom_xs_perm_rw(struct ctl_xs *xs, uint32_t tx, const char *path, uint32_t domid)
{
	char owner[PERM_LEN];
	const char *perms[] = { owner };

	snprintf(owner, sizeof(owner), "n%u", domid);
	return ctl_xs_set_perms(xs, tx, path, perms, 1);
}
