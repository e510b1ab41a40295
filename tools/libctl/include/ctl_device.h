/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Paravirtual devices: a domain's disks (vbd) and network interfaces (vif),
 * served by dom0's Linux backends (xen-blkback, xen-netback) to the guest's
 * frontends (xen-blkfront, xen-netfront). libctl writes the backend and
 * frontend xenstore nodes those drivers expect (docs/specs/xenstore-paths.md),
 * runs dom0's hotplug scripts (docs/specs/hotplug.md) and walks the xenbus
 * state machine on removal. ctl_domain_create_cfg() attaches every disk= and
 * vif= entry before the guest runs; ctl_domain_teardown() detaches them all
 * before the domain is destroyed.
 */
#ifndef CTL_DEVICE_H
#define CTL_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctl_config.h"
#include "libctl.h"

/* Where dom0's hotplug scripts are; $CTL_SCRIPT_DIR overrides it (tests). */
#define CTL_SCRIPT_DIR      "/etc/ctl/scripts"
#define CTL_SCRIPT_DIR_ENV  "CTL_SCRIPT_DIR"
#define CTL_SCRIPT_BLOCK    "block"
#define CTL_SCRIPT_VIF      "vif-bridge"
#define CTL_DEFAULT_BRIDGE  "xenbr0"

/*
 * A hotplug script is killed after this long (-ETIMEDOUT). The environment
 * variable of the same name overrides it (milliseconds; tests, slow hosts).
 */
#define CTL_SCRIPT_TIMEOUT_MS   30000
#define CTL_SCRIPT_TIMEOUT_ENV  "CTL_SCRIPT_TIMEOUT_MS"
/*
 * How long a backend may take to appear (InitWait) or to close (Closed);
 * $CTL_BACKEND_WAIT_MS overrides it as above.
 */
#define CTL_BACKEND_WAIT_MS     10000
#define CTL_BACKEND_WAIT_ENV    "CTL_BACKEND_WAIT_MS"

/* xenbus states (Xen's public/io/xenbus.h), as the state nodes hold them. */
enum ctl_xenbus_state {
	CTL_XB_UNKNOWN = 0,
	CTL_XB_INITIALISING = 1,
	CTL_XB_INITWAIT = 2,
	CTL_XB_INITIALISED = 3,
	CTL_XB_CONNECTED = 4,
	CTL_XB_CLOSING = 5,
	CTL_XB_CLOSED = 6,
	CTL_XB_RECONFIGURING = 7,
	CTL_XB_RECONFIGURED = 8,
};

enum ctl_dev_kind {
	CTL_DEV_VBD,
	CTL_DEV_VIF,
};

/* One device as `ctl block-list` / `ctl network-list` show it. */
struct ctl_dev_info {
	enum ctl_dev_kind kind;
	uint32_t devid;            /* vbd: the vdev number; vif: its index */
	uint32_t backend_domid;
	int backend_state;         /* enum ctl_xenbus_state, -1 if unreadable */
	int frontend_state;
	int evtchn;                /* the frontend's event-channel, -1 if none yet */
	int ring_ref;              /* vbd: ring-ref; vif: tx-ring-ref; -1 if none */
	int rx_ring_ref;           /* vif only, -1 otherwise */
	char name[64];             /* vbd: vdev ("xvda"); vif: MAC */
	char backend[128];         /* "/local/domain/0/backend/vbd/5/51712" */
};

/*
 * One disk or vif specification as xl takes it on the command line
 * ("/srv/d.img,raw,xvdb,rw", "mac=00:16:3e:00:00:01,bridge=xenbr0"): the same
 * syntax, checks and messages as an entry of disk= or vif= in a config file
 * (docs/specs/domain-config.md), *err (caller frees) naming what is wrong
 * ("disk: invalid vdev 'xvd' in '/x,raw,xvd'"). Clear the result with
 * ctl_disk_clear() / ctl_vif_clear(); after a failure there is nothing to
 * clear (clearing again is harmless).
 */
