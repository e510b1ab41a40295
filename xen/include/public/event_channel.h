/* SPDX-License-Identifier: MIT */
/*
 * HYPERVISOR_event_channel_op(cmd, arg): the 2-level event-channel ABI
 * (numbers and layouts of Xen's public/event_channel.h; docs/specs/hypercalls.md).
 */
#ifndef PUBLIC_EVENT_CHANNEL_H
#define PUBLIC_EVENT_CHANNEL_H

#include <public/xen.h>

typedef uint32_t evtchn_port_t;

#define EVTCHNOP_bind_interdomain 0
#define EVTCHNOP_bind_virq        1
#define EVTCHNOP_bind_pirq        2
#define EVTCHNOP_close            3
#define EVTCHNOP_send             4
#define EVTCHNOP_status           5
#define EVTCHNOP_alloc_unbound    6
#define EVTCHNOP_bind_ipi         7
#define EVTCHNOP_bind_vcpu        8
#define EVTCHNOP_unmask           9
#define EVTCHNOP_reset            10
#define EVTCHNOP_init_control     11
#define EVTCHNOP_expand_array     12
#define EVTCHNOP_set_priority     13
#define EVTCHNOP_reset_cont       14

struct evtchn_alloc_unbound {
	domid_t dom;             /* IN: who allocates (DOMID_SELF or, for dom0, another) */
	domid_t remote_dom;      /* IN: who may bind */
	evtchn_port_t port;      /* OUT */
};

struct evtchn_bind_interdomain {
	domid_t remote_dom;      /* IN */
	uint16_t pad;
	evtchn_port_t remote_port; /* IN: an unbound port of remote_dom for us */
	evtchn_port_t local_port;  /* OUT */
};

struct evtchn_bind_virq {
	uint32_t virq;           /* IN */
	uint32_t vcpu;           /* IN */
	evtchn_port_t port;      /* OUT */
};

struct evtchn_bind_ipi {
	uint32_t vcpu;           /* IN */
	evtchn_port_t port;      /* OUT */
};

struct evtchn_close {
	evtchn_port_t port;
};

struct evtchn_send {
	evtchn_port_t port;
};

#define EVTCHNSTAT_closed       0
#define EVTCHNSTAT_unbound      1
#define EVTCHNSTAT_interdomain  2
#define EVTCHNSTAT_pirq         3
#define EVTCHNSTAT_virq         4
#define EVTCHNSTAT_ipi          5

struct evtchn_status {
	domid_t dom;             /* IN */
	uint16_t pad;
	evtchn_port_t port;      /* IN */
	uint32_t status;         /* OUT: EVTCHNSTAT_* */
	uint32_t vcpu;           /* OUT: notified vCPU */
	union {
		struct {
			domid_t dom;
		} unbound;
		struct {
			domid_t dom;
			uint16_t pad;
			evtchn_port_t port;
		} interdomain;
		uint32_t pirq;
		uint32_t virq;
	} u;
};

struct evtchn_bind_vcpu {
	evtchn_port_t port;
	uint32_t vcpu;
};

struct evtchn_unmask {
	evtchn_port_t port;
};

struct evtchn_reset {
	domid_t dom;
};

#endif /* PUBLIC_EVENT_CHANNEL_H */
