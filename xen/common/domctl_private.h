/* SPDX-License-Identifier: GPL-2.0-only */
/* What domctl.c and domctl_vcpu.c share (docs/specs/domctl.md). */
#ifndef XEN_COMMON_DOMCTL_PRIVATE_H
#define XEN_COMMON_DOMCTL_PRIVATE_H

#include <public/domctl.h>

struct domain;
struct vcpu;

/*
 * getvcpucontext, setvcpucontext, getvcpuinfo, get/set_hvm_param on d for
 * the calling vCPU caller (whose buffers they copy); -ENOSYS for any other cmd.
 */
long domctl_vcpu_op(struct vcpu *caller, struct domain *d, struct ctl_domctl *op);

#endif /* XEN_COMMON_DOMCTL_PRIVATE_H */
