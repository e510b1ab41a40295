/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's log: a ring kept in memory and echoed to the console. */
#ifndef XEN_CONSOLE_H
#define XEN_CONSOLE_H

#include <xen/lib.h>

#define CONSOLE_RING_SIZE  (16 * 1024)
#define CONSOLE_LINE_MAX   256
#define CONSOLE_PREFIX     "(XEN) "

/* Messages above this level are kept in the ring but not printed. */
void console_set_loglevel(enum log_level lvl);
enum log_level console_get_loglevel(void);

/* Prints what was logged before the console device came up. */
void console_flush_early(void);

/* Copies up to len bytes of the ring, oldest first; returns the count. */
size_t console_ring_read(char *buf, size_t len);

/* For the crash path: take the console even if a dead CPU holds its lock. */
void console_force_unlock(void);

/*
 * Console input (console_in.c, docs/specs/console.md): bytes received by the
 * UART go to dom0 (queued for CONSOLEIO_read, VIRQ_CONSOLE raised) or to the
 * hypervisor's debug keys. CONSOLE_SWITCH_COUNT switch characters (Ctrl-A)
 * in a row swap the two; with no dom0, input is the hypervisor's.
 */
#define CONSOLE_IN_RING_SIZE   1024   /* power of two */
#define CONSOLE_SWITCH_CHAR    0x01   /* Ctrl-A, as in Xen */
#define CONSOLE_SWITCH_COUNT   3

/* One received byte (UART interrupt; never concurrently with itself). */
void console_in_rx(char c);
/* Copies up to len of dom0's queued bytes, oldest first, leaving them queued. */
size_t console_in_peek(char *buf, size_t len);
/* Removes n bytes (at most what console_in_peek returned) from the queue. */
void console_in_consume(size_t n);
/* True while input goes to the debug keys. */
bool console_in_for_xen(void);
/* Bytes queued for dom0, and bytes dropped because the queue was full. */
size_t console_in_queued(void);
unsigned long console_in_dropped(void);
/* End of boot: says where input goes and asks the arch to start delivering it. */
void console_in_endboot(void);

/* A byte for the debug keys (keyhandler.c): runs its handler, if any. */
void keyhandler_key(char key);

#endif /* XEN_CONSOLE_H */
