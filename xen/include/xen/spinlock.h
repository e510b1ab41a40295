/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Ticket spinlocks, built on compiler atomics so that the same code runs on
 * AArch64 (LDAXR/STLXR) and on the build host. FIFO order keeps CPUs fair.
 */
#ifndef XEN_SPINLOCK_H
#define XEN_SPINLOCK_H

#include <arch/cpu.h>
#include <xen/types.h>

typedef struct {
	uint16_t next;  /* ticket handed to the next arrival */
	uint16_t owner; /* ticket now being served */
} spinlock_t;

#define SPINLOCK_INIT { .next = 0, .owner = 0 }

static inline void spin_lock_init(spinlock_t *l)
{
	*l = (spinlock_t)SPINLOCK_INIT;
}

void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);
bool spin_trylock(spinlock_t *l);
bool spin_is_locked(const spinlock_t *l);
unsigned long spin_lock_irqsave(spinlock_t *l);
void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags);

#endif /* XEN_SPINLOCK_H */
