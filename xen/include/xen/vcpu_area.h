/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Guest memory a vCPU registers with the hypervisor: its vcpu_info
 * (VCPUOP_register_vcpu_info) and its runstate area
 * (VCPUOP_register_runstate_memory_area), which is kept up to date at every
 * change of the vCPU's run state.
 */
#ifndef XEN_VCPU_AREA_H
#define XEN_VCPU_AREA_H

#include <xen/types.h>

struct vcpu;

/* t's vcpu_info at gfn:offset of t's domain (caller is a vCPU of it). 0, -EINVAL, -EFAULT. */
int vcpu_register_info(struct vcpu *t, uint64_t gfn, uint32_t offset);
/* t's runstate area at guest virtual address gva, translated by the calling vCPU v. */
int vcpu_register_runstate(struct vcpu *v, struct vcpu *t, uint64_t gva);
/* v enters state (RUNSTATE_*) now: accounts the time and updates the guest's copy. */
void vcpu_runstate_change(struct vcpu *v, int state, uint64_t now);
/* The state a vCPU that stops running is in: blocked, offline or runnable. */
int vcpu_runstate_idle_state(const struct vcpu *v);

#endif /* XEN_VCPU_AREA_H */
