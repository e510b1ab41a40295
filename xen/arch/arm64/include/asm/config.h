/* SPDX-License-Identifier: GPL-2.0-only */
/* Build-time limits of the AArch64 hypervisor. */
#ifndef ASM_CONFIG_H
#define ASM_CONFIG_H

#define NR_CPUS          16
#define STACK_SHIFT      14
#define STACK_SIZE       (1 << STACK_SHIFT)   /* per-CPU hypervisor stack */
#define PT_POOL_PAGES    160                  /* page-table pages for the EL2 map */

/* R_AARCH64_RELATIVE, ELF for the Arm 64-bit Architecture (IHI 0056), 5.7.12. */
#define R_AARCH64_RELATIVE 1027

#endif /* ASM_CONFIG_H */
