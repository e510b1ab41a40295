// SPDX-License-Identifier: GPL-2.0-only
/* Timing loops for the benchmark guests (see measure.h). */
#include "measure.h"
#include "timer.h"

uint64_t measure_ticks(measure_fn op, uint64_t iters)
{
	uint64_t start;

	for (unsigned int i = 0; i < MEASURE_WARMUP; i++)
		op();
	start = timer_now();
	for (uint64_t i = 0; i < iters; i++)
		op();
	return timer_now() - start;
}
