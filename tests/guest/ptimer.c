// SPDX-License-Identifier: GPL-2.0-only
/*
 * The EL1 physical timer (CNTP_*), which the hypervisor traps and emulates:
 * ticks= interrupts at 1 kHz on its PPI (the DT timer binding's second
 * interrupt, PPI 14 = INTID 30), none lost, none early (CNTPCT >= CVAL and
 * ISTATUS set in the handler), TVAL consistent with CVAL.
 */
#include "lib/guest.h"

#define PTIMER_INTID       30        /* non-secure EL1 physical timer, PPI 14 */
#define DEFAULT_TICKS      300
#define TICK_HZ            1000
#define TIMEOUT_MS         10000
#define CNTP_CTL_ENABLE    (1UL << 0)
#define CNTP_CTL_ISTATUS   (1UL << 2)
#define TVAL_SLACK         1000000   /* ticks: TVAL read right after setting CVAL */

const char guest_name[] = "ptimer";

static struct {
	uint64_t period, target, count, early, not_pending;
} st;

static uint64_t pcounter(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

static void parm(uint64_t cval)
{
	write_sysreg(cval, cntp_cval_el0);
	write_sysreg(CNTP_CTL_ENABLE, cntp_ctl_el0);
	isb();
}

static void tick(unsigned int intid, void *arg)
{
	uint64_t now = pcounter(), cval = read_sysreg(cntp_cval_el0);

	if (!(read_sysreg(cntp_ctl_el0) & CNTP_CTL_ISTATUS)) {
		st.not_pending++;
		return;
	}
	if (now < cval)
		st.early++;
	WRITE_ONCE(st.count, st.count + 1);
	if (st.count < st.target)
		parm(cval + st.period);
	else
		write_sysreg(0, cntp_ctl_el0);
}

static void check_tval(void)
{
	int32_t tval;

	parm(pcounter() + TVAL_SLACK);
	tval = (int32_t)read_sysreg(cntp_tval_el0);
	if (tval <= 0 || tval > TVAL_SLACK)
		guest_fail("CNTP_TVAL_EL0 = %d just after setting CVAL %u ticks ahead", tval,
			   TVAL_SLACK);
	write_sysreg(0, cntp_ctl_el0);
}

void guest_main(void)
{
	uint64_t deadline;

	st.target = bootarg_u64("ticks", DEFAULT_TICKS);
	st.period = timer_freq() / TICK_HZ;
	check_tval();
	irq_register(PTIMER_INTID, tick, NULL);
	gic_enable_irq(PTIMER_INTID);
	deadline = timer_deadline_ms(TIMEOUT_MS);
	parm(pcounter() + st.period);
	local_irq_enable();
	while (READ_ONCE(st.count) < st.target && !timer_expired(deadline))
		cpu_relax();
	local_irq_disable();
	write_sysreg(0, cntp_ctl_el0);
	if (st.count != st.target || st.early || st.not_pending)
		guest_fail("%lu of %lu ticks, %lu early, %lu without ISTATUS", st.count, st.target,
			   st.early, st.not_pending);
	guest_info("%lu physical-timer ticks, none early or lost", st.count);
}
