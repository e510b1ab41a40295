// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cost of the paravirtual paths backends use, in CNTVCT_EL0 ticks (guest
 * instructions under -icount shift=0), iters= (default 10000) each:
 *   pv evtchn_send  EVTCHNOP_send on a port bound to another port of this
 *                   domain (loopback), the target's pending bits cleared
 *                   before each send so every send delivers in full
 *   pv grant_copy   GNTTABOP_copy of one 4 KiB page from a grant of this
 *                   domain to one of its frames
 * The domain's own ID comes from the domid= boot argument (the grant entry
 * names who may use it).
 */
#include "lib/guest.h"
#include "lib/measure.h"
#include <public/event_channel.h>
#include <public/grant_table.h>
#include <public/memory.h>

#define DEFAULT_ITERS   10000
#define GRANT_REF       8             /* the first refs are reserved (console, xenstore) */
#define HYPERVISOR_memory_op        12
#define HYPERVISOR_grant_table_op   20
#define HYPERVISOR_event_channel_op 32
#define BITS_PER_WORD   64

const char guest_name[] = "pvbench";

static uint8_t shared_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static uint8_t grant_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static uint8_t src_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static uint8_t dst_page[PAGE_SIZE] __aligned(PAGE_SIZE);

static struct shared_info *si = (struct shared_info *)shared_page;
static evtchn_port_t port_a, port_b;
static struct gnttab_copy copy_op;

static void map_page(unsigned int space, uint64_t idx, void *page)
{
	struct xen_add_to_physmap x = { .domid = DOMID_SELF, .space = space, .idx = idx,
					.gpfn = (uint64_t)page >> PAGE_SHIFT };
	long rc = xen_hypercall(HYPERVISOR_memory_op, XENMEM_add_to_physmap, (uint64_t)&x, 0);

	if (rc)
		guest_fail("add_to_physmap space %u: %ld", space, rc);
}

static void bind_loopback(void)
{
	struct evtchn_alloc_unbound u = { .dom = DOMID_SELF, .remote_dom = DOMID_SELF };
	struct evtchn_bind_interdomain b = { .remote_dom = DOMID_SELF };
	long rc = xen_hypercall(HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound,
				(uint64_t)&u, 0);

	if (rc)
		guest_fail("alloc_unbound: %ld", rc);
	b.remote_port = u.port;
	rc = xen_hypercall(HYPERVISOR_event_channel_op, EVTCHNOP_bind_interdomain, (uint64_t)&b, 0);
	if (rc)
		guest_fail("bind_interdomain: %ld", rc);
	port_a = u.port;
	port_b = b.local_port;
}

static void clear_event(void)
{
	si->evtchn_pending[port_a / BITS_PER_WORD] = 0;
	si->vcpu_info[0].evtchn_pending_sel = 0;
	si->vcpu_info[0].evtchn_upcall_pending = 0;
	barrier();
}

static void op_clear(void)
{
	clear_event();
}

static void op_send(void)
{
	struct evtchn_send s = { .port = port_b };

	clear_event();
	xen_hypercall(HYPERVISOR_event_channel_op, EVTCHNOP_send, (uint64_t)&s, 0);
}

static void op_empty(void)
{
	barrier();
}

static void op_copy(void)
{
	xen_hypercall(HYPERVISOR_grant_table_op, GNTTABOP_copy, (uint64_t)&copy_op, 1);
}

static void report(const char *metric, measure_fn op, measure_fn base, uint64_t iters)
{
	uint64_t t = measure_ticks(op, iters), b = measure_ticks(base, iters);

	guest_bench("pv", metric, t > b ? (t - b) / iters : 0, "ticks");
}

static void setup_grant(uint64_t domid)
{
	struct grant_entry_v1 *e = (struct grant_entry_v1 *)grant_page;

	map_page(XENMAPSPACE_grant_table, 0, grant_page);
	e[GRANT_REF].domid = (domid_t)domid;
	e[GRANT_REF].frame = (uint32_t)((uint64_t)src_page >> PAGE_SHIFT);
	barrier();
	e[GRANT_REF].flags = GTF_permit_access;
	copy_op = (struct gnttab_copy){
		.source = { .u.ref = GRANT_REF, .domid = (domid_t)domid },
		.dest = { .u.gmfn = (uint64_t)dst_page >> PAGE_SHIFT, .domid = DOMID_SELF },
		.len = PAGE_SIZE, .flags = GNTCOPY_source_gref,
	};
}

static void check_copy(void)
{
	for (unsigned int i = 0; i < PAGE_SIZE; i++)
		src_page[i] = (uint8_t)(i * 7 + 3);
	op_copy();
	if (copy_op.status != GNTST_okay)
		guest_fail("grant copy: status %d", copy_op.status);
	for (unsigned int i = 0; i < PAGE_SIZE; i++)
		if (dst_page[i] != src_page[i])
			guest_fail("grant copy: byte %u differs", i);
}

static void check_send(void)
{
	op_send();
	if (!(si->evtchn_pending[port_a / BITS_PER_WORD] & (1UL << (port_a % BITS_PER_WORD))) ||
	    !si->vcpu_info[0].evtchn_upcall_pending)
		guest_fail("send on port %u did not flag port %u", port_b, port_a);
}

void guest_main(void)
{
	uint64_t iters = bootarg_u64("iters", DEFAULT_ITERS);
	uint64_t domid = bootarg_u64("domid", 0);

	if (!iters || !domid)
		guest_fail("needs iters= > 0 and domid= (this domain's ID)");
	map_page(XENMAPSPACE_shared_info, 0, shared_page);
	bind_loopback();
	check_send();
	report("evtchn_send", op_send, op_clear, iters);
	setup_grant(domid);
	check_copy();
	report("grant_copy", op_copy, op_empty, iters);
	guest_info("ports %u -> %u, grant ref %u", port_b, port_a, GRANT_REF);
}
