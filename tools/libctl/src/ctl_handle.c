// SPDX-License-Identifier: LGPL-2.1-only
/* The handle: open, close and the one-line message of the last failure. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl_int.h"

static void set_err(char **err, const char *msg)
{
	if (err)
		*err = strdup(msg);
}

struct ctl_handle *ctl_handle_new(const struct ctl_backend *b, void *priv, char **err)
{
	struct ctl_handle *h = calloc(1, sizeof(*h));

	if (!h) {
		set_err(err, "libctl: out of memory");
		return NULL;
	}
	h->be = *b;
	h->priv = priv;
	return h;
}

int ctl_open_backend(const struct ctl_backend *b, void *priv, struct ctl_handle **h,
		     char **err)
{
	if (err)
		*err = NULL;
	*h = NULL;
	if (!b || !b->hypercall) {
		set_err(err, "libctl: backend without a hypercall hook");
		return -EINVAL;
	}
	*h = ctl_handle_new(b, priv, err);
	return *h ? 0 : -ENOMEM;
}

int ctl_open(struct ctl_handle **h, char **err)
{
	struct ctl_backend b;
	void *priv = NULL;
	int rc;

	if (err)
		*err = NULL;
	*h = NULL;
	rc = ctl_privcmd_backend(&b, &priv, err);
	if (rc)
		return rc;
	*h = ctl_handle_new(&b, priv, err);
	if (!*h) {
		ctl_privcmd_release(priv);
		return -ENOMEM;
	}
	(*h)->release = ctl_privcmd_release;
	return 0;
}

static long no_hypercall(void *priv, unsigned int nr, const uint64_t args[CTL_HCALL_ARGS])
{
	(void)priv;
	(void)nr;
	(void)args;
	return -ENODEV;
}

int ctl_open_store(struct ctl_handle **h, char **err)
{
	static const struct ctl_backend store_only = { .hypercall = no_hypercall };

	return ctl_open_backend(&store_only, NULL, h, err);
}

void ctl_close(struct ctl_handle *h)
{
	if (!h)
		return;
	ctl_xs_drop(h);
	ctl_hbuf_free(h);
	if (h->release)
		h->release(h->priv);
	free(h);
}

const char *ctl_errmsg(const struct ctl_handle *h)
{
	return h ? h->msg : "";
}

int ctl_fail(struct ctl_handle *h, int rc, const char *fmt, ...)
{
	va_list ap;

	if (!h)
		return rc;
	va_start(ap, fmt);
	vsnprintf(h->msg, sizeof(h->msg), fmt, ap);
	va_end(ap);
	return rc;
}

int ctl_vfail_errno(struct ctl_handle *h, int rc, const char *fmt, va_list ap)
{
	size_t len;

	if (!h)
		return rc;
	vsnprintf(h->msg, sizeof(h->msg), fmt, ap);
	len = strlen(h->msg);
	snprintf(h->msg + len, sizeof(h->msg) - len, ": %s", strerror(-rc));
	return rc;
}

int ctl_fail_errno(struct ctl_handle *h, int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ctl_vfail_errno(h, rc, fmt, ap);
	va_end(ap);
	return rc;
}
