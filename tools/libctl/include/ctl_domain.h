/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Domains as `ctl` manages them: created from a resolved configuration
 * (ctl_config.h), described in xenstore (docs/specs/xenstore-paths.md),
 * their configuration kept as JSON, their lifecycle actions honoured.
 */
#ifndef CTL_DOMAIN_H
#define CTL_DOMAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "ctl_config.h"
#include "libctl.h"

/* Where each domain's resolved configuration is kept: <dir>/<domid>.json. */
#define CTL_STATE_DIR "/var/lib/ctl/domains"

#define CTL_CREATE_PAUSED  (1U << 0)     /* leave it paused (ctl create -p) */

/*
 * Create the domain cfg describes: hypervisor domain, RAM, kernel, DT,
 * vCPU affinity, xenstore entries, introduction to xenstored, the console
 * daemon told, the JSON kept; unpaused unless CTL_CREATE_PAUSED. A name
 * already in use is -EEXIST. On failure nothing is left behind.
 */
int ctl_domain_create_cfg(struct ctl_handle *h, const struct ctl_domain_config *cfg,
			  unsigned int flags, uint32_t *domid);

/* Destroy a domain and every trace of it: hypervisor, xenstore, kept JSON. */
int ctl_domain_teardown(struct ctl_handle *h, uint32_t domid);

/* A domain's kept configuration. */
int ctl_domain_config_load(struct ctl_handle *h, uint32_t domid,
			   struct ctl_domain_config **cfg);

/* "web" or "7" to a domain ID; -ESRCH naming it if there is none. */
int ctl_domain_lookup(struct ctl_handle *h, const char *name_or_id, uint32_t *domid);
/* The name of domid into buf ("Domain-0" for 0). */
int ctl_domain_name(struct ctl_handle *h, uint32_t domid, char *buf, size_t len);

/*
 * Ask the guest to power off or reboot (control/shutdown in xenstore, which
 * Linux's xen manage driver watches).
 */
int ctl_domain_request(struct ctl_handle *h, uint32_t domid, const char *what);

/* Wait until domid is gone or shut down, up to timeout_ms (-1: ever). */
int ctl_domain_wait_shutdown(struct ctl_handle *h, uint32_t domid, int timeout_ms,
			     unsigned int *reason);

/*
 * The lifecycle monitor (what `ctl create` leaves running in the
 * background): waits for the domain to shut down and applies on_poweroff,
 * on_reboot or on_crash (destroy, restart, preserve); a restart creates it
 * again from the kept JSON and goes on watching the new domain. Returns when
 * the domain is gone for good.
 */
int ctl_domain_monitor(struct ctl_handle *h, uint32_t domid);

#endif /* CTL_DOMAIN_H */
