// SPDX-License-Identifier: GPL-2.0-only
/* The fake hypervisor of test_ctl_fake.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <CUnit/CUnit.h>
#include <public/xen.h>

#include "ctl_int.h"
#include "ctl_linux.h"
#include "test_ctl_fake.h"

#define FAKE_XEN_VERSION ((4L << 16) | 17)
#define FAKE_EXTRA       ".0-ctl"
#define FAKE_NR_CPUS     4
#define FAKE_CPUMAP      0x3
#define FAKE_WEIGHT      256
#define FAKE_FIRST_DOMID 1

static uint32_t cmd_of(unsigned int nr, const uint64_t *args)
{
	if (nr == __HYPERVISOR_domctl || nr == __HYPERVISOR_sysctl)
		return *(const uint32_t *)(uintptr_t)args[0];
	return (uint32_t)args[0];
}

static bool injected(struct fake *f, unsigned int nr, const uint64_t *args)
{
	if (!f->fail_rc)
		return false;
	if (f->fail_at != SIZE_MAX)
		return f->ncalls - 1 == f->fail_at;
	return (f->fail_nr == FAKE_ANY || f->fail_nr == nr) &&
	       (f->fail_cmd == FAKE_ANY || f->fail_cmd == cmd_of(nr, args));
}

static void record(struct fake *f, unsigned int nr, const uint64_t *args)
{
	struct fake_call *c = &f->calls[f->ncalls < FAKE_MAX_CALLS ? f->ncalls : 0];
	const void *p = (const void *)(uintptr_t)(nr == __HYPERVISOR_domctl ||
						  nr == __HYPERVISOR_sysctl ? args[0] : args[1]);

	f->ncalls++;
	memset(c, 0, sizeof(*c));
	c->nr = nr;
	memcpy(c->args, args, sizeof(c->args));
	if (nr == __HYPERVISOR_domctl)
		memcpy(&c->u.domctl, p, sizeof(c->u.domctl));
	else if (nr == __HYPERVISOR_sysctl)
		memcpy(&c->u.sysctl, p, sizeof(c->u.sysctl));
	else if (nr == __HYPERVISOR_memory_op)
		memcpy(&c->u.res, p, sizeof(c->u.res));
	else if (nr == __HYPERVISOR_event_channel_op)
		memcpy(&c->u.unbound, p, sizeof(c->u.unbound));
	if (nr == __HYPERVISOR_memory_op && c->u.res.nr_extents) {
		const xen_pfn_t *g = (const xen_pfn_t *)(uintptr_t)c->u.res.extent_start;

		c->first_gfn = g[0];
		c->last_gfn = g[c->u.res.nr_extents - 1];
	}
}

static long getinfo(struct fake *f, struct ctl_domctl *op)
{
	for (size_t i = 0; i < f->ndoms; i++) {
		if (f->doms[i] < op->domid)
			continue;
		memset(&op->u.info, 0, sizeof(op->u.info));
		op->u.info.domid = f->doms[i];
		op->u.info.nr_vcpus = 1;
		snprintf(op->u.info.name, sizeof(op->u.info.name), "dom%u", f->doms[i]);
		return 0;
	}
	return -ESRCH;
}

static long vcpu_context(struct fake *f, struct ctl_domctl *op)
{
	void *buf = (void *)(uintptr_t)op->u.context.buffer;

	if (op->u.context.size != sizeof(f->ctx))
		return -EINVAL;
	if (op->cmd == CTL_DOMCTL_getvcpucontext)
		memcpy(buf, &f->ctx, sizeof(f->ctx));
	else
		memcpy(&f->ctx, buf, sizeof(f->ctx));
	return 0;
}

static long domctl(struct fake *f, struct ctl_domctl *op)
{
	if (op->version != CTL_INTERFACE_VERSION)
		return -EACCES;
	switch (op->cmd) {
	case CTL_DOMCTL_create:
		op->domid = f->ndoms ? f->doms[f->ndoms - 1] + 1 : FAKE_FIRST_DOMID;
		if (f->ndoms < FAKE_MAX_DOMS)
			f->doms[f->ndoms++] = op->domid;
		return 0;
	case CTL_DOMCTL_getinfo:
		return getinfo(f, op);
	case CTL_DOMCTL_sched_credit:
		if (op->u.sched.op == CTL_GET)
			op->u.sched = (struct ctl_domctl_sched_credit){ .weight = FAKE_WEIGHT };
		return 0;
	case CTL_DOMCTL_vcpu_affinity:
		if (op->u.affinity.op == CTL_GET)
			op->u.affinity.cpumap = FAKE_CPUMAP;
		return 0;
	case CTL_DOMCTL_getvcpuinfo:
		op->u.vcpu_info.flags = CTL_VCPUINF_online;
		op->u.vcpu_info.cpumap = FAKE_CPUMAP;
		return 0;
	case CTL_DOMCTL_getvcpucontext:
	case CTL_DOMCTL_setvcpucontext:
		return vcpu_context(f, op);
	case CTL_DOMCTL_get_hvm_param:
		op->u.hvm_param.value = op->u.hvm_param.index * 100ULL;
		return 0;
	default:
		return 0;
	}
}

static long sysctl(struct fake *f, struct ctl_sysctl *op)
{
	size_t len;

	if (op->version != CTL_INTERFACE_VERSION)
		return -EACCES;
	if (op->cmd == CTL_SYSCTL_physinfo) {
		op->u.physinfo.nr_cpus = FAKE_NR_CPUS;
		return 0;
	}
	len = f->console ? strlen(f->console) : 0;
	if (len > op->u.readconsole.count)
		len = op->u.readconsole.count;
	memcpy((void *)(uintptr_t)op->u.readconsole.buffer, f->console, len);
	op->u.readconsole.count = (uint32_t)len;
	return 0;
}

static long memory_op(struct fake *f, uint64_t cmd, struct xen_memory_reservation *r)
{
	uint64_t done = r->nr_extents;

	if (cmd == XENMEM_decrease_reservation) {
		f->populated -= done < f->populated ? done : f->populated;
		return (long)done;
	}
	if (done > f->populate_limit)
		done = f->populate_limit;
	f->populate_limit -= done;
	f->populated += done;
	return (long)done;
}

static long xen_version(uint64_t cmd, char *buf)
{
	if (cmd == XENVER_version)
		return FAKE_XEN_VERSION;
	memset(buf, 0, XEN_EXTRAVERSION_LEN);
	memcpy(buf, FAKE_EXTRA, sizeof(FAKE_EXTRA));
	return 0;
}

static long fake_hypercall(void *priv, unsigned int nr, const uint64_t args[CTL_HCALL_ARGS])
{
	struct fake *f = priv;
	void *a1 = (void *)(uintptr_t)args[1];

	record(f, nr, args);
	if (injected(f, nr, args))
		return f->fail_rc;
	switch (nr) {
	case __HYPERVISOR_domctl:
		return domctl(f, (struct ctl_domctl *)(uintptr_t)args[0]);
	case __HYPERVISOR_sysctl:
		return sysctl(f, (struct ctl_sysctl *)(uintptr_t)args[0]);
	case __HYPERVISOR_memory_op:
		return memory_op(f, args[0], a1);
	case __HYPERVISOR_xen_version:
		return xen_version(args[0], a1);
	case __HYPERVISOR_event_channel_op:
		((struct evtchn_alloc_unbound *)a1)->port = FAKE_UNBOUND;
		return 0;
	default:
		return -ENOSYS;
	}
}

static void *fake_map(void *priv, uint32_t domid, const uint64_t *gfns, size_t n,
		      bool writable, int *errs)
{
	struct fake *f = priv;
	void *p;

	if (f->map_fail_all) {
		for (size_t i = 0; i < n; i++)
			errs[i] = f->map_fail_err;
		return NULL;
	}
	p = mmap(NULL, n * CTL_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	if (f->map_fail_index < n)
		errs[f->map_fail_index] = f->map_fail_err;
	f->maps++;
	return p;
}

static int fake_unmap(void *priv, void *p, size_t n)
{
	struct fake *f = priv;

	f->unmaps++;
	return munmap(p, n * CTL_PAGE_SIZE) ? -errno : 0;
}

static int fake_evtchn_open(void *priv)
{
	struct fake *f = priv;
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv))
		return -errno;
	f->evtchn_peer = sv[1];
	return sv[0];
}

static int fake_evtchn_ioctl(void *priv, int fd, unsigned long cmd, void *arg)
{
	struct fake *f = priv;
	int rc = f->ioctl_rc;

	f->last_ioctl = cmd;
	memcpy(f->ioctl_arg, arg, cmd == CTL_IOCTL_EVTCHN_BIND_INTERDOMAIN ?
	       2 * sizeof(unsigned int) : sizeof(unsigned int));
	f->ioctl_rc = 0;
	if (rc)
		return rc;
	return cmd == CTL_IOCTL_EVTCHN_BIND_INTERDOMAIN || cmd == CTL_IOCTL_EVTCHN_BIND_VIRQ ?
	       FAKE_PORT : 0;
}

static void fake_evtchn_close(void *priv, int fd)
{
	struct fake *f = priv;

	close(fd);
	close(f->evtchn_peer);
	f->evtchn_peer = -1;
}

static int gnt_slot(const struct fake *f, const void *p, size_t n)
{
	for (int i = 0; i < FAKE_MAX_GNT; i++)
		if (f->gnt_p[i] == p && (p == NULL || f->gnt_n[i] == n))
			return i;
	return -1;
}

/* Fills page i with "d<domid> ref <refs[i]>"; unmaps everything at the failing ref. */
static int gnt_fill(struct fake *f, char *m, uint32_t domid, const uint32_t *refs,
		    size_t n, size_t *bad)
{
	for (size_t i = 0; i < n; i++) {
		if (refs[i] == f->gnt_fail_ref) {
			munmap(m, n * CTL_PAGE_SIZE);
			*bad = i;
			return f->gnt_fail_err;
		}
		snprintf(m + i * CTL_PAGE_SIZE, CTL_PAGE_SIZE, "d%u ref %u", domid, refs[i]);
	}
	return 0;
}

