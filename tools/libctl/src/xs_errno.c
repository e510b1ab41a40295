// SPDX-License-Identifier: LGPL-2.1-only
/*
 * XS_ERROR replies carry an errno's name ("ENOENT"); this is xenstore's
 * table of them (Xen's public/io/xs_wire.h xsd_errors, docs/specs/xenstore.md).
 */
#include <errno.h>
#include <string.h>

#include "xs_int.h"

#define ERR(e) { #e, e }

static const struct {
	const char *name;
	int err;
} xs_errors[] = {
	ERR(EINVAL), ERR(EACCES), ERR(EEXIST), ERR(EISDIR), ERR(ENOENT), ERR(ENOMEM),
	ERR(ENOSPC), ERR(EIO), ERR(ENOTEMPTY), ERR(ENOSYS), ERR(EROFS), ERR(EBUSY),
	ERR(EAGAIN), ERR(EISCONN), ERR(E2BIG), ERR(EPERM),
};

int xs_errno_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof(xs_errors) / sizeof(xs_errors[0]); i++)
		if (!strcmp(name, xs_errors[i].name))
			return xs_errors[i].err;
	return EINVAL;
}
