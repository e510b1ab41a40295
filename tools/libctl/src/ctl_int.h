/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * libctl internals shared by the ctl_*.c and xs_*.c files: the handle, its
 * locked hypercall buffer and the hypercall helpers.
 */
#ifndef CTL_INT_H
#define CTL_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctl_backend.h"

#define CTL_MSG_LEN    256
/* Xen's guest page: 4 KiB on Arm whatever dom0's kernel uses (XEN_PAGE_SIZE in Linux). */
#define CTL_PAGE_SHIFT 12
#define CTL_PAGE_SIZE  (1UL << CTL_PAGE_SHIFT)

struct ctl_xs;

struct ctl_handle {
	struct ctl_backend be;
	void *priv;
	void (*release)(void *priv);   /* frees priv (the real backend's); NULL for tests' */
	char msg[CTL_MSG_LEN];
	void *hbuf;                    /* mlock()ed scratch for hypercall arguments */
	size_t hbuf_size;
	struct ctl_xs *xs;             /* the xenstore connection, shared (ctl_xs_open) */
	unsigned int xs_refs;
};

/* ctl_handle.c */
struct ctl_handle *ctl_handle_new(const struct ctl_backend *b, void *priv, char **err);
/* Like ctl_fail, with a va_list; the message gets ": <strerror(-rc)>" appended. */
int ctl_vfail_errno(struct ctl_handle *h, int rc, const char *fmt, va_list ap);
int ctl_fail_errno(struct ctl_handle *h, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* xs_conn.c: closes the handle's xenstore connection, whatever its references. */
void ctl_xs_drop(struct ctl_handle *h);

/* ctl_privcmd.c: the real devices. */
int ctl_privcmd_backend(struct ctl_backend *b, void **priv, char **err);
void ctl_privcmd_release(void *priv);

/* ctl_hbuf.c: zeroed, locked, resident memory for size bytes; valid until the next call. */
void *ctl_hbuf(struct ctl_handle *h, size_t size);
void ctl_hbuf_free(struct ctl_handle *h);
/* Where the data of a call (arrays, buffers) starts, after its argument struct. */
#define CTL_HBUF_DATA_OFF 512
static inline void *ctl_hbuf_data(struct ctl_handle *h)
{
	return (char *)h->hbuf + CTL_HBUF_DATA_OFF;
}

/* ctl_hcall.c */
long ctl_hypercall(struct ctl_handle *h, unsigned int nr, uint64_t a0, uint64_t a1);
/*
 * *op: a domctl/sysctl struct in the locked buffer with cmd, version (and
 * domid) filled in, followed by extra bytes of data at ctl_hbuf_data(h).
 */
int ctl_domctl_prep(struct ctl_handle *h, uint32_t cmd, uint32_t domid, size_t extra,
		    struct ctl_domctl **op);
int ctl_sysctl_prep(struct ctl_handle *h, uint32_t cmd, size_t extra, struct ctl_sysctl **op);
/* Issue it; on failure the message is "domctl <cmd> d<domid>: <error>". */
int ctl_domctl_do(struct ctl_handle *h, struct ctl_domctl *op);
int ctl_sysctl_do(struct ctl_handle *h, struct ctl_sysctl *op);
const char *ctl_domctl_name(uint32_t cmd);

static inline uint64_t ctl_addr(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

#endif /* CTL_INT_H */
