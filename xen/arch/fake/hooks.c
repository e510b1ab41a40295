// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fake arch: hooks generic code calls into the rest of the hypervisor, which
 * on the host only count their calls so tests can check them.
 */
#include <asm/fake.h>
#include <string.h>
#include <xen/domain.h>
#include <xen/event.h>
#include <xen/p2m.h>
#include <xen/sched.h>

unsigned int fake_kicks[FAKE_MAX_CPUS];
unsigned int fake_vcpu_kicks;
struct vcpu *fake_last_kicked;
unsigned int fake_tlb_flush_vmid;
unsigned int fake_tlb_flush_ipa;
unsigned int fake_evtchn_upcalls;
struct vcpu *fake_last_upcall;
unsigned int fake_poll_wakes;
unsigned int fake_last_poll_port;

void fake_hooks_reset(void)
{
	memset(fake_kicks, 0, sizeof(fake_kicks));
	fake_vcpu_kicks = 0;
	fake_last_kicked = NULL;
	fake_tlb_flush_vmid = 0;
	fake_tlb_flush_ipa = 0;
	fake_evtchn_upcalls = 0;
	fake_last_upcall = NULL;
	fake_poll_wakes = 0;
	fake_last_poll_port = 0;
}

void sched_arch_kick(unsigned int cpu)
{
	if (cpu < FAKE_MAX_CPUS)
		fake_kicks[cpu]++;
}

void vcpu_kick(struct vcpu *v)
{
	fake_vcpu_kicks++;
	fake_last_kicked = v;
}

void arch_p2m_flush_vmid(uint16_t vmid)
{
	(void)vmid;
	fake_tlb_flush_vmid++;
}

void arch_p2m_flush_ipa(uint16_t vmid, ipa_t ipa)
{
	(void)vmid;
	(void)ipa;
	fake_tlb_flush_ipa++;
}

void arch_p2m_sync(void)
{
}

void arch_evtchn_upcall(struct vcpu *v)
{
	fake_evtchn_upcalls++;
	fake_last_upcall = v;
}

void sched_poll_wake(struct domain *d, evtchn_port_t port)
{
	(void)d;
	fake_poll_wakes++;
	fake_last_poll_port = port;
}
