// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Teardown: every trace of a domain, each step attempted even when one
 * before it failed, what is already gone skipped (so it is idempotent and
 * also undoes a half-finished create). Its devices go first, the domain
 * paused: dom0's backends unmap the guest's grants, so the hypervisor can
 * free the domain at once (while they map them it stays a zombie:
 * docs/specs/domctl.md).
 */
#include <errno.h>

#include "dev_int.h"
#include "dom_int.h"

/* An already-gone domain (or one xenstored never met) is not an error. */
static int tolerate(int rc, int gone)
{
	return rc == gone ? 0 : rc;
}

void dom_teardown(struct ctl_handle *h, uint32_t domid, struct dom_err *e)
{
	struct ctl_xs *xs = NULL;
	int rc;

	dom_err_note(h, e, dev_teardown(h, domid));
	dom_err_note(h, e, tolerate(ctl_domain_destroy(h, domid), -ESRCH));
	rc = dom_err_note(h, e, ctl_xs_open(h, &xs));
	if (!rc) {
		dom_err_note(h, e, tolerate(ctl_xs_release(xs, domid), -ENOENT));
		dom_err_note(h, e, dom_xs_remove(h, xs, domid));
		ctl_xs_close(xs);
	}
	dom_err_note(h, e, dom_state_delete(h, domid));
}

int ctl_domain_teardown(struct ctl_handle *h, uint32_t domid)
{
	struct dom_err e = { 0 };

	if (domid == 0)
		return ctl_fail(h, -EINVAL, "d0: %s cannot be torn down", DOM0_NAME);
	dom_teardown(h, domid, &e);
	return dom_err_report(h, &e);
}
