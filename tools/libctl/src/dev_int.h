/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Internals of the paravirtual device layer (ctl_device.h): one device's
 * xenstore roots, its nodes, the xenbus state waits, the hotplug scripts,
 * the attach and detach sequences shared by disks and vifs, the kept JSON.
 * docs/specs/xenstore-paths.md (vbd, vif) and docs/specs/hotplug.md.
 */
#ifndef DEV_INT_H
#define DEV_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctl_device.h"
#include "dom_int.h"

#define DEV_ROOT_LEN    80    /* a backend or frontend root (domid, devid: 10 digits each) */
#define DEV_PATH_LEN    128   /* a node below a root */
#define DEV_LABEL_LEN   32    /* "xvdb", "vif0": what messages name */
#define DEV_MAX_NODES   24    /* nodes of one side of one device */
#define DEV_GONE        (-1)  /* a state node that is not there */
#define DEV_BACKEND_DOMID 0   /* every backend runs in dom0 */

/* One device: its kind, IDs and the two roots. */
struct dev_ref {
	enum ctl_dev_kind kind;
	uint32_t domid;
	uint32_t devid;
	char label[DEV_LABEL_LEN];
	char be[DEV_ROOT_LEN];   /* /local/domain/0/backend/<kind>/<domid>/<devid> */
	char fe[DEV_ROOT_LEN];   /* /local/domain/<domid>/device/<kind>/<devid> */
};

/* Nodes of one side: relative names (static strings) and malloc'd values. */
struct dev_node {
	const char *key;
	char *value;
};

struct dev_nodes {
	struct dev_node v[DEV_MAX_NODES];
	size_t n;
	int rc;   /* the first failure of dev_node_add(), which skips the rest */
};

/* dev_ref.c */
const char *dev_kind_name(enum ctl_dev_kind kind);      /* "vbd", "vif" */
const char *dev_kind_script(enum ctl_dev_kind kind);    /* CTL_SCRIPT_BLOCK, _VIF */
const char *dev_kind_driver(enum ctl_dev_kind kind);    /* "xen-blkback", ... */
/* label NULL: "vif<devid>" for a vif, the devid for a vbd. */
void dev_ref_init(struct dev_ref *r, enum ctl_dev_kind kind, uint32_t domid, uint32_t devid,
		  const char *label);
/* root/rel into buf (DEV_PATH_LEN); -ENAMETOOLONG with a message. */
int dev_path(struct ctl_handle *h, const char *root, const char *rel, char *buf);
/* -ESRCH "d7: no such domain" unless the hypervisor knows domid. */
int dev_domain_check(struct ctl_handle *h, uint32_t domid);

/* dev_nodes.c: the nodes of a device, written and removed in transactions. */
/* Returns the first failure so far (n->rc): a list of adds needs one check. */
int dev_node_add(struct ctl_handle *h, struct dev_nodes *n, const char *key, const char *fmt,
		 ...) __attribute__((format(printf, 4, 5)));
void dev_nodes_free(struct dev_nodes *n);
/*
 * B and F with their permissions, in one transaction; -EEXIST if either is
 * there; first be->rc or fe->rc if a node could not be added to them.
 */
int dev_nodes_write(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		    const struct dev_nodes *be, const struct dev_nodes *fe);
/* B and F gone, with the kind's per-domain directories left empty. */
int dev_nodes_remove(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r);
/* B/online=0, B/state=Closing; force: also F/state=Closed. What is gone is skipped. */
int dev_nodes_close(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		    bool force);
/* 1 if path exists, 0 if not, or the failure. */
int dev_exists(struct ctl_xs *xs, uint32_t tx, const char *path);
/* root/rel as a number; -1 if missing or not a number. */
long long dev_read_num(struct ctl_xs *xs, const char *root, const char *rel);

/* dev_tx.c: fn inside a transaction, retried while the commit conflicts. */
typedef int (*dev_tx_fn)(struct ctl_handle *h, struct ctl_xs *xs, uint32_t tx, void *arg);
int dev_tx(struct ctl_handle *h, struct ctl_xs *xs, const char *what, dev_tx_fn fn, void *arg);

/* dev_wait.c */
long long dev_now_ms(void);
/* The milliseconds in env (a positive number), else dflt. */
int dev_timeout_ms(const char *env, int dflt);
/* "10 s" or "250 ms". */
void dev_fmt_ms(int ms, char *buf, size_t len);
/*
 * Watch B/state until done(state) (DEV_GONE when there is no B/state) or
 * timeout_ms: 0 and *state; -ETIMEDOUT without a message (callers word it).
 */
int dev_wait_state(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		   bool (*done)(int state), int timeout_ms, int *state);

/* dev_script.c: $CTL_SCRIPT_DIR/<kind's script> <action>, docs/specs/hotplug.md. */
const char *dev_script_dir(void);
int dev_script_run(struct ctl_handle *h, const struct dev_ref *r, const char *action);

/* dev_attach.c: the attach sequence of docs/specs/hotplug.md. */
struct dev_attach {
	struct dev_ref ref;
	struct dev_nodes be, fe;
	/* The kept JSON's update, the last step (NULL during create). */
	int (*keep)(struct ctl_handle *h, uint32_t domid, const void *dev);
	const void *dev;
};
int dev_attach(struct ctl_handle *h, struct dev_attach *a);

/* dev_detach.c: the detach sequence; every step attempted, the first error returned. */
int dev_detach(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r, bool force);
/* -ENODEV "<label>: no such <what> on d<domid>" unless B exists. */
int dev_present(struct ctl_handle *h, struct ctl_xs *xs, const struct dev_ref *r,
		const char *what);

/* dev_ids.c: the devids of a domain's devices of a kind (B's and F's parents), sorted. */
int dev_devids(struct ctl_handle *h, struct ctl_xs *xs, enum ctl_dev_kind kind,
	       uint32_t domid, uint32_t **ids, size_t *n);
/* dev_ref_init() labelled as attached: a vbd by its B/dev ("xvdb") when readable. */
void dev_ref_lookup(struct ctl_xs *xs, struct dev_ref *r, enum ctl_dev_kind kind,
		    uint32_t domid, uint32_t devid);

/* dev_kept.c: the kept JSON follows attach and detach (no JSON kept: nothing to do). */
int dev_kept_add_disk(struct ctl_handle *h, uint32_t domid, const void *disk);
int dev_kept_add_vif(struct ctl_handle *h, uint32_t domid, const void *vif);
int dev_kept_del_disk(struct ctl_handle *h, uint32_t domid, uint32_t vdev_number);
int dev_kept_del_vif(struct ctl_handle *h, uint32_t domid, const char *mac);

/* dev_disk.c, dev_nic.c: attach without touching the kept JSON (create). */
int dev_disk_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_disk *disk,
		    bool keep);
int dev_nic_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_vif *vif,
		   bool keep, uint32_t *devid);

/* dev_rate.c: xl's "10Mb/s@20ms" as netback's "<bytes per interval>,<usecs>". */
int dev_rate_convert(const char *rate, uint64_t *bytes, uint32_t *usecs);

/* dev_create.c: every disk and vif of cfg, for ctl_domain_create_cfg(). */
int dev_attach_config(struct ctl_handle *h, uint32_t domid,
		      const struct ctl_domain_config *cfg);
/* For teardown: pause domid if it exists, then ctl_device_remove_all(). */
int dev_teardown(struct ctl_handle *h, uint32_t domid);

#endif /* DEV_INT_H */
