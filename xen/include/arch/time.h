/* SPDX-License-Identifier: GPL-2.0-only */
/* Arch contract: the system counter. */
#ifndef ARCH_TIME_H
#define ARCH_TIME_H

#include <stdint.h>

/* The free-running system counter, in ticks. */
uint64_t arch_counter_read(void);

/* Ticks per second of arch_counter_read(). */
uint64_t arch_counter_freq(void);

#endif /* ARCH_TIME_H */
