// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The detach sequence (docs/specs/hotplug.md): backend online=0 and
 * Closing, which asks the guest's frontend to let go, the wait for the
 * backend's Closed, the hotplug script "remove", the nodes removed. Forced
 * (and for every device at teardown), the frontend is closed on the guest's
 * behalf, which makes dom0's backend disconnect and unmap the guest's
 * grants, and a backend that does not answer is not an error.
 */
#include <errno.h>
#include <stdlib.h>

#include "dev_int.h"

static bool closed(int state)
{
	return state == DEV_GONE || state == CTL_XB_CLOSED;
}

static int wait_closed(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		       bool force)
{
	int timeout = dev_timeout_ms(CTL_BACKEND_WAIT_ENV, CTL_BACKEND_WAIT_MS), state = 0;
	int rc = dev_wait_state(h, xs, r, closed, timeout, &state);
	char t[32];

	if (rc != -ETIMEDOUT)
		return rc;
	if (force)
		return 0;
	dev_fmt_ms(timeout, t, sizeof(t));
	return ctl_fail(h, rc, "%s: the guest did not release the device in %s; use -f to force",
			r->label, t);
}

int dev_detach(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r, bool force)
{
	/* A backend that never reached InitWait holds nothing: no driver to wait for. */
	long long before = dev_read_num(xs, r->be, "state");
	struct dom_err e = { 0 };
	int rc = dev_nodes_close(h, xs, r, force);

	if (!rc && before >= CTL_XB_INITWAIT && before != CTL_XB_CLOSED)
		rc = wait_closed(h, xs, r, force);
	if (rc && !force)
		return rc;
	dom_err_note(h, &e, rc);
	dom_err_note(h, &e, dev_script_run(h, r, "remove"));
	dom_err_note(h, &e, dev_nodes_remove(h, xs, r));
	return dom_err_report(h, &e);
}

int dev_present(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		const char *what)
{
	int rc = dev_exists(xs, 0, r->be);

	if (rc == 0)
		return ctl_fail(h, -ENODEV, "%s: no such %s on d%u", r->label, what, r->domid);
	return rc < 0 ? rc : 0;
}

static void remove_kind(struct ctl_handle *h, struct ctl_xs *xs, enum ctl_dev_kind kind,
			uint32_t domid, struct dom_err *e)
{
	uint32_t *ids = NULL;
	struct dev_ref r;
	size_t n = 0;

	if (dom_err_note(h, e, dev_devids(h, xs, kind, domid, &ids, &n)))
		return;
	for (size_t i = 0; i < n; i++) {
		dev_ref_lookup(xs, &r, kind, domid, ids[i]);
		dom_err_note(h, e, dev_detach(h, xs, &r, true));
	}
	free(ids);
}

int ctl_device_remove_all(struct ctl_handle *h, uint32_t domid)
{
	struct dom_err e = { 0 };
	struct ctl_xs *xs = NULL;
	int rc = ctl_xs_open(h, &xs);

	if (rc)
		return rc;
	remove_kind(h, xs, CTL_DEV_VIF, domid, &e);
	remove_kind(h, xs, CTL_DEV_VBD, domid, &e);
	ctl_xs_close(xs);
	return dom_err_report(h, &e);
}
