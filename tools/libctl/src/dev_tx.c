// SPDX-License-Identifier: LGPL-2.1-only
/*
 * A xenstore transaction around a step of the device layer, committed only
 * if the step succeeded and retried while the commit conflicts (EAGAIN), as
 * dom_xs.c does for a domain's entries.
 */
#include <errno.h>

#include "dev_int.h"

#define DEV_TX_TRIES 8   /* commits retried on EAGAIN before giving up */

/* One attempt: 0, -EAGAIN if the commit conflicted, or the step's failure. */
static int tx_once(struct ctl_handle *h, struct ctl_xs *xs, dev_tx_fn fn, void *arg)
{
	struct dom_err e = { 0 };
	uint32_t tx;
	int rc = ctl_xs_transaction_start(xs, &tx);

	if (rc)
		return rc;
	dom_err_note(h, &e, fn(h, xs, tx, arg));
	rc = ctl_xs_transaction_end(xs, tx, e.rc == 0);
	if (e.rc)
		return dom_err_report(h, &e);
	return rc;
}

int dev_tx(struct ctl_handle *h, struct ctl_xs *xs, const char *what, dev_tx_fn fn, void *arg)
{
	int rc = -EAGAIN;

	for (int i = 0; i < DEV_TX_TRIES && rc == -EAGAIN; i++)
		rc = tx_once(h, xs, fn, arg);
	if (rc == -EAGAIN)
		return ctl_fail(h, rc, "xenstore: %s: transaction conflicted %d times", what,
				DEV_TX_TRIES);
	return rc;
}
