/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A vCPU's architectural state as the versioned record of
 * public/vcpu_state.h (docs/specs/vcpu-state.md), implemented by the arch.
 */
#ifndef XEN_VCPU_STATE_H
#define XEN_VCPU_STATE_H

#include <public/vcpu_state.h>

struct vcpu;

/*
 * v must be off every pCPU (its domain paused): -EBUSY otherwise. Load
 * checks the record (-EINVAL: version, pstate mode, unknown flags) before
 * changing anything, and sets v->online and v->initialised from its flags.
 */
int vcpu_state_save(struct vcpu *v, struct vcpu_state_v1 *r);
int vcpu_state_load(struct vcpu *v, const struct vcpu_state_v1 *r);

#endif /* XEN_VCPU_STATE_H */
