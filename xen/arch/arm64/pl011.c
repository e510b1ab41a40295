// SPDX-License-Identifier: GPL-2.0-only
/*
 * PL011 UART, polled output (PrimeCell UART PL011 TRM, DDI 0183G, 3.2).
 * The boot firmware or QEMU has set the baud rate; we only enable the UART.
 */
#include <arch/console.h>
#include <arch/setup.h>
#include <asm/mmu.h>
#include <xen/lib.h>

#define UART_DR          0x00
#define UART_FR          0x18
#define UART_FR_TXFF     (1U << 5)   /* transmit FIFO full */
#define UART_FR_BUSY     (1U << 3)
#define UART_CR          0x30
#define UART_CR_UARTEN   (1U << 0)
#define UART_CR_TXE      (1U << 8)
#define UART_CR_RXE      (1U << 9)
#define UART_IMSC        0x38

static volatile uint8_t *uart;

static inline uint32_t uart_read(unsigned int reg)
{
	return *(volatile uint32_t *)(uart + reg);
}

static inline void uart_write(unsigned int reg, uint32_t v)
{
	*(volatile uint32_t *)(uart + reg) = v;
}

static void uart_putc(char c)
{
	while (uart_read(UART_FR) & UART_FR_TXFF)
		;
	uart_write(UART_DR, (uint8_t)c);
}

void arch_console_write(const char *s, size_t len)
{
	if (!uart)
		return;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
}

bool arch_console_ready(void)
{
	return uart != NULL;
}

void arch_console_init(const struct bootinfo *bi)
{
	if (!bi->uart.present || !bi->uart.compatible ||
	    strcmp(bi->uart.compatible, "arm,pl011") != 0)
		return;   /* stays silent; start_xen reports it in the log ring */
	uart = mmu_map_device(bi->uart.regs.start, bi->uart.regs.size, "UART");
	uart_write(UART_IMSC, 0);
	uart_write(UART_CR, uart_read(UART_CR) | UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE);
}
