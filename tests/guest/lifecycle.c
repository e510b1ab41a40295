// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mostly blocked: a 10 Hz virtual timer wakes the vCPU, which otherwise
 * sleeps in SCHEDOP_block (under the hypervisor) or WFI. Prints an INFO line
 * per second of timer ticks for seconds= (default 10) seconds, then PASS.
 * Ticks count wake-ups, so time spent paused from outside does not count:
 * the runner pauses and unpauses the domain and checks the lines go on.
 */
#include "lib/guest.h"

#define DEFAULT_SECONDS  10
#define TICKS_PER_SEC    10

const char guest_name[] = "lifecycle";

static uint64_t ticks;
static uint64_t period;

static void tick(unsigned int intid, void *arg)
{
	WRITE_ONCE(ticks, ticks + 1);
	vtimer_arm(timer_now() + period);
}

/* IRQs on: a tick between the check and the block only delays the wake-up by one period. */
static void sleep_until(uint64_t tick_count)
{
	long ret;

	while (READ_ONCE(ticks) < tick_count) {
		if (!platform.xen) {
			wfi();
			continue;
		}
		ret = xen_sched_block();
		if (ret)
			guest_fail("SCHEDOP_block returned %ld", ret);
	}
}

void guest_main(void)
{
	uint64_t seconds = bootarg_u64("seconds", DEFAULT_SECONDS);

	period = timer_freq() / TICKS_PER_SEC;
	irq_register(platform.vtimer_intid, tick, NULL);
	gic_enable_irq(platform.vtimer_intid);
	guest_info("started: %lu s of %u Hz ticks, sleeping in %s", seconds, TICKS_PER_SEC,
		   platform.xen ? "SCHEDOP_block" : "WFI");
	vtimer_arm(timer_now() + period);
	local_irq_enable();
	for (uint64_t s = 1; s <= seconds; s++) {
		sleep_until(s * TICKS_PER_SEC);
		guest_info("alive %lu/%lu", s, seconds);
	}
	local_irq_disable();
	vtimer_stop();
}
