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

/*
 * Where each domain's resolved configuration is kept: <dir>/<domid>.json.
 * The environment variable CTL_STATE_DIR overrides it (tests); the
 * directory is created if missing.
 */
#define CTL_STATE_DIR "/var/lib/ctl/domains"
#define CTL_STATE_DIR_ENV "CTL_STATE_DIR"

/* Shutdown reasons as ctl_domain_wait_shutdown() reports them (Xen's public/sched.h). */
#define CTL_SHUTDOWN_POWEROFF  0
#define CTL_SHUTDOWN_REBOOT    1
#define CTL_SHUTDOWN_SUSPEND   2
#define CTL_SHUTDOWN_CRASH     3
#define CTL_SHUTDOWN_WATCHDOG  4

/*
 * The monitor's restart loop guard: more than this many restarts within
 * CTL_RESTART_WINDOW_S seconds and it gives up (-ELOOP), leaving the last
 * incarnation shut down for inspection.
 */
#define CTL_RESTART_MAX        10
#define CTL_RESTART_WINDOW_S   60

/* ctl_domain_wait_shutdown() checks this often even without an event (ms). */
#define CTL_WAIT_RECHECK_MS    1000

#define CTL_CREATE_PAUSED  (1U << 0)     /* leave it paused (ctl create -p) */

/*
 * Create the domain cfg describes: hypervisor domain, RAM, kernel, DT,
 * vCPU affinity, xenstore entries (docs/specs/xenstore-paths.md, where the
 * console daemon finds the console), introduction to xenstored, the JSON
 * kept; unpaused unless CTL_CREATE_PAUSED. cfg is not changed: the kept
 * copy gets a UUID and MAC addresses if it has none. A name already in use
 * is -EEXIST. On failure nothing is left behind and the first error is
 * the one reported.
 */
int ctl_domain_create_cfg(struct ctl_handle *h, const struct ctl_domain_config *cfg,
			  unsigned int flags, uint32_t *domid);

/*
 * Destroy a domain and every trace of it: hypervisor, xenstored's record,
 * /local/domain/<domid>, /vm/<uuid>, kept JSON. Idempotent: what is already
 * gone is skipped. Every step is attempted; the first error is returned.
 * dom0 is -EINVAL.
 */
int ctl_domain_teardown(struct ctl_handle *h, uint32_t domid);

/* A domain's kept configuration (free with ctl_config_free()); -ENOENT if none. */
int ctl_domain_config_load(struct ctl_handle *h, uint32_t domid,
			   struct ctl_domain_config **cfg);

/*
 * "web" or "7" to a domain ID ("Domain-0" and "0" are dom0); -ESRCH naming
 * it if there is none. Names are the hypervisor's.
 */
int ctl_domain_lookup(struct ctl_handle *h, const char *name_or_id, uint32_t *domid);
/* The name of domid into buf ("Domain-0" for 0); -ERANGE if buf is too small. */
int ctl_domain_name(struct ctl_handle *h, uint32_t domid, char *buf, size_t len);

/*
 * Ask the guest to power off or reboot: what is "poweroff" or "reboot"
 * (else -EINVAL), written to control/shutdown, which Linux's xen manage
 * driver watches. -ESRCH if the domain has no control/ node. Returns at
 * once: ctl_domain_wait_shutdown() waits for the result.
 */
int ctl_domain_request(struct ctl_handle *h, uint32_t domid, const char *what);

/*
 * Wait until domid is shut down, up to timeout_ms (-1: for ever): 0 and
 * *reason (CTL_SHUTDOWN_*, reason may be NULL); -ESRCH if it is gone (or
 * dying); -ETIMEDOUT. Wakes on xenstored's @releaseDomain and also checks
 * every CTL_WAIT_RECHECK_MS.
 */
int ctl_domain_wait_shutdown(struct ctl_handle *h, uint32_t domid, int timeout_ms,
			     unsigned int *reason);

/*
 * The lifecycle monitor (what `ctl create` leaves running in the
 * background): waits for the domain to shut down and applies on_poweroff,
 * on_reboot or on_crash (on_crash also for a watchdog) from the kept JSON:
 * destroy tears it down; restart tears it down and creates it again from
 * the kept JSON (same name and UUID, new domid) and goes on watching the
 * new domain; preserve leaves it shut down. rename-restart is a restart
 * (hypervisor names cannot change), coredump-destroy and coredump-restart
 * are destroy and restart with a notice on stderr (no core dumps yet). A
 * suspended domain is left as it is. Returns 0 when the domain is gone for
 * good or preserved, -ELOOP after CTL_RESTART_MAX restarts in
 * CTL_RESTART_WINDOW_S seconds, or the error of a failed step.
 */
int ctl_domain_monitor(struct ctl_handle *h, uint32_t domid);

#endif /* CTL_DOMAIN_H */
