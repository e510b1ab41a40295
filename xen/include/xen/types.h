/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Basic types and typed addresses.
 *
 * Addresses of different spaces are distinct one-member structs so that the
 * compiler rejects mixing them:
 *   paddr_t - a host physical address (what the hypervisor's MMU maps)
 *   mfn_t   - a host physical frame number (paddr >> PAGE_SHIFT)
 *   ipa_t   - a guest (intermediate) physical address
 *   gfn_t   - a guest frame number (ipa >> PAGE_SHIFT)
 */
#ifndef XEN_TYPES_H
#define XEN_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE  (1UL << PAGE_SHIFT)
#define PAGE_MASK  (~(PAGE_SIZE - 1))

typedef struct {
	uint64_t pa;
} paddr_t;

typedef struct {
	uint64_t mfn;
} mfn_t;

typedef struct {
	uint64_t ipa;
} ipa_t;

typedef struct {
	uint64_t gfn;
} gfn_t;

static inline paddr_t pa_init(uint64_t v)
{
	return (paddr_t){ .pa = v };
}

static inline uint64_t pa_val(paddr_t p)
{
	return p.pa;
}

static inline paddr_t pa_add(paddr_t p, uint64_t n)
{
	return pa_init(p.pa + n);
}

static inline mfn_t mfn_init(uint64_t v)
{
	return (mfn_t){ .mfn = v };
}

static inline uint64_t mfn_val(mfn_t m)
{
	return m.mfn;
}

static inline paddr_t mfn_to_pa(mfn_t m)
{
	return pa_init(m.mfn << PAGE_SHIFT);
}

static inline mfn_t pa_to_mfn(paddr_t p)
{
	return mfn_init(p.pa >> PAGE_SHIFT);
}

static inline ipa_t ipa_init(uint64_t v)
{
	return (ipa_t){ .ipa = v };
}

static inline uint64_t ipa_val(ipa_t a)
{
	return a.ipa;
}

static inline gfn_t gfn_init(uint64_t v)
{
	return (gfn_t){ .gfn = v };
}

static inline uint64_t gfn_val(gfn_t g)
{
	return g.gfn;
}

static inline ipa_t gfn_to_ipa(gfn_t g)
{
	return ipa_init(g.gfn << PAGE_SHIFT);
}

static inline gfn_t ipa_to_gfn(ipa_t a)
{
	return gfn_init(a.ipa >> PAGE_SHIFT);
}

#endif /* XEN_TYPES_H */
