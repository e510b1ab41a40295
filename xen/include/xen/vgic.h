/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual GICv3 every guest sees (GICv3/v4 architecture specification,
 * IHI 0069H): an emulated distributor and one emulated redistributor per
 * vCPU, at Xen's guest addresses, and the hardware's virtual CPU interface
 * fed through list registers.
 *
 * Everything here is data: the list registers are the vCPU's saved images of
 * ICH_LR<n>_EL2 (the arch copies them to and from the hardware around guest
 * entry), so the whole state machine runs and is tested on the build host.
 * An interrupt that does not fit in the list registers waits in the vCPU's
 * pending list; ICH_HCR_EL2.UIE asks for a maintenance interrupt when the
 * list registers drain so that it gets its turn.
 */
#ifndef XEN_VGIC_H
#define XEN_VGIC_H

#include <xen/spinlock.h>
#include <xen/types.h>

/* Guest physical layout (Xen public/arch-arm.h, GICv3 guests). */
#define GUEST_GICD_BASE        0x03001000UL
#define GUEST_GICD_SIZE        0x00010000UL
#define GUEST_GICR_BASE        0x03020000UL
#define GUEST_GICR_SIZE        0x01000000UL
#define GUEST_GICR_STRIDE      0x00020000UL   /* RD_base + SGI_base frames per vCPU */

#define VGIC_NR_SGIS           16
#define VGIC_NR_PRIVATE        32             /* SGIs + PPIs */
#define VGIC_MAX_SPIS          960            /* INTIDs 32 .. 991 */
#define VGIC_MAX_LRS           16
#define VGIC_PRIO_BITS         5              /* priorities the vGIC implements */
#define VGIC_VTIMER_INTID      27             /* EL1 virtual timer PPI */
#define VGIC_PTIMER_INTID      30             /* EL1 physical timer PPI (non-secure) */
#define VGIC_EVTCHN_INTID      31             /* Xen event-channel upcall PPI */
#define VGIC_MAINT_INTID       25             /* GIC maintenance PPI as guests see it */

/* ICH_LR<n>_EL2 fields (GICv3 spec 12.5.9). */
#define ICH_LR_VINTID_MASK     0xffffffffUL
#define ICH_LR_PINTID_SHIFT    32
#define ICH_LR_EOI             (1UL << 41)    /* maintenance IRQ on EOI (software IRQs) */
#define ICH_LR_PRIO_SHIFT      48
#define ICH_LR_GROUP1          (1UL << 60)
#define ICH_LR_HW              (1UL << 61)
#define ICH_LR_STATE_SHIFT     62
#define ICH_LR_STATE_PENDING   (1UL << 62)
#define ICH_LR_STATE_ACTIVE    (2UL << 62)
#define ICH_LR_STATE_MASK      (3UL << 62)

/* ICH_HCR_EL2 fields (GICv3 spec 12.5.5). */
#define ICH_HCR_EN             (1UL << 0)
#define ICH_HCR_UIE            (1UL << 1)     /* maintenance IRQ when <= 1 LR is valid */

struct vcpu;
struct domain;

struct vgic_irq {
	uint32_t intid;
	uint8_t priority;          /* as the guest wrote it, low VGIC_PRIO_BITS kept */
	bool enabled;
	bool pending_latch;        /* edge or ISPENDR-latched pending */
	bool line_level;           /* level-sensitive input as last injected */
	bool active;
	bool edge;                 /* GICD_ICFGR: edge-triggered */
	bool cfg_written_edge;     /* event PPI only: its ICFGR as the guest wrote it (delivery stays edge) */
	uint8_t lr;                /* LR index on its vCPU when in_lr */
	bool in_lr;
	bool queued;               /* on its target vCPU's pending list */
	uint16_t target;           /* vCPU index (SPIs: from irouter; private: owner) */
	uint64_t irouter;          /* GICD_IROUTER value (SPIs) */
	uint32_t hw_intid;         /* physical INTID if hardware-linked, else 0 */
	bool hw_refired;           /* hardware-linked: asserted again while still in an LR image */
	struct vgic_irq *next;     /* pending-list link */
};

/* Per-vCPU state, embedded in struct vcpu. */
struct vgic_cpu {
	struct vgic_irq priv[VGIC_NR_PRIVATE];
	struct vgic_irq *pending;  /* queued interrupts not (yet) in an LR, highest priority first */
	uint64_t lr[VGIC_MAX_LRS]; /* saved ICH_LR<n>_EL2 images */
	unsigned int nr_lr;        /* LRs the hardware has (ICH_VTR_EL2.ListRegs + 1) */
	uint64_t hcr;              /* saved ICH_HCR_EL2 image */
	uint64_t vmcr;             /* saved ICH_VMCR_EL2 (the arch's business) */
	uint64_t ap1r[4];          /* saved ICH_AP1R<n>_EL2 (the arch's business) */
	bool sleeping;             /* GICR_WAKER.ProcessorSleep */
	spinlock_t lock;
};