int ctl_disk_spec_parse(const char *spec, struct ctl_disk *disk, char **err);
int ctl_vif_spec_parse(const char *spec, struct ctl_vif *vif, char **err);
void ctl_disk_clear(struct ctl_disk *disk);
void ctl_vif_clear(struct ctl_vif *vif);

/*
 * Attach one disk to a domain (running or paused): its target must exist
 * ("xvdb: /srv/x.img: No such file or directory", -ENOENT) unless it is an
 * empty cdrom; backend and frontend nodes in one transaction, wait for the
 * backend's InitWait (CTL_BACKEND_WAIT_MS, -ETIMEDOUT: "is xen-blkback
 * loaded in dom0?"), run the block script "add", which sets up a loop
 * device for a file and writes physical-device. The devid is the vdev's
 * number (disk->vdev_number is computed again from disk->vdev). A vdev
 * already in use is -EEXIST; no such domain -ESRCH. On failure the script's
 * "remove" is run, nothing is left behind and the script's own message is in
 * ctl_errmsg() (docs/specs/hotplug.md). The domain's kept JSON gains the
 * disk, so a restart keeps it.
 */
int ctl_disk_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_disk *disk);

/*
 * Detach the disk named vdev ("xvdb" or its number): backend online=0 and
 * Closing, wait for Closed (the guest lets go), block script "remove" (frees
 * the loop device), nodes removed, kept JSON updated. A guest that does not
 * answer within CTL_BACKEND_WAIT_MS is -ETIMEDOUT ("...; use -f to force"),
 * the disk left Closing, unless force, which closes the frontend on the
 * guest's behalf and carries on whatever the backend does; forced, every
 * step is attempted and the first error returned. -ENODEV if there is no
 * such disk, -EINVAL if vdev is neither a disk name nor a number.
 */
int ctl_disk_detach(struct ctl_handle *h, uint32_t domid, const char *vdev, bool force);

/*
 * Attach one network interface: devid is the next free index, one above the
 * highest in use (returned in *devid if not NULL), a MAC generated if
 * vif->mac is NULL (00:16:3e:..), the rate converted to netback's
 * "<bytes per interval>,<usecs>" (-EINVAL if bad), nodes written, wait for
 * InitWait ("is xen-netback loaded in dom0?"), vif-bridge script "add"
 * (joins the bridge, default CTL_DEFAULT_BRIDGE, renames to vifname, sets
 * mtu; writes hotplug-status). Messages name it "vif<devid>". Errors as
 * ctl_disk_attach(); the kept JSON gains it with its MAC.
 */
int ctl_nic_attach(struct ctl_handle *h, uint32_t domid, const struct ctl_vif *vif,
		   uint32_t *devid);

/* Detach network interface devid (or by MAC through ctl_nic_lookup()); as ctl_disk_detach(). */
int ctl_nic_detach(struct ctl_handle *h, uint32_t domid, uint32_t devid, bool force);

/* The devid of the vif with this MAC or index string; -ENODEV if none. */
int ctl_nic_lookup(struct ctl_handle *h, uint32_t domid, const char *mac_or_devid,
		   uint32_t *devid);

/*
 * A domain's devices of one kind, sorted by devid: *devs malloc'd (free();
 * NULL when there are none), *n of them. Values not (yet) in xenstore are
 * -1. A domain with no devices, or none at all, has none.
 */
int ctl_device_list(struct ctl_handle *h, uint32_t domid, enum ctl_dev_kind kind,
		    struct ctl_dev_info **devs, size_t *n);

/*
 * Every device of the domain detached, forcefully (the guest is not asked):
 * what teardown does before destroying the domain, so the kept JSON is not
 * changed. Each one is attempted; the first error is returned. None is a
 * no-op.
 */
int ctl_device_remove_all(struct ctl_handle *h, uint32_t domid);

#endif /* CTL_DEVICE_H */
