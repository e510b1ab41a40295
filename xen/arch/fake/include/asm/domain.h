/* SPDX-License-Identifier: GPL-2.0-only */
/* Fake arch: the arch parts of domains and vCPUs are empty on the host. */
#ifndef ASM_DOMAIN_H
#define ASM_DOMAIN_H

struct arch_domain {
	int unused;
};

struct arch_vcpu {
	int unused;
};

#endif /* ASM_DOMAIN_H */
