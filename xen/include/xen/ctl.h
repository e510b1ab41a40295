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

/*
 * Finishes destroying the zombies whose last foreign grant mapping is gone
 * (domain_reap_zombies() under the domctl lock); cheap when there are none.
 * Called after grant-table operations, which are what drains them.
 */
void domctl_reap_zombies(void);

#endif /* XEN_CTL_H */
