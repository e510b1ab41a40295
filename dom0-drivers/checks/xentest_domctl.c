// SPDX-License-Identifier: GPL-2.0-only
/*
 * xentest domctl: the toolstack interface from dom0 user space, through
 * privcmd's hypercall ioctl (docs/specs/domctl.md): create a domain, give it
 * RAM with populate_physmap, read its info, set and read its scheduler weight,
 * cap and vCPU affinity, pause and unpause it, destroy it,
 * and find the hypervisor's free memory back where it was. Also: a wrong
 * interface version is refused; on a second paused domain, an HVM param set
 * and read back, vCPU 0 started and its context and info read (pc, online,
 * affinity), and its creation time no later than the hypervisor's clock.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <public/domctl.h>
#include <public/hvm.h>
#include <public/memory.h>
#include <public/vcpu_state.h>

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
#define CTX_PC        0x40000000UL    /* the guest's first RAM page */
#define CTX_X0        0x1234UL
#define CTX_STORE_PFN 0x39001UL       /* the builder's xenstore page (GUEST_MAGIC_BASE + 1) */

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

long xt_free_pages(uint64_t *out)
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

	if (xt_populate(id, GUEST_RAM_GFN, TEST_PAGES) ||
	    check_info(id, CTL_DOMINF_paused, TEST_PAGES) || sched_settings(id) ||
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

static int hvm_param(domid_t id)
{
	struct ctl_domctl op = { 0 };

	op.u.hvm_param = (struct ctl_domctl_hvm_param){ HVM_PARAM_STORE_PFN, 0, CTX_STORE_PFN };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_set_hvm_param, id), "domctl set_hvm_param"))
		return 1;
	op.u.hvm_param = (struct ctl_domctl_hvm_param){ .index = HVM_PARAM_STORE_PFN };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_get_hvm_param, id), "domctl get_hvm_param"))
		return 1;
	if (op.u.hvm_param.value != CTX_STORE_PFN) {
		printf("xentest: FAILED get_hvm_param reads 0x%llx, want 0x%lx\n",
		       (unsigned long long)op.u.hvm_param.value, CTX_STORE_PFN);
		return 1;
	}
	return 0;
}

/* vCPU 0 of the paused domain, started at CTX_PC: its context and info. */
static int vcpu_context(domid_t id)
{
	struct vcpu_state_v1 r = { 0 };
	struct ctl_domctl op = { 0 };

	op.u.vcpu_start = (struct ctl_domctl_vcpu_start){ .pc = CTX_PC, .x0 = CTX_X0 };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_vcpu_start, id), "domctl vcpu_start"))
		return 1;
	op.u.context = (struct ctl_domctl_vcpu_context){ 0, sizeof(r), (uint64_t)(uintptr_t)&r };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_getvcpucontext, id), "domctl getvcpucontext"))
		return 1;
	if (r.version != VCPU_STATE_VERSION || r.pc != CTX_PC || r.x[0] != CTX_X0 ||
	    !(r.flags & VCPU_STATE_F_ONLINE)) {
		printf("xentest: FAILED getvcpucontext: version %u flags 0x%x pc 0x%llx x0 0x%llx\n",
		       r.version, r.flags, (unsigned long long)r.pc, (unsigned long long)r.x[0]);
		return 1;
	}
	op.u.vcpu_info = (struct ctl_domctl_vcpu_info){ .vcpu = 0 };
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_getvcpuinfo, id), "domctl getvcpuinfo"))
		return 1;
	if (!(op.u.vcpu_info.flags & CTL_VCPUINF_online) ||
	    (op.u.vcpu_info.flags & CTL_VCPUINF_running) || !op.u.vcpu_info.cpumap) {
		printf("xentest: FAILED getvcpuinfo: flags 0x%x cpumap 0x%llx\n",
		       op.u.vcpu_info.flags, (unsigned long long)op.u.vcpu_info.cpumap);
		return 1;
	}
	return 0;
}

/* The domain was created before now, by the hypervisor's clock. */
static int created_before_now(domid_t id)
{
	struct ctl_sysctl s = { .cmd = CTL_SYSCTL_physinfo, .version = CTL_INTERFACE_VERSION };
	struct ctl_domctl op = { 0 };

	if (xt_step(xt_domctl(&op, CTL_DOMCTL_getinfo, id), "domctl getinfo") ||
	    xt_step(hypercall(HC_SYSCTL, &s, 0), "sysctl physinfo"))
		return 1;
	if (!op.u.info.created_ns || op.u.info.created_ns > s.u.physinfo.now_ns) {
		printf("xentest: FAILED created_ns %llu, physinfo now_ns %llu\n",
		       (unsigned long long)op.u.info.created_ns,
		       (unsigned long long)s.u.physinfo.now_ns);
		return 1;
	}
	return 0;
}

/* A second domain, never unpaused: the calls a builder and `ctl` make on it. */
static int vcpu_calls(void)
{
	struct ctl_domctl op = { 0 };
	domid_t id;
	int rc;

	if (xt_create(&id, "xentest-ctx") || xt_populate(id, GUEST_RAM_GFN, 1))
		return 1;
	rc = hvm_param(id) || vcpu_context(id) || created_before_now(id);
	if (xt_step(xt_domctl(&op, CTL_DOMCTL_destroy, id), "domctl destroy"))
		rc = 1;
	if (!rc)
		printf("xentest: hvm param, vcpu context and info, created_ns of domain %u OK\n", id);
	return rc;
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
	rc = xt_step(xt_free_pages(&before), "sysctl physinfo") || wrong_version() ||
	     xt_create(&id, "xentest") ||
	     lifecycle(id) || vcpu_calls() || xt_step(xt_free_pages(&after), "sysctl physinfo");
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
