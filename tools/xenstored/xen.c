// SPDX-License-Identifier: GPL-2.0-only
/*
 * Xen access through libctl: dom0's kernel ring (--kernel), the rings of
 * the guests INTRODUCE names, their event channels, and VIRQ_DOM_EXC.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libctl.h>
#include <public/xen.h>

#include "daemon.h"
#include "xen_int.h"

/* dom0's kernel interface (Linux drivers/xen/xenfs/xenstored.c). */
#define XSD_KVA_PATH	"/proc/xen/xsd_kva"
#define XSD_PORT_PATH	"/proc/xen/xsd_port"
#define XSD_PORT_TEXT	16	/* bytes enough for a decimal port */

static int xen_introduce(void *opaque, uint32_t domid, uint64_t gfn, uint32_t port)
{
	struct xen_tp *x = opaque;
	struct xsd_ring *ring = ctl_map_foreign(x->h, domid, &gfn, 1, true);
	int lport;

	if (!ring) {
		log_error("INTRODUCE d%u: %s", domid, ctl_errmsg(x->h));
		return -EINVAL;
	}
	lport = ctl_evtchn_bind_interdomain(x->ev, domid, port);
	if (lport < 0) {
		log_error("INTRODUCE d%u: %s", domid, ctl_errmsg(x->h));
		ctl_unmap_foreign(x->h, ring, 1);
		return lport;
	}
	if (!ep_add(x, domid, ring, 0, (uint32_t)lport)) {
		log_error("INTRODUCE d%u: out of memory", domid);
		ctl_evtchn_unbind(x->ev, (uint32_t)lport);
		ctl_unmap_foreign(x->h, ring, 1);
		return -ENOMEM;
	}
	ep_notify(x, ep_find(x, domid));
	return 0;
}

static void xen_release(void *opaque, uint32_t domid)
{
	struct xen_tp *x = opaque;
	struct xen_ep *ep = ep_find(x, domid);

	if (ep)
		ep_release(x, ep);
}

static int xen_dom_state(void *opaque, uint32_t domid)
{
	struct xen_tp *x = opaque;
	struct ctl_domctl_info info;
	int rc = ctl_domain_info(x->h, domid, &info);

	if (rc == -ESRCH)
		return XSD_DOM_GONE;
	if (rc < 0) {
		log_error("d%u: %s", domid, ctl_errmsg(x->h));
		return rc;
	}
	if (info.flags & CTL_DOMINF_dying)
		return XSD_DOM_DYING;
	return info.flags & CTL_DOMINF_shutdown ? XSD_DOM_SHUTDOWN : XSD_DOM_RUNNING;
}

/* The event channel port dom0's kernel allocated, as xsd_port shows it. */
static int read_kernel_port(uint32_t *port)
{
	char buf[XSD_PORT_TEXT] = "", *end;
	int fd = open(XSD_PORT_PATH, O_RDONLY | O_CLOEXEC);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	unsigned long v;

	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		log_error("%s: %s", XSD_PORT_PATH, n ? strerror(errno) : "empty");
		return -1;
	}
	buf[n] = '\0';
	errno = 0;
	v = strtoul(buf, &end, 10);
	if (errno || end == buf || (*end && *end != '\n') || v > UINT32_MAX) {
		log_error("%s: not a port number: %s", XSD_PORT_PATH, buf);
		return -1;
	}
	*port = (uint32_t)v;
	return 0;
}

/* dom0's own ring: the kernel's page (XS_LOCAL mode), one page, shared. */
static struct xsd_ring *map_kernel_ring(size_t len)
{
	int fd = open(XSD_KVA_PATH, O_RDWR | O_CLOEXEC);
	void *p = fd < 0 ? MAP_FAILED : mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		log_error("%s: %s", XSD_KVA_PATH, strerror(errno));
	if (fd >= 0)
		close(fd);
	return p == MAP_FAILED ? NULL : p;
}

/* Serves dom0's kernel and wakes it: it waits for xenstored to probe xenbus. */
static int kernel_ring(struct xen_tp *x)
{
	size_t len = (size_t)sysconf(_SC_PAGESIZE);
	struct xsd_ring *ring;
	uint32_t port;
	int lport;

	if (read_kernel_port(&port) || !(ring = map_kernel_ring(len)))
		return -1;
	lport = ctl_evtchn_bind_interdomain(x->ev, 0, port);
	if (lport < 0) {
		log_error("dom0 kernel ring: %s", ctl_errmsg(x->h));
		munmap(ring, len);
		return -1;
	}
	if (!ep_add(x, 0, ring, len, (uint32_t)lport)) {
		log_error("dom0 kernel ring: out of memory");
		ctl_evtchn_unbind(x->ev, (uint32_t)lport);
		munmap(ring, len);
		return -1;
	}
	ep_notify(x, ep_find(x, 0));
	return 0;
}

static int xen_devices(struct xen_tp *x)
{
	char *err = NULL;
	int rc = ctl_open(&x->h, &err);

	if (rc) {
		log_error("%s", err ? err : "cannot open the Xen control interface");
		free(err);
		return -1;
	}
	if (ctl_evtchn_open(x->h, &x->ev)) {
		log_error("%s", ctl_errmsg(x->h));
		return -1;
	}
	x->virq_port = ctl_evtchn_bind_virq(x->ev, VIRQ_DOM_EXC);
	if (x->virq_port < 0) {
		log_error("VIRQ_DOM_EXC: %s", ctl_errmsg(x->h));
		return -1;
	}
	return 0;
}

struct xen_tp *xen_open(struct xsd_store *st)
{
	struct xen_tp *x = calloc(1, sizeof(*x));
	struct xsd_domain_ops ops = { xen_introduce, xen_release, x };

	if (!x) {
		log_error("Xen transport: out of memory");
		return NULL;
	}
	x->st = st;
	x->virq_port = -1;
	if (xen_devices(x) || kernel_ring(x)) {
		xen_close(x);
		return NULL;
	}
	xsd_store_set_domain_ops(st, &ops);
	return x;
}

int xen_fd(const struct xen_tp *x)
{
	return ctl_evtchn_fd(x->ev);
}

static void xen_port_fired(struct xen_tp *x, uint32_t port)
{
	unsigned int gone;

	if (ctl_evtchn_unmask(x->ev, port))
		log_error("%s", ctl_errmsg(x->h));
	if (x->virq_port < 0 || port != (uint32_t)x->virq_port)
		return;	/* a ring's port: ep_serve_all() serves every ring next */
	gone = xsd_domains_check(x->st, xen_dom_state, x);
	if (gone)
		log_event("VIRQ_DOM_EXC: %u domain(s) gone", gone);
}

void xen_handle(struct xen_tp *x)
{
	int port;

	while ((port = ctl_evtchn_pending(x->ev)) >= 0)
		xen_port_fired(x, (uint32_t)port);
	if (port != -EAGAIN)
		log_error("%s", ctl_errmsg(x->h));
	ep_reap(x);
}

bool xen_flush(struct xen_tp *x)
{
	return ep_serve_all(x);
}

void xen_close(struct xen_tp *x)
{
	if (!x)
		return;
	xsd_store_set_domain_ops(x->st, NULL);
	for (struct xen_ep *ep = x->eps; ep; ep = ep->next)
		ep_release(x, ep);
	ep_reap(x);
	if (x->virq_port >= 0)
		ctl_evtchn_unbind(x->ev, (uint32_t)x->virq_port);
	ctl_evtchn_close(x->ev);
	ctl_close(x->h);
	free(x);
}
