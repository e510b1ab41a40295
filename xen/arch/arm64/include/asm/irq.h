/* SPDX-License-Identifier: GPL-2.0-only */
/* Physical interrupts taken by the hypervisor itself. */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

#include <xen/types.h>

#define GIC_INTID_SPURIOUS_MIN 1020   /* 1020-1023 are special (GICv3 spec 2.2.1) */
#define GIC_MAX_INTID          1020

typedef void (*irq_handler_fn)(unsigned int intid, void *data);

/* Installs a handler for an SGI, PPI or SPI and enables it on this CPU (PPI/SGI) or globally. */
int irq_request(unsigned int intid, irq_handler_fn fn, void *data);

/* Enables a PPI on the calling CPU (its handler is already installed). */
void irq_enable_local(unsigned int intid);

/* Acknowledges and handles every pending interrupt (interrupts masked). */
void irq_dispatch_pending(void);
void irq_init_guest_handlers(void);
void irq_cpu_init_guest_ppis(void);

#endif /* ASM_IRQ_H */
