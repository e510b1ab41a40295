/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fixture of the lifecycle suites (test_life_*.c, test_domctl_*.c): the real
 * domain_create/domain_destroy (xen/common/domain.c) on the host page pool,
 * a real dom0 (ID 0, the hardware domain) whose vCPU 0 makes the toolstack's
 * hypercalls, and helpers that drive them with structs on the test's stack.
 */
#ifndef TEST_LIFE_H
#define TEST_LIFE_H

#include "harness.h"
#include "ut_domain.h"
#include <public/domctl.h>
#include <public/event_channel.h>
#include <public/memory.h>

#define LF_POOL_MIB     64
#define LF_NR_CPUS      4
#define LF_MAGIC_GFN    0x39000UL   /* the builder's console/xenstore pages (0x39000000) */
#define LF_NR_MAGIC     4
#define LF_WINDOW_GFN   0x38000UL   /* the guest's grant window (0x38000000): shared_info */
#define LF_DOM0_MAP_GFN 0x80000UL   /* free gfns in dom0 for foreign and grant mappings */
#define LF_ORDER_2M     9
#define LF_KB_PER_PAGE  4

/* The real hardware domain the helpers call from; NULL outside lf_begin/lf_end. */
extern struct domain *lf_dom0;

/* Suite init/cleanup: the page pool and the scheduler. */
int lf_suite_init(void);
int lf_suite_cleanup(void);
/* Creates dom0 (1 vCPU, port table) and makes it the hardware domain. */
void lf_begin(void);
/* Destroys dom0. */
void lf_end(void);

/* HYPERVISOR_domctl from dom0: the command's result; op is stamped with the version. */
long lf_domctl(struct ctl_domctl *op);
long lf_sysctl(struct ctl_sysctl *op);
/* CTL_DOMCTL_create of a guest with max_mem_kb of RAM allowed; its ID, asserted to work. */
domid_t lf_create(unsigned int max_vcpus, uint64_t max_mem_kb);
/* A domctl without payload (destroy, pause, unpause) on domid. */
long lf_simple(uint32_t cmd, domid_t domid);

/* HYPERVISOR_memory_op(cmd, arg) from d's vCPU 0. */
long lf_memop(struct domain *d, uint64_t cmd, void *arg);
/* XENMEM_populate_physmap by dom0 for domid: n extents of 2^order pages from gfn; extents done. */
long lf_populate(domid_t domid, uint64_t gfn, unsigned int order, uint64_t n);
/* HYPERVISOR_event_channel_op(cmd, arg) from d's vCPU 0. */
long lf_evtchn(struct domain *d, unsigned int cmd, void *arg);
/* True (and cleared) if port is pending in d's shared_info. */
bool lf_take_pending(struct domain *d, evtchn_port_t port);

#endif /* TEST_LIFE_H */
