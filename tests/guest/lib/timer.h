/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The EL1 virtual timer (Arm ARM, "The Generic Timer in AArch64 state"):
 * CNTVCT_EL0 counts at CNTFRQ_EL0 Hz; CNTV_CVAL_EL0 and CNTV_CTL_EL0 raise
 * the virtual timer PPI (platform.vtimer_intid).
 */
#ifndef GUEST_TIMER_H
#define GUEST_TIMER_H

#include "sysreg.h"

/* CNTV_CTL_EL0. */
#define CNTV_CTL_ENABLE   (1UL << 0)
#define CNTV_CTL_IMASK    (1UL << 1)
#define CNTV_CTL_ISTATUS  (1UL << 2)

#define MS_PER_SEC        1000

/* The virtual count, ordered after earlier instructions by an ISB. */
static inline uint64_t timer_now(void)
{
	isb();
	return read_sysreg(cntvct_el0);
}

static inline uint64_t timer_freq(void)
{
	return read_sysreg(cntfrq_el0);
}

static inline uint64_t timer_ms_to_ticks(uint64_t ms)
{
	return ms * timer_freq() / MS_PER_SEC;
}

static inline uint64_t timer_deadline_ms(uint64_t ms)
{
	return timer_now() + timer_ms_to_ticks(ms);
}

static inline bool timer_expired(uint64_t deadline)
{
	return timer_now() >= deadline;
}

/* Arms the virtual timer to fire when CNTVCT_EL0 >= cval. */
static inline void vtimer_arm(uint64_t cval)
{
	write_sysreg(cval, cntv_cval_el0);
	write_sysreg(CNTV_CTL_ENABLE, cntv_ctl_el0);
	isb();
}

static inline void vtimer_stop(void)
{
	write_sysreg(0, cntv_ctl_el0);
	isb();
}

static inline uint64_t vtimer_ctl(void)
{
	return read_sysreg(cntv_ctl_el0);
}

static inline uint64_t vtimer_cval(void)
{
	return read_sysreg(cntv_cval_el0);
}

/* Busy-waits ms milliseconds of virtual count. */
static inline void timer_delay_ms(uint64_t ms)
{
	uint64_t deadline = timer_deadline_ms(ms);

	while (!timer_expired(deadline))
		cpu_relax();
}

#endif /* GUEST_TIMER_H */
