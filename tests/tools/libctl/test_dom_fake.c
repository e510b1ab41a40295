// SPDX-License-Identifier: GPL-2.0-only
/*
 * A fake hypervisor for the domain-layer tests: just enough domctl,
 * memory_op, event_channel_op and foreign mapping for the builder and the
 * domain layer, with a failure to inject and scripted guest shutdowns.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <public/event_channel.h>
#include <public/memory.h>

#include "test_dom.h"

#define FAKE_PAGE_SIZE  4096
#define FAKE_FIRST_PORT 1

void fake_init(struct fake *f)
{
	memset(f, 0, sizeof(*f));
	f->doms[0] = (struct fake_dom){ .used = true, .name = "Domain-0",
					.flags = CTL_DOMINF_running | CTL_DOMINF_hvm_dom0,
					.max_vcpus = 1 };
	f->next_domid = 1;
	f->next_port = FAKE_FIRST_PORT;
}

unsigned int fake_nr_domains(const struct fake *f)
{
	unsigned int n = 0;

	for (int i = 1; i < FAKE_MAX_DOMS; i++)
		n += f->doms[i].used;
	return n;
}

static struct fake_dom *guest(struct fake *f, uint32_t domid)
{
	if (domid == 0 || domid >= FAKE_MAX_DOMS || !f->doms[domid].used)
		return NULL;
	return &f->doms[domid];
}

static long dom_create(struct fake *f, struct ctl_domctl *op)
{
	uint32_t id = f->next_domid;
	struct fake_dom *d;

	if (id >= FAKE_MAX_DOMS)
		return -ENOSPC;
	f->next_domid++;
	d = &f->doms[id];
	*d = (struct fake_dom){ .used = true, .flags = CTL_DOMINF_paused,
				.max_vcpus = op->u.create.max_vcpus,
				.max_mem_kb = op->u.create.max_mem_kb };
	memcpy(d->name, op->u.create.name, CTL_NAME_LEN);
	memcpy(f->created_names[f->nr_created++ % FAKE_MAX_DOMS], d->name, CTL_NAME_LEN);
	op->domid = (domid_t)id;
	return 0;
}

/* An unpaused guest follows the plan: it shuts down at once with the next reason. */
static void run(struct fake *f, struct fake_dom *d)
{
	d->flags = CTL_DOMINF_running;
	if (f->plan_next < f->nr_plan) {
		d->flags = CTL_DOMINF_shutdown;
		d->shutdown_code = f->plan[f->plan_next];
		if (f->plan_next + 1 < f->nr_plan || !f->plan_repeat)
			f->plan_next++;
	}
}

static long dom_getinfo(struct fake *f, struct ctl_domctl *op)
{
	for (uint32_t id = op->domid; id < FAKE_MAX_DOMS; id++) {
		struct fake_dom *d = &f->doms[id];

		if (!d->used)
			continue;
		op->u.info = (struct ctl_domctl_info){
			.domid = (domid_t)id, .flags = d->flags, .shutdown_code = d->shutdown_code,
			.nr_vcpus = d->max_vcpus, .tot_pages = d->pages,
			.max_pages = d->max_mem_kb / 4 };
		memcpy(op->u.info.name, d->name, CTL_NAME_LEN);
		return 0;
	}
	return -ESRCH;
}

static long dom_vcpu(struct fake_dom *d, struct ctl_domctl *op)
{
	uint32_t v = op->cmd == CTL_DOMCTL_vcpu_start ? op->u.vcpu_start.vcpu
						       : op->u.affinity.vcpu;

	if (v >= d->max_vcpus || v >= FAKE_MAX_VCPUS)
		return -ENOENT;
	if (op->cmd == CTL_DOMCTL_vcpu_start)
		d->vcpu0_started = true;
	else if (op->u.affinity.op == CTL_SET)
		d->affinity[v] = op->u.affinity.cpumap;
	else
		op->u.affinity.cpumap = d->affinity[v];
	return 0;
}

static long dom_hvm(struct fake_dom *d, struct ctl_domctl *op)
{
	uint32_t i = op->u.hvm_param.index;

	if (i >= FAKE_NR_HVM)
		return -EINVAL;
	if (op->cmd == CTL_DOMCTL_set_hvm_param)
		d->hvm[i] = op->u.hvm_param.value;
	else
		op->u.hvm_param.value = d->hvm[i];
	return 0;
}

