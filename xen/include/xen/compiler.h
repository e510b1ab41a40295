/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Included first in every hypervisor translation unit (-include).
 * All symbols are hidden: the image is a static PIE, so no reference may go
 * through a GOT.
 */
#ifndef XEN_COMPILER_H
#define XEN_COMPILER_H

#if defined(__XEN_HYPERVISOR__) && !defined(__ASSEMBLER__)
#pragma GCC visibility push(hidden)
#endif

#define __noreturn    __attribute__((noreturn))
#define __packed      __attribute__((packed))
#define __aligned(a)  __attribute__((aligned(a)))
#define __section(s)  __attribute__((section(s)))
#define __used        __attribute__((used))
#define __unused      __attribute__((unused))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define likely(x)     __builtin_expect(!!(x), 1)
#define unlikely(x)   __builtin_expect(!!(x), 0)

#define STRINGIFY_(x) #x
#define STRINGIFY(x)  STRINGIFY_(x)

#endif /* XEN_COMPILER_H */
