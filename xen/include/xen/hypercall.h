/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypercall dispatch: a table indexed by the hypercall number. */
#ifndef XEN_HYPERCALL_H
#define XEN_HYPERCALL_H

#include <xen/domain.h>

#define HCALL_ARGS 5

typedef long (*hypercall_fn)(struct vcpu *v, const uint64_t a[HCALL_ARGS]);

/* Runs hypercall nr for v; unknown numbers give -ENOSYS. */
long do_hypercall(struct vcpu *v, uint64_t nr, const uint64_t a[HCALL_ARGS]);

long do_xen_version(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_console_io(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_sched_op(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_vcpu_op(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_memory_op(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_hvm_op(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_platform_op(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_multicall(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_vm_assist(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_domctl(struct vcpu *v, const uint64_t a[HCALL_ARGS]);
long do_sysctl(struct vcpu *v, const uint64_t a[HCALL_ARGS]);

#endif /* XEN_HYPERCALL_H */
