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

#endif /* XEN_CONSOLE_H */
