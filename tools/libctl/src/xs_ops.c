// SPDX-License-Identifier: LGPL-2.1-only
/* Store operations: read, write, mkdir, rm, directory, permissions, transactions. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_int.h"

#define XS_U32_ARG_LEN 11   /* a decimal uint32_t and its NUL */
#define XS_U64_ARG_LEN 21   /* a decimal uint64_t and its NUL */

/* A request of NUL-terminated arguments, reply ignored (OK). */
static int simple(struct ctl_xs *xs, enum xs_op op, uint32_t tx, const char *const *args,
		  size_t n)
{
	struct xs_msg m = { 0 };
	char *reply;
	size_t len;
	int rc = 0;

	for (size_t i = 0; i < n && !rc; i++)
		rc = xs_msg_add(xs, &m, args[i], true);
	return rc ? rc : xs_talk(xs, op, tx, &m, &reply, &len);
}

int ctl_xs_read(struct ctl_xs *xs, uint32_t tx, const char *path, char **value)
{
	struct xs_msg m = { 0 };
	char *reply;
	size_t len;
	int rc = xs_msg_add(xs, &m, path, true);

	*value = NULL;
	if (!rc)
		rc = xs_talk(xs, XSO_READ, tx, &m, &reply, &len);
	if (rc)
		return rc;
	*value = malloc(len + 1);
	if (!*value)
		return ctl_fail(xs->h, -ENOMEM, "xenstore read %s: out of memory", path);
	memcpy(*value, reply, len + 1);
	return 0;
}

int ctl_xs_write(struct ctl_xs *xs, uint32_t tx, const char *path, const char *value)
{
	struct xs_msg m = { 0 };
	char *reply;
	size_t len;
	int rc = xs_msg_add(xs, &m, path, true);

	if (!rc)
		rc = xs_msg_add(xs, &m, value, false);
	return rc ? rc : xs_talk(xs, XSO_WRITE, tx, &m, &reply, &len);
}

int ctl_xs_writef(struct ctl_xs *xs, uint32_t tx, const char *path, const char *fmt, ...)
{
	char value[XS_PAYLOAD_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(value, sizeof(value), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(value))
		return ctl_fail(xs->h, -E2BIG, "xenstore write %s: value over %d bytes", path,
				XS_PAYLOAD_MAX - 1);
	return ctl_xs_write(xs, tx, path, value);
}

int ctl_xs_mkdir(struct ctl_xs *xs, uint32_t tx, const char *path)
{
	return simple(xs, XSO_MKDIR, tx, &path, 1);
}

int ctl_xs_rm(struct ctl_xs *xs, uint32_t tx, const char *path)
{
	return simple(xs, XSO_RM, tx, &path, 1);
}

/* Copies a list of NUL-terminated names into one block: pointers first, then the text. */
static int split_names(struct ctl_xs *xs, const char *path, const char *list, size_t len,
		       char ***names, size_t *n)
{
	size_t count = 0, i;
	char **v, *text;

	for (i = 0; i < len; i++)
		count += list[i] == '\0';
	v = malloc((count + 1) * sizeof(*v) + len + 1);
	if (!v)
		return ctl_fail(xs->h, -ENOMEM, "xenstore directory %s: out of memory", path);
	text = (char *)(v + count + 1);
	memcpy(text, list, len);
	text[len] = '\0';
	for (i = 0; i < count; i++) {
		v[i] = text;
		text += strlen(text) + 1;
	}
	v[count] = NULL;
	*names = v;
	*n = count;
	return 0;
}

int ctl_xs_directory(struct ctl_xs *xs, uint32_t tx, const char *path, char ***names,
		     size_t *n)
{
	struct xs_msg m = { 0 };
	char *reply;
	size_t len;
	int rc = xs_msg_add(xs, &m, path, true);

	*names = NULL;
	*n = 0;
	if (!rc)
		rc = xs_talk(xs, XSO_DIRECTORY, tx, &m, &reply, &len);
	if (!rc && len && reply[len - 1] != '\0')
		rc = ctl_fail(xs->h, -EIO, "xenstore directory %s: unterminated name", path);
	return rc ? rc : split_names(xs, path, reply, len, names, n);
}

int ctl_xs_set_perms(struct ctl_xs *xs, uint32_t tx, const char *path,
		     const char *const *perms, size_t n)
{
	struct xs_msg m = { 0 };
	char *reply;
	size_t len;
	int rc = n ? xs_msg_add(xs, &m, path, true)
		   : ctl_fail(xs->h, -EINVAL, "xenstore set_perms %s: no permissions", path);

	for (size_t i = 0; i < n && !rc; i++)
		rc = xs_msg_add(xs, &m, perms[i], true);
	return rc ? rc : xs_talk(xs, XSO_SET_PERMS, tx, &m, &reply, &len);
}

int ctl_xs_transaction_start(struct ctl_xs *xs, uint32_t *tx)
{
	struct xs_msg m = { 0 };
	char *reply, *end;
	size_t len;
	unsigned long id;
	int rc = xs_msg_add(xs, &m, "", true);

	if (!rc)
		rc = xs_talk(xs, XSO_TRANSACTION_START, 0, &m, &reply, &len);
	if (rc)
		return rc;
	errno = 0;
	id = strtoul(reply, &end, 10);
	if (errno || end == reply || *end || id == 0 || id > UINT32_MAX)
		return ctl_fail(xs->h, -EIO, "xenstore transaction_start: bad id '%.16s'", reply);
	*tx = (uint32_t)id;
	return 0;
}

int ctl_xs_transaction_end(struct ctl_xs *xs, uint32_t tx, bool commit)
{
	const char *arg = commit ? "T" : "F";

	return simple(xs, XSO_TRANSACTION_END, tx, &arg, 1);
}

static void domid_arg(char *buf, size_t len, uint32_t domid)
{
	snprintf(buf, len, "%" PRIu32, domid);
}

int ctl_xs_introduce(struct ctl_xs *xs, uint32_t domid, uint64_t gfn, uint32_t evtchn)
{
	char id[XS_U32_ARG_LEN], frame[XS_U64_ARG_LEN], port[XS_U32_ARG_LEN];
	const char *args[] = { id, frame, port };

	domid_arg(id, sizeof(id), domid);
	snprintf(frame, sizeof(frame), "%" PRIu64, gfn);
	snprintf(port, sizeof(port), "%" PRIu32, evtchn);
	return simple(xs, XSO_INTRODUCE, 0, args, sizeof(args) / sizeof(args[0]));
}

int ctl_xs_release(struct ctl_xs *xs, uint32_t domid)
{
	char id[XS_U32_ARG_LEN];
	const char *arg = id;

	domid_arg(id, sizeof(id), domid);
	return simple(xs, XSO_RELEASE, 0, &arg, 1);
}

int ctl_xs_get_domain_path(struct ctl_xs *xs, uint32_t domid, char *buf, size_t len)
{
	char id[XS_U32_ARG_LEN], *reply;
	struct xs_msg m = { 0 };
	size_t rlen;
	int rc;

	domid_arg(id, sizeof(id), domid);
	rc = xs_msg_add(xs, &m, id, true);
	if (!rc)
		rc = xs_talk(xs, XSO_GET_DOMAIN_PATH, 0, &m, &reply, &rlen);
	if (rc)
		return rc;
	if (strlen(reply) >= len)
		return ctl_fail(xs->h, -ERANGE, "xenstore get_domain_path %s: %zu bytes are too "
				"few", id, len);
	memcpy(buf, reply, strlen(reply) + 1);
	return 0;
}
