// SPDX-License-Identifier: GPL-2.0-only
/*
 * Spins incrementing a counter for seconds= (default 5) seconds of virtual
 * count and reports how far it got; the runner compares domains.
 */
#include "lib/guest.h"

#define DEFAULT_SECONDS  5
#define CHECK_INTERVAL   1024     /* increments between reads of the counter */

const char guest_name[] = "fairness";

void guest_main(void)
{
	uint64_t seconds = bootarg_u64("seconds", DEFAULT_SECONDS);
	uint64_t end = timer_now() + seconds * timer_freq(), n = 0;

	guest_info("spinning for %lu s", seconds);
	do {
		for (unsigned int i = 0; i < CHECK_INTERVAL; i++) {
			n++;
			asm volatile("" : "+r"(n));
		}
	} while (timer_now() < end);
	guest_bench("fairness", "iterations", n, "count");
}
