/* SPDX-License-Identifier: GPL-2.0-only */
/* Arch contract: the hypervisor's console device. */
#ifndef ARCH_CONSOLE_H
#define ARCH_CONSOLE_H

#include <xen/types.h>

/* True once the console device can take output. */
bool arch_console_ready(void);

/* Write len bytes, polled; turns "\n" into "\r\n". */
void arch_console_write(const char *s, size_t len);

/* Starts handing received bytes to console_in_rx(), from the device's interrupt. */
void arch_console_input_start(void);

#endif /* ARCH_CONSOLE_H */
