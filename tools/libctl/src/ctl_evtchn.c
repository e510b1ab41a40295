// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Event channels: EVTCHNOP_alloc_unbound for a domain being built, and the
 * /dev/xen/evtchn object daemons poll: reading the device gives the uint32
 * ports that fired, writing a port to it unmasks that port.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <public/event_channel.h>

#include "ctl_int.h"
#include "ctl_linux.h"

struct ctl_evtchn {
	struct ctl_handle *h;
	int fd;
};

int ctl_evtchn_alloc_unbound(struct ctl_handle *h, uint32_t domid, uint32_t remote,
			     uint32_t *port)
{
	struct evtchn_alloc_unbound *a = ctl_hbuf(h, sizeof(*a));
	long rc;

	if (!a)
		return -ENOMEM;
	a->dom = (domid_t)domid;
	a->remote_dom = (domid_t)remote;
	rc = ctl_hypercall(h, __HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound, ctl_addr(a));
	if (rc < 0)
		return ctl_fail_errno(h, (int)rc, "evtchn alloc_unbound d%u for d%u", domid,
				      remote);
	*port = a->port;
	return 0;
}

int ctl_evtchn_open(struct ctl_handle *h, struct ctl_evtchn **e)
{
	int fd;

	*e = NULL;
	if (!h->be.evtchn_open || !h->be.evtchn_ioctl || !h->be.evtchn_close)
		return ctl_fail(h, -ENOSYS, "evtchn: the backend has no event channel device");
	*e = calloc(1, sizeof(**e));
	if (!*e)
		return ctl_fail(h, -ENOMEM, "evtchn: out of memory");
	fd = h->be.evtchn_open(h->priv);
	if (fd < 0) {
		free(*e);
		*e = NULL;
		return ctl_fail_errno(h, fd, "open " CTL_EVTCHN_DEV);
	}
	(*e)->h = h;
	(*e)->fd = fd;
	return 0;
}

void ctl_evtchn_close(struct ctl_evtchn *e)
{
	if (!e)
		return;
	e->h->be.evtchn_close(e->h->priv, e->fd);
	free(e);
}

int ctl_evtchn_fd(const struct ctl_evtchn *e)
{
	return e->fd;
}

static int evtchn_ioctl(struct ctl_evtchn *e, unsigned long cmd, void *arg)
{
	return e->h->be.evtchn_ioctl(e->h->priv, e->fd, cmd, arg);
}

int ctl_evtchn_bind_interdomain(struct ctl_evtchn *e, uint32_t domid, uint32_t remote_port)
{
	struct ctl_ioctl_evtchn_bind_interdomain b = { .remote_domain = domid,
						       .remote_port = remote_port };
	int rc = evtchn_ioctl(e, CTL_IOCTL_EVTCHN_BIND_INTERDOMAIN, &b);

	if (rc < 0)
		return ctl_fail_errno(e->h, rc, "evtchn bind_interdomain d%u port %u", domid,
				      remote_port);
	return rc;
}

int ctl_evtchn_bind_virq(struct ctl_evtchn *e, unsigned int virq)
{
	struct ctl_ioctl_evtchn_bind_virq b = { .virq = virq };
	int rc = evtchn_ioctl(e, CTL_IOCTL_EVTCHN_BIND_VIRQ, &b);

	if (rc < 0)
		return ctl_fail_errno(e->h, rc, "evtchn bind_virq %u", virq);
	return rc;
}

int ctl_evtchn_unbind(struct ctl_evtchn *e, uint32_t port)
{
	struct ctl_ioctl_evtchn_port p = { .port = port };
	int rc = evtchn_ioctl(e, CTL_IOCTL_EVTCHN_UNBIND, &p);

	return rc < 0 ? ctl_fail_errno(e->h, rc, "evtchn unbind port %u", port) : 0;
}

int ctl_evtchn_notify(struct ctl_evtchn *e, uint32_t port)
{
	struct ctl_ioctl_evtchn_port p = { .port = port };
	int rc = evtchn_ioctl(e, CTL_IOCTL_EVTCHN_NOTIFY, &p);

	return rc < 0 ? ctl_fail_errno(e->h, rc, "evtchn notify port %u", port) : 0;
}

int ctl_evtchn_pending(struct ctl_evtchn *e)
{
	uint32_t port;
	ssize_t n = read(e->fd, &port, sizeof(port));

	if (n == (ssize_t)sizeof(port))
		return (int)port;
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return ctl_fail(e->h, -EAGAIN, "evtchn: no port pending");
	if (n < 0)
		return ctl_fail_errno(e->h, -errno, "evtchn: read " CTL_EVTCHN_DEV);
	return ctl_fail(e->h, -EIO, "evtchn: read %zd bytes of a port", n);
}

int ctl_evtchn_unmask(struct ctl_evtchn *e, uint32_t port)
{
	ssize_t n = write(e->fd, &port, sizeof(port));

	if (n == (ssize_t)sizeof(port))
		return 0;
	if (n < 0)
		return ctl_fail_errno(e->h, -errno, "evtchn: unmask port %u", port);
	return ctl_fail(e->h, -EIO, "evtchn: unmask port %u: short write", port);
}
