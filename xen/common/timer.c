// SPDX-License-Identifier: GPL-2.0-only
/* Software timers on top of one hardware deadline per pCPU. */
#include <arch/cpu.h>
#include <arch/time.h>
#include <xen/lib.h>
#include <xen/spinlock.h>
#include <xen/timer.h>

struct timer_cpu {
	struct timer *head;   /* sorted by expires_ns */
	spinlock_t lock;
};

static struct timer_cpu cpus[TIMER_MAX_CPUS];

uint64_t ticks_to_ns(uint64_t ticks)
{
	uint64_t f = arch_counter_freq();

	return (ticks / f) * NS_PER_SEC + ((ticks % f) * NS_PER_SEC) / f;
}

uint64_t ns_to_ticks(uint64_t ns)
{
	uint64_t f = arch_counter_freq();

	return (ns / NS_PER_SEC) * f + ((ns % NS_PER_SEC) * f) / NS_PER_SEC;
}

uint64_t now_ns(void)
{
	return ticks_to_ns(arch_counter_read());
}

void timer_init(struct timer *t, void (*fn)(void *data), void *data)
{
	*t = (struct timer){ .fn = fn, .data = data };
}

static void unlink_locked(struct timer_cpu *c, struct timer *t)
{
	for (struct timer **pp = &c->head; *pp; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	t->active = false;
}

static void program(struct timer_cpu *c)
{
	arch_timer_program(c->head ? c->head->expires_ns : ~0ULL);
}

void timer_set(struct timer *t, uint64_t expires_ns)
{
	unsigned int cpu = arch_cpu_id();
	struct timer_cpu *c = &cpus[cpu];
	unsigned long flags;
	struct timer **pp;

	timer_stop(t);
	flags = spin_lock_irqsave(&c->lock);
	t->expires_ns = expires_ns;
	t->cpu = cpu;
	t->active = true;
	for (pp = &c->head; *pp && (*pp)->expires_ns <= expires_ns; pp = &(*pp)->next)
		;
	t->next = *pp;
	*pp = t;
	if (c->head == t)
		program(c);
	spin_unlock_irqrestore(&c->lock, flags);
}

void timer_stop(struct timer *t)
{
	struct timer_cpu *c;
	unsigned long flags;

	if (!t->active)
		return;
	c = &cpus[t->cpu];
	flags = spin_lock_irqsave(&c->lock);
	if (t->active)
		unlink_locked(c, t);
	spin_unlock_irqrestore(&c->lock, flags);
}

void timer_run(void)
{
	struct timer_cpu *c = &cpus[arch_cpu_id()];
	unsigned long flags = spin_lock_irqsave(&c->lock);
	uint64_t now = now_ns();

	while (c->head && c->head->expires_ns <= now) {
		struct timer *t = c->head;

		unlink_locked(c, t);
		spin_unlock_irqrestore(&c->lock, flags);
		t->fn(t->data);
		flags = spin_lock_irqsave(&c->lock);
		now = now_ns();
	}
	program(c);
	spin_unlock_irqrestore(&c->lock, flags);
}
