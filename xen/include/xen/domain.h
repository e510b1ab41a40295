/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Domains and vCPUs. Generic state lives here; the arch's part is embedded as
 * struct arch_domain / struct arch_vcpu (asm/domain.h).
 */
#ifndef XEN_DOMAIN_H
#define XEN_DOMAIN_H

#include <asm/domain.h>
#include <public/hvm.h>
#include <public/xen.h>
#include <xen/p2m.h>
#include <xen/sched.h>
#include <xen/spinlock.h>
#include <xen/timer.h>
#include <xen/vgic.h>

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
	unsigned int max_maptrack;      /* grants this domain may map from others */
	bool direct_mapped;             /* RAM at guest-physical == physical (dom0) */
	unsigned int nr_spis;
};

enum domain_state {
	DOMAIN_RUNNING,      /* may run (subject to pause count) */
	DOMAIN_SHUTDOWN,     /* stopped by the guest; reason in shutdown_code */
	DOMAIN_DYING,        /* being destroyed */
};

#define SCHED_POLL_MAX_PORTS 128   /* Xen's limit on SCHEDOP_poll's nr_ports */

struct vcpu_poll {
	bool active;
	unsigned int nr;
	uint32_t ports[SCHED_POLL_MAX_PORTS];
	struct timer timeout;
	bool timer_ready;
};

struct vcpu {
	unsigned int id;
	struct domain *domain;
	bool online;               /* PSCI: on */
	bool initialised;          /* was given a context once (builder or PSCI CPU_ON) */
	bool blocked;              /* WFI / SCHEDOP_block: waits for an interrupt */
	unsigned int pause_count;  /* vcpu_pause nesting */
	spinlock_t lock;           /* orders runnable decisions with the scheduler calls */
	struct sched_unit sched;
	struct vgic_cpu vgic;
	struct vcpu_info *vcpu_info;        /* where events are flagged: never NULL */
	struct vcpu_info vcpu_info_dummy;   /* vCPUs > 0 until they register one */
	bool vcpu_info_registered;          /* VCPUOP_register_vcpu_info done (once only) */
	struct vcpu_runstate_info runstate; /* xen/common/runstate.c */
	uint64_t runstate_ipa;              /* guest copy, if registered */
	bool runstate_registered;
	struct vcpu_poll poll;              /* SCHEDOP_poll */
	struct arch_vcpu arch;
};

/* A block of RAM a domain owns (freed on destroy). */
struct ram_extent {
	mfn_t mfn;
	unsigned int order;
	bool adopted;      /* boot memory the allocator never had (domain_adopt_ram): not freed */
};

struct domain {
	domid_t id;
	unsigned int slot;          /* index in the domain table; VMID = slot + 1 */
	struct domain_config cfg;
	enum domain_state state;
	unsigned int shutdown_code;
	unsigned int pause_count;
	uint64_t tot_pages;         /* RAM pages mapped in the p2m */
	uint64_t ballooned;         /* RAM pages the guest gave back (still held, see memory/) */
	mfn_t *balloon_pool;        /* given-back frames to reuse (not direct-mapped) */
	uint64_t balloon_nr;
	uint64_t balloon_max;
	gfn_t shared_info_gfn;      /* where the guest mapped shared_info, if it did */
	bool shared_info_mapped;
	uint64_t hvm_params[HVM_NR_PARAMS];  /* hvm_op get/set_param */
	bool runstate_update_flag;  /* vm_assist VMASST_TYPE_runstate_update_flag */
	unsigned int nr_polling;    /* vCPUs in SCHEDOP_poll: sends skip the wake-up scan when 0 */
	struct ram_extent *ram;
	unsigned int nr_ram;
	unsigned int max_ram;
	unsigned int nr_vcpus;
	struct vcpu *vcpus[MAX_VCPUS_PER_DOMAIN];
	struct sched_dom sched;
	struct vgic_dist vgic;
	struct p2m p2m;
	struct shared_info *shared_info;    /* a hypervisor page the guest maps (XENMAPSPACE_shared_info) */
	struct evtchn_table *evtchn;        /* xen/common/event/ */
	struct grant_table *grant_table;    /* xen/common/grant/ */
	spinlock_t lock;
	uint64_t created_ns;        /* now_ns() at domain_create (domctl getinfo) */
	bool destroy_on_shutdown;   /* no toolstack (dom0less): the hypervisor cleans up */
	bool zombie;                /* destroyed, but others still map its memory (domain_destroy) */
	unsigned int foreign_maps;  /* its frames in other domains' p2m as P2M_FOREIGN_* (atomic) */
	struct timer reap_timer;
	char con_line[128];         /* console_io output not yet ended by a newline */
	unsigned int con_len;
	struct arch_domain arch;
};

/* The control domain (dom0) once built, else NULL: console input, VIRQ_CONSOLE. */
extern struct domain *hardware_domain;

/* Looks a domain up by ID (no reference counting yet: domains die only when paused). */
struct domain *domain_by_id(domid_t id);
/* As domain_by_id(), but NULL for a domain being destroyed (or a zombie). */
struct domain *domain_live_by_id(domid_t id);

/*
 * Creates a domain with cfg->max_vcpus vCPUs, all offline, paused once
 * (domain_unpause() starts it). id = DOMID_SELF picks the next free ID.
 * Returns the domain or NULL with *err set (-EINVAL, -EEXIST, -ENOSPC, -ENOMEM).
 */
