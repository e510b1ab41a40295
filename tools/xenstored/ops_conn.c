// SPDX-License-Identifier: GPL-2.0-only
/*
 * The connection's own operations on the wire: WATCH, UNWATCH,
 * RESET_WATCHES, TRANSACTION_START and TRANSACTION_END.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "xsd_int.h"

/* WATCH <path>|<token>|: OK, then the watch's first event. */
int op_watch(struct xs_req *r)
{
	char *argv[2];
	int rc = req_args(r, argv, 2);

	if (!rc)
		rc = watch_add(r->c, argv[0], argv[1]);
	if (rc)
		return rc;
	req_reply(r, "OK", 3);
	watch_fire_initial(r->c, argv[0], argv[1]);
	return 0;
}

int op_unwatch(struct xs_req *r)
{
	char *argv[2];
	int rc = req_args(r, argv, 2);

	return rc ? rc : watch_del(r->c, argv[0], argv[1]);
}

/* An empty payload, or one empty string, as clients send for "no argument". */
static int req_no_args(struct xs_req *r)
{
	char *argv[1];

	if (!r->hdr.len)
		return 0;
	return req_args(r, argv, 1) || argv[0][0] ? -EINVAL : 0;
}

int op_reset_watches(struct xs_req *r)
{
	int rc = req_no_args(r);

	if (rc)
		return rc;
	watch_free_all(r->c);
	trans_free_all(r->c);
	return 0;
}

/* TRANSACTION_START | -> <id>| */
int op_transaction_start(struct xs_req *r)
{
	char out[16];
	uint32_t id;
	int rc = req_no_args(r);

	if (rc)
		return rc;
	if (r->hdr.tx_id)
		return -EBUSY;
	rc = trans_start(r->c, &id);
	if (rc)
		return rc;
	return req_reply(r, out, (size_t)snprintf(out, sizeof(out), "%u", id) + 1);
}

/* TRANSACTION_END T| commits, F| aborts; EAGAIN if the commit conflicts. */
int op_transaction_end(struct xs_req *r)
{
	struct xs_trans *t = trans_find(r->c, r->hdr.tx_id);
	char *argv[1];

	if (!r->hdr.tx_id || !t)
		return -ENOENT;
	if (req_args(r, argv, 1) || (strcmp(argv[0], "T") && strcmp(argv[0], "F")))
		return -EINVAL;
	return trans_end(r->c, t, argv[0][0] == 'T');
}
