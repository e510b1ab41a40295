/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * libctl's xenstore client: the wire protocol (docs/specs/xenstore.md) over
 * xenstored's Unix socket (/run/xenstored/socket, or $XENSTORED_PATH).
 * Synchronous: one request, one reply; watch events that arrive meanwhile
 * are queued for ctl_xs_read_watch(). Errors as libctl.h: a negative errno
 * (the one xenstored's error string names: ENOENT, EACCES, EAGAIN ...) and
 * a message in the handle.
 */
#ifndef CTL_XS_H
#define CTL_XS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libctl.h"

struct ctl_xs;

/*
 * Connects (once per handle); later calls return the same connection and
 * count a reference. ctl_xs_close() drops one (NULL is a no-op) and closes
 * the connection with the last; ctl_close() closes it whatever the count,
 * so never call ctl_xs_close() after ctl_close() of its handle.
 */
int ctl_xs_open(struct ctl_handle *h, struct ctl_xs **xs);
void ctl_xs_close(struct ctl_xs *xs);
/*
 * poll() it for watch events; events may also have been queued while
 * waiting for a reply, so drain with ctl_xs_read_watch(xs, 0, ...) until
 * -ETIMEDOUT before polling again.
 */
int ctl_xs_fd(const struct ctl_xs *xs);

/* tx: 0 outside a transaction. Values are NUL-terminated copies the caller frees. */
int ctl_xs_read(struct ctl_xs *xs, uint32_t tx, const char *path, char **value);
int ctl_xs_write(struct ctl_xs *xs, uint32_t tx, const char *path, const char *value);
int ctl_xs_writef(struct ctl_xs *xs, uint32_t tx, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int ctl_xs_mkdir(struct ctl_xs *xs, uint32_t tx, const char *path);
int ctl_xs_rm(struct ctl_xs *xs, uint32_t tx, const char *path);
/*
 * Children names: *names is one malloc'd block (free(*names) only) holding
 * n pointers, a NULL after them, and the names they point to.
 */
int ctl_xs_directory(struct ctl_xs *xs, uint32_t tx, const char *path, char ***names,
		     size_t *n);
/* perms as xenstore writes them: "n0", "r5" ... (first = owner and default). */
int ctl_xs_set_perms(struct ctl_xs *xs, uint32_t tx, const char *path,
		     const char *const *perms, size_t n);
int ctl_xs_transaction_start(struct ctl_xs *xs, uint32_t *tx);
/* commit false aborts; -EAGAIN when a commit conflicted (retry the transaction). */
int ctl_xs_transaction_end(struct ctl_xs *xs, uint32_t tx, bool commit);

int ctl_xs_watch(struct ctl_xs *xs, const char *path, const char *token);
int ctl_xs_unwatch(struct ctl_xs *xs, const char *path, const char *token);
/*
 * The next watch event: waits up to timeout_ms (-1: for ever; 0: only what
 * is queued or already readable). -ETIMEDOUT if none came. *path and *token
 * are malloc'd. Ordinary replies are bounded too: 10 s, then -ETIMEDOUT.
 */
int ctl_xs_read_watch(struct ctl_xs *xs, int timeout_ms, char **path, char **token);

/* Tell xenstored about a new domain's ring (frame gfn, its port evtchn). */
int ctl_xs_introduce(struct ctl_xs *xs, uint32_t domid, uint64_t gfn, uint32_t evtchn);
int ctl_xs_release(struct ctl_xs *xs, uint32_t domid);
/* "/local/domain/<domid>" into buf. */
int ctl_xs_get_domain_path(struct ctl_xs *xs, uint32_t domid, char *buf, size_t len);

#endif /* CTL_XS_H */
