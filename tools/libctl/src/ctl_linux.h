/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Linux's Xen device interfaces, restated (their uapi headers need
 * kernel-internal ones): include/uapi/xen/privcmd.h for /dev/xen/privcmd,
 * include/uapi/xen/evtchn.h for /dev/xen/evtchn and include/uapi/xen/gntdev.h
 * for /dev/xen/gntdev. Layouts are the
 * arm64 ABI; the numbers are _IOC(_IOC_NONE, type, nr, size) as there.
 */
#ifndef CTL_LINUX_H
#define CTL_LINUX_H

#include <stdint.h>
#include <sys/ioctl.h>

#define CTL_PRIVCMD_DEV "/dev/xen/privcmd"
#define CTL_EVTCHN_DEV  "/dev/xen/evtchn"
#define CTL_GNTDEV_DEV  "/dev/xen/gntdev"

struct ctl_privcmd_hypercall {
	uint64_t op;
	uint64_t arg[5];
};

struct ctl_privcmd_mmapbatch_v2 {
	unsigned int num;          /* frames */
	uint16_t dom;              /* domid_t */
	uint64_t addr;             /* where they go: an mmap() of the privcmd fd */
	const uint64_t *arr;       /* xen_pfn_t gfns[num] */
	int *err;                  /* per frame: 0 or -errno */
};

#define CTL_IOCTL_PRIVCMD_HYPERCALL \
	_IOC(_IOC_NONE, 'P', 0, sizeof(struct ctl_privcmd_hypercall))
#define CTL_IOCTL_PRIVCMD_MMAPBATCH_V2 \
	_IOC(_IOC_NONE, 'P', 4, sizeof(struct ctl_privcmd_mmapbatch_v2))

struct ctl_ioctl_evtchn_bind_virq {
	unsigned int virq;
};

struct ctl_ioctl_evtchn_bind_interdomain {
	unsigned int remote_domain, remote_port;
};

struct ctl_ioctl_evtchn_port {      /* UNBIND and NOTIFY */
	unsigned int port;
};

/* BIND_* return the local port the device bound. */
#define CTL_IOCTL_EVTCHN_BIND_VIRQ \
	_IOC(_IOC_NONE, 'E', 0, sizeof(struct ctl_ioctl_evtchn_bind_virq))
#define CTL_IOCTL_EVTCHN_BIND_INTERDOMAIN \
	_IOC(_IOC_NONE, 'E', 1, sizeof(struct ctl_ioctl_evtchn_bind_interdomain))
#define CTL_IOCTL_EVTCHN_UNBIND \
	_IOC(_IOC_NONE, 'E', 3, sizeof(struct ctl_ioctl_evtchn_port))
#define CTL_IOCTL_EVTCHN_NOTIFY \
	_IOC(_IOC_NONE, 'E', 4, sizeof(struct ctl_ioctl_evtchn_port))

struct ctl_ioctl_gntdev_grant_ref {
	uint32_t domid;
	uint32_t ref;
};

/*
 * MAP_GRANT_REF takes count refs (the struct declares one, the ioctl reads
 * count) and returns index: mmap() the gntdev fd at that offset to map them.
 */
struct ctl_ioctl_gntdev_map_grant_ref {
	uint32_t count;
	uint32_t pad;
	uint64_t index;
	struct ctl_ioctl_gntdev_grant_ref refs[1];
};

/* After munmap(): releases the grants MAP_GRANT_REF reserved at index. */
struct ctl_ioctl_gntdev_unmap_grant_ref {
	uint64_t index;
	uint32_t count;
	uint32_t pad;
};

#define CTL_IOCTL_GNTDEV_MAP_GRANT_REF \
	_IOC(_IOC_NONE, 'G', 0, sizeof(struct ctl_ioctl_gntdev_map_grant_ref))
#define CTL_IOCTL_GNTDEV_UNMAP_GRANT_REF \
	_IOC(_IOC_NONE, 'G', 1, sizeof(struct ctl_ioctl_gntdev_unmap_grant_ref))

#endif /* CTL_LINUX_H */
