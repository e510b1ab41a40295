/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The PV console ring a guest shares with the console daemon: one page whose
 * start has the layout of Xen's public/io/console.h (struct
 * xencons_interface), which Linux's hvc_xen uses. `out` carries the guest's
 * output (the guest produces, we consume), `in` carries input to the guest
 * (we produce, the guest consumes). Indexes run freely and are masked with
 * the (power of two) array size on use.
 *
 * These functions are pure: they touch only the ring they are given, so the
 * tests run them on an ordinary struct in memory. A guest owns the page and
 * may write anything into it; an index pair that claims more bytes than the
 * array holds is reported as -EPROTO and nothing is copied.
 */
#ifndef CONSOLED_RING_H
#define CONSOLED_RING_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define CONS_RING_IN_SIZE	1024	/* io/console.h: char in[1024] */
#define CONS_RING_OUT_SIZE	2048	/* io/console.h: char out[2048] */

struct cons_ring {
	char in[CONS_RING_IN_SIZE];
	char out[CONS_RING_OUT_SIZE];
	uint32_t in_cons, in_prod;
	uint32_t out_cons, out_prod;
};

_Static_assert((CONS_RING_IN_SIZE & (CONS_RING_IN_SIZE - 1)) == 0, "in[] size power of 2");
_Static_assert((CONS_RING_OUT_SIZE & (CONS_RING_OUT_SIZE - 1)) == 0, "out[] size power of 2");
_Static_assert(offsetof(struct cons_ring, out) == 1024, "io/console.h: out at 1024");
_Static_assert(offsetof(struct cons_ring, in_cons) == 3072, "io/console.h: in_cons at 3072");
_Static_assert(offsetof(struct cons_ring, out_prod) == 3084, "io/console.h: out_prod at 3084");
_Static_assert(sizeof(struct cons_ring) == 3088, "io/console.h: 3088 bytes");

/*
 * Take up to len bytes of guest output into buf and advance out_cons.
 * Returns the number taken (0: nothing pending) or -EPROTO for a hostile
 * index pair.
 */
ssize_t cons_ring_read_out(struct cons_ring *r, char *buf, size_t len);

/*
 * Put up to len bytes of input for the guest into in[] as space allows and
 * advance in_prod. Returns the number written (0: ring full) or -EPROTO.
 */
ssize_t cons_ring_write_in(struct cons_ring *r, const char *buf, size_t len);

#endif /* CONSOLED_RING_H */
