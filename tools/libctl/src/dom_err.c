// SPDX-License-Identifier: LGPL-2.1-only
/*
 * First-error bookkeeping: create's undo and teardown run every step, and
 * report the first failure with its own message, not the last one's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dom_int.h"

int dom_err_note(struct ctl_handle *h, struct dom_err *e, int rc)
{
	if (rc < 0 && e->rc == 0) {
		e->rc = rc;
		snprintf(e->msg, sizeof(e->msg), "%s", ctl_errmsg(h));
	}
	return rc;
}

int dom_err_report(struct ctl_handle *h, const struct dom_err *e)
{
	if (e->rc == 0)
		return 0;
	return ctl_fail(h, e->rc, "%s", e->msg);
}

int dom_cfg_fail(struct ctl_handle *h, int rc, char *err, const char *what)
{
	ctl_fail(h, rc, "%s: %s", what, err ? err : "failed");
	free(err);
	return rc;
}
