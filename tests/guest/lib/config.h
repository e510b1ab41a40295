/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Build-time constants shared by the linker script, the assembly entry code
 * and C. Only the load address is fixed (the boot contract): every platform
 * address comes from the device tree.
 */
#ifndef GUEST_CONFIG_H
#define GUEST_CONFIG_H

/*
 * arm64 boot protocol (Linux Documentation/arch/arm64/booting.rst): the image
 * is loaded at a 2 MiB aligned RAM base + text_offset. Our hypervisor puts
 * guest RAM at 0x40000000; QEMU's virt board has RAM there too and moves an
 * image with a text_offset below 2 MiB up by 2 MiB, so 2 MiB is the one
 * text_offset that lands at the same address in both.
 */
#define GUEST_RAM_BASE     0x40000000
#define GUEST_TEXT_OFFSET  0x200000
#define GUEST_LINK_ADDR    (GUEST_RAM_BASE + GUEST_TEXT_OFFSET)

#define MAX_CPUS           16
#define STACK_SHIFT        14          /* 16 KiB of stack per vCPU */
#define STACK_SIZE         (1 << STACK_SHIFT)

#endif /* GUEST_CONFIG_H */