/* Per-domain state, embedded in struct domain. */
struct vgic_dist {
	uint32_t ctlr;             /* GICD_CTLR as the guest sees it (ARE, DS fixed 1) */
	unsigned int nr_spis;      /* multiple of 32 */
	struct vgic_irq *spis;     /* nr_spis entries */
	spinlock_t lock;
};

/* Sets up the distributor with nr_spis SPIs (rounded up to 32; <= VGIC_MAX_SPIS): 0, -EINVAL, -ENOMEM. */
int vgic_domain_init(struct domain *d, unsigned int nr_spis);
void vgic_domain_destroy(struct domain *d);
/* Sets up vCPU v's redistributor and LR images; nr_lr is the hardware's LR count. */
void vgic_vcpu_init(struct vcpu *v, unsigned int nr_lr);
/*
 * vCPU vcpu_id's affinity in MPIDR_EL1 layout (Aff0 [7:0], Aff1 [15:8], Aff2
 * [23:16], Aff3 [39:32]), which is also GICD_IROUTER's: Aff0 = id % 16,
 * Aff1 = id / 16 (Xen's scheme). The arch builds VMPIDR_EL2 from it.
 */
uint64_t vgic_vcpu_affinity(unsigned int vcpu_id);

/*
 * Drives an interrupt line. intid < 32 targets vCPU v (v may not be NULL);
 * an SPI goes where its IROUTER sends it (v ignored). For an edge interrupt,
 * level = true latches it pending; for a level interrupt it sets the line.
 * Kicks the target vCPU (vcpu_kick) when it becomes deliverable.
 * 0, or -EINVAL for an INTID the domain does not have.
 */
int vgic_inject(struct domain *d, struct vcpu *v, uint32_t intid, bool level);

/*
 * Makes SPI intid hardware-linked: the physical SPI of the same number,
 * which the arch routes to this domain, is deactivated by the guest's own
 * deactivation. 0 or -EINVAL (not one of the domain's SPIs).
 */
int vgic_link_hw_spi(struct domain *d, uint32_t intid);

/*
 * Emulated MMIO. offset is from GUEST_GICD_BASE / GUEST_GICR_BASE; size is 1,
 * 2, 4 or 8 bytes. Unknown or unaligned accesses read as zero and ignore
 * writes (returns 0); -EINVAL only for a GICR offset beyond the domain's
 * vCPUs, which the caller turns into an abort for the guest.
 */
int vgic_mmio_dist(struct vcpu *v, uint64_t offset, unsigned int size, bool write, uint64_t *val);
int vgic_mmio_redist(struct vcpu *v, uint64_t offset, unsigned int size, bool write, uint64_t *val);

/* The guest wrote ICC_SGI1R_EL1 (GICv3 spec 12.2.22): sends SGIs to the vCPUs it names. */
void vgic_sgi1r(struct vcpu *v, uint64_t value);

/* Before entering v: fill its LR images from the pending list; set UIE if some do not fit. */
void vgic_flush_lrs(struct vcpu *v);
/* After leaving v: fold its LR images back (EOIed, active, still pending). */
void vgic_sync_lrs(struct vcpu *v);
/* True if v has an enabled pending interrupt it could take (wakes a WFI). */
bool vgic_vcpu_pending(struct vcpu *v);

/* Versioned save records for save/restore and migration. */
#define VGIC_STATE_VERSION 1

struct vgic_irq_state {
	uint32_t intid;
	uint8_t priority;
	uint8_t flags;             /* VGIC_IRQ_F_* */
	uint16_t target;
	uint64_t irouter;
};
#define VGIC_IRQ_F_ENABLED   (1U << 0)
#define VGIC_IRQ_F_PENDING   (1U << 1)
#define VGIC_IRQ_F_LEVEL     (1U << 2)
#define VGIC_IRQ_F_ACTIVE    (1U << 3)
#define VGIC_IRQ_F_EDGE      (1U << 4)

struct vgic_vcpu_state {
	uint32_t version;
	uint32_t sleeping;
	uint64_t vmcr;
	uint64_t ap1r[4];
	struct vgic_irq_state priv[VGIC_NR_PRIVATE];
};

/* Captures v's private interrupts, LR contents folded in (call after vgic_sync_lrs). */
void vgic_save_vcpu(struct vcpu *v, struct vgic_vcpu_state *out);
/* -EINVAL if the version or a field is not acceptable; v unchanged then. */
int vgic_load_vcpu(struct vcpu *v, const struct vgic_vcpu_state *in);
/* SPIs: out holds d->vgic.nr_spis entries; ctlr separately. */
void vgic_save_dist(struct domain *d, uint32_t *ctlr, struct vgic_irq_state *out);
int vgic_load_dist(struct domain *d, uint32_t ctlr, const struct vgic_irq_state *in, unsigned int n);

#endif /* XEN_VGIC_H */
