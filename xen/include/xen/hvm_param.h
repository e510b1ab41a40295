/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A domain's HVM parameters (public/hvm.h), shared by HYPERVISOR_hvm_op and
 * the toolstack's domctl get/set_hvm_param.
 */
#ifndef XEN_HVM_PARAM_H
#define XEN_HVM_PARAM_H

#include <xen/types.h>

struct domain;

/* The value of param index of d (index < HVM_NR_PARAMS); CALLBACK_IRQ is fixed on Arm. */
uint64_t hvm_param_get(const struct domain *d, unsigned int index);
/* Stores it (index < HVM_NR_PARAMS); a CALLBACK_IRQ write is accepted and ignored. */
void hvm_param_set(struct domain *d, unsigned int index, uint64_t value);

#endif /* XEN_HVM_PARAM_H */
