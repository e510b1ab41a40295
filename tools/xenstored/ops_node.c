// SPDX-License-Identifier: GPL-2.0-only
/*
 * The node operations on the wire: READ, WRITE, MKDIR, RM, DIRECTORY,
 * DIRECTORY_PART, GET_PERMS and SET_PERMS.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xsd_int.h"

/* Resolves the request's path argument and its context. */
static int req_path(struct xs_req *r, const char *arg, struct xs_ctx *x, char **path)
{
	int rc = path_resolve(r->c, arg, false, path);

	if (rc)
		return rc;
	rc = req_ctx(r, x);
	if (rc)
		free(*path);
	return rc;
}

/* Acknowledges a change, then tells the watchers about it. */
static int req_done(struct xs_req *r, struct xs_ctx *x, char *path, int rc)
{
	if (!rc) {
		req_reply(r, "OK", 3);
		watch_fire_changes(r->c->st, &x->changes);
	}
	ctx_release(x);
	free(path);
	return rc;
}

int op_read(struct xs_req *r)
{
	struct xs_ctx x;
	struct xs_node *n;
	char *argv[1], *path;
	int rc = req_args(r, argv, 1);

	if (rc || (rc = req_path(r, argv[0], &x, &path)))
		return rc;
	rc = store_get(&x, path, XS_PERM_READ, &n);
	if (!rc)
		rc = req_reply(r, n->value, n->vlen);
	free(path);
	return rc;
}

/* WRITE <path>|<value>: the value is the rest of the payload, unterminated. */
int op_write(struct xs_req *r)
{
	char *p = r->payload, *nul = memchr(p, '\0', r->hdr.len), *path;
	struct xs_ctx x;
	int rc;

	if (!nul)
		return -EINVAL;
	rc = req_path(r, p, &x, &path);
	if (rc)
		return rc;
	rc = store_write(&x, path, nul + 1, r->hdr.len - (size_t)(nul + 1 - p));
	return req_done(r, &x, path, rc);
}

int op_mkdir(struct xs_req *r)
{
	struct xs_ctx x;
	char *argv[1], *path;
	int rc = req_args(r, argv, 1);

	if (rc || (rc = req_path(r, argv[0], &x, &path)))
		return rc;
	return req_done(r, &x, path, store_mkdir(&x, path));
}

int op_rm(struct xs_req *r)
{
	struct xs_ctx x;
	char *argv[1], *path;
	int rc = req_args(r, argv, 1);

	if (rc || (rc = req_path(r, argv[0], &x, &path)))
		return rc;
	return req_done(r, &x, path, store_rm(&x, path));
}

/* The children's names, each NUL-terminated, into buf (NULL: just measure). */
static size_t list_children(const struct xs_node *n, char *buf)
{
	size_t len = 0, kl;

	for (unsigned int i = 0; i < n->nkids; i++) {
		kl = strlen(n->kids[i]->name) + 1;
		if (buf)
			memcpy(buf + len, n->kids[i]->name, kl);
		len += kl;
	}
	return len;
}

/* Looks up the readable node named by the request's only argument. */
static int req_node(struct xs_req *r, char **argv, unsigned int n, struct xs_node **node)
{
	struct xs_ctx x;
	char *path;
	int rc = req_args(r, argv, n);

	if (rc || (rc = req_path(r, argv[0], &x, &path)))
		return rc;
	rc = store_get(&x, path, XS_PERM_READ, node);
	free(path);
	return rc;
}

int op_directory(struct xs_req *r)
{
	struct xs_node *n;
	char *argv[1], *buf;
	size_t len;
	int rc = req_node(r, argv, 1, &n);

	if (rc)
		return rc;
	len = list_children(n, NULL);
	if (len > XENSTORE_PAYLOAD_MAX)
		return -E2BIG;
	buf = malloc(len + 1);
	if (!buf)
		return -ENOMEM;
	list_children(n, buf);
	rc = req_reply(r, buf, len);
	free(buf);
	return rc;
}

/* Appends whole names of list[off..len) that fit below the payload limit. */
static size_t part_fill(const char *list, size_t off, size_t len, char *out, size_t at)
{
	size_t kl;

	while (off < len) {
		kl = strlen(list + off) + 1;
		if (at + kl + 1 > XENSTORE_PAYLOAD_MAX)
			return at;
		memcpy(out + at, list + off, kl);
		at += kl;
		off += kl;
	}
	out[at++] = '\0';	/* an empty name: the list is complete */
	return at;
}

/* DIRECTORY_PART <path>|<offset>| -> <generation>|<names from offset>|...[|] */
int op_directory_part(struct xs_req *r)
{
	struct xs_node *n;
	char *argv[2], *list, out[XENSTORE_PAYLOAD_MAX];
	uint64_t off;
	size_t len, at;
	int rc = req_node(r, argv, 2, &n);

	if (rc)
		return rc;
	len = list_children(n, NULL);
	if (req_uint(argv[1], len, &off))
		return -EINVAL;
	list = malloc(len + 1);
	if (!list)
		return -ENOMEM;
	list_children(n, list);
	if (off && list[off - 1] != '\0') {
		free(list);
		return -EINVAL;	/* not at the start of a name */
	}
	at = (size_t)snprintf(out, sizeof(out), "%" PRIu64, n->gen) + 1;
	at = part_fill(list, (size_t)off, len, out, at);
	free(list);
	return req_reply(r, out, at);
}

int op_get_perms(struct xs_req *r)
{
	struct xs_node *n;
	char *argv[1], out[XENSTORE_PAYLOAD_MAX];
	size_t at = 0;
	int rc = req_node(r, argv, 1, &n);

	if (rc)
		return rc;
	for (unsigned int i = 0; i < n->nperms; i++) {
		rc = perm_format(&n->perms[i], out + at, sizeof(out) - at);
		if (rc < 0 || (size_t)rc + 1 >= sizeof(out) - at)
			return -E2BIG;
		at += (size_t)rc + 1;
	}
	return req_reply(r, out, at);
}

/* SET_PERMS <path>|<perm>|+ */
int op_set_perms(struct xs_req *r)
{
	unsigned int n = 0, max = r->hdr.len + 1;
	char **argv = calloc(max, sizeof(*argv));
	struct xs_perm *perms = calloc(max, sizeof(*perms));
	char *p = r->payload, *end = p + r->hdr.len, *nul, *path = NULL;
	struct xs_ctx x = { 0 };
	int rc = argv && perms ? 0 : -ENOMEM;

	while (!rc && p < end) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (!nul)
			rc = -EINVAL;
		else
			argv[n++] = p;
		p = nul ? nul + 1 : end;
	}
	if (!rc && n < 2)
		rc = -EINVAL;
	if (!rc)
		rc = perms_parse(argv + 1, n - 1, perms);
	if (!rc && !(rc = req_path(r, argv[0], &x, &path)))
		rc = req_done(r, &x, path, store_set_perms(&x, path, perms, n - 1));
	free(argv);
	free(perms);
	return rc;
}
