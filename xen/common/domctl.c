// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_domctl: the toolstack's control of domains
 * (docs/specs/domctl.md). Hardware domain only; the interface version is
 * checked on every call.
 */
#include <arch/guest_access.h>
#include <public/domctl.h>
#include <xen/ctl.h>
#include <xen/dom0less.h>
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/spinlock.h>
#include <xen/timer.h>

#include "domctl_private.h"

#define GIC_VERSION_3  3
#define KB_PER_PAGE    (PAGE_SIZE >> 10)

static long create(struct ctl_domctl *op)
{
	const struct ctl_domctl_create *c = &op->u.create;
	struct domain_config cfg = {
		.max_vcpus = c->max_vcpus, .max_evtchn = c->max_evtchn,
		.max_grant_frames = c->max_grant_frames, .max_maptrack = c->max_maptrack,
		.max_pages = c->max_mem_kb / KB_PER_PAGE, .nr_spis = c->nr_spis,
	};
	struct domain *d;
	int rc;

	if (c->gic_version != GIC_VERSION_3 || strnlen(c->name, CTL_NAME_LEN) == CTL_NAME_LEN)
		return -EINVAL;
	memcpy(cfg.name, c->name, CTL_NAME_LEN);
	d = domain_create(op->domid, &cfg, &rc);
	if (!d)
		return rc;
	op->domid = d->id;
	return 0;
}

static uint32_t info_flags(const struct domain *d)
{
	uint32_t f = d == hardware_domain ? CTL_DOMINF_hvm_dom0 : 0;

	if (d->state == DOMAIN_SHUTDOWN)
		return f | CTL_DOMINF_shutdown;
	if (d->state == DOMAIN_DYING)
		return f | CTL_DOMINF_dying;
	return f | (d->pause_count ? CTL_DOMINF_paused : CTL_DOMINF_running);
}

static void fill_info(const struct domain *d, struct ctl_domctl_info *i)
{
	uint64_t now = now_ns();

	*i = (struct ctl_domctl_info){
		.domid = d->id, .flags = info_flags(d), .shutdown_code = d->shutdown_code,
		.nr_vcpus = d->nr_vcpus, .tot_pages = d->tot_pages, .max_pages = d->cfg.max_pages,
		.created_ns = d->created_ns,
	};
	for (unsigned int v = 0; v < d->nr_vcpus; v++) {
		i->nr_online_vcpus += d->vcpus[v]->online;
		i->cpu_time_ns += sched_runtime_ns(d->vcpus[v], now);
	}
	memcpy(i->name, d->cfg.name, MIN(sizeof(i->name), sizeof(d->cfg.name)));
	i->name[CTL_NAME_LEN - 1] = '\0';
}

/* The first domain with an ID >= op->domid: `ctl list` walks them this way. */
static long getinfo(struct ctl_domctl *op)
{
	for (uint32_t id = op->domid; id < DOMID_FIRST_RESERVED; id++) {
		struct domain *d = domain_by_id((domid_t)id);

		if (d) {
			fill_info(d, &op->u.info);
			return 0;
		}
	}
	return -ESRCH;
}

static long sched_credit(struct domain *d, struct ctl_domctl_sched_credit *c)
{
	struct sched_params p = { c->weight, c->cap };

	if (c->op == CTL_SET)
		return sched_set_params(d, &p);
	sched_get_params(d, &p);
	c->weight = p.weight;
	c->cap = p.cap;
	return 0;
}

static long vcpu_affinity(struct domain *d, struct ctl_domctl_vcpu_affinity *a)
{
	struct vcpu *v;

	if (a->vcpu >= d->nr_vcpus)
		return -ENOENT;
	v = d->vcpus[a->vcpu];
	if (a->op == CTL_SET)
		return sched_set_affinity(v, a->cpumap, now_ns());
	a->cpumap = v->sched.affinity;
	return 0;
}

static long vcpu_start(struct domain *d, const struct ctl_domctl_vcpu_start *s)
{
	struct vcpu *v;

	if (s->vcpu >= d->nr_vcpus)
		return -ENOENT;
	v = d->vcpus[s->vcpu];
	if (!d->pause_count || v->online)
		return -EBUSY;     /* the builder starts vCPUs of a paused domain, once */
	arch_vcpu_start(v, s->pc, s->x0);
	return 0;
}

