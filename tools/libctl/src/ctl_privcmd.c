// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The real backend: /dev/xen/privcmd (hypercalls, foreign mappings) and
 * /dev/xen/evtchn, as Linux's xen-privcmd and xen-evtchn drivers offer
 * them to dom0 (ctl_linux.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ctl_int.h"
#include "ctl_linux.h"

struct privcmd {
	int fd;
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

void ctl_privcmd_release(void *priv)
{
	struct privcmd *pc = priv;

	if (!pc)
		return;
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
	pc = malloc(sizeof(*pc));
	if (!pc)
		return open_failed(err, -ENOMEM, "libctl", "");
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
	};
	*priv = pc;
	return 0;
}
