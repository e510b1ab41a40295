// SPDX-License-Identifier: GPL-2.0-only
#include <arch/cpu.h>
#include <xen/console.h>

void panic(const char *fmt, ...)
{
	va_list ap;

	arch_irq_disable();
	console_force_unlock();
	printk_level(LOG_ERR, "\n****************************************\n");
	printk_level(LOG_ERR, "Panic on CPU %u:\n", arch_cpu_id());
	va_start(ap, fmt);
	vprintk_level(LOG_ERR, fmt, ap);
	va_end(ap);
	printk_level(LOG_ERR, "\n");
	arch_dump_backtrace();
	printk_level(LOG_ERR, "****************************************\n");
	arch_cpu_park();
}
