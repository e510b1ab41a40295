// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_console_io: a guest's writes appear on the hypervisor console,
 * one line at a time, prefixed with "(dN) ". Reading takes the console input
 * queued for dom0 (console_in.c); only dom0 may read.
 */
#include <arch/guest_access.h>
#include <public/xen.h>
#include <xen/console.h>
#include <xen/errno.h>
#include <xen/hypercall.h>

#define CONSOLE_IO_CHUNK   128
#define CONSOLE_IO_MAX     (64 * 1024)   /* bytes per call; the rest is dropped */
#define CONSOLE_READ_MAX   0x7fffffffU   /* Xen's count is an int: larger is -E2BIG */

/* One reader at a time: it peeks, copies to the guest, then consumes. */
static spinlock_t read_lock = SPINLOCK_INIT;

static void flush_line(struct domain *d)
{
	printk("(d%u) %.*s\n", d->id, (int)d->con_len, d->con_line);
	d->con_len = 0;
}

static void put_char(struct domain *d, char c)
{
	if (c == '\n') {
		flush_line(d);
		return;
	}
	if (c == '\r')
		return;
	if (c != '\t' && (c < ' ' || c > '~'))
		c = '?';
	d->con_line[d->con_len++] = c;
	if (d->con_len == sizeof(d->con_line))
		flush_line(d);
}

static long console_write(struct vcpu *v, uint64_t count, uint64_t gva)
{
	struct domain *d = v->domain;
	char buf[CONSOLE_IO_CHUNK];
	unsigned long flags;
	uint64_t done = 0;

	count = MIN(count, (uint64_t)CONSOLE_IO_MAX);
	while (done < count) {
		size_t n = (size_t)MIN(count - done, (uint64_t)sizeof(buf));

		if (copy_from_guest(v, buf, gva + done, n))
			return -EFAULT;
		flags = spin_lock_irqsave(&d->lock);
		for (size_t i = 0; i < n; i++)
			put_char(d, buf[i]);
		spin_unlock_irqrestore(&d->lock, flags);
		done += n;
	}
	return 0;
}

/* Bytes read, or -EFAULT if the first chunk could not be copied (then nothing is consumed). */
static long read_locked(struct vcpu *v, uint64_t count, uint64_t gva)
{
	char buf[CONSOLE_IO_CHUNK];
	uint64_t done = 0;

	while (done < count) {
		size_t n = console_in_peek(buf, (size_t)MIN(count - done, (uint64_t)sizeof(buf)));

		if (!n)
			break;
		if (copy_to_guest(v, gva + done, buf, n))
			return done ? (long)done : -EFAULT;
		console_in_consume(n);
		done += n;
	}
	return (long)done;
}

static long console_read(struct vcpu *v, uint64_t count, uint64_t gva)
{
	unsigned long flags;
	long rc;

	if (v->domain != hardware_domain)
		return -EPERM;
	if (count > CONSOLE_READ_MAX)
		return -E2BIG;
	flags = spin_lock_irqsave(&read_lock);
	rc = read_locked(v, count, gva);
	spin_unlock_irqrestore(&read_lock, flags);
	return rc;
}

long do_console_io(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	switch (a[0]) {
	case CONSOLEIO_write:
		return console_write(v, a[1], a[2]);
	case CONSOLEIO_read:
		return console_read(v, a[1], a[2]);
	default:
		return -ENOSYS;
	}
}
