/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The guest console: the console_io hypercall under the hypervisor (one call
 * per line, each shows up as "(dN) <line>" on its console), else the polled
 * PL011 named by /chosen/stdout-path. printk() (xen/lib.h) writes here.
 */
#ifndef GUEST_CONSOLE_H
#define GUEST_CONSOLE_H

#include <xen/types.h>

/* Picks the backend from platform (platform_probe_console() must have run). */
void console_init(void);
bool console_ready(void);
/* Serialises lines between vCPUs from now on (needs the MMU on). */
void console_enable_locking(void);
/* Writes s; every '\n' ends a line. */
void console_write(const char *s, size_t len);

#endif /* GUEST_CONSOLE_H */
