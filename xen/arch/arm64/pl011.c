// SPDX-License-Identifier: GPL-2.0-only
/*
 * PL011 UART (PrimeCell UART PL011 TRM, DDI 0183G): polled output, and
 * input from the receive and receive-timeout interrupts (registers: 3.3).
 * The boot firmware or QEMU has set the baud rate; we only enable the UART.
 */
#include <arch/console.h>
#include <arch/setup.h>
#include <asm/irq.h>
#include <asm/mmu.h>
#include <xen/console.h>
#include <xen/lib.h>

#define UART_DR          0x00
#define UART_DR_DATA     0xffU       /* received byte */
#define UART_DR_ERR      0x700U      /* FE, PE, BE: the byte is not valid (OE is) */
#define UART_FR          0x18
#define UART_FR_RXFE     (1U << 4)   /* receive FIFO empty */
#define UART_FR_TXFF     (1U << 5)   /* transmit FIFO full */
#define UART_FR_BUSY     (1U << 3)
#define UART_CR          0x30
#define UART_CR_UARTEN   (1U << 0)
#define UART_CR_TXE      (1U << 8)
#define UART_CR_RXE      (1U << 9)
#define UART_IMSC        0x38        /* mask set/clear: 1 enables the interrupt */
#define UART_ICR         0x44        /* interrupt clear */
#define UART_INT_RX      (1U << 4)   /* RXIM / RXIC: receive */
#define UART_INT_RT      (1U << 6)   /* RTIM / RTIC: receive timeout */
#define UART_INT_ERR     (0xfU << 7) /* FE, PE, BE, OE */
#define UART_RX_BUDGET   64          /* bytes per interrupt; a level interrupt comes back */

static volatile uint8_t *uart;
static unsigned int rx_intid;

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
	rx_intid = bi->uart.intid;
	uart_write(UART_IMSC, 0);
	uart_write(UART_CR, uart_read(UART_CR) | UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE);
}

/* Clears first: a byte arriving after the last FIFO check raises the interrupt again. */
static void uart_rx_irq(unsigned int intid, void *data)
{
	(void)intid;
	(void)data;
	uart_write(UART_ICR, UART_INT_RX | UART_INT_RT | UART_INT_ERR);
	for (unsigned int n = 0; n < UART_RX_BUDGET && !(uart_read(UART_FR) & UART_FR_RXFE); n++) {
		uint32_t dr = uart_read(UART_DR);

		if (!(dr & UART_DR_ERR))
			console_in_rx((char)(dr & UART_DR_DATA));
	}
}

/* The UART's SPI is routed to the boot CPU, level-sensitive, like every SPI (gicv3.c). */
void arch_console_input_start(void)
{
	int rc;

	if (!uart)
		return;
	if (!rx_intid) {
		printk_level(LOG_WARN, "UART: no interrupt in the device tree: no console input\n");
		return;
	}
	rc = irq_request(rx_intid, uart_rx_irq, NULL);
	if (rc) {
		printk_level(LOG_WARN, "UART: cannot take INTID %u (%d): no console input\n",
			     rx_intid, rc);
		return;
	}
	uart_write(UART_IMSC, UART_INT_RX | UART_INT_RT);
}
