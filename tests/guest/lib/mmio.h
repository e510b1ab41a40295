/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Device register access. Each access is one plain LDR/STR with a base
 * register and no writeback, so a hypervisor that traps it gets a valid
 * instruction syndrome (ESR_EL2.ISV = 1) and can emulate it.
 */
#ifndef GUEST_MMIO_H
#define GUEST_MMIO_H

#include <xen/types.h>

static inline uint32_t mmio_read32(uint64_t addr)
{
	uint32_t v;

	asm volatile("ldr %w0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

static inline void mmio_write32(uint64_t addr, uint32_t v)
{
	asm volatile("str %w0, [%1]" : : "rZ"(v), "r"(addr) : "memory");
}

static inline uint64_t mmio_read64(uint64_t addr)
{
	uint64_t v;

	asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
	return v;
}

#endif /* GUEST_MMIO_H */
