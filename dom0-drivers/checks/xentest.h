/* SPDX-License-Identifier: GPL-2.0-only */
/* xentest's parts (xentest.c, xentest_domctl.c). */
#ifndef XENTEST_H
#define XENTEST_H

int fail(const char *what);
int open_dev(const char *path);
int test_domctl(void);
int test_boot(void);

/* The toolstack calls both tests share (xentest_domctl.c). */
#include <public/domctl.h>
int xt_privcmd_open(void);                          /* /dev/xen/privcmd, kept for the calls */
long xt_domctl(struct ctl_domctl *op, uint32_t cmd, domid_t domid);
int xt_step(long rc, const char *what);             /* 1 and a FAILED line if rc < 0 */
int xt_create(domid_t *id, const char *name);       /* 1 vCPU, 16 MiB limit, paused */
int xt_populate(domid_t id, uint64_t gfn, unsigned int n);
long xt_free_pages(uint64_t *out);                 /* the hypervisor's free pages (physinfo) */

#endif /* XENTEST_H */
