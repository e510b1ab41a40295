// SPDX-License-Identifier: GPL-2.0-only
/*
 * The console ring (ring.h). Ordering as io/ring.h prescribes for a shared
 * ring: read the producer index, then a read barrier, then the data; the
 * data is written before a write barrier and then the producer index; the
 * consumer index is written only after the data was copied out (full
 * barrier), so the guest cannot overwrite bytes still being read.
 */
#include <errno.h>
#include <string.h>

#include "ring.h"

static uint32_t idx_load(const uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static void idx_store(uint32_t *p, uint32_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELAXED);
}

/* Copy n bytes out of ring arr (size power of two) starting at index idx. */
static void copy_from(char *dst, const char *arr, uint32_t size, uint32_t idx, size_t n)
{
	uint32_t off = idx & (size - 1);
	size_t first = size - off < n ? size - off : n;

	memcpy(dst, arr + off, first);
	memcpy(dst + first, arr, n - first);
}

static void copy_to(char *arr, uint32_t size, uint32_t idx, const char *src, size_t n)
{
	uint32_t off = idx & (size - 1);
	size_t first = size - off < n ? size - off : n;

	memcpy(arr + off, src, first);
	memcpy(arr, src + first, n - first);
}

ssize_t cons_ring_read_out(struct cons_ring *r, char *buf, size_t len)
{
	uint32_t cons = idx_load(&r->out_cons);
	uint32_t prod = idx_load(&r->out_prod);
	uint32_t pending = prod - cons;
	size_t n;

	if (pending > CONS_RING_OUT_SIZE)
		return -EPROTO;
	__atomic_thread_fence(__ATOMIC_ACQUIRE);        /* prod before the data */
	n = pending < len ? pending : len;
	copy_from(buf, r->out, CONS_RING_OUT_SIZE, cons, n);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);        /* data read before cons moves */
	idx_store(&r->out_cons, cons + (uint32_t)n);
	return (ssize_t)n;
}

ssize_t cons_ring_write_in(struct cons_ring *r, const char *buf, size_t len)
{
	uint32_t cons = idx_load(&r->in_cons);
	uint32_t prod = idx_load(&r->in_prod);
	uint32_t used = prod - cons;
	size_t n;

	if (used > CONS_RING_IN_SIZE)
		return -EPROTO;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);        /* cons read before we overwrite */
	n = CONS_RING_IN_SIZE - used < len ? CONS_RING_IN_SIZE - used : len;
	copy_to(r->in, CONS_RING_IN_SIZE, prod, buf, n);
	__atomic_thread_fence(__ATOMIC_RELEASE);        /* data before prod */
	idx_store(&r->in_prod, prod + (uint32_t)n);
	return (ssize_t)n;
}
