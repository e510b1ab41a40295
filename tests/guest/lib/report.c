// SPDX-License-Identifier: GPL-2.0-only
/* Result lines and shutdown (see report.h); panic() for xen/lib.h users. */
#include <xen/lib.h>
#include "console.h"
#include "mmu.h"
#include "platform.h"
#include "psci.h"
#include "report.h"
#include "xen.h"

#define REPORT_BUF_SIZE 200

static uint32_t finished;

/* The first PASS/FAIL wins; later ones (other vCPUs, nested failures) park. */
static bool claim_result(void)
{
	if (!mmu_is_on()) {             /* exclusives need cacheable memory */
		bool first = !finished;

		finished = 1;
		return first;
	}
	return !__atomic_exchange_n(&finished, 1, __ATOMIC_SEQ_CST);
}

void guest_info(const char *fmt, ...)
{
	char buf[REPORT_BUF_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk("GUEST %s: INFO %s\n", guest_name, buf);
}

void guest_bench(const char *group, const char *metric, uint64_t value, const char *unit)
{
	printk("BENCH %s %s %lu %s\n", group, metric, value, unit);
}

void guest_pass(void)
{
	if (!claim_result())
		park();
	printk("GUEST %s: PASS\n", guest_name);
	guest_shutdown();
}

void guest_fail(const char *fmt, ...)
{
	char buf[REPORT_BUF_SIZE];
	va_list ap;

	if (!claim_result())
		park();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (console_ready())
		printk("GUEST %s: FAIL %s\n", guest_name, buf);
	guest_shutdown();
}

void panic(const char *fmt, ...)
{
	char buf[REPORT_BUF_SIZE];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	guest_fail("panic: %s", buf);
}

void guest_shutdown(void)
{
	if (platform.xen)
		xen_sched_shutdown(SHUTDOWN_poweroff);
	else
		psci_system_off();
	park();
}
