// SPDX-License-Identifier: GPL-2.0-only
/* Domain and vCPU lifecycle: create, pause, shutdown, destroy. */
#include <arch/cpu.h>
#include <arch/mm.h>
#include <xen/domain.h>
#include <xen/domain_pv.h>
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/lib.h>
#include <xen/page_alloc.h>
#include <xen/timer.h>
#include <xen/xmalloc.h>


#define REAP_RETRY_NS  (10 * 1000 * 1000)   /* 10 ms */
#define PERMILLE       1000

static uint64_t baseline_free_pages;     /* when the domain count last left 0 */
static size_t baseline_xmalloc;

static const char *const shutdown_names[] = {
	"poweroff", "reboot", "suspend", "crash", "watchdog",
};

static int check_config(const struct domain_config *cfg)
{
	if (!cfg->max_vcpus || cfg->max_vcpus > MAX_VCPUS_PER_DOMAIN)
		return -EINVAL;
	if (cfg->nr_spis > VGIC_MAX_SPIS)
		return -EINVAL;
	return 0;
}

/* What the heap holds with no domain: the reference the "all destroyed" line compares to. */
static void note_baseline(void)
{
	if (domain_count())
		return;
	baseline_free_pages = page_alloc_free_count() + xmalloc_slab_pages();
	baseline_xmalloc = xmalloc_in_use() - sizeof(struct domain);
}

/*
 * VIRQ_DOM_EXC to the hardware domain: another domain shut down or is gone.
 * Its xenstored fires @releaseDomain and the toolstack looks at getinfo.
 */
void domain_notify_dom_exc(const struct domain *d)
{
	if (hardware_domain && d != hardware_domain)
		evtchn_send_global_virq(hardware_domain, VIRQ_DOM_EXC);
}

static int vcpu_create(struct domain *d, unsigned int id)
{
	struct vcpu *v = xzalloc(struct vcpu);

	if (!v)
		return -ENOMEM;
	v->id = id;
	v->domain = d;
	v->runstate.state = RUNSTATE_offline;
	spin_lock_init(&v->lock);
	d->vcpus[id] = v;
	d->nr_vcpus = id + 1;
	sched_vcpu_init(v);
	vgic_vcpu_init(v, arch_nr_lrs());
	arch_vcpu_create(v);
	return 0;
}

static int domain_init_parts(struct domain *d)
{
	int rc = p2m_init(&d->p2m, arch_p2m_ipa_bits(), (uint16_t)(d->slot + 1));

	if (rc)
		return rc;
	rc = vgic_domain_init(d, d->cfg.nr_spis);
	if (rc)
		return rc;
	sched_domain_init(d);
	rc = arch_domain_create(d);
	for (unsigned int i = 0; !rc && i < d->cfg.max_vcpus; i++)
		rc = vcpu_create(d, i);
	return rc ? rc : domain_pv_init(d);
}

struct domain *domain_create(domid_t id, const struct domain_config *cfg, int *err)
{
	struct domain *d;
	int rc = check_config(cfg);

	d = rc ? NULL : xzalloc(struct domain);
	if (!rc && !d)
		rc = -ENOMEM;
	if (rc)
		goto out;
	d->cfg = *cfg;
	d->pause_count = 1;
	d->created_ns = now_ns();
	spin_lock_init(&d->lock);
	note_baseline();
	rc = domain_list_add(d, id);
	if (rc) {
		xfree(d);
		d = NULL;
		goto out;
	}
	rc = domain_init_parts(d);
	if (rc) {
		d->state = DOMAIN_DYING;
		domain_destroy(d);
		d = NULL;
	}
out:
	*err = rc;
	return d;
}

void vcpu_update_runnable(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&v->lock);

	if (vcpu_runnable(v))
		sched_wake(v, now_ns());
	else
		sched_sleep(v, now_ns());
	spin_unlock_irqrestore(&v->lock, flags);
}

/* Waits until v is on no pCPU (after it was made not runnable). */
static void vcpu_wait_off_cpu(struct vcpu *v)
{
	while (__atomic_load_n(&v->sched.running, __ATOMIC_ACQUIRE) &&
	       v->arch.pcpu != arch_cpu_id())
		arch_cpu_relax();
}

static void domain_update_all(struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		vcpu_update_runnable(d->vcpus[i]);
}

void domain_stop_vcpus(struct domain *d)
{
	domain_update_all(d);
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		vcpu_wait_off_cpu(d->vcpus[i]);
}

void domain_pause(struct domain *d)
{
	__atomic_add_fetch(&d->pause_count, 1, __ATOMIC_SEQ_CST);
	domain_stop_vcpus(d);
}

void domain_unpause(struct domain *d)
{
	if (__atomic_load_n(&d->pause_count, __ATOMIC_SEQ_CST) == 0)
		return;
	__atomic_sub_fetch(&d->pause_count, 1, __ATOMIC_SEQ_CST);
	domain_update_all(d);
}

static uint64_t domain_runtime_ns(const struct domain *d, uint64_t now)
{
	uint64_t t = 0;

	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		t += sched_runtime_ns(d->vcpus[i], now);
	return t;
}

static bool domain_on_cpu(const struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		if (arch_vcpu_on_cpu(d->vcpus[i]))
			return true;
	return false;
}

/* Destroys a shut-down domain once none of its vCPUs is on a pCPU. */
static void reap(void *data)
{
	struct domain *d = data;
	domid_t id = d->id;

	if (domain_on_cpu(d)) {
		timer_set(&d->reap_timer, now_ns() + REAP_RETRY_NS);
		return;
	}
	domain_destroy(d);
	printk("d%u: destroyed\n", id);
	domain_note_all_gone();
}

void domain_note_all_gone(void)
{
	if (domain_count())
		return;
	printk("All domains destroyed: %lu pages free or in the heap's slabs (%lu before the "
	       "first), %lu bytes of hypervisor heap in use (%lu before)\n",
	       (unsigned long)(page_alloc_free_count() + xmalloc_slab_pages()),
	       (unsigned long)baseline_free_pages, (unsigned long)xmalloc_in_use(),
	       (unsigned long)baseline_xmalloc);
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
	uint64_t now = now_ns(), ran, life;

	if (d->state != DOMAIN_RUNNING)
		return;
	d->shutdown_code = reason;
	d->state = DOMAIN_SHUTDOWN;
	ran = domain_runtime_ns(d, now);
	life = MAX(now - d->created_ns, 1UL);
	printk("d%u: shut down: %s (ran %lu ms in %lu ms: %lu permille of one pCPU)\n", d->id,
	       reason < ARRAY_SIZE(shutdown_names) ? shutdown_names[reason] : "unknown reason",
	       (unsigned long)(ran / 1000000), (unsigned long)(life / 1000000),
	       (unsigned long)(ran * PERMILLE / life));
	domain_update_all(d);
	domain_notify_dom_exc(d);
	if (d->destroy_on_shutdown) {
		timer_init(&d->reap_timer, reap, d);
		timer_set(&d->reap_timer, now + REAP_RETRY_NS);
	}
}
