/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_hvm_op(op, arg): get and set a domain's parameters (numbers of
 * Xen's public/hvm/hvm_op.h and params.h; docs/specs/hypercalls.md).
 */
#ifndef PUBLIC_HVM_H
#define PUBLIC_HVM_H

#include <public/xen.h>

#define HVMOP_set_param 0
#define HVMOP_get_param 1

struct xen_hvm_param {
	domid_t domid;
	uint16_t pad;
	uint32_t index;
	uint64_t value;
};

#define HVM_PARAM_CALLBACK_IRQ   0
#define HVM_PARAM_STORE_PFN      1
#define HVM_PARAM_STORE_EVTCHN   2
#define HVM_PARAM_CONSOLE_PFN    17
#define HVM_PARAM_CONSOLE_EVTCHN 18
#define HVM_NR_PARAMS            40

/* HVM_PARAM_CALLBACK_IRQ value for a PPI: type in bits 63:56, flags, INTID 7:0. */
#define HVM_PARAM_CALLBACK_TYPE_PPI       2ULL
#define HVM_PARAM_CALLBACK_TYPE_SHIFT     56
#define HVM_PARAM_CALLBACK_PPI_EDGE       (1ULL << 8)
#define HVM_PARAM_CALLBACK_PPI_ACTIVE_LOW (1ULL << 9)

#endif /* PUBLIC_HVM_H */
