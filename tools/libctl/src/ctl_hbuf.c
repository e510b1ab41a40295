// SPDX-License-Identifier: LGPL-2.1-only
/*
 * The handle's hypercall buffer. The hypervisor reads and writes hypercall
 * arguments at dom0's user virtual addresses, translating them itself (AT):
 * a page that is swapped out or not yet faulted in makes the call fail with
 * -EFAULT. So every argument the hypervisor dereferences lives here, in
 * anonymous memory that is mlock()ed and written (zeroed) before each call.
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>

#include "ctl_int.h"

static size_t round_to_pages(size_t size)
{
	return (size + CTL_PAGE_SIZE - 1) & ~(CTL_PAGE_SIZE - 1);
}

void ctl_hbuf_free(struct ctl_handle *h)
{
	if (!h->hbuf)
		return;
	munlock(h->hbuf, h->hbuf_size);
	munmap(h->hbuf, h->hbuf_size);
	h->hbuf = NULL;
	h->hbuf_size = 0;
}

static int hbuf_grow(struct ctl_handle *h, size_t size)
{
	size_t len = round_to_pages(size);
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return ctl_fail_errno(h, -errno, "hypercall buffer: mmap %zu bytes", len);
	if (mlock(p, len)) {
		int rc = -errno;

		munmap(p, len);
		return ctl_fail_errno(h, rc, "hypercall buffer: mlock %zu bytes", len);
	}
	ctl_hbuf_free(h);
	h->hbuf = p;
	h->hbuf_size = len;
	return 0;
}

void *ctl_hbuf(struct ctl_handle *h, size_t size)
{
	if (size > h->hbuf_size && hbuf_grow(h, size))
		return NULL;
	/* Writing every byte faults the pages in writable before the hypervisor looks. */
	memset(h->hbuf, 0, size);
	return h->hbuf;
}
