// SPDX-License-Identifier: GPL-2.0-only
/*
 * xentest domctl: the toolstack interface from dom0 user space, through
 * privcmd's hypercall ioctl (docs/specs/domctl.md): create a domain, give it
 * RAM with populate_physmap, read its info, set and read its scheduler weight,
 * cap and vCPU affinity, pause and unpause it, destroy it,
 * and find the hypervisor's free memory back where it was. Also: a wrong
 * interface version is refused.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <public/domctl.h>
#include <public/memory.h>

/*
 * privcmd's hypercall ioctl (Linux include/uapi/xen/privcmd.h, whose header
 * needs kernel-internal ones): _IOC(_IOC_NONE, 'P', 0, sizeof(struct)).
 */
struct privcmd_hypercall {
	uint64_t op;
	uint64_t arg[5];
};
#define IOCTL_PRIVCMD_HYPERCALL _IOC(_IOC_NONE, 'P', 0, sizeof(struct privcmd_hypercall))

#include "xentest.h"

#define PRIVCMD_DEV   "/dev/xen/privcmd"
#define TEST_PAGES    8
#define TEST_MEM_KB   16384
#define TEST_SPIS     32
#define TEST_GIC      3
#define GUEST_RAM_GFN 0x40000UL
#define HC_MEMORY_OP  12
#define HC_SYSCTL     35
#define HC_DOMCTL     36

static int privcmd_fd = -1;

int xt_privcmd_open(void)
{
	privcmd_fd = open_dev(PRIVCMD_DEV);
	return privcmd_fd;
}

static long hypercall(uint64_t op, void *arg0, uint64_t arg1)
{
	struct privcmd_hypercall h = { .op = op, .arg = { (uint64_t)(uintptr_t)arg0, arg1 } };
	long rc = ioctl(privcmd_fd, IOCTL_PRIVCMD_HYPERCALL, &h);

	return rc < 0 ? -errno : rc;
}

long xt_domctl(struct ctl_domctl *op, uint32_t cmd, domid_t domid)
{
	op->cmd = cmd;
	op->version = CTL_INTERFACE_VERSION;
	op->domid = domid;
	return hypercall(HC_DOMCTL, op, 0);
}

static long free_pages(uint64_t *out)
{
	struct ctl_sysctl s = { .cmd = CTL_SYSCTL_physinfo, .version = CTL_INTERFACE_VERSION };
	long rc = hypercall(HC_SYSCTL, &s, 0);

	*out = s.u.physinfo.free_pages;
	return rc;
}

int xt_step(long rc, const char *what)
{
	if (rc >= 0)
		return 0;
	errno = (int)-rc;
	return fail(what);
}

int xt_create(domid_t *id, const char *name)
{
	struct ctl_domctl op = { 0 };

	op.u.create = (struct ctl_domctl_create){ .max_vcpus = 1, .max_mem_kb = TEST_MEM_KB,
						  .nr_spis = TEST_SPIS, .gic_version = TEST_GIC };
	snprintf(op.u.create.name, sizeof(op.u.create.name), "%s", name);
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_create, DOMID_SELF), "domctl create"))
		return 1;
	*id = op.domid;
	printf("xentest: created domain %u\n", *id);
	return 0;
}

int xt_populate(domid_t id, uint64_t gfn, unsigned int n)
{
	xen_pfn_t gfns[TEST_PAGES];
	struct xen_memory_reservation r = { .extent_start = (uint64_t)(uintptr_t)gfns,
					    .nr_extents = n, .domid = id };
	long rc;

	if (n > TEST_PAGES)
		return 1;
	for (unsigned int i = 0; i < n; i++)
		gfns[i] = gfn + i;
	rc = hypercall(HC_MEMORY_OP, (void *)XENMEM_populate_physmap, (uint64_t)(uintptr_t)&r);
	if (rc != (long)n) {
		printf("xentest: FAILED populate_physmap: %ld of %u pages\n", rc, n);
		return 1;
	}
	return 0;
}

