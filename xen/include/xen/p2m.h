/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The p2m: a domain's stage-2 translation from guest frames (gfn) to host
 * frames (mfn), in the VMSAv8-64 stage-2 descriptor format (Arm ARM D8.3,
 * 4 KiB granule), so the same tables can later be shared with an SMMU
 * stage-2 context. Every mapping carries a p2m type, kept in the
 * descriptor's software bits [58:55].
 *
 * Mappings use 1 GiB and 2 MiB blocks where gfn, mfn and length allow.
 * Changing or removing a valid entry is break-before-make: the entry is
 * invalidated, the TLBs for the VMID are invalidated, then the new entry is
 * written (Arm ARM D8.16.1). A block partly changed is split into the next
 * level first, the same way.
 */
#ifndef XEN_P2M_H
#define XEN_P2M_H

#include <xen/spinlock.h>
#include <xen/types.h>

enum p2m_type {
	P2M_INVALID = 0,      /* nothing mapped */
	P2M_RAM_RW,           /* guest RAM */
	P2M_RAM_RO,           /* guest RAM, read-only (e.g. write-protected for log-dirty) */
	P2M_MMIO_DIRECT,      /* pass-through device: Device-nGnRE, never executable */
	P2M_GRANT_RW,         /* another domain's page mapped through a grant */
	P2M_GRANT_RO,
	P2M_FOREIGN_RW,       /* another domain's page mapped by a privileged domain */
	P2M_MAGIC,            /* toolstack-shared page (console, xenstore ring), RAM attributes */
	P2M_TYPE_COUNT,
};

#define P2M_MIN_IPA_BITS   32
#define P2M_MAX_IPA_BITS   48

struct p2m {
	paddr_t root;             /* root table(s), concatenated */
	unsigned int ipa_bits;
	unsigned int root_level;  /* 0..2 */
	unsigned int root_pages;  /* concatenated root tables (1, 2, 4, 8 or 16) */
	uint16_t vmid;
	uint64_t table_pages;     /* table pages in use, root included */
	uint64_t mapped[P2M_TYPE_COUNT]; /* 4 KiB pages mapped, by type */
	spinlock_t lock;
};

/*
 * Allocates an empty p2m for ipa_bits of guest address space (32..48):
 * root level and concatenation follow Arm ARM D8.2.5 (e.g. 40 bits: level 1,
 * 2 concatenated tables). 0, -EINVAL, -ENOMEM.
 */
int p2m_init(struct p2m *p2m, unsigned int ipa_bits, uint16_t vmid);

/* Frees every table page (not the memory mapped). The p2m must not be in use on any CPU. */
void p2m_teardown(struct p2m *p2m);

/*
 * Maps nr pages gfn.. to mfn.. with type t, replacing whatever was there
 * (break-before-make). -EINVAL (range outside ipa_bits, bad type,
 * P2M_INVALID), -ENOMEM (no table page; mappings made so far stay).
 */
int p2m_map(struct p2m *p2m, gfn_t gfn, mfn_t mfn, uint64_t nr, enum p2m_type t);

/* Unmaps nr pages from gfn; unmapped holes in the range are fine. -EINVAL, -ENOMEM (split). */
int p2m_unmap(struct p2m *p2m, gfn_t gfn, uint64_t nr);

/*
 * What gfn maps to: returns the type (P2M_INVALID if nothing); *mfn and
 * *order (0, 9 or 18: the size of the mapping containing gfn) when mapped.
 * mfn/order may be NULL.
 */
enum p2m_type p2m_lookup(struct p2m *p2m, gfn_t gfn, mfn_t *mfn, unsigned int *order);

/*
 * Changes the type of every mapping in [gfn, gfn+nr) whose type is from to
 * type to (e.g. RAM_RW -> RAM_RO to start dirty tracking). Returns the number
 * of pages changed, or a negative error.
 */
int64_t p2m_change_type(struct p2m *p2m, gfn_t gfn, uint64_t nr, enum p2m_type from,
			enum p2m_type to);

/* The descriptor the hardware walks for gfn (0 if none): tests and dumps. */
uint64_t p2m_raw_entry(struct p2m *p2m, gfn_t gfn, unsigned int *level);

/* Arch hooks: TLB invalidation for one VMID (all of it, or one IPA page). */
void arch_p2m_flush_vmid(uint16_t vmid);
void arch_p2m_flush_ipa(uint16_t vmid, ipa_t ipa);
/* Makes descriptor writes visible to the table walker (DSB on AArch64). */
void arch_p2m_sync(void);

#endif /* XEN_P2M_H */