/* Commands that change whether the domain exists or runs: never on dom0. */
static long lifecycle(struct domain *d, struct ctl_domctl *op)
{
	switch (op->cmd) {
	case CTL_DOMCTL_destroy:
		if (d->state == DOMAIN_RUNNING && !d->pause_count)
			domain_pause(d);
		return domain_destroy(d);
	case CTL_DOMCTL_pause:
		domain_pause(d);
		return 0;
	case CTL_DOMCTL_unpause:
		domain_unpause(d);
		return 0;
	case CTL_DOMCTL_max_mem:
		d->cfg.max_pages = op->u.max_mem_kb / KB_PER_PAGE;
		return 0;
	case CTL_DOMCTL_vcpu_start:
		return vcpu_start(d, &op->u.vcpu_start);
	case CTL_DOMCTL_shutdown:
		if (op->u.shutdown_reason > SHUTDOWN_WATCHDOG)
			return -EINVAL;
		domain_shutdown(d, op->u.shutdown_reason);
		return 0;
	default:
		return -ENOSYS;
	}
}

static long on_domain(struct vcpu *caller, struct ctl_domctl *op)
{
	struct domain *d = domain_by_id(op->domid);

	if (!d)
		return -ESRCH;
	/* A domain being destroyed (a zombie) can only be destroyed again: a no-op. */
	if (d->state == DOMAIN_DYING)
		return op->cmd == CTL_DOMCTL_destroy ? 0 : -ESRCH;
	switch (op->cmd) {
	case CTL_DOMCTL_sched_credit:
		return sched_credit(d, &op->u.sched);
	case CTL_DOMCTL_vcpu_affinity:
		return vcpu_affinity(d, &op->u.affinity);
	case CTL_DOMCTL_getvcpucontext:
	case CTL_DOMCTL_setvcpucontext:
	case CTL_DOMCTL_getvcpuinfo:
	case CTL_DOMCTL_get_hvm_param:
	case CTL_DOMCTL_set_hvm_param:
		return domctl_vcpu_op(caller, d, op);
	default:
		/* dom0 does not pause or destroy itself this way */
		return d == hardware_domain ? -EINVAL : lifecycle(d, op);
	}
}

/* The commands whose results are in the struct, which is then copied back. */
static bool returns_data(uint32_t cmd)
{
	switch (cmd) {
	case CTL_DOMCTL_create:
	case CTL_DOMCTL_getinfo:
	case CTL_DOMCTL_sched_credit:
	case CTL_DOMCTL_vcpu_affinity:
	case CTL_DOMCTL_get_hvm_param:
	case CTL_DOMCTL_getvcpuinfo:
		return true;
	default:
		return false;
	}
}

static long dispatch(struct vcpu *caller, struct ctl_domctl *op)
{
	switch (op->cmd) {
	case CTL_DOMCTL_create:
		return create(op);
	case CTL_DOMCTL_getinfo:
		return getinfo(op);
	default:
		return on_domain(caller, op);
	}
}

/* The command and version words lead both structs (public/domctl.h). */
#define CTL_VERSION_OFFSET sizeof(uint32_t)

int ctl_read_op(struct vcpu *v, uint64_t gva, void *op, size_t len)
{
	uint32_t version;

	if (v->domain != hardware_domain)
		return -EPERM;
	if (copy_from_guest(v, op, gva, len))
		return -EFAULT;
	memcpy(&version, (const uint8_t *)op + CTL_VERSION_OFFSET, sizeof(version));
	return version == CTL_INTERFACE_VERSION ? 0 : -EACCES;
}

/*
 * One domctl at a time, as Xen's domctl_lock: a domain found by ID stays
 * whole while the command uses it. Without it, a getinfo on one dom0 vCPU
 * read a domain's vCPUs while a destroy on another freed them (seen in the
 * toolstack scenario: `ctl list` racing the lifecycle monitor's destroy).
 */
static spinlock_t domctl_lock = SPINLOCK_INIT;

long do_domctl(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	struct ctl_domctl op;
	long rc = ctl_read_op(v, a[0], &op, sizeof(op));

	if (rc)
		return rc;
	spin_lock(&domctl_lock);
	rc = dispatch(v, &op);
	domain_reap_zombies();
	spin_unlock(&domctl_lock);
	if (!rc && returns_data(op.cmd) && copy_to_guest(v, a[0], &op, sizeof(op)))
		return -EFAULT;
	return rc;
}

void domctl_reap_zombies(void)
{
	if (!domain_zombies_pending())
		return;
	spin_lock(&domctl_lock);
	domain_reap_zombies();
	spin_unlock(&domctl_lock);
}