static int check_info(domid_t id, uint32_t flag, uint64_t pages)
{
	struct ctl_domctl op = { 0 };

	if (xt_step(xt_domctl(&op, CTL_DOMCTL_getinfo, id), "domctl getinfo"))
		return 1;
	if (op.u.info.domid != id || !(op.u.info.flags & flag) || op.u.info.tot_pages != pages ||
	    op.u.info.nr_vcpus != 1 || strcmp(op.u.info.name, "xentest")) {
		printf("xentest: FAILED getinfo: d%u flags 0x%x pages %llu vcpus %u name '%.16s'\n",
		       op.u.info.domid, op.u.info.flags, (unsigned long long)op.u.info.tot_pages,
		       op.u.info.nr_vcpus, op.u.info.name);
		return 1;
	}
	return 0;
}

/* Weight and cap, vCPU 0's affinity: set, then read back. */
static int sched_settings(domid_t id)
{
	struct ctl_domctl op = { 0 };

	op.u.sched = (struct ctl_domctl_sched_credit){ .op = CTL_SET, .weight = 512, .cap = 50 };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_sched_credit, id), "domctl sched_credit set"))
		return 1;
	op.u.sched = (struct ctl_domctl_sched_credit){ .op = CTL_GET };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_sched_credit, id), "domctl sched_credit get"))
		return 1;
	if (op.u.sched.weight != 512 || op.u.sched.cap != 50) {
		printf("xentest: FAILED sched_credit reads %u/%u\n", op.u.sched.weight, op.u.sched.cap);
		return 1;
	}
	op.u.affinity = (struct ctl_domctl_vcpu_affinity){ .op = CTL_SET, .vcpu = 0, .cpumap = 1 };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_vcpu_affinity, id), "domctl vcpu_affinity set"))
		return 1;
	op.u.affinity = (struct ctl_domctl_vcpu_affinity){ .op = CTL_GET, .vcpu = 0 };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_vcpu_affinity, id), "domctl vcpu_affinity get"))
		return 1;
	if (op.u.affinity.cpumap != 1) {
		printf("xentest: FAILED vcpu_affinity reads 0x%llx\n",
		       (unsigned long long)op.u.affinity.cpumap);
		return 1;
	}
	return 0;
}

static int lifecycle(domid_t id)
{
	struct ctl_domctl op = { 0 };

	if (xt_populate(id, GUEST_RAM_GFN, TEST_PAGES) || check_info(id, CTL_DOMINF_paused, TEST_PAGES) || sched_settings(id) ||
	    xt_step(xt_domctl(&op, CTL_DOMCTL_unpause, id), "domctl unpause") ||
	    check_info(id, CTL_DOMINF_running, TEST_PAGES) ||
	    xt_step(xt_domctl(&op, CTL_DOMCTL_pause, id), "domctl pause") ||
	    xt_step(xt_domctl(&op, CTL_DOMCTL_destroy, id), "domctl destroy"))
		return 1;
	if (xt_domctl(&op, CTL_DOMCTL_getinfo, id) != -ESRCH) {
		printf("xentest: FAILED domain %u still there after destroy\n", id);
		return 1;
	}
	printf("xentest: populated, paused, unpaused and destroyed domain %u\n", id);
	return 0;
}

static int wrong_version(void)
{
	struct ctl_domctl op = { .cmd = CTL_DOMCTL_getinfo, .version = CTL_INTERFACE_VERSION + 1 };
	long rc = hypercall(HC_DOMCTL, &op, 0);

	if (rc != -EACCES) {
		printf("xentest: FAILED wrong interface version: got %ld, want -EACCES\n", rc);
		return 1;
	}
	return 0;
}

int test_domctl(void)
{
	uint64_t before, after;
	domid_t id;
	int rc;

	if (xt_privcmd_open() < 0)
		return 1;
	rc = xt_step(free_pages(&before), "sysctl physinfo") || wrong_version() ||
	     xt_create(&id, "xentest") ||
	     lifecycle(id) || xt_step(free_pages(&after), "sysctl physinfo");
	if (!rc && after != before) {
		printf("xentest: FAILED free memory %llu pages after, %llu before\n",
		       (unsigned long long)after, (unsigned long long)before);
		rc = 1;
	}
	close(privcmd_fd);
	if (!rc)
		printf("xentest: domctl lifecycle OK, %llu pages free before and after\n",
		       (unsigned long long)before);
	return rc;
}
