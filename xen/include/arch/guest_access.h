/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Arch contract: reading and writing a guest's memory at the addresses its
 * hypercalls pass (guest virtual addresses on Arm, translated through the
 * guest's stage 1 and stage 2 as they stand on the calling vCPU).
 * 0 or -EFAULT (nothing mapped there, or not writable for a write).
 */
#ifndef ARCH_GUEST_ACCESS_H
#define ARCH_GUEST_ACCESS_H

#include <xen/types.h>

struct vcpu;

int copy_from_guest(struct vcpu *v, void *dst, uint64_t gva, size_t len);
int copy_to_guest(struct vcpu *v, uint64_t gva, const void *src, size_t len);

/*
 * The guest-physical address behind gva by v's own stage 1 (v must be the
 * calling vCPU): 0 or -EFAULT.
 */
int guest_gva_to_ipa(struct vcpu *v, uint64_t gva, bool write, ipa_t *ipa);

#endif /* ARCH_GUEST_ACCESS_H */
