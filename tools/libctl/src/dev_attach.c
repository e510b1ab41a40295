// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The attach sequence shared by disks and vifs (docs/specs/hotplug.md):
 * backend and frontend nodes, dom0's backend driver answering InitWait, the
 * hotplug script "add", the kept JSON. A failure after the nodes were
 * written runs the script "remove" (best effort) and removes the nodes, so
 * nothing is left behind; the first error is the one reported.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_int.h"

#define ERROR_ROOT "/local/domain/0/error"   /* where dom0's xenbus reports device errors */
#define DOM0_HOME  "/local/domain/0/"
#define ERR_LEN    160                       /* the part of that text a message quotes */

/* The backend has answered (InitWait or later), given up (Closing, Closed), or gone. */
static bool answered(int state)
{
	return state == DEV_GONE || state >= CTL_XB_INITWAIT;
}

/* Linux's xenbus_dev_error() text for the backend, "" if none. */
static void backend_error(struct ctl_xs *xs, const struct dev_ref *r, char *buf, size_t len)
{
	char path[DEV_PATH_LEN + 32], *value = NULL;

	buf[0] = '\0';
	snprintf(path, sizeof(path), ERROR_ROOT "/%s/error", r->be + strlen(DOM0_HOME));
	if (!ctl_xs_read(xs, 0, path, &value) && *value)
		snprintf(buf, len, ": %s", value);
	free(value);
}

static int wait_backend(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r)
{
	int timeout = dev_timeout_ms(CTL_BACKEND_WAIT_ENV, CTL_BACKEND_WAIT_MS), state = 0;
	int rc = dev_wait_state(h, xs, r, answered, timeout, &state);
	char t[32], err[ERR_LEN];

	if (rc == -ETIMEDOUT) {
		dev_fmt_ms(timeout, t, sizeof(t));
		return ctl_fail(h, rc, "%s: no backend answered in %s (is %s loaded in dom0?)",
				r->label, t, dev_kind_driver(r->kind));
	}
	if (rc)
		return rc;
	if (state == DEV_GONE)
		return ctl_fail(h, -ENODEV, "%s: %s was removed while attaching", r->label, r->be);
	if (state == CTL_XB_CLOSING || state == CTL_XB_CLOSED) {
		backend_error(xs, r, err, sizeof(err));
		return ctl_fail(h, -EIO, "%s: the backend closed the device (xenbus state %d)%s",
				r->label, state, err);
	}
	return 0;
}

/* Everything after the nodes: the backend, the script, the kept JSON. */
static int connect_device(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_attach *a)
{
	int rc = wait_backend(h, xs, &a->ref);

	if (!rc)
		rc = dev_script_run(h, &a->ref, "add");
	if (!rc && a->keep)
		rc = a->keep(h, a->ref.domid, a->dev);
	return rc;
}

int dev_attach(struct ctl_handle *h, struct dev_attach *a)
{
	struct dom_err e = { 0 };
	struct ctl_xs *xs = NULL;
	int rc = dev_domain_check(h, a->ref.domid);

	if (!rc)
		rc = ctl_xs_open(h, &xs);
	if (rc)
		return rc;
	rc = dev_nodes_write(h, xs, &a->ref, &a->be, &a->fe);
	if (!rc && dom_err_note(h, &e, connect_device(h, xs, a))) {
		dev_script_run(h, &a->ref, "remove");
		dom_err_note(h, &e, dev_nodes_remove(h, xs, &a->ref));
		rc = dom_err_report(h, &e);
	}
	ctl_xs_close(xs);
	return rc;
}
