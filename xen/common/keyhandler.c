// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debug keys: console input meant for the hypervisor (console_in.c), one
 * key, one dump, in the spirit of Xen's keyhandlers (docs/specs/console.md).
 *
 * Handlers run in the UART interrupt on the boot CPU. The locks they take
 * (domain list, scheduler, console) are safe there: every hypervisor lock is
 * taken with interrupts masked, and the hypervisor takes interrupts only from
 * a guest or in the idle loop's WFI, so the code interrupted on this CPU
 * never holds one; other CPUs can only make a handler wait.
 */
#include <arch/cpu.h>
#include <xen/console.h>
#include <xen/domain.h>
#include <xen/sched.h>

#define KEY_PRINTABLE_MIN  0x21   /* '!': space and control characters are ignored */
#define KEY_PRINTABLE_MAX  0x7e
#define NS_PER_MS          1000000ULL

struct keyhandler {
	char key;
	void (*fn)(void);
	const char *desc;
};

static void show_keys(void);
static void dump_domains(void);
static void dump_runqueues(void);
static void dump_vcpus(void);

static const struct keyhandler keys[] = {
	{ 'h', show_keys, "list the debug keys" },
	{ 'q', dump_domains, "dump domains and their vCPUs" },
	{ 'r', dump_runqueues, "dump the scheduler's run queues" },
	{ 'v', dump_vcpus, "dump each vCPU's registers" },
};

static void show_keys(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(keys); i++)
		printk("  '%c'  %s\n", keys[i].key, keys[i].desc);
	printk("Console input: %lu byte(s) queued for dom0, %lu dropped (queue full)\n",
	       (unsigned long)console_in_queued(), console_in_dropped());
}

static const char *state_name(const struct domain *d)
{
	switch (d->state) {
	case DOMAIN_RUNNING:
		return d->pause_count ? "paused" : "running";
	case DOMAIN_SHUTDOWN:
		return "shut down";
	default:
		return "dying";
	}
}

static void dump_vcpu_state(const struct vcpu *v)
{
	const struct sched_unit *u = &v->sched;

	printk("  d%uv%u: %s%s%s, %s pCPU%u, ran %lu ms, pause count %u%s\n", v->domain->id,
	       v->id, v->online ? "online" : "offline", v->blocked ? ", blocked" : "",
	       vcpu_runnable(v) ? ", runnable" : "", u->running ? "running on" : "last on",
	       u->cpu, (unsigned long)(u->runtime_ns / NS_PER_MS), v->pause_count,
	       v->vcpu_info && v->vcpu_info->evtchn_upcall_pending ? ", event upcall pending" : "");
}

static void dump_domain(struct domain *d, void *arg)
{
	struct sched_params p;

	(void)arg;
	sched_get_params(d, &p);
	printk("d%u '%s': %s (shutdown code %u), pause count %u, %u vCPU(s), %lu of %lu pages, "
	       "weight %u, cap %u%%\n", d->id, d->cfg.name, state_name(d), d->shutdown_code,
	       d->pause_count, d->nr_vcpus, (unsigned long)d->tot_pages,
	       (unsigned long)d->cfg.max_pages, p.weight, p.cap);
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		dump_vcpu_state(d->vcpus[i]);
}

static void dump_domains(void)
{
	printk("Domains: %u (dom0: %s)\n", domain_count(),
	       hardware_domain ? "present" : "none");
	domain_for_each(dump_domain, NULL);
}

static void dump_runqueues(void)
{
	sched_dump();
}

static void dump_domain_vcpus(struct domain *d, void *arg)
{
	(void)arg;
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		printk("d%uv%u:\n", d->id, d->vcpus[i]->id);
		arch_vcpu_dump(d->vcpus[i]);
	}
}

static void dump_vcpus(void)
{
	printk("vCPU registers (dumped from CPU%u):\n", arch_cpu_id());
	domain_for_each(dump_domain_vcpus, NULL);
}

void keyhandler_key(char key)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(keys); i++)
		if (keys[i].key == key) {
			printk("'%c' pressed -> %s\n", key, keys[i].desc);
			keys[i].fn();
			return;
		}
	if (key >= KEY_PRINTABLE_MIN && key <= KEY_PRINTABLE_MAX)
		printk("'%c' pressed: no such debug key ('h' lists them)\n", key);
}
