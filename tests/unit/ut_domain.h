/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test domains for suites that need several domains with RAM and a p2m
 * (event channels, grant tables): built by hand from the real p2m and page
 * allocator, entered in the real domain table (xen/common/domain_list.c)
 * so the real code finds them through domain_by_id().
 */
#ifndef UNIT_UT_DOMAIN_H
#define UNIT_UT_DOMAIN_H

#include <xen/domain.h>

#define UT_RAM_GFN  0x40000UL   /* guest RAM starts at 1 GiB, as on Xen's Arm guests */
#define UT_IPA_BITS_DEFAULT 40

/*
 * The IPA size of the domains ut_domain_create makes (default 40). A suite
 * mapping frames at their own address (direct-mapped, gfn == mfn) needs 48:
 * the fake arch's "physical" addresses are host pointers.
 */
extern unsigned int ut_ipa_bits;

/* A page pool of pool_mib MiB for p2m tables and guest RAM: 0 or -1 (suite init). */
int ut_domains_init(unsigned int pool_mib);
/* Destroys any domain left and frees the pool. */
int ut_domains_fini(void);

/*
 * Domain id with nr_vcpus online vCPUs and ram_pages pages of RAM at
 * UT_RAM_GFN (P2M_RAM_RW), a zeroed shared_info page, vcpu_info pointers set
 * (vCPU 0: shared_info's slot; the others: their dummy). No event-channel
 * or grant table: the suite sets up what it tests.
 */
struct domain *ut_domain_create(domid_t id, unsigned int nr_vcpus, uint64_t ram_pages);
/* Frees what ut_domain_create made (call evtchn/grant teardown first). */
void ut_domain_destroy(struct domain *d);

/* Host pointer to d's RAM at gfn (NULL if gfn is not d's RAM). */
void *ut_gfn_ptr(struct domain *d, gfn_t gfn);

#endif /* UNIT_UT_DOMAIN_H */
