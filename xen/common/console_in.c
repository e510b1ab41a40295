// SPDX-License-Identifier: GPL-2.0-only
/*
 * Console input: where the bytes the UART receives go.
 *
 * By default they are dom0's: queued in a ring until dom0 reads them with
 * CONSOLEIO_read, each one announced with VIRQ_CONSOLE. With no dom0, or
 * after the switch, they are the hypervisor's debug keys (keyhandler.c).
 * Three Ctrl-A in a row make the switch, as in Xen: the Ctrl-As of a run are
 * held back, and a shorter run is passed on, ahead of the byte that broke it.
 * A full ring drops new bytes and counts them.
 *
 * The producer is the UART interrupt on one CPU; CONSOLEIO_read consumes
 * (console_io.c serialises its readers). The ring lock masks interrupts.
 */
#include <arch/console.h>
#include <public/xen.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/event.h>
#include <xen/spinlock.h>

_Static_assert((CONSOLE_IN_RING_SIZE & (CONSOLE_IN_RING_SIZE - 1)) == 0,
	       "the input ring's size must be a power of two");

static char ring[CONSOLE_IN_RING_SIZE];
static uint32_t prod, cons;          /* free-running byte counts */
static unsigned long dropped;
static spinlock_t ring_lock = SPINLOCK_INIT;
static unsigned int switch_run;      /* switch characters held back (interrupt only) */
static bool to_xen;                  /* chosen with the switch; no dom0 means Xen anyway */

static struct domain *input_domain(void)
{
	if (__atomic_load_n(&to_xen, __ATOMIC_RELAXED))
		return NULL;
	return __atomic_load_n(&hardware_domain, __ATOMIC_ACQUIRE);
}

bool console_in_for_xen(void)
{
	return input_domain() == NULL;
}

static void ring_put(char c)
{
	unsigned long flags = spin_lock_irqsave(&ring_lock);

	if (prod - cons < CONSOLE_IN_RING_SIZE)
		ring[prod++ % CONSOLE_IN_RING_SIZE] = c;
	else
		dropped++;
	spin_unlock_irqrestore(&ring_lock, flags);
}

static void deliver(char c)
{
	struct domain *d = input_domain();

	if (!d) {
		keyhandler_key(c);
		return;
	}
	ring_put(c);
	evtchn_send_global_virq(d, VIRQ_CONSOLE);
}

static void announce(void)
{
	if (!__atomic_load_n(&hardware_domain, __ATOMIC_ACQUIRE))
		printk("*** Serial input to Xen (no dom0; 'h' lists the debug keys)\n");
	else
		printk("*** Serial input to %s (type 'CTRL-a' three times to switch input)\n",
		       to_xen ? "Xen" : "DOM0");
}

static void switch_input(void)
{
	if (!__atomic_load_n(&hardware_domain, __ATOMIC_ACQUIRE)) {
		printk("*** Serial input stays with Xen (no dom0 to switch to)\n");
		return;
	}
	__atomic_store_n(&to_xen, !to_xen, __ATOMIC_RELAXED);
	announce();
}

void console_in_rx(char c)
{
	if (c == CONSOLE_SWITCH_CHAR) {
		if (++switch_run == CONSOLE_SWITCH_COUNT) {
			switch_run = 0;
			switch_input();
		}
		return;
	}
	for (; switch_run; switch_run--)
		deliver(CONSOLE_SWITCH_CHAR);
	deliver(c);
}

size_t console_in_peek(char *buf, size_t len)
{
	unsigned long flags = spin_lock_irqsave(&ring_lock);
	size_t n = MIN((size_t)(prod - cons), len);

	for (size_t i = 0; i < n; i++)
		buf[i] = ring[(cons + i) % CONSOLE_IN_RING_SIZE];
	spin_unlock_irqrestore(&ring_lock, flags);
	return n;
}

void console_in_consume(size_t n)
{
	unsigned long flags = spin_lock_irqsave(&ring_lock);

	cons += (uint32_t)MIN((size_t)(prod - cons), n);
	spin_unlock_irqrestore(&ring_lock, flags);
}

size_t console_in_queued(void)
{
	unsigned long flags = spin_lock_irqsave(&ring_lock);
	size_t n = prod - cons;

	spin_unlock_irqrestore(&ring_lock, flags);
	return n;
}

unsigned long console_in_dropped(void)
{
	return __atomic_load_n(&dropped, __ATOMIC_RELAXED);
}

void console_in_endboot(void)
{
	announce();
	arch_console_input_start();
}