static int fake_map_grant(void *priv, uint32_t domid, const uint32_t *refs, size_t n,
			  bool writable, void **p, size_t *bad, const char **dev)
{
	struct fake *f = priv;
	int slot = gnt_slot(f, NULL, 0);
	char *m;
	int rc;

	if (f->gnt_open_err) {
		*dev = CTL_GNTDEV_DEV;
		return f->gnt_open_err;
	}
	if (slot < 0)
		return -ENOSPC;
	m = mmap(NULL, n * CTL_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		 -1, 0);
	if (m == MAP_FAILED)
		return -errno;
	rc = gnt_fill(f, m, domid, refs, n, bad);
	if (rc < 0)
		return rc;
	if (!writable && mprotect(m, n * CTL_PAGE_SIZE, PROT_READ)) {
		rc = -errno;
		munmap(m, n * CTL_PAGE_SIZE);
		return rc;
	}
	f->gnt_p[slot] = m;
	f->gnt_n[slot] = n;
	f->gnt_live++;
	f->gnt_writable = writable;
	*p = m;
	return 0;
}

static int fake_unmap_grant(void *priv, void *p, size_t n)
{
	struct fake *f = priv;
	int slot = p ? gnt_slot(f, p, n) : -1;

	if (slot < 0)
		return -EINVAL;
	if (munmap(p, n * CTL_PAGE_SIZE))
		return -errno;
	f->gnt_p[slot] = NULL;
	f->gnt_live--;
	return 0;
}

