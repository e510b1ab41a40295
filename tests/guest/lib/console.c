// SPDX-License-Identifier: GPL-2.0-only
/* Console backends and printk (declared in xen/lib.h). */
#include <xen/lib.h>
#include "console.h"
#include "mmio.h"
#include "platform.h"
#include "spinlock.h"
#include "sysreg.h"
#include "xen.h"

/* PL011 TRM (ARM DDI 0183), 3.3 "Register descriptions": UARTDR, UARTFR; FR.TXFF = TX FIFO full. */
#define UART_DR            0x000
#define UART_FR            0x018
#define UART_FR_TXFF       (1U << 5)

#define PRINTK_BUF_SIZE    256

enum console_kind {
	CONSOLE_NONE,
	CONSOLE_XEN,
	CONSOLE_PL011,
};

static enum console_kind kind;
static spinlock_t lock = SPINLOCK_INIT;
static bool locking;

void console_init(void)
{
	if (platform.xen)
		kind = CONSOLE_XEN;
	else if (platform.uart.size)
		kind = CONSOLE_PL011;
}

bool console_ready(void)
{
	return kind != CONSOLE_NONE;
}

void console_enable_locking(void)
{
	locking = true;
}

static void pl011_putc(char c)
{
	while (mmio_read32(platform.uart.base + UART_FR) & UART_FR_TXFF)
		cpu_relax();
	mmio_write32(platform.uart.base + UART_DR, (uint8_t)c);
}

static void write_line(const char *s, size_t len)
{
	if (kind == CONSOLE_XEN) {
		xen_console_write(s, len);
		return;
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			pl011_putc('\r');
		pl011_putc(s[i]);
	}
}

/* The first '\n' in s[0..len), or NULL. */
static const char *find_newline(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n')
			return s + i;
	return NULL;
}

void console_write(const char *s, size_t len)
{
	uint64_t flags = local_irq_save();
	size_t n;

	if (locking)
		spin_lock(&lock);
	for (; len; s += n, len -= n) {
		const char *nl = find_newline(s, len);

		n = nl ? (size_t)(nl - s) + 1 : len;
		write_line(s, n);
	}
	if (locking)
		spin_unlock(&lock);
	local_irq_restore(flags);
}

void printk(const char *fmt, ...)
{
	char buf[PRINTK_BUF_SIZE];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, MIN((size_t)n, sizeof(buf) - 1));
}
