// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test aid: debug_watch=N prints the run queues and every vCPU's run state
 * every N seconds, to find vCPUs that wait when they should not.
 */
#include <xen/dom0.h>
#include <xen/domain.h>
#include <xen/lib.h>
#include <xen/param.h>
#include <xen/timer.h>
#include <xen/vgic.h>

static uint64_t watch_secs;
static struct timer watch_timer;
DEFINE_PARAM(debug_watch, "debug_watch", PARAM_UINT, &watch_secs, NULL,
	     "print run queues and vCPU states every N seconds (debugging)");

static void dump_domain(struct domain *d, void *arg)
{
	(void)arg;
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = d->vcpus[i];

		printk("  d%uv%u: online %d blocked %d runnable %d running %d pending %d upcall %d "
		       "pc 0x%lx\n", d->id, i, v->online, v->blocked, vcpu_runnable(v),
		       v->sched.running, vgic_vcpu_pending(v), v->vcpu_info->evtchn_upcall_pending,
		       (unsigned long)v->arch.regs.elr);
		for (unsigned int l = 0; l < v->vgic.nr_lr; l++)
			if (v->vgic.lr[l])
				printk("    lr%u 0x%lx\n", l, (unsigned long)v->vgic.lr[l]);
		for (struct vgic_irq *q = v->vgic.pending; q; q = q->next)
			printk("    queued %u en %d latch %d level %d act %d prio %u\n", q->intid,
			       q->enabled, q->pending_latch, q->line_level, q->active, q->priority);
		printk("    hcr 0x%lx vmcr 0x%lx ap1r0 0x%lx\n", (unsigned long)v->vgic.hcr,
		       (unsigned long)v->vgic.vmcr, (unsigned long)v->vgic.ap1r[0]);
	}
}

static void watch(void *data)
{
	(void)data;
	sched_dump();
	domain_for_each(dump_domain, NULL);
	timer_set(&watch_timer, now_ns() + watch_secs * NS_PER_SEC);
}

void debug_watch_start(void)
{
	if (!watch_secs)
		return;
	timer_init(&watch_timer, watch, NULL);
	timer_set(&watch_timer, now_ns() + watch_secs * NS_PER_SEC);
}
