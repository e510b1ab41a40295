/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and vCPUs. Generic state lives here; the arch's part is embedded as
 * struct arch_domain / struct arch_vcpu (asm/domain.h).
 */
#ifndef XEN_DOMAIN_H
#define XEN_DOMAIN_H

#include <asm/domain.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/vgic.h>

typedef uint16_t domid_t;

#define DOMID_FIRST_RESERVED  0x7ff0U
#define DOMID_SELF            0x7ff0U
#define DOMID_IDLE            0x7fffU
#define MAX_DOMAINS           64
#define MAX_VCPUS_PER_DOMAIN  64
#define DOMAIN_NAME_MAX       64

/* Shutdown reasons (Xen public/sched.h SHUTDOWN_*). */
#define SHUTDOWN_POWEROFF   0
#define SHUTDOWN_REBOOT     1
#define SHUTDOWN_SUSPEND    2
#define SHUTDOWN_CRASH      3
#define SHUTDOWN_WATCHDOG   4

struct domain_config {
	char name[DOMAIN_NAME_MAX];
	unsigned int max_vcpus;
	uint64_t max_pages;
	unsigned int max_evtchn;
	unsigned int max_grant_frames;
	unsigned int nr_spis;
};

enum domain_state {
	DOMAIN_RUNNING,      /* may run (subject to pause count) */
	DOMAIN_SHUTDOWN,     /* stopped by the guest; reason in shutdown_code */
	DOMAIN_DYING,        /* being destroyed */
};

struct vcpu {
	unsigned int id;
	struct domain *domain;
	bool online;               /* PSCI: on */
	bool blocked;              /* WFI / SCHEDOP_block: waits for an interrupt */
	unsigned int pause_count;  /* vcpu_pause nesting */
	struct sched_unit sched;
	struct vgic_cpu vgic;
	struct arch_vcpu arch;
};

struct domain {
	domid_t id;
	struct domain_config cfg;
	enum domain_state state;
	unsigned int shutdown_code;
	unsigned int pause_count;
	uint64_t tot_pages;
	unsigned int nr_vcpus;
	struct vcpu *vcpus[MAX_VCPUS_PER_DOMAIN];
	struct sched_dom sched;
	struct vgic_dist vgic;
	struct p2m p2m;
	spinlock_t lock;
	struct arch_domain arch;
};

/* Looks a domain up by ID (no reference counting yet: domains die only when paused). */
struct domain *domain_by_id(domid_t id);

/*
 * Makes v notice a change: a new pending interrupt, an unpause. Wakes it if it
 * blocked, or makes the pCPU running it leave the guest.
 */
void vcpu_kick(struct vcpu *v);

#endif /* XEN_DOMAIN_H */
