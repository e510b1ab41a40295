/* SPDX-License-Identifier: GPL-2.0-only */
/* Timing loops for the benchmark guests (counter ticks = instructions under -icount shift=0). */
#ifndef GUEST_MEASURE_H
#define GUEST_MEASURE_H

#include <xen/types.h>

#define MEASURE_WARMUP 100   /* untimed first: caches, TLBs, an emulator's translation */

typedef void (*measure_fn)(void);

/* Ticks of iters calls of op, after MEASURE_WARMUP untimed ones. */
uint64_t measure_ticks(measure_fn op, uint64_t iters);

#endif /* GUEST_MEASURE_H */