const struct ctl_backend fake_backend = {
	.hypercall = fake_hypercall, .map_foreign = fake_map, .unmap_foreign = fake_unmap,
	.evtchn_open = fake_evtchn_open, .evtchn_ioctl = fake_evtchn_ioctl,
	.evtchn_close = fake_evtchn_close,
	.map_grant = fake_map_grant, .unmap_grant = fake_unmap_grant,
};

void fake_open(struct fake *f)
{
	char *err = NULL;

	memset(f, 0, sizeof(*f));
	f->fail_nr = FAKE_ANY;
	f->fail_cmd = FAKE_ANY;
	f->fail_at = SIZE_MAX;
	f->map_fail_index = SIZE_MAX;
	f->evtchn_peer = -1;
	f->gnt_fail_ref = FAKE_ANY;
	f->populate_limit = UINT64_MAX;
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&fake_backend, f, &f->h, &err), 0);
	CU_ASSERT_PTR_NULL(err);
}

void fake_close(struct fake *f)
{
	CU_ASSERT_EQUAL(f->gnt_live, 0);
	for (int i = 0; i < FAKE_MAX_GNT; i++)
		if (f->gnt_p[i])
			fake_unmap_grant(f, f->gnt_p[i], f->gnt_n[i]);
	ctl_close(f->h);
	f->h = NULL;
}

const struct fake_call *fake_last(const struct fake *f)
{
	CU_ASSERT_FATAL(f->ncalls > 0 && f->ncalls <= FAKE_MAX_CALLS);
	return &f->calls[f->ncalls - 1];
}
