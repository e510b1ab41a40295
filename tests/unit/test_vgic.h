/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fixture for the vGIC suites (test_vgic_*.c): a domain of calloc'd vCPUs
 * with 4 LRs each (as QEMU's virt machine has), register access helpers
 * and a model of what the guest does to an LR.
 */
#ifndef TEST_VGIC_H
#define TEST_VGIC_H

#include "harness.h"
#include <asm/fake.h>
#include <stdlib.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/vgic.h>

#define VT_NR_LR 4

/* Register offsets, written down here from the spec (IHI 0069H, 12.8/12.10). */
#define T_GICD_CTLR        0x0000
#define T_GICD_TYPER       0x0004
#define T_GICD_IIDR        0x0008
#define T_GICD_TYPER2      0x000c
#define T_GICD_IGROUPR     0x0080
#define T_GICD_ISENABLER   0x0100
#define T_GICD_ICENABLER   0x0180
#define T_GICD_ISPENDR     0x0200
#define T_GICD_ICPENDR     0x0280
#define T_GICD_ISACTIVER   0x0300
#define T_GICD_ICACTIVER   0x0380
#define T_GICD_IPRIORITYR  0x0400
#define T_GICD_ICFGR       0x0c00
#define T_GICD_IROUTER     0x6000      /* + 8 * INTID */
#define T_PIDR2            0xffe8
#define T_GICR_CTLR        0x0000
#define T_GICR_IIDR        0x0004
#define T_GICR_TYPER       0x0008
#define T_GICR_WAKER       0x0014
#define T_SGI              0x10000
#define T_GICR_IGROUPR0    (T_SGI + 0x0080)
#define T_GICR_ISENABLER0  (T_SGI + 0x0100)
#define T_GICR_ICENABLER0  (T_SGI + 0x0180)
#define T_GICR_ISPENDR0    (T_SGI + 0x0200)
#define T_GICR_ICPENDR0    (T_SGI + 0x0280)
#define T_GICR_ISACTIVER0  (T_SGI + 0x0300)
#define T_GICR_ICACTIVER0  (T_SGI + 0x0380)
#define T_GICR_IPRIORITYR  (T_SGI + 0x0400)
#define T_GICR_ICFGR0      (T_SGI + 0x0c00)
#define T_GICR_ICFGR1      (T_SGI + 0x0c04)

#define T_CTLR_GRP1        0x2U
#define T_CTLR_ARE_DS      0x50U

static inline struct domain *vt_domain(unsigned int nr_vcpus, unsigned int nr_spis)
{
	struct domain *d = calloc(1, sizeof(*d));

	CU_ASSERT_FATAL(d != NULL);
	d->nr_vcpus = nr_vcpus;
	CU_ASSERT_FATAL(vgic_domain_init(d, nr_spis) == 0);
	for (unsigned int i = 0; i < nr_vcpus; i++) {
		struct vcpu *v = calloc(1, sizeof(*v));

		CU_ASSERT_FATAL(v != NULL);
		v->id = i;
		v->domain = d;
		d->vcpus[i] = v;
		vgic_vcpu_init(v, VT_NR_LR);
	}
	fake_hooks_reset();
	return d;
}

static inline void vt_free(struct domain *d)
{
	vgic_domain_destroy(d);
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		free(d->vcpus[i]);
	free(d);
}

static inline uint64_t gicd_rd(struct domain *d, uint64_t off, unsigned int size)
{
	uint64_t val = 0xdeadbeefdeadbeefUL;

	CU_ASSERT_EQUAL(vgic_mmio_dist(d->vcpus[0], off, size, false, &val), 0);
	return val;
}

static inline void gicd_wr(struct domain *d, uint64_t off, unsigned int size, uint64_t val)
{
	CU_ASSERT_EQUAL(vgic_mmio_dist(d->vcpus[0], off, size, true, &val), 0);
}

/* Redistributor of vCPU n, accessed by vCPU 0. */
static inline uint64_t gicr_rd(struct domain *d, unsigned int n, uint64_t off, unsigned int size)
{
	uint64_t val = 0xdeadbeefdeadbeefUL;

	CU_ASSERT_EQUAL(vgic_mmio_redist(d->vcpus[0], n * GUEST_GICR_STRIDE + off, size, false,
					 &val), 0);
	return val;
}

static inline void gicr_wr(struct domain *d, unsigned int n, uint64_t off, unsigned int size,
			   uint64_t val)
{
	CU_ASSERT_EQUAL(vgic_mmio_redist(d->vcpus[0], n * GUEST_GICR_STRIDE + off, size, true,
					 &val), 0);
}

/* One bit of a GICD_IS*R-style register bank. */
static inline void gicd_set_bit(struct domain *d, uint64_t base, uint32_t intid)
{
	gicd_wr(d, base + intid / 32 * 4, 4, 1UL << (intid % 32));
}

/* Enables an interrupt where it lives: GICR_ISENABLER0 of vCPU v, or GICD_ISENABLER. */
static inline void vt_enable(struct domain *d, unsigned int v, uint32_t intid)
{
	if (intid < 32)
		gicr_wr(d, v, T_GICR_ISENABLER0, 4, 1UL << intid);
	else
		gicd_set_bit(d, T_GICD_ISENABLER, intid);
}

static inline void vt_priority(struct domain *d, unsigned int v, uint32_t intid, uint8_t prio)
{
	if (intid < 32)
		gicr_wr(d, v, T_GICR_IPRIORITYR + intid, 1, prio);
	else
		gicd_wr(d, T_GICD_IPRIORITYR + intid, 1, prio);
}

/* SPI edge-triggered (GICD_ICFGR Int_config bit 1). */
static inline void vt_spi_edge(struct domain *d, uint32_t intid)
{
	uint64_t off = T_GICD_ICFGR + intid / 16 * 4;

	gicd_wr(d, off, 4, gicd_rd(d, off, 4) | 2UL << (intid % 16 * 2));
}

static inline void vt_dist_enable(struct domain *d)
{
	gicd_wr(d, T_GICD_CTLR, 4, T_CTLR_GRP1);
}

static inline uint32_t lr_intid(uint64_t lr)
{
	return (uint32_t)(lr & ICH_LR_VINTID_MASK);
}

static inline uint64_t lr_state(uint64_t lr)
{
	return lr & ICH_LR_STATE_MASK;
}

/* LR slot of v holding a valid intid, or -1. */
static inline int lr_find(const struct vcpu *v, uint32_t intid)
{
	for (unsigned int i = 0; i < v->vgic.nr_lr; i++)
		if (lr_state(v->vgic.lr[i]) && lr_intid(v->vgic.lr[i]) == intid)
			return (int)i;
	return -1;
}

static inline unsigned int lr_count(const struct vcpu *v)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < v->vgic.nr_lr; i++)
		n += lr_state(v->vgic.lr[i]) != 0;
	return n;
}

static inline uint64_t lr_state_of(const struct vcpu *v, uint32_t intid)
{
	int i = lr_find(v, intid);

	return i < 0 ? 0 : lr_state(v->vgic.lr[i]);
}

/* What the guest's CPU interface does: acknowledge (pending -> active)... */
static inline void guest_ack(struct vcpu *v, uint32_t intid)
{
	int i = lr_find(v, intid);

	CU_ASSERT_FATAL(i >= 0);
	v->vgic.lr[i] = (v->vgic.lr[i] & ~ICH_LR_STATE_MASK) | ICH_LR_STATE_ACTIVE;
}

/* ...and EOI (active -> invalid; the hardware leaves the other fields). */
static inline void guest_eoi(struct vcpu *v, uint32_t intid)
{
	int i = lr_find(v, intid);

	CU_ASSERT_FATAL(i >= 0);
	v->vgic.lr[i] &= ~ICH_LR_STATE_MASK;
}

/* A round trip through the guest that takes and completes intid. */
static inline void guest_handle(struct vcpu *v, uint32_t intid)
{
	guest_ack(v, intid);
	guest_eoi(v, intid);
}

#endif /* TEST_VGIC_H */
