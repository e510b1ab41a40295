// SPDX-License-Identifier: GPL-2.0-only
/*
 * Requests: splitting a payload into its NUL-terminated arguments, replies
 * and errors (errno names, as Xen sends them), and the dispatch of a
 * complete message to its operation.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

static const struct {
	int err;
	const char *name;
} errnames[] = {
	{ EINVAL, "EINVAL" }, { EACCES, "EACCES" }, { EEXIST, "EEXIST" },
	{ EISDIR, "EISDIR" }, { ENOENT, "ENOENT" }, { ENOMEM, "ENOMEM" },
	{ ENOSPC, "ENOSPC" }, { EIO, "EIO" }, { ENOTEMPTY, "ENOTEMPTY" },
	{ ENOSYS, "ENOSYS" }, { EROFS, "EROFS" }, { EBUSY, "EBUSY" },
	{ EAGAIN, "EAGAIN" }, { EISCONN, "EISCONN" }, { E2BIG, "E2BIG" },
	{ EPERM, "EPERM" },
};

/* The name Xen uses for err (positive or negative); EINVAL if unknown. */
const char *xs_errname(int err)
{
	if (err < 0)
		err = -err;
	for (size_t i = 0; i < sizeof(errnames) / sizeof(errnames[0]); i++)
		if (errnames[i].err == err)
			return errnames[i].name;
	return "EINVAL";
}

/* Parses a decimal number no larger than max (no sign, no spaces). */
int req_uint(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0, d;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -EINVAL;
		d = (uint64_t)(*s - '0');
		if (d > max || v > (max - d) / 10)
			return -EINVAL;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* The payload as exactly n NUL-terminated strings. */
int req_args(struct xs_req *r, char **argv, unsigned int n)
{
	char *p = r->payload, *end = p + r->hdr.len, *nul;

	for (unsigned int i = 0; i < n; i++) {
		nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		if (!nul)
			return -EINVAL;
		argv[i] = p;
		p = nul + 1;
	}
	return p == end ? 0 : -EINVAL;
}

int req_reply(struct xs_req *r, const void *payload, size_t len)
{
	r->replied = true;
	return conn_send(r->c, r->hdr.type, r->hdr.req_id, r->hdr.tx_id, payload, len);
}

/* Where the request acts: its transaction's snapshot, or the store. */
int req_ctx(struct xs_req *r, struct xs_ctx *x)
{
	*x = (struct xs_ctx){ .conn = r->c, .root = r->c->st->root };
	if (!r->hdr.tx_id)
		return 0;
	x->t = trans_find(r->c, r->hdr.tx_id);
	if (!x->t)
		return -ENOENT;
	x->root = x->t->root;
	return 0;
}

static int op_unsupported(struct xs_req *r)
{
	return conn_privileged(r->c) ? -ENOSYS : -EACCES;
}

typedef int (*xs_op_fn)(struct xs_req *r);

static const xs_op_fn ops[XS_TYPE_COUNT] = {
	[XS_CONTROL] = op_unsupported,
	[XS_DIRECTORY] = op_directory,
	[XS_READ] = op_read,
	[XS_GET_PERMS] = op_get_perms,
	[XS_WATCH] = op_watch,
	[XS_UNWATCH] = op_unwatch,
	[XS_TRANSACTION_START] = op_transaction_start,
	[XS_TRANSACTION_END] = op_transaction_end,
	[XS_INTRODUCE] = op_introduce,
	[XS_RELEASE] = op_release,
	[XS_GET_DOMAIN_PATH] = op_get_domain_path,
	[XS_WRITE] = op_write,
	[XS_MKDIR] = op_mkdir,
	[XS_RM] = op_rm,
	[XS_SET_PERMS] = op_set_perms,
	[XS_IS_DOMAIN_INTRODUCED] = op_is_domain_introduced,
	[XS_RESUME] = op_unsupported,
	[XS_SET_TARGET] = op_unsupported,
	[XS_RESET_WATCHES] = op_reset_watches,
	[XS_DIRECTORY_PART] = op_directory_part,
};

/* Handles the complete message in c->in; every request gets one reply. */
void msg_handle(struct xsd_conn *c)
{
	struct xs_req r = { .c = c, .payload = (char *)c->in + sizeof(r.hdr) };
	xs_op_fn fn;
	int rc;

	memcpy(&r.hdr, c->in, sizeof(r.hdr));
	if (c->st->trace)
		c->st->trace(c->st->trace_opaque, c, c->in, sizeof(r.hdr) + r.hdr.len);
	fn = r.hdr.type < XS_TYPE_COUNT ? ops[r.hdr.type] : NULL;
	rc = fn ? fn(&r) : -EINVAL;
	if (rc < 0 && !r.replied)
		conn_send_error(c, r.hdr.req_id, r.hdr.tx_id, rc);
	else if (!r.replied)
		req_reply(&r, "OK", 3);
}
