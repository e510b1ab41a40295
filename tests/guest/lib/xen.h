/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Xen hypercalls on Arm64 (xen/include/public/arch-arm.h): HVC #0xEA1, the
 * hypercall number in x16, arguments in x0..x4, the result in x0 (negative
 * Xen errno on failure). Numbers are from xen/include/public/xen.h and the
 * sub-op headers named below.
 */
#ifndef GUEST_XEN_H
#define GUEST_XEN_H

#include <xen/types.h>

#define XEN_HYPERCALL_TAG      0xEA1

#define HYPERVISOR_xen_version 17
#define HYPERVISOR_console_io  18
#define HYPERVISOR_vcpu_op     24
#define HYPERVISOR_sched_op    29

/* public/version.h */
#define XENVER_version         0          /* returns major << 16 | minor */
#define XENVER_MAJOR_SHIFT     16
#define XENVER_MINOR_MASK      0xffff

/* public/xen.h */
#define CONSOLEIO_write        0

/* public/vcpu.h */
#define VCPUOP_is_up           3          /* 1 if up, 0 if down */

/* public/sched.h */
#define SCHEDOP_yield          0
#define SCHEDOP_block          1
#define SCHEDOP_shutdown       2
#define SHUTDOWN_poweroff      0

long xen_hypercall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2);

long xen_version(unsigned int cmd, void *arg);
long xen_console_write(const char *buf, size_t len);
long xen_vcpu_is_up(unsigned int vcpu);
long xen_sched_yield(void);
long xen_sched_block(void);
long xen_sched_shutdown(unsigned int reason);

#endif /* GUEST_XEN_H */