/* Commands on an existing guest. */
static long dom_op(struct fake *f, struct fake_dom *d, struct ctl_domctl *op)
{
	switch (op->cmd) {
	case CTL_DOMCTL_destroy:
		memset(d, 0, sizeof(*d));
		return 0;
	case CTL_DOMCTL_pause:
		d->flags = (d->flags & ~CTL_DOMINF_running) | CTL_DOMINF_paused;
		return 0;
	case CTL_DOMCTL_unpause:
		run(f, d);
		return 0;
	case CTL_DOMCTL_max_mem:
		d->max_mem_kb = op->u.max_mem_kb;
		return 0;
	case CTL_DOMCTL_shutdown:
		d->flags = CTL_DOMINF_shutdown;
		d->shutdown_code = op->u.shutdown_reason;
		return 0;
	case CTL_DOMCTL_vcpu_affinity:
	case CTL_DOMCTL_vcpu_start:
		return dom_vcpu(d, op);
	case CTL_DOMCTL_get_hvm_param:
	case CTL_DOMCTL_set_hvm_param:
		return dom_hvm(d, op);
	default:
		return -ENOSYS;
	}
}

static long domctl(struct fake *f, struct ctl_domctl *op)
{
	struct fake_dom *d;

	if (op->version != CTL_INTERFACE_VERSION)
		return -EACCES;
	if (op->cmd == CTL_DOMCTL_create)
		return dom_create(f, op);
	if (op->cmd == CTL_DOMCTL_getinfo)
		return dom_getinfo(f, op);
	d = guest(f, op->domid);
	return d ? dom_op(f, d, op) : -ESRCH;
}

static long memory_op(struct fake *f, uint64_t cmd, struct xen_memory_reservation *r)
{
	struct fake_dom *d = guest(f, r->domid);
	uint64_t pages = (uint64_t)r->nr_extents << r->extent_order;

	if (!d)
		return -ESRCH;
	if (cmd == XENMEM_populate_physmap) {
		if (f->populate_rc)
			return f->populate_rc;
		d->pages += pages;
	} else if (cmd == XENMEM_decrease_reservation) {
		d->pages -= pages < d->pages ? pages : d->pages;
	} else {
		return -ENOSYS;
	}
	return (long)r->nr_extents;
}

static long evtchn_op(struct fake *f, uint64_t cmd, struct evtchn_alloc_unbound *a)
{
	if (cmd != EVTCHNOP_alloc_unbound)
		return -ENOSYS;
	if (!guest(f, a->dom))
		return -ESRCH;
	a->port = f->next_port++;
	return 0;
}

static long hypercall(void *priv, unsigned int nr, const uint64_t args[CTL_HCALL_ARGS])
{
	struct fake *f = priv;

	switch (nr) {
	case __HYPERVISOR_domctl:
		return domctl(f, (struct ctl_domctl *)(uintptr_t)args[0]);
	case __HYPERVISOR_memory_op:
		return memory_op(f, args[0], (struct xen_memory_reservation *)(uintptr_t)args[1]);
	case __HYPERVISOR_event_channel_op:
		return evtchn_op(f, args[0], (struct evtchn_alloc_unbound *)(uintptr_t)args[1]);
	default:
		return -ENOSYS;
	}
}

/* Fresh zeroed memory stands in for the guest's frames (their content is not checked). */
static void *map_foreign(void *priv, uint32_t domid, const uint64_t *gfns, size_t n,
			 bool writable, int *errs)
{
	void *p = guest(priv, domid) ? aligned_alloc(FAKE_PAGE_SIZE, n * FAKE_PAGE_SIZE) : NULL;

	for (size_t i = 0; i < n; i++)
		errs[i] = p ? 0 : -EFAULT;
	if (p)
		memset(p, 0, n * FAKE_PAGE_SIZE);
	return p;
}

static int unmap_foreign(void *priv, void *p, size_t n)
{
	free(p);
	return 0;
}

const struct ctl_backend fake_backend_ops = {
	.hypercall = hypercall,
	.map_foreign = map_foreign,
	.unmap_foreign = unmap_foreign,
};
