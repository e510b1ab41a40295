// SPDX-License-Identifier: GPL-2.0-only
/*
 * The virtual timer at 1 kHz through the GIC for ticks= (default 2000)
 * interrupts, each deadline CVAL = previous CVAL + CNTFRQ / 1000: none may
 * be lost (count == ticks, none after the last), none early (CNTVCT >= CVAL
 * and CNTV_CTL.ISTATUS set in the handler). Reports the largest lateness.
 */
#include "lib/guest.h"

#define DEFAULT_TICKS     2000
#define TICK_HZ           1000
#define TIMEOUT_FACTOR    4        /* allowed run time: 4 x nominal ... */
#define TIMEOUT_SLACK_MS  2000     /* ... + 2 s */
#define QUIET_MS          20       /* after the last tick: nothing may follow */

const char guest_name[] = "timer";

static struct {
	uint64_t period;
	uint64_t target;
	uint64_t count;
	uint64_t early;
	uint64_t not_pending;
	uint64_t late_max;
	uint64_t late_sum;
} st;

static void tick(unsigned int intid, void *arg)
{
	uint64_t now = timer_now(), cval = vtimer_cval();

	if (!(vtimer_ctl() & CNTV_CTL_ISTATUS)) {
		st.not_pending++;
		return;
	}
	if (now < cval) {
		st.early++;
	} else {
		st.late_max = MAX(st.late_max, now - cval);
		st.late_sum += now - cval;
	}
	WRITE_ONCE(st.count, st.count + 1);
	if (st.count < st.target)
		vtimer_arm(cval + st.period);
	else
		vtimer_stop();
}

static void run(uint64_t ticks)
{
	uint64_t ms = ticks * MS_PER_SEC / TICK_HZ;
	uint64_t deadline = timer_deadline_ms(ms * TIMEOUT_FACTOR + TIMEOUT_SLACK_MS);
	uint64_t start = timer_now();

	vtimer_arm(start + st.period);
	local_irq_enable();
	while (READ_ONCE(st.count) < ticks && !timer_expired(deadline))
		cpu_relax();
	guest_info("%lu of %lu ticks in %lu ms", READ_ONCE(st.count), ticks,
		   (timer_now() - start) * MS_PER_SEC / timer_freq());
	timer_delay_ms(QUIET_MS);
	local_irq_disable();
	vtimer_stop();
}

void guest_main(void)
{
	uint64_t ticks = bootarg_u64("ticks", DEFAULT_TICKS);

	if (!ticks)
		guest_fail("ticks=0");
	st.period = timer_freq() / TICK_HZ;
	st.target = ticks;
	irq_register(platform.vtimer_intid, tick, NULL);
	gic_enable_irq(platform.vtimer_intid);
	guest_info("virtual timer INTID %u, period %lu ticks", platform.vtimer_intid, st.period);
	run(ticks);
	if (st.count != ticks)
		guest_fail("%lu timer interrupts, expected %lu", st.count, ticks);
	if (st.early || st.not_pending)
		guest_fail("%lu interrupts before CVAL, %lu without CNTV_CTL.ISTATUS", st.early,
			   st.not_pending);
	guest_info("lateness avg %lu max %lu ticks", st.late_sum / ticks, st.late_max);
	guest_bench("timer", "latency_max", st.late_max, "ticks");
}
