// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The real backend: /dev/xen/privcmd (hypercalls, foreign mappings),
 * /dev/xen/evtchn and /dev/xen/gntdev (grant mappings, opened on first use),
 * as Linux's xen-privcmd, xen-evtchn and xen-gntdev drivers offer them to
 * dom0 (ctl_linux.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ctl_int.h"
#include "ctl_linux.h"

_Static_assert(sizeof(struct ctl_ioctl_gntdev_map_grant_ref) == 24, "gntdev.h layout");
_Static_assert(sizeof(struct ctl_ioctl_gntdev_unmap_grant_ref) == 16, "gntdev.h layout");

/* A live grant mapping: the device needs its index to release the grants. */
struct gnt_map {
	struct gnt_map *next;
	void *p;
	size_t n;
	uint64_t index;
};

struct privcmd {
	int fd;
	int gntdev_fd;                 /* -1 until the first grant mapping */
	struct gnt_map *gnt_maps;
};

static long pc_hypercall(void *priv, unsigned int nr, const uint64_t args[CTL_HCALL_ARGS])
{
	struct privcmd *pc = priv;
	struct ctl_privcmd_hypercall hc = { .op = nr };
	long rc;

	memcpy(hc.arg, args, sizeof(hc.arg));
	rc = ioctl(pc->fd, CTL_IOCTL_PRIVCMD_HYPERCALL, &hc);
	return rc < 0 ? -errno : rc;
}

static void fill_errs(int *errs, size_t n, int err)
{
	for (size_t i = 0; i < n; i++)
		errs[i] = err;
}

/*
 * MMAPBATCH_V2 fills errs per frame; the ioctl itself fails for a paged-out
 * frame (-ENOENT, errs say which) or for a bad request (errs untouched).
 */
static void *pc_map_foreign(void *priv, uint32_t domid, const uint64_t *gfns, size_t n,
			    bool writable, int *errs)
{
	struct privcmd *pc = priv;
	int prot = PROT_READ | (writable ? PROT_WRITE : 0);
	struct ctl_privcmd_mmapbatch_v2 m = { .num = (unsigned int)n, .dom = (uint16_t)domid,
					      .arr = gfns, .err = errs };
	void *p;

	if (n > UINT_MAX || n > SIZE_MAX / CTL_PAGE_SIZE) {
		fill_errs(errs, n, -E2BIG);
		return NULL;
	}
	p = mmap(NULL, n * CTL_PAGE_SIZE, prot, MAP_SHARED, pc->fd, 0);
	if (p == MAP_FAILED) {
		fill_errs(errs, n, -errno);
		return NULL;
	}
	m.addr = ctl_addr(p);
	if (ioctl(pc->fd, CTL_IOCTL_PRIVCMD_MMAPBATCH_V2, &m) < 0 && errno != ENOENT) {
		fill_errs(errs, n, -errno);
		munmap(p, n * CTL_PAGE_SIZE);
		return NULL;
	}
	return p;
}

static int pc_unmap_foreign(void *priv, void *p, size_t n)
{
	return munmap(p, n * CTL_PAGE_SIZE) ? -errno : 0;
}

static int pc_evtchn_open(void *priv)
{
	int fd = open(CTL_EVTCHN_DEV, O_RDWR | O_NONBLOCK | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

static int pc_evtchn_ioctl(void *priv, int fd, unsigned long cmd, void *arg)
{
	int rc = ioctl(fd, cmd, arg);

	return rc < 0 ? -errno : rc;
}

static void pc_evtchn_close(void *priv, int fd)
{
	close(fd);
}

static int gntdev_fd(struct privcmd *pc)
{
	if (pc->gntdev_fd < 0) {
		pc->gntdev_fd = open(CTL_GNTDEV_DEV, O_RDWR | O_CLOEXEC);
		if (pc->gntdev_fd < 0)
			return -errno;
	}
	return pc->gntdev_fd;
}

/* Reserves n grants in the device; *index is where to mmap() them. */
static int gnt_reserve(int fd, uint32_t domid, const uint32_t *refs, size_t n,
		       uint64_t *index)
{
	struct ctl_ioctl_gntdev_map_grant_ref *m;
	struct ctl_ioctl_gntdev_grant_ref *r;
	int rc = 0;

	m = calloc(1, offsetof(struct ctl_ioctl_gntdev_map_grant_ref, refs) + n * sizeof(*r));
	if (!m)
		return -ENOMEM;
	m->count = (uint32_t)n;
	r = m->refs;
	for (size_t i = 0; i < n; i++)
		r[i] = (struct ctl_ioctl_gntdev_grant_ref){ .domid = domid, .ref = refs[i] };
	if (ioctl(fd, CTL_IOCTL_GNTDEV_MAP_GRANT_REF, m) < 0)
		rc = -errno;
	else
		*index = m->index;
	free(m);
	return rc;
}

static void gnt_release(int fd, uint64_t index, size_t n)
{
	struct ctl_ioctl_gntdev_unmap_grant_ref u = { .index = index, .count = (uint32_t)n };

	ioctl(fd, CTL_IOCTL_GNTDEV_UNMAP_GRANT_REF, &u);
}

/* The device maps the grants at mmap() time and cannot say which one failed. */
static int pc_map_grant(void *priv, uint32_t domid, const uint32_t *refs, size_t n,
			bool writable, void **p, size_t *bad, const char **dev)
{
	struct privcmd *pc = priv;
	int prot = PROT_READ | (writable ? PROT_WRITE : 0);
	int fd = gntdev_fd(pc);
	struct gnt_map *g;
	int rc;

	if (fd < 0) {
		*dev = CTL_GNTDEV_DEV;
		return fd;
	}
	g = calloc(1, sizeof(*g));
	if (!g)
		return -ENOMEM;
	rc = gnt_reserve(fd, domid, refs, n, &g->index);
	if (rc < 0) {
		free(g);
		return rc;
	}
	g->p = mmap(NULL, n * CTL_PAGE_SIZE, prot, MAP_SHARED, fd, (off_t)g->index);
	if (g->p == MAP_FAILED) {
		rc = -errno;
		gnt_release(fd, g->index, n);
		free(g);
		return rc;
	}
	g->n = n;
	g->next = pc->gnt_maps;
	pc->gnt_maps = g;
	*p = g->p;
	return 0;
}

static int pc_unmap_grant(void *priv, void *p, size_t n)
{
	struct privcmd *pc = priv;
	struct gnt_map **pp = &pc->gnt_maps;
	struct gnt_map *g;

	while (*pp && ((*pp)->p != p || (*pp)->n != n))
		pp = &(*pp)->next;
	g = *pp;
	if (!g)
		return -EINVAL;
	if (munmap(p, n * CTL_PAGE_SIZE))
		return -errno;
	gnt_release(pc->gntdev_fd, g->index, n);
	*pp = g->next;
	free(g);
	return 0;
}

/* Mappings the caller left: unmapped, their grants released. */
static void gntdev_close(struct privcmd *pc)
{
	while (pc->gnt_maps) {
		struct gnt_map *g = pc->gnt_maps;

		munmap(g->p, g->n * CTL_PAGE_SIZE);
		gnt_release(pc->gntdev_fd, g->index, g->n);
		pc->gnt_maps = g->next;
		free(g);
	}
	if (pc->gntdev_fd >= 0)
		close(pc->gntdev_fd);
}

void ctl_privcmd_release(void *priv)
{
	struct privcmd *pc = priv;

	if (!pc)
		return;
	gntdev_close(pc);
	close(pc->fd);
	free(pc);
}

static int open_failed(char **err, int rc, const char *what, const char *hint)
{
	char msg[CTL_MSG_LEN];

	snprintf(msg, sizeof(msg), "%s: %s%s", what, strerror(-rc), hint);
	if (err)
		*err = strdup(msg);
	return rc;
}

int ctl_privcmd_backend(struct ctl_backend *b, void **priv, char **err)
{
	long page = sysconf(_SC_PAGESIZE);
	struct privcmd *pc;

	if (page != (long)CTL_PAGE_SIZE)
		return open_failed(err, -EOPNOTSUPP, "dom0 kernel page size",
				   " (libctl needs 4 KiB)");
	pc = calloc(1, sizeof(*pc));
	if (!pc)
		return open_failed(err, -ENOMEM, "libctl", "");
	pc->gntdev_fd = -1;
	pc->fd = open(CTL_PRIVCMD_DEV, O_RDWR | O_CLOEXEC);
	if (pc->fd < 0) {
		int rc = -errno;

		free(pc);
		return open_failed(err, rc, "open " CTL_PRIVCMD_DEV,
				   " (is this dom0 with xen-privcmd loaded?)");
	}
	*b = (struct ctl_backend){
		.hypercall = pc_hypercall, .map_foreign = pc_map_foreign,
		.unmap_foreign = pc_unmap_foreign, .evtchn_open = pc_evtchn_open,
		.evtchn_ioctl = pc_evtchn_ioctl, .evtchn_close = pc_evtchn_close,
		.map_grant = pc_map_grant, .unmap_grant = pc_unmap_grant,
	};
	*priv = pc;
	return 0;
}
