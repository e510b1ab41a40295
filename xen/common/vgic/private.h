/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals shared by the vGIC's files (xen/common/vgic/).
 *
 * Locking. Order: d->vgic.lock (dist) before a v->vgic.lock (cpu); never two
 * cpu locks at once; vcpu_kick() only after every vGIC lock is dropped.
 *  - The dist lock protects GICD_CTLR and, for every SPI, irouter and target.
 *  - The cpu lock of vCPU t protects t's pending list, LR images and hcr, and
 *    the state of every interrupt whose target is t: its private interrupts
 *    and the SPIs routed to it.
 *  - Anyone but t's own flush/sync touches an SPI's state with the dist lock
 *    and then its target's cpu lock held. Flush/sync hold only their cpu lock:
 *    they reach only interrupts on their own pending list or in their own
 *    LRs, and an SPI's target changes only while it is in neither (with the
 *    dist lock and the old target's lock held), so they never race with it.
 *  - d->vgic.ctlr and an SPI's irouter are also read atomically without the
 *    dist lock: ctlr by flush and vgic_vcpu_pending, irouter by sync.
 *
 * Pending state and the LRs. While an interrupt is in an LR, the LR image
 * holds its pending state: flush hands an edge interrupt's pending latch to
 * the LR (pending_latch goes false), so an edge injected while the guest
 * runs sets pending_latch again and is merged at the next flush rather than
 * lost. A level interrupt's pending state is recomputed from line_level and
 * the latch at each flush; the latch goes when the guest acknowledges it.
 * An interrupt in an LR keeps its target until it leaves the LR.
 *
 * The LR images are only authoritative between sync and flush, while the
 * vCPU is out of the guest. A register write that changes an interrupt in
 * an LR of a vCPU that is running (ICPENDR, ICACTIVER) edits a stale image,
 * which the exit path overwrites; the guest may then still take it, as it
 * may on hardware when the write races with the acknowledge.
 */
#ifndef VGIC_PRIVATE_H
#define VGIC_PRIVATE_H

#include <xen/domain.h>
#include <xen/vgic.h>

/* Priority bits the vGIC implements: the top VGIC_PRIO_BITS; the rest are RAZ/WI (4.8). */
#define VGIC_PRIO_MASK      ((uint8_t)(0xffU << (8 - VGIC_PRIO_BITS)))

/* MPIDR_EL1 / GICD_IROUTER affinity fields (Arm ARM D19.2.102; GICv3 spec 12.9.22). */
#define VGIC_AFF0_SHIFT     0
#define VGIC_AFF1_SHIFT     8
#define VGIC_AFF2_SHIFT     16
#define VGIC_AFF3_SHIFT     32
#define VGIC_AFF_MASK       0xff00ffffffUL   /* Aff3, Aff2, Aff1, Aff0 */
/* GICD_IROUTER.Interrupt_Routing_Mode (12.9.22): 1 = any participating PE. */
#define GICD_IROUTER_IRM    (1UL << 31)

/* GICD_CTLR (GICv3 spec 12.9.4, the view with DS = 1). */
#define GICD_CTLR_ENABLE_GRP1  (1U << 1)   /* EnableGrp1 */
#define GICD_CTLR_ARE          (1U << 4)   /* ARE: RAO/WI, affinity routing always on */
#define GICD_CTLR_DS           (1U << 6)   /* DS: RAO/WI, a single Security state */

/* GICD_IIDR/GICR_IIDR (12.9.18): see dist.c. */
#define VGIC_IIDR           0x5800043bU
/* GICD_PIDR2/GICR_PIDR2.ArchRev [7:4] = 3: GICv3 (12.9.29). */
#define VGIC_PIDR2          (3U << 4)
#define VGIC_PIDR2_OFFSET   0xffe8

/* ---- irq.c: interrupt state and the pending lists ---- */

/* Interrupt intid of domain d; private ones are owner's (NULL owner: none). */
struct vgic_irq *vgic_get_irq(struct domain *d, struct vcpu *owner, uint32_t intid);
/* Pending, the LR image of t (the target) included. */
bool vgic_irq_pending(const struct vcpu *t, const struct vgic_irq *irq);
/* Enabled, and for SPIs the distributor enabled: pending means signalled. */
bool vgic_irq_may_signal(const struct domain *d, const struct vgic_irq *irq);
/* Would be signalled to t: enabled, pending, and for SPIs the distributor enabled. */
bool vgic_irq_signalled(const struct domain *d, const struct vcpu *t, const struct vgic_irq *irq);
/*
 * Re-establishes the pending-list invariant for irq after a change of its
 * state (t's lock held): it is queued, in priority order, iff it is in no LR
 * and is active, or pending and enabled. Returns true if t should be kicked.
 */
