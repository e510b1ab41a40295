/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * libctl: the control library of dom0's toolstack.
 *
 * One opaque handle per user. Every call is synchronous and returns 0 (or a
 * documented non-negative value) on success and a negative errno on failure;
 * after a failure ctl_errmsg() names what went wrong in one line ("domctl
 * create: Invalid argument", "d7: no such domain"). The handle talks to
 * /dev/xen/privcmd (hypercalls, foreign mappings), /dev/xen/evtchn and
 * xenstored; tests open it over a fake backend (ctl_backend.h).
 *
 * The hypervisor interface underneath is docs/specs/domctl.md.
 */
#ifndef LIBCTL_H
#define LIBCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/domctl.h>
#include <public/vcpu_state.h>

struct ctl_handle;

/*
 * Open a handle on the real devices. On failure *h is NULL and, if err is
 * not NULL, *err gets a malloc'd message ("open /dev/xen/privcmd: No such
 * file or directory (is this dom0 with xen-privcmd loaded?)").
 */
int ctl_open(struct ctl_handle **h, char **err);
void ctl_close(struct ctl_handle *h);            /* NULL is a no-op */

/*
 * A handle that reaches only xenstored (ctl_xs.h), for clients such as
 * xenstore-read that need no hypervisor access: hypercalls on it fail with
 * -ENODEV.
 */
int ctl_open_store(struct ctl_handle **h, char **err);

/* The message of the last failure on h ("" if none). Valid until the next call. */
const char *ctl_errmsg(const struct ctl_handle *h);

/* Record a failure: sets the message (printf format) and returns rc (< 0). */
int ctl_fail(struct ctl_handle *h, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* --- domains (domctl) --- */

struct ctl_create_args {
	const char *name;
	unsigned int max_vcpus;
	uint64_t max_mem_kb;
	unsigned int max_evtchn;           /* 0: hypervisor default */
	unsigned int max_grant_frames;     /* 0: hypervisor default */
	unsigned int nr_spis;              /* 0: 32 */
};

/* Creates a paused domain with no RAM; *domid is its ID. */
int ctl_domain_create(struct ctl_handle *h, const struct ctl_create_args *a, uint32_t *domid);
int ctl_domain_destroy(struct ctl_handle *h, uint32_t domid);
int ctl_domain_pause(struct ctl_handle *h, uint32_t domid);
int ctl_domain_unpause(struct ctl_handle *h, uint32_t domid);
/* reason: SHUTDOWN_poweroff, _reboot, _suspend, _crash (public/xen.h). */
int ctl_domain_shutdown(struct ctl_handle *h, uint32_t domid, unsigned int reason);
int ctl_domain_set_max_mem(struct ctl_handle *h, uint32_t domid, uint64_t kb);

/* One domain; -ESRCH (with a message naming it) if it does not exist. */
int ctl_domain_info(struct ctl_handle *h, uint32_t domid, struct ctl_domctl_info *out);
/* Every domain in domid order; *out is malloc'd (caller frees). */
int ctl_domain_list(struct ctl_handle *h, struct ctl_domctl_info **out, size_t *n);

int ctl_sched_credit_get(struct ctl_handle *h, uint32_t domid, unsigned int *weight,
			 unsigned int *cap);
int ctl_sched_credit_set(struct ctl_handle *h, uint32_t domid, unsigned int weight,
			 unsigned int cap);
int ctl_vcpu_affinity_get(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			  uint64_t *cpumap);
int ctl_vcpu_affinity_set(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			  uint64_t cpumap);
int ctl_vcpu_info(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
		  struct ctl_domctl_vcpu_info *out);
/* The domain must be paused. */
int ctl_vcpu_context_get(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			 struct vcpu_state_v1 *out);
int ctl_vcpu_context_set(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			 const struct vcpu_state_v1 *in);
/* Start an offline vCPU of a paused domain at pc with x0 = arg. */
int ctl_vcpu_start(struct ctl_handle *h, uint32_t domid, unsigned int vcpu, uint64_t pc,
		   uint64_t arg);
int ctl_hvm_param_get(struct ctl_handle *h, uint32_t domid, unsigned int index,
		      uint64_t *value);
int ctl_hvm_param_set(struct ctl_handle *h, uint32_t domid, unsigned int index,
		      uint64_t value);

/* --- the host (sysctl, xen_version) --- */

int ctl_physinfo(struct ctl_handle *h, struct ctl_sysctl_physinfo *out);
/* The hypervisor's log: up to *len bytes into buf; *len is set to what was read. */
int ctl_readconsole(struct ctl_handle *h, char *buf, size_t *len);
/* "4.17-ctl" style version string of the hypervisor into buf. */
int ctl_hypervisor_version(struct ctl_handle *h, char *buf, size_t len);

/* --- guest memory --- */

/*
 * Give domid RAM: nr extents of 2^order pages at gfn, gfn + 2^order, ...
 * (XENMEM_populate_physmap). All or nothing: on failure what was added is
 * given back.
 */
int ctl_populate(struct ctl_handle *h, uint32_t domid, uint64_t gfn, uint64_t nr,
		 unsigned int order);

/*
 * Map n frames of domid (gfns[i]) contiguously into this process
 * (IOCTL_PRIVCMD_MMAPBATCH_V2); NULL on failure (ctl_errmsg names the first
 * frame that failed). Unmap with ctl_unmap_foreign(h, p, n).
 */
void *ctl_map_foreign(struct ctl_handle *h, uint32_t domid, const uint64_t *gfns, size_t n,
		      bool writable);
/* n frames from gfn upwards. */
void *ctl_map_foreign_range(struct ctl_handle *h, uint32_t domid, uint64_t gfn, size_t n,
			    bool writable);
int ctl_unmap_foreign(struct ctl_handle *h, void *p, size_t n);

/* --- event channels --- */

/* A port of domid that remote may bind to (EVTCHNOP_alloc_unbound). */
int ctl_evtchn_alloc_unbound(struct ctl_handle *h, uint32_t domid, uint32_t remote,
			     uint32_t *port);

/*
 * /dev/xen/evtchn for daemons (xenstored, the console daemon): bind local
 * ports, wait on fd with poll(), read the ports that fired, unmask, notify.
 */
struct ctl_evtchn;
int ctl_evtchn_open(struct ctl_handle *h, struct ctl_evtchn **e);
void ctl_evtchn_close(struct ctl_evtchn *e);
int ctl_evtchn_fd(const struct ctl_evtchn *e);
/* Returns the local port (>= 0) or a negative errno. */
int ctl_evtchn_bind_interdomain(struct ctl_evtchn *e, uint32_t domid, uint32_t remote_port);
int ctl_evtchn_bind_virq(struct ctl_evtchn *e, unsigned int virq);
int ctl_evtchn_unbind(struct ctl_evtchn *e, uint32_t port);
int ctl_evtchn_notify(struct ctl_evtchn *e, uint32_t port);
/* A port that fired (>= 0), -EAGAIN if none; unmask it once handled. */
int ctl_evtchn_pending(struct ctl_evtchn *e);
int ctl_evtchn_unmask(struct ctl_evtchn *e, uint32_t port);

/* --- grant mappings --- */

/*
 * Map n grants of domid (refs[i]) contiguously into this process through
 * /dev/xen/gntdev, opened on first use. NULL on failure, with errno set
 * (EINVAL for n == 0, EOPNOTSUPP without the device), ctl_errmsg naming the
 * domain and the grant ("gntdev map d3 ref 8: Permission denied") and
 * nothing left mapped. Unmap with ctl_gnttab_unmap(h, p, n); -EINVAL if p
 * and n are not a mapping of this handle.
 */
void *ctl_gnttab_map(struct ctl_handle *h, uint32_t domid, const uint32_t *refs, size_t n,
		     bool writable);
int ctl_gnttab_unmap(struct ctl_handle *h, void *p, size_t n);

/*
 * The rest of the library, each part in a header of its own that this one
 * brings in, so a program includes <libctl.h> alone:
 *   ctl_xs.h      the xenstore client
 *   ctl_config.h  the xl.cfg parser and the configuration as JSON
 *   ctl_build.h   the domain builder (Xen's Arm guest layout, Linux Image)
 *   ctl_domain.h  domains from a configuration: create, teardown, lifecycle
 *   ctl_device.h  paravirtual disks and network interfaces (vbd, vif)
 */
#include "ctl_xs.h"
#include "ctl_config.h"
#include "ctl_build.h"
#include "ctl_domain.h"
#include "ctl_device.h"

#endif /* LIBCTL_H */
