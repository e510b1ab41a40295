// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Copying into guest RAM: one foreign mapping per 2 MiB-aligned window of
 * guest addresses (BUILD_CHUNK_PAGES frames at most), filled straight from
 * the file or buffer and unmapped before the next, so a load never holds
 * more than one chunk mapped and a failure leaves nothing mapped.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "build_int.h"
#include "ctl_int.h"

/* Where bytes come from: a file (fd, offsets from 0) or a buffer. */
struct build_src {
	int fd;
	const uint8_t *buf;
	const char *what;         /* "kernel /boot/Image" */
};

void *build_map(struct build_ctx *c, uint64_t gfn, size_t n, const char *what, int *rc)
{
	char step[CTL_MSG_LEN];
	void *p = ctl_map_foreign_range(c->h, c->a->domid, gfn, n, true);

	if (p)
		return p;
	snprintf(step, sizeof(step), "map %s (%zu frames at gfn 0x%llx)", what, n,
		 (unsigned long long)gfn);
	*rc = build_fail_step(c, -EFAULT, step);
	return NULL;
}

static int read_full(struct build_ctx *c, const struct build_src *s, uint8_t *dst, size_t len,
		     uint64_t off)
{
	while (len) {
		ssize_t n = pread(s->fd, dst, len, (off_t)off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return ctl_fail_errno(c->h, -errno, "d%u build: %s: read at byte %llu",
					      c->a->domid, s->what, (unsigned long long)off);
		if (!n)
			return ctl_fail(c->h, -EIO, "d%u build: %s: ends at byte %llu (did it "
					"change while loading?)", c->a->domid, s->what,
					(unsigned long long)off);
		dst += n;
		len -= (size_t)n;
		off += (uint64_t)n;
	}
	return 0;
}

/* len bytes at gaddr, all inside one 2 MiB-aligned window; off: where in the source. */
static int copy_chunk(struct build_ctx *c, const struct build_src *s, uint64_t gaddr,
		      size_t len, uint64_t off)
{
	size_t in_page = (size_t)(gaddr & (BUILD_PAGE_SIZE - 1));
	size_t n = (size_t)(BUILD_ALIGN_UP(in_page + len, BUILD_PAGE_SIZE) / BUILD_PAGE_SIZE);
	int rc = 0, urc;
	uint8_t *p = build_map(c, gaddr >> BUILD_PAGE_SHIFT, n, s->what, &rc);

	if (!p)
		return rc;
	if (s->buf)
		memcpy(p + in_page, s->buf + off, len);
	else
		rc = read_full(c, s, p + in_page, len, off);
	urc = ctl_unmap_foreign(c->h, p, n);
	if (!rc && urc)
		rc = build_fail_step(c, urc, "unmap a load chunk");
	return rc;
}

static int copy(struct build_ctx *c, const struct build_src *s, uint64_t gaddr, uint64_t len)
{
	uint64_t done = 0;
	int rc = 0;

	while (!rc && done < len) {
		uint64_t at = gaddr + done;
		uint64_t room = BUILD_BLOCK_SIZE - (at & (BUILD_BLOCK_SIZE - 1));
		uint64_t n = room < len - done ? room : len - done;

		rc = copy_chunk(c, s, at, (size_t)n, done);
		done += n;
	}
	return rc;
}

int build_copy_file(struct build_ctx *c, int fd, const char *what, uint64_t gaddr,
		    uint64_t len)
{
	struct build_src s = { .fd = fd, .what = what };

	return copy(c, &s, gaddr, len);
}

int build_copy_buf(struct build_ctx *c, const void *buf, size_t len, const char *what,
		   uint64_t gaddr)
{
	struct build_src s = { .fd = -1, .buf = buf, .what = what };

	return copy(c, &s, gaddr, len);
}
