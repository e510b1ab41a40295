/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The lines the integration runner greps, all prefixed with the guest's name
 * (guest_name, defined by each guest's .c file as its file name):
 *   GUEST <name>: PASS | GUEST <name>: FAIL <reason>   exactly one per run
 *   GUEST <name>: INFO <text>                         progress
 *   BENCH <group> <metric> <value> <unit>             measurements
 * PASS and FAIL end the run: the guest shuts itself down.
 */
#ifndef GUEST_REPORT_H
#define GUEST_REPORT_H

#include <xen/lib.h>

extern const char guest_name[];

/* The test body, on vCPU 0 once the runtime is up; returning means PASS. */
void guest_main(void);

void guest_info(const char *fmt, ...) __printf(1, 2);
void guest_bench(const char *group, const char *metric, uint64_t value, const char *unit);
void __noreturn guest_pass(void);
void __noreturn guest_fail(const char *fmt, ...) __printf(1, 2);

/* Powers the guest off: SCHEDOP_shutdown under the hypervisor, else PSCI SYSTEM_OFF. */
void __noreturn guest_shutdown(void);

/* start.S: masks interrupts and waits forever. */
void __noreturn park(void);

#endif /* GUEST_REPORT_H */
