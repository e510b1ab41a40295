/* SPDX-License-Identifier: GPL-2.0-only */
/* The wall clock domains read from shared_info (set by dom0 with XENPF_settime64). */
#ifndef XEN_WALLCLOCK_H
#define XEN_WALLCLOCK_H

struct domain;

/* Writes the current wall-clock base into d's shared_info. */
void wallclock_publish(struct domain *d);

#endif /* XEN_WALLCLOCK_H */
