/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fixture for the event-channel suites (test_evtchn_*.c): domains 0
 * (hardware_domain), 1 and 2 with TE_VCPUS vCPUs and a port table each,
 * the hypercall as a guest makes it, and readers for the 2-level bits the
 * guest sees in its shared_info and vcpu_info.
 */
#ifndef TEST_EVTCHN_H
#define TEST_EVTCHN_H

#include "harness.h"
#include "ut_domain.h"
#include <asm/fake.h>
#include <xen/errno.h>
#include <xen/event.h>

#define TE_NR_DOMS   3
#define TE_VCPUS     2
#define TE_PORTS     128     /* ports per table: two 64-bit words of the 2-level bitmap */
#define TE_WORD_BITS 64      /* bits of a xen_ulong_t word on arm64 (public/xen.h) */
#define TE_BAD_PORT  0xdeadbeefU   /* sentinel in OUT fields: must survive failures */

/* The test domains by id: te_d[0] is hardware_domain. */
extern struct domain *te_d[TE_NR_DOMS];

/* Suite init/cleanup: the page pool the test domains need. */
int te_suite_init(void);
int te_suite_clean(void);

/* Creates domains 0..2 with port tables of max_ports; resets the hook counters. */
void te_setup(unsigned int max_ports);
/* Destroys them and checks that every byte the tables took came back. */
void te_teardown(void);

/* HYPERVISOR_event_channel_op(cmd, arg) from d's vCPU vcpu. */
long te_op(struct domain *d, unsigned int vcpu, unsigned int cmd, void *arg);

/* Operations that must succeed; they return the port. */
evtchn_port_t te_alloc(struct domain *caller, domid_t dom, domid_t remote);
evtchn_port_t te_bind(struct domain *caller, domid_t remote, evtchn_port_t rport);
evtchn_port_t te_ipi(struct domain *d, unsigned int vcpu);
evtchn_port_t te_virq(struct domain *d, unsigned int virq, unsigned int vcpu);

/* EVTCHNOP_status as dom0 sees it: EVTCHNSTAT_* and, through *st, the rest. */
uint32_t te_status(struct domain *d, evtchn_port_t port, struct evtchn_status *st);

/* The guest's view. */
bool te_pending(struct domain *d, evtchn_port_t port);
bool te_masked(struct domain *d, evtchn_port_t port);
void te_mask(struct domain *d, evtchn_port_t port);
/* Clears port's pending bit and vCPU vcpu's selector and upcall flag. */
void te_ack(struct domain *d, unsigned int vcpu, evtchn_port_t port);
uint64_t te_sel(struct domain *d, unsigned int vcpu);
uint8_t te_upcall(struct domain *d, unsigned int vcpu);
/* Number of ports of d that are not closed (dom0's view through status). */
unsigned int te_open_ports(struct domain *d);

#endif /* TEST_EVTCHN_H */
