/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * HYPERVISOR_memory_op, split by operation (docs/specs/hypercalls.md):
 * op.c dispatches, reservation.c gives RAM back and takes it again
 * (balloon), physmap.c maps the hypervisor's pages (shared_info, grant
 * frames) and other domains' pages (privcmd) into a physmap.
 *
 * Memory a guest gives back stays allocated to it: RAM is allocated in
 * blocks of up to 1 GiB that the buddy allocator cannot split, so a
 * ballooned-out page of a domain that is not direct-mapped goes to the
 * domain's balloon pool and populate_physmap reuses it first; a direct-mapped
 * domain (dom0) gets the very same page back at the same address. Either way
 * it returns to the hypervisor when the domain is destroyed.
 */
#ifndef XEN_COMMON_MEMORY_PRIVATE_H
#define XEN_COMMON_MEMORY_PRIVATE_H

#include <public/memory.h>
#include <xen/domain.h>
#include <xen/hypercall.h>

/* Low bits of the command; the rest is the extent to start from (Xen's MEMOP_EXTENT_SHIFT). */
#define MEMOP_CMD_MASK      0x3fUL
#define MEMOP_EXTENT_SHIFT  6
/* Largest extent order a guest may give back or ask for (2 MiB). */
#define MEMOP_MAX_ORDER     9

/*
 * The domain an operation names: DOMID_SELF or the caller's own ID, or any
 * domain if the caller is the hardware domain. NULL with *err = -EPERM or -ESRCH.
 */
struct domain *memop_target(struct vcpu *v, domid_t id, int *err);

/*
 * Copies the len-byte argument at gva into arg and finds the domain its
 * leading domid_t names (as memop_target); NULL with *err (-EFAULT too).
 */
struct domain *memop_read_arg(struct vcpu *v, uint64_t gva, void *arg, size_t len, int *err);

long memop_reservation(struct vcpu *v, unsigned long cmd, uint64_t arg);
long memop_add_to_physmap(struct vcpu *v, uint64_t arg);
long memop_add_to_physmap_batch(struct vcpu *v, uint64_t arg);
long memop_remove_from_physmap(struct vcpu *v, uint64_t arg);


#endif /* XEN_COMMON_MEMORY_PRIVATE_H */
