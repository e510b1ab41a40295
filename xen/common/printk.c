// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk: every line gets the "(XEN) " prefix, lands in the ring and, if its
 * level passes the threshold, on the console. Lines logged before the console
 * device exists are printed by console_flush_early().
 */
#include <arch/console.h>
#include <xen/console.h>
#include <xen/spinlock.h>

static char ring[CONSOLE_RING_SIZE];
static uint64_t ring_head;      /* total bytes ever written */
static bool early_done;
static enum log_level threshold = LOG_INFO;
static spinlock_t console_lock = SPINLOCK_INIT;
static bool at_line_start = true;

void console_set_loglevel(enum log_level lvl)
{
	threshold = lvl;
}

enum log_level console_get_loglevel(void)
{
	return threshold;
}

static void ring_put(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		ring[(ring_head + i) % CONSOLE_RING_SIZE] = s[i];
	ring_head += len;
}

size_t console_ring_read(char *buf, size_t len)
{
	unsigned long flags = spin_lock_irqsave(&console_lock);
	uint64_t avail = MIN(ring_head, (uint64_t)CONSOLE_RING_SIZE);
	uint64_t start = ring_head - avail;
	size_t n = (size_t)MIN((uint64_t)len, avail);

	for (size_t i = 0; i < n; i++)
		buf[i] = ring[(start + i) % CONSOLE_RING_SIZE];
	spin_unlock_irqrestore(&console_lock, flags);
	return n;
}

/* Emits one formatted chunk, adding the prefix at each line start. */
static void emit(const char *s, size_t len, bool to_console)
{
	size_t i = 0;

	while (i < len) {
		size_t j = i;

		if (at_line_start) {
			ring_put(CONSOLE_PREFIX, sizeof(CONSOLE_PREFIX) - 1);
			if (to_console)
				arch_console_write(CONSOLE_PREFIX, sizeof(CONSOLE_PREFIX) - 1);
		}
		while (j < len && s[j] != '\n')
			j++;
		if (j < len)
			j++;
		ring_put(s + i, j - i);
		if (to_console)
			arch_console_write(s + i, j - i);
		at_line_start = s[j - 1] == '\n';
		i = j;
	}
}

static void flush_early_locked(void)
{
	uint64_t from = 0;

	if (early_done || !arch_console_ready())
		return;
	if (ring_head - from > CONSOLE_RING_SIZE) {
		static const char lost[] = "(XEN) [early log truncated]\n";

		arch_console_write(lost, sizeof(lost) - 1);
		from = ring_head - CONSOLE_RING_SIZE;
	}
	for (; from < ring_head; from++)
		arch_console_write(&ring[from % CONSOLE_RING_SIZE], 1);
	early_done = true;
}

void console_flush_early(void)
{
	unsigned long flags = spin_lock_irqsave(&console_lock);

	flush_early_locked();
	spin_unlock_irqrestore(&console_lock, flags);
}

void vprintk_level(enum log_level lvl, const char *fmt, va_list ap)
{
	char line[CONSOLE_LINE_MAX];
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	size_t len = n < 0 ? 0 : MIN((size_t)n, sizeof(line) - 1);
	unsigned long flags = spin_lock_irqsave(&console_lock);

	flush_early_locked();
	emit(line, len, early_done && lvl <= threshold);
	spin_unlock_irqrestore(&console_lock, flags);
}

void printk_level(enum log_level lvl, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk_level(lvl, fmt, ap);
	va_end(ap);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk_level(LOG_INFO, fmt, ap);
	va_end(ap);
}

void console_force_unlock(void)
{
	for (unsigned int i = 0; i < 1000000 && spin_is_locked(&console_lock); i++)
		arch_cpu_relax();
	if (spin_is_locked(&console_lock))
		spin_lock_init(&console_lock);
}