bool vgic_irq_update(struct vcpu *t, struct vgic_irq *irq);
void vgic_irq_dequeue(struct vcpu *t, struct vgic_irq *irq);
/* State changes of the register interface; call vgic_irq_update afterwards. */
void vgic_irq_set_pending(struct vcpu *t, struct vgic_irq *irq, bool pending);
void vgic_irq_set_active(struct vcpu *t, struct vgic_irq *irq, bool active);

/* ---- route.c: affinity, routing, locks, kicks ---- */

/* vCPU index with MPIDR-format affinity aff, or -1. */
int vgic_affinity_to_vcpu(const struct domain *d, uint64_t aff);
/* vCPU index an SPI with this GICD_IROUTER value goes to. */
unsigned int vgic_route(const struct domain *d, uint64_t irouter);
/* Locks irq's target (for SPIs the dist lock is held); NULL if it has no vCPU yet. */
struct vcpu *vgic_lock_target(struct domain *d, struct vgic_irq *irq, unsigned long *flags);
void vgic_unlock_target(struct vcpu *t, unsigned long flags);
/* Moves an SPI to the vCPU its irouter names (dist lock held); returns vCPUs to kick. */
uint64_t vgic_spi_retarget(struct domain *d, struct vgic_irq *irq);
/* After a sync released an SPI from an LR: follows a routing change made meanwhile. */
void vgic_spi_follow_route(struct domain *d, struct vgic_irq *irq);
/* Kicks every vCPU whose bit is set (bit n = vCPU n). */
void vgic_kick_mask(struct domain *d, uint64_t mask);

/* ---- regs.c: register tables and per-INTID fields ---- */

struct vgic_mmio {
	struct domain *d;
	struct vcpu *owner;         /* the redistributor's vCPU; NULL: distributor (SPIs) */
	uint64_t kick;              /* vCPUs to kick once the access is done */
};

/* A register field of `width` bits per INTID (GICD_ISENABLER, IPRIORITYR, ...). */
struct vgic_field {
	unsigned int width;
	bool ones_act;              /* set/clear register: writing 0 to a field does nothing */
	uint32_t (*get)(const struct domain *d, const struct vcpu *t, const struct vgic_irq *irq);
	/* NULL: read-only. Called with the interrupt's locks held. */
	void (*put)(struct vcpu *t, struct vgic_irq *irq, uint32_t field);
};

extern const struct vgic_field vgic_igroupr, vgic_isenabler, vgic_icenabler, vgic_ispendr,
	vgic_icpendr, vgic_isactiver, vgic_icactiver, vgic_ipriorityr, vgic_icfgr;

/* Access sizes a register accepts: VGIC_SZ(1) | VGIC_SZ(4) ... */
#define VGIC_SZ(n)          (1U << (n))

struct vgic_reg {
	uint32_t start;             /* frame offsets [start, end) */
	uint32_t end;
	uint16_t sizes;
	const struct vgic_field *field;   /* per-INTID register from INTID 0 at start; or: */
	uint64_t (*read)(struct vgic_mmio *m, uint32_t off, unsigned int size);
	void (*write)(struct vgic_mmio *m, uint32_t off, unsigned int size, uint64_t val);
};

/* The 4 or 8 bytes at off of 64-bit register reg; and reg with them written. */
uint64_t vgic_reg64_read(uint64_t reg, uint32_t off, unsigned int size);
uint64_t vgic_reg64_write(uint64_t reg, uint32_t off, unsigned int size, uint64_t val);

/*
 * Decodes an access against a table: offsets not in it, sizes a register
 * does not accept and unaligned accesses are RAZ/WI. Kicks m->kick at the end.
 */
void vgic_mmio_access(struct vgic_mmio *m, const struct vgic_reg *regs, size_t nr, uint32_t off,
		      unsigned int size, bool write, uint64_t *val);

/* ---- lr.c ---- */

/* Frees irq's LR on t (t's lock held): the LR image is cleared. */
void vgic_lr_release(struct vcpu *t, struct vgic_irq *irq);

#endif /* VGIC_PRIVATE_H */
