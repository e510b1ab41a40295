/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * How a handle reaches the hypervisor. ctl_open() uses the real devices
 * (privcmd, evtchn); unit tests open a handle over a fake with
 * ctl_open_backend() and see every hypercall and mapping the library makes.
 */
#ifndef CTL_BACKEND_H
#define CTL_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libctl.h"

#define CTL_HCALL_ARGS 5

struct ctl_backend {
	/* A hypercall; pointers in args are this process's addresses. Returns >= 0 or -errno. */
	long (*hypercall)(void *priv, unsigned int nr, const uint64_t args[CTL_HCALL_ARGS]);
	/* Map n frames of domid; errs[i] gets 0 or -errno per frame. NULL if nothing mapped. */
	void *(*map_foreign)(void *priv, uint32_t domid, const uint64_t *gfns, size_t n,
			     bool writable, int *errs);
	int (*unmap_foreign)(void *priv, void *p, size_t n);
	/*
	 * /dev/xen/evtchn: open returns an fd (or -errno); ioctl does what the
	 * device's IOCTL_EVTCHN_* do (cmd is the Linux ioctl number).
	 */
	int (*evtchn_open)(void *priv);
	int (*evtchn_ioctl)(void *priv, int fd, unsigned long cmd, void *arg);
	void (*evtchn_close)(void *priv, int fd);
	/* The xenstored socket path; NULL: $XENSTORED_PATH or /run/xenstored/socket. */
	const char *xs_path;
	/*
	 * /dev/xen/gntdev: map n grants of domid contiguously at *p. Returns 0,
	 * or -errno with nothing mapped, *bad the index of the grant that failed
	 * (n: none in particular) and *dev the device's path if it did not open.
	 */
	int (*map_grant)(void *priv, uint32_t domid, const uint32_t *refs, size_t n,
			 bool writable, void **p, size_t *bad, const char **dev);
	/* Undo one map_grant, p and n as it gave them; -EINVAL if they are not one. */
	int (*unmap_grant)(void *priv, void *p, size_t n);
};

int ctl_open_backend(const struct ctl_backend *b, void *priv, struct ctl_handle **h,
		     char **err);

#endif /* CTL_BACKEND_H */
