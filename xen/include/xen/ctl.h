/* SPDX-License-Identifier: GPL-2.0-only */
/* What domctl and sysctl share (docs/specs/domctl.md). */
#ifndef XEN_CTL_H
#define XEN_CTL_H

#include <xen/types.h>

struct vcpu;

/*
 * The caller must be the hardware domain (-EPERM); reads the len-byte
 * struct at gva into op (-EFAULT), whose second word is the interface
 * version (-EACCES unless CTL_INTERFACE_VERSION). 0 when op may be used.
 */
int ctl_read_op(struct vcpu *v, uint64_t gva, void *op, size_t len);

#endif /* XEN_CTL_H */
