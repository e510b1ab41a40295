/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's EL2 physical timer (CNTHP_*). */
#ifndef ASM_TIMER_H
#define ASM_TIMER_H

#include <xen/types.h>

void timer_cpu_init(void);
/* Arms the timer at an absolute counter value. */
void timer_set_deadline(uint64_t cval);
/* Arms the timer 1 ms ahead and waits for its interrupt; false after a 5 s timeout. */
bool timer_selftest(void);
unsigned int timer_intid(void);

#endif /* ASM_TIMER_H */
