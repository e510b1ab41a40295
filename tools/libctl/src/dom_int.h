/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Internals of the domain layer (ctl_domain.h): the kept JSON, the
 * xenstore entries of a domain (docs/specs/xenstore-paths.md), names and
 * the first-error bookkeeping of multi-step operations.
 */
#ifndef DOM_INT_H
#define DOM_INT_H

#include <stddef.h>
#include <stdint.h>

#include "ctl_build.h"
#include "ctl_domain.h"
#include "ctl_xs.h"

#define DOM_MSG_LEN      256   /* a saved ctl_errmsg() (CTL_MSG_LEN of the handle) */
#define DOM_PATH_LEN     128   /* "/local/domain/<domid>/..." and "/vm/<uuid>/..." */
#define DOM_HOME_LEN     32    /* "/local/domain/<domid>" (ctl_xs_get_domain_path) */
#define DOM_UUID_LEN     37    /* 36 characters and the NUL (ctl_uuid_format) */
#define DOM0_NAME        "Domain-0"

/* The first failure of a sequence whose every step runs anyway. */
struct dom_err {
	int rc;
	char msg[DOM_MSG_LEN];
};

/* dom_err.c */
/* Keeps rc and the handle's message if it is the first failure; returns rc. */
int dom_err_note(struct ctl_handle *h, struct dom_err *e, int rc);
/* Puts the first failure's message back into the handle; returns its rc. */
int dom_err_report(struct ctl_handle *h, const struct dom_err *e);
/* Turns a ctl_config_* message (freed here) into the handle's; returns rc. */
int dom_cfg_fail(struct ctl_handle *h, int rc, char *err, const char *what);

/* dom_state.c: CTL_STATE_DIR/<domid>.json */
int dom_state_save(struct ctl_handle *h, uint32_t domid, const char *json);
/* A missing file is fine. */
int dom_state_delete(struct ctl_handle *h, uint32_t domid);

/* dom_xs.c: the entries of a new domain, in one transaction. */
struct dom_xs_args {
	uint32_t domid;
	const struct ctl_domain_config *cfg;   /* has a UUID */
	const struct ctl_build_result *build;
};
int dom_xs_write(struct ctl_handle *h, struct ctl_xs *xs, const struct dom_xs_args *a);
/* Removes /local/domain/<domid> and the /vm/<uuid> its vm entry names. */
int dom_xs_remove(struct ctl_handle *h, struct ctl_xs *xs, uint32_t domid);

/* dom_xs_perms.c: permission lists (docs/specs/xenstore.md) */
/* "n0","r<domid>": dom0 owns it, the guest reads. */
int dom_xs_perm_ro(struct ctl_xs *xs, uint32_t tx, const char *path, uint32_t domid);
/* "n<domid>": the guest owns it (reads and writes). */
int dom_xs_perm_rw(struct ctl_xs *xs, uint32_t tx, const char *path, uint32_t domid);

/* dom_lookup.c: -EEXIST naming the domain if name is taken. */
int dom_name_free(struct ctl_handle *h, const char *name);

/* dom_teardown.c: every step, the first error in e. */
void dom_teardown(struct ctl_handle *h, uint32_t domid, struct dom_err *e);

#endif /* DOM_INT_H */