struct domain *domain_create(domid_t id, const struct domain_config *cfg, int *err);
/*
 * Frees everything the domain holds; it must be paused or shut down. While
 * other domains still map its grants (a backend in dom0 that has not let go
 * of a ring or a data page) or its frames (dom0's foreign mappings: the
 * daemons' view of its rings) its memory, p2m and grant table stay: it is a
 * zombie, listed as dying, until the last such mapping is removed, and is
 * then freed by domain_reap_zombies(). Destroying a zombie again is a no-op.
 * Called with the domctl lock held (or before dom0 runs).
 */
int domain_destroy(struct domain *d);
/* Makes each vCPU's runnability follow d's state and waits until none is on a pCPU. */
void domain_stop_vcpus(struct domain *d);
/* The domain in table slot i (0 .. MAX_DOMAINS - 1), or NULL. */
struct domain *domain_by_slot(unsigned int i);
/* VIRQ_DOM_EXC to dom0: d shut down or is gone (its xenstored fires @releaseDomain). */
void domain_notify_dom_exc(const struct domain *d);
/* The heap's "all domains destroyed" line, when the last domain is gone (domain.c). */
void domain_note_all_gone(void);
/*
 * A P2M_FOREIGN_* entry for mfn left some domain's p2m: its owner's count
 * goes down (domain_foreign_get() is the atomic increment of foreign_maps).
 */
void domain_foreign_put(mfn_t mfn);
/* Finishes every zombie whose last foreign mapping is gone (domctl lock held). */
void domain_reap_zombies(void);
/* True if some zombie may be ready for domain_reap_zombies() (lock-free hint). */
bool domain_zombies_pending(void);
void domain_pause(struct domain *d);
void domain_unpause(struct domain *d);
/* The guest stopped itself (SCHEDOP_shutdown, PSCI SYSTEM_OFF/RESET). */
void domain_shutdown(struct domain *d, unsigned int reason);
/* Gives the domain 2^order pages of RAM mapped at gfn. */
int domain_populate(struct domain *d, gfn_t gfn, unsigned int order);
/*
 * The same, mapped at their own physical address (direct-mapped dom0, built
 * at boot: the pages are not scrubbed, nothing has used them yet); *gfn says where.
 */
int domain_populate_direct(struct domain *d, unsigned int order, gfn_t *gfn);
/*
 * Makes [start, start + size) (2 MiB aligned) RAM of d at its own address:
 * boot memory outside the allocator, such as dom0's kernel run in place. It
 * is never scrubbed nor given back to the allocator. 0, -EINVAL, -ENOMEM.
 */
int domain_adopt_ram(struct domain *d, paddr_t start, uint64_t size);
/* True if mfn is part of d's RAM (allocated to it, mapped or ballooned out). */
bool domain_owns_mfn(const struct domain *d, mfn_t mfn);
/* The domain (a zombie included) whose RAM holds mfn, or NULL. */
struct domain *domain_owner_of(mfn_t mfn);
/* Frees every RAM extent of a domain being destroyed (common/domain_ram.c). */
void domain_free_ram(struct domain *d);
/* Frees the balloon bookkeeping of a domain being destroyed (common/memory). */
void domain_balloon_release(struct domain *d);
unsigned int domain_count(void);
/*
 * Enters d in the domain table under id (DOMID_SELF: the next free one),
 * setting d->id and d->slot. -ENOSPC (MAX_DOMAINS), -EEXIST (taken or reserved).
 */
int domain_list_add(struct domain *d, domid_t id);
/* Takes d out of the table: domain_by_id no longer finds it. */
void domain_list_remove(struct domain *d);
/*
 * Calls fn for each domain not being destroyed, the domain list locked (for
 * the debug keys): fn must not create or destroy domains.
 */
void domain_for_each(void (*fn)(struct domain *d, void *arg), void *arg);

/* Re-evaluates whether v may run and tells the scheduler. */
void vcpu_update_runnable(struct vcpu *v);
static inline bool vcpu_runnable(const struct vcpu *v)
{
	const struct domain *d = v->domain;

	return d->state == DOMAIN_RUNNING && !d->pause_count && v->online && !v->blocked &&
	       !v->pause_count;
}
void vcpu_block(struct vcpu *v);
void vcpu_unblock(struct vcpu *v);
/* Starts (PSCI CPU_ON) or stops a vCPU. */
void vcpu_set_online(struct vcpu *v, bool online);

/* Arch hooks for domains. */
int arch_domain_create(struct domain *d);
void arch_domain_destroy(struct domain *d);
void arch_vcpu_create(struct vcpu *v);
void arch_vcpu_destroy(struct vcpu *v);
/* True while any of v's state is on a pCPU (running, or not yet saved). */
bool arch_vcpu_on_cpu(const struct vcpu *v);
/* Makes the pCPU running v leave guest mode (v->arch says where it runs). */
void arch_vcpu_kick(struct vcpu *v);
unsigned int arch_p2m_ipa_bits(void);
/* Test aid: v's state through its save records and back; 0 if nothing changed. */
int arch_vcpu_state_roundtrip(struct vcpu *v);
unsigned int arch_nr_lrs(void);

/*
 * Makes v notice a change: a new pending interrupt, an unpause. Wakes it if it
 * blocked, or makes the pCPU running it leave the guest.
 */
void vcpu_kick(struct vcpu *v);

#endif /* XEN_DOMAIN_H */
