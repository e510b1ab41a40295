// SPDX-License-Identifier: LGPL-2.1-only
/*
 * Guest RAM: XENMEM_populate_physmap in batches (public/memory.h), all or
 * nothing: on a failure what was added is given back with
 * XENMEM_decrease_reservation.
 */
#include <errno.h>
#include <stdio.h>

#include <public/memory.h>

#include "ctl_int.h"

/* Extents per hypercall: one page of gfns in the locked buffer. */
#define POPULATE_BATCH (CTL_PAGE_SIZE / sizeof(xen_pfn_t))
/* Largest extent: 1 GiB of 4 KiB pages (a level-1 block). */
#define MAX_EXTENT_ORDER 18

/* One memory_op on nr extents of 2^order pages from gfn; returns extents done or -errno. */
static long reservation_op(struct ctl_handle *h, unsigned int cmd, uint32_t domid,
			   uint64_t gfn, uint64_t nr, unsigned int order)
{
	struct xen_memory_reservation *r = ctl_hbuf(h, CTL_HBUF_DATA_OFF +
						    nr * sizeof(xen_pfn_t));
	xen_pfn_t *gfns;

	if (!r)
		return -ENOMEM;
	gfns = ctl_hbuf_data(h);
	for (uint64_t i = 0; i < nr; i++)
		gfns[i] = gfn + (i << order);
	*r = (struct xen_memory_reservation){ .extent_start = ctl_addr(gfns), .nr_extents = nr,
					      .extent_order = order, .domid = (domid_t)domid };
	return ctl_hypercall(h, __HYPERVISOR_memory_op, cmd, ctl_addr(r));
}

/* Gives back nr extents from gfn; returns 0 or a negative errno. */
static int give_back(struct ctl_handle *h, uint32_t domid, uint64_t gfn, uint64_t nr,
		     unsigned int order)
{
	while (nr) {
		uint64_t batch = nr < POPULATE_BATCH ? nr : POPULATE_BATCH;
		long rc = reservation_op(h, XENMEM_decrease_reservation, domid, gfn, batch, order);

		if (rc < 0)
			return (int)rc;
		if ((uint64_t)rc != batch)
			return -EIO;
		gfn += batch << order;
		nr -= batch;
	}
	return 0;
}

static int populate_failed(struct ctl_handle *h, uint32_t domid, uint64_t gfn,
			   uint64_t done, unsigned int order, long rc, uint64_t nr)
{
	int err = rc < 0 ? (int)rc : -ENOMEM;
	int back = give_back(h, domid, gfn, done, order);
	char what[CTL_MSG_LEN];

	snprintf(what, sizeof(what), "populate_physmap d%u: %llu of %llu extents (order %u) "
		 "at gfn 0x%llx%s", domid, (unsigned long long)done, (unsigned long long)nr,
		 order, (unsigned long long)gfn,
		 back ? ", and giving them back failed too" : ", given back");
	return rc < 0 ? ctl_fail_errno(h, err, "%s", what)
		      : ctl_fail(h, err, "%s: the hypervisor is out of memory", what);
}

static int check_range(struct ctl_handle *h, uint32_t domid, uint64_t gfn, uint64_t nr,
		       unsigned int order)
{
	if (!nr || order > MAX_EXTENT_ORDER || nr > (UINT64_MAX >> order) ||
	    gfn > UINT64_MAX - (nr << order))
		return ctl_fail(h, -EINVAL, "populate_physmap d%u: %llu extents of order %u at "
				"gfn 0x%llx is not a valid range", domid, (unsigned long long)nr,
				order, (unsigned long long)gfn);
	return 0;
}

int ctl_populate(struct ctl_handle *h, uint32_t domid, uint64_t gfn, uint64_t nr,
		 unsigned int order)
{
	uint64_t done = 0;
	int rc = check_range(h, domid, gfn, nr, order);

	while (!rc && done < nr) {
		uint64_t batch = nr - done < POPULATE_BATCH ? nr - done : POPULATE_BATCH;
		long got = reservation_op(h, XENMEM_populate_physmap, domid,
					  gfn + (done << order), batch, order);

		if (got > 0)
			done += (uint64_t)got < batch ? (uint64_t)got : batch;
		if (got != (long)batch)
			rc = populate_failed(h, domid, gfn, done, order, got, nr);
	}
	return rc;
}
