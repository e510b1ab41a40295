// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The lifecycle monitor: waits for the domain to shut down, then applies
 * the action its kept configuration names for the reason (on_poweroff,
 * on_reboot, on_crash), following the domain through restarts.
 */
#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "dom_int.h"

/* Restart times of the last CTL_RESTART_MAX restarts, a ring. */
struct restarts {
	time_t at[CTL_RESTART_MAX];
	unsigned int next, count;
};

/* -ELOOP if this restart is one too many within the window. */
static int restart_allowed(struct ctl_handle *h, struct restarts *r, const char *name)
{
	time_t now = time(NULL);

	if (r->count == CTL_RESTART_MAX && now - r->at[r->next] < CTL_RESTART_WINDOW_S)
		return ctl_fail(h, -ELOOP, "%s: restarted %d times within %d s, left shut down",
				name, CTL_RESTART_MAX, CTL_RESTART_WINDOW_S);
	r->at[r->next] = now;
	r->next = (r->next + 1) % CTL_RESTART_MAX;
	if (r->count < CTL_RESTART_MAX)
		r->count++;
	return 0;
}

static enum ctl_action action_for(const struct ctl_domain_config *cfg, unsigned int reason)
{
	switch (reason) {
	case CTL_SHUTDOWN_POWEROFF:
		return cfg->on_poweroff;
	case CTL_SHUTDOWN_REBOOT:
		return cfg->on_reboot;
	default:   /* crash, watchdog */
		return cfg->on_crash;
	}
}

static void notice(const struct ctl_domain_config *cfg, enum ctl_action act)
{
	if (act == CTL_ACTION_COREDUMP_DESTROY || act == CTL_ACTION_COREDUMP_RESTART)
		fprintf(stderr, "ctl: %s: %s: core dumps are not supported, no dump written\n",
			cfg->name, ctl_action_name(act));
}

/*
 * Applies the action for reason: 1 with *domid the new domain after a
 * restart, 0 when monitoring is over, or the failure.
 */
static int apply(struct ctl_handle *h, struct restarts *r, uint32_t *domid, unsigned int reason)
{
	struct ctl_domain_config *cfg = NULL;
	enum ctl_action act;
	int rc = ctl_domain_config_load(h, *domid, &cfg);

	if (rc)
		return rc;
	act = action_for(cfg, reason);
	notice(cfg, act);
	switch (act) {
	case CTL_ACTION_PRESERVE:
		break;
	case CTL_ACTION_DESTROY:
	case CTL_ACTION_COREDUMP_DESTROY:
		rc = ctl_domain_teardown(h, *domid);
		break;
	default:   /* restart, rename-restart, coredump-restart */
		rc = restart_allowed(h, r, cfg->name);
		if (!rc)
			rc = ctl_domain_teardown(h, *domid);
		if (!rc)
			rc = ctl_domain_create_cfg(h, cfg, 0, domid);
		if (!rc)
			rc = 1;
	}
	ctl_config_free(cfg);
	return rc;
}

int ctl_domain_monitor(struct ctl_handle *h, uint32_t domid)
{
	struct restarts r = { .next = 0 };
	unsigned int reason = 0;
	int rc;

	do {
		rc = ctl_domain_wait_shutdown(h, domid, -1, &reason);
		if (rc == -ESRCH)
			return 0;
		if (rc)
			return rc;
		if (reason == CTL_SHUTDOWN_SUSPEND)
			return 0;
		rc = apply(h, &r, &domid, reason);
	} while (rc == 1);
	return rc;
}
