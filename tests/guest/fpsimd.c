// SPDX-License-Identifier: GPL-2.0-only
/*
 * FP/SIMD state survives sharing a pCPU: fills v0-v31 with a pattern of its
 * own (seed= in bootargs), yields to the other domain on the same pCPU, and
 * checks the pattern is intact, for seconds= seconds. The hypervisor switches
 * these registers lazily, on a guest's first FP instruction after a switch.
 */
#include "lib/guest.h"

#define DEFAULT_SECONDS   3
#define DEFAULT_SEED      0x1000
#define CPACR_FPEN_ALL    (3UL << 20)   /* CPACR_EL1.FPEN: no trap at EL0 or EL1 */

uint64_t fp_check(uint64_t seed);
void fp_fill(uint64_t seed);

const char guest_name[] = "fpsimd";

void guest_main(void)
{
	uint64_t seconds = bootarg_u64("seconds", DEFAULT_SECONDS);
	uint64_t seed = bootarg_u64("seed", DEFAULT_SEED), rounds = 0, bad;
	uint64_t end = timer_now() + timer_ms_to_ticks(seconds * 1000);

	write_sysreg(CPACR_FPEN_ALL, cpacr_el1);
	isb();
	while (timer_now() < end) {
		fp_fill(seed + rounds);
		if (platform.xen)
			xen_sched_yield();
		bad = fp_check(seed + rounds);
		if (bad)
			guest_fail("round %lu: v%lu lost its value across a yield",
				   (unsigned long)rounds, (unsigned long)(bad - 1));
		rounds++;
	}
	guest_info("%lu fill/yield/check rounds, FP/SIMD registers intact", (unsigned long)rounds);
}
