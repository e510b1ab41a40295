// SPDX-License-Identifier: GPL-2.0-only
/* Fake arch: a host vCPU has no registers to dump (debug key 'v'). */
#include <arch/cpu.h>

void arch_vcpu_dump(const struct vcpu *v)
{
	(void)v;
}
