// SPDX-License-Identifier: GPL-2.0-only
/* Fixture of the event-channel suites: see test_evtchn.h. */
#include "test_evtchn.h"

#define TE_POOL_MIB 16

struct domain *te_d[TE_NR_DOMS];
static unsigned int te_max_ports;
static size_t te_heap_start;

int te_suite_init(void)
{
	return ut_domains_init(TE_POOL_MIB);
}

int te_suite_clean(void)
{
	hardware_domain = NULL;
	return ut_domains_fini();
}

void te_setup(unsigned int max_ports)
{
	te_heap_start = fake_xmalloc_in_use();
	te_max_ports = max_ports;
	for (domid_t id = 0; id < TE_NR_DOMS; id++) {
		te_d[id] = ut_domain_create(id, TE_VCPUS, 1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(te_d[id]);
		CU_ASSERT_EQUAL_FATAL(evtchn_domain_init(te_d[id], max_ports), 0);
		te_d[id]->nr_polling = 1;   /* as if a vCPU polled: every wake-up reaches the hook */
	}
	hardware_domain = te_d[0];
	fake_hooks_reset();
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
}

void te_teardown(void)
{
	for (unsigned int i = 0; i < TE_NR_DOMS; i++) {
		evtchn_domain_destroy(te_d[i]);
		CU_ASSERT_PTR_NULL(te_d[i]->evtchn);
		ut_domain_destroy(te_d[i]);
		te_d[i] = NULL;
	}
	hardware_domain = NULL;
	fake_guest_bad_lo = fake_guest_bad_hi = 0;
	CU_ASSERT_EQUAL(fake_xmalloc_in_use(), te_heap_start);
}

long te_op(struct domain *d, unsigned int vcpu, unsigned int cmd, void *arg)
{
	uint64_t a[HCALL_ARGS] = { cmd, (uintptr_t)arg };

	return do_event_channel_op(d->vcpus[vcpu], a);
}

evtchn_port_t te_alloc(struct domain *caller, domid_t dom, domid_t remote)
{
	struct evtchn_alloc_unbound a = { .dom = dom, .remote_dom = remote, .port = TE_BAD_PORT };

	CU_ASSERT_EQUAL(te_op(caller, 0, EVTCHNOP_alloc_unbound, &a), 0);
	CU_ASSERT_NOT_EQUAL(a.port, TE_BAD_PORT);
	return a.port;
}

evtchn_port_t te_bind(struct domain *caller, domid_t remote, evtchn_port_t rport)
{
	struct evtchn_bind_interdomain b = { .remote_dom = remote, .remote_port = rport,
					     .local_port = TE_BAD_PORT };

	CU_ASSERT_EQUAL(te_op(caller, 0, EVTCHNOP_bind_interdomain, &b), 0);
	CU_ASSERT_NOT_EQUAL(b.local_port, TE_BAD_PORT);
	return b.local_port;
}

evtchn_port_t te_ipi(struct domain *d, unsigned int vcpu)
{
	struct evtchn_bind_ipi b = { .vcpu = vcpu, .port = TE_BAD_PORT };

	CU_ASSERT_EQUAL(te_op(d, vcpu, EVTCHNOP_bind_ipi, &b), 0);
	CU_ASSERT_NOT_EQUAL(b.port, TE_BAD_PORT);
	return b.port;
}

evtchn_port_t te_virq(struct domain *d, unsigned int virq, unsigned int vcpu)
{
	struct evtchn_bind_virq b = { .virq = virq, .vcpu = vcpu, .port = TE_BAD_PORT };

	CU_ASSERT_EQUAL(te_op(d, 0, EVTCHNOP_bind_virq, &b), 0);
	CU_ASSERT_NOT_EQUAL(b.port, TE_BAD_PORT);
	return b.port;
}

uint32_t te_status(struct domain *d, evtchn_port_t port, struct evtchn_status *st)
{
	struct evtchn_status s = { .dom = d->id, .port = port, .status = TE_BAD_PORT };

	CU_ASSERT_EQUAL(te_op(te_d[0], 0, EVTCHNOP_status, &s), 0);
	if (st)
		*st = s;
	return s.status;
}

static uint64_t *word(uint64_t *words, evtchn_port_t port)
{
	return &words[port / TE_WORD_BITS];
}

static uint64_t bit(evtchn_port_t port)
{
	return 1ULL << (port % TE_WORD_BITS);
}

bool te_pending(struct domain *d, evtchn_port_t port)
{
	return *word(d->shared_info->evtchn_pending, port) & bit(port);
}

bool te_masked(struct domain *d, evtchn_port_t port)
{
	return *word(d->shared_info->evtchn_mask, port) & bit(port);
}

void te_mask(struct domain *d, evtchn_port_t port)
{
	*word(d->shared_info->evtchn_mask, port) |= bit(port);
}

void te_ack(struct domain *d, unsigned int vcpu, evtchn_port_t port)
{
	*word(d->shared_info->evtchn_pending, port) &= ~bit(port);
	d->vcpus[vcpu]->vcpu_info->evtchn_pending_sel = 0;
	d->vcpus[vcpu]->vcpu_info->evtchn_upcall_pending = 0;
}

uint64_t te_sel(struct domain *d, unsigned int vcpu)
{
	return d->vcpus[vcpu]->vcpu_info->evtchn_pending_sel;
}

uint8_t te_upcall(struct domain *d, unsigned int vcpu)
{
	return d->vcpus[vcpu]->vcpu_info->evtchn_upcall_pending;
}

unsigned int te_open_ports(struct domain *d)
{
	unsigned int n = 0;

	for (evtchn_port_t p = 1; p < te_max_ports; p++)
		if (te_status(d, p, NULL) != EVTCHNSTAT_closed)
			n++;
	return n;
}
