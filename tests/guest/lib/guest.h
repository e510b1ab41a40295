/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Everything a test guest uses. A guest is one file tests/guest/<name>.c
 * that defines
 *	const char guest_name[] = "<name>";
 *	void guest_main(void);
 * guest_main runs on vCPU 0 with the MMU, GIC and console up and IRQs
 * masked; returning from it reports PASS.
 */
#ifndef GUEST_GUEST_H
#define GUEST_GUEST_H

#include <xen/errno.h>
#include <xen/lib.h>
#include "bootargs.h"
#include "exception.h"
#include "gic.h"
#include "mmio.h"
#include "mmu.h"
#include "platform.h"
#include "psci.h"
#include "report.h"
#include "smp.h"
#include "spinlock.h"
#include "sysreg.h"
#include "timer.h"
#include "xen.h"

#endif /* GUEST_GUEST_H */
