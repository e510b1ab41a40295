// SPDX-License-Identifier: GPL-2.0-only
/*
 * A fake hypervisor for the builder: guest RAM and the magic pages as
 * malloc'd frames with a populated flag each; XENMEM_populate_physmap and
 * decrease_reservation, EVTCHNOP_alloc_unbound, the set/get_hvm_param and
 * vcpu_start domctls; foreign maps as copies written back at unmap, counted.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <public/domctl.h>
#include <public/event_channel.h>
#include <public/memory.h>

#include "test_build.h"

#define FB_PAGE_SHIFT 12

static void region_init(struct fb_region *r, uint64_t gfn0, uint64_t nr, int fill)
{
	r->gfn0 = gfn0;
	r->nr = nr;
	r->mem = malloc(nr * FB_PAGE_SIZE);
	r->populated = calloc(nr, sizeof(bool));
	CU_ASSERT_FATAL(r->mem && r->populated);
	memset(r->mem, fill, nr * FB_PAGE_SIZE);
}

static struct fb_region *region_of(struct fake_build *f, uint64_t gfn)
{
	if (gfn >= f->ram.gfn0 && gfn - f->ram.gfn0 < f->ram.nr)
		return &f->ram;
	if (gfn >= f->magic.gfn0 && gfn - f->magic.gfn0 < f->magic.nr)
		return &f->magic;
	return NULL;
}

/* Marks 2^order frames from gfn populated (or not); -EINVAL outside or if already so. */
static int mark(struct fake_build *f, uint64_t gfn, unsigned int order, bool on)
{
	uint64_t n = 1ULL << order;
	struct fb_region *r = region_of(f, gfn);

	if (!r || r != region_of(f, gfn + n - 1))
		return -EINVAL;
	for (uint64_t i = 0; i < n; i++) {
		if (r->populated[gfn - r->gfn0 + i] == on)
			return -EINVAL;
		r->populated[gfn - r->gfn0 + i] = on;
	}
	return 0;
}

static long reservation(struct fake_build *f, uint64_t cmd, struct xen_memory_reservation *r)
{
	const xen_pfn_t *gfns = (const xen_pfn_t *)(uintptr_t)r->extent_start;
	bool on = cmd == XENMEM_populate_physmap;
	xen_ulong_t i;

	if (r->domid != f->domid)
		return -ESRCH;
	if (on && ++f->populate_calls == f->fail_populate_call)
		return -ENOMEM;
	for (i = 0; i < r->nr_extents; i++) {
		if (mark(f, gfns[i], r->extent_order, on))
			break;
		if (on && r->extent_order == 9)
			f->extents_order9++;
		else if (on && r->extent_order == 0)
			f->extents_order0++;
	}
	return (long)i;
}

static long memory_op(struct fake_build *f, uint64_t cmd, void *arg)
{
	if (cmd == XENMEM_populate_physmap || cmd == XENMEM_decrease_reservation)
		return reservation(f, cmd, arg);
	return -ENOSYS;
}

static long evtchn_op(struct fake_build *f, uint64_t cmd, struct evtchn_alloc_unbound *a)
{
	if (cmd != EVTCHNOP_alloc_unbound)
		return -ENOSYS;
	if (a->dom != f->domid)
		return -ESRCH;
	if (f->next_port >= sizeof(f->port_remote) / sizeof(f->port_remote[0]))
		return -ENOSPC;
	a->port = f->next_port++;
	f->port_remote[a->port] = a->remote_dom;
	return 0;
}

static long domctl(struct fake_build *f, struct ctl_domctl *op)
{
	struct ctl_domctl_hvm_param *p = &op->u.hvm_param;

	if (op->domid != f->domid)
		return -ESRCH;
	switch (op->cmd) {
	case CTL_DOMCTL_set_hvm_param:
	case CTL_DOMCTL_get_hvm_param:
		if (p->index >= FB_NR_PARAMS)
			return -EINVAL;
		if (op->cmd == CTL_DOMCTL_get_hvm_param)
			p->value = f->params[p->index];
		else
			f->params[p->index] = p->value;
		f->param_set[p->index] |= op->cmd == CTL_DOMCTL_set_hvm_param;
		return 0;
	case CTL_DOMCTL_vcpu_start:
		f->vcpu_started = true;
		f->start_vcpu = op->u.vcpu_start.vcpu;
		f->start_pc = op->u.vcpu_start.pc;
		f->start_x0 = op->u.vcpu_start.x0;
		return 0;
	default:
		return -ENOSYS;
	}
}

static long fb_hypercall(void *priv, unsigned int nr, const uint64_t args[CTL_HCALL_ARGS])
{
	struct fake_build *f = priv;
	void *arg1 = (void *)(uintptr_t)args[1];

	switch (nr) {
	case __HYPERVISOR_memory_op:
		return memory_op(f, args[0], arg1);
	case __HYPERVISOR_event_channel_op:
		return evtchn_op(f, args[0], arg1);
	case __HYPERVISOR_domctl:
		return domctl(f, (struct ctl_domctl *)(uintptr_t)args[0]);
	default:
		return -ENOSYS;
	}
}

static uint8_t *frame(struct fake_build *f, uint64_t gfn)
{
	struct fb_region *r = region_of(f, gfn);

	if (!r || !r->populated[gfn - r->gfn0])
		return NULL;
	return r->mem + (gfn - r->gfn0) * FB_PAGE_SIZE;
}

static struct fb_map *free_slot(struct fake_build *f)
{
	for (size_t i = 0; i < FB_MAX_MAPS; i++)
		if (!f->map[i].p)
			return &f->map[i];
	return NULL;
}

/* Any unpopulated frame fails the whole map (errs says which). */
static void *fb_map(void *priv, uint32_t domid, const uint64_t *gfns, size_t n, bool writable,
		    int *errs)
{
	struct fake_build *f = priv;
	struct fb_map *m = free_slot(f);
	bool bad = ++f->maps == f->fail_map_call || domid != f->domid || !m;
	uint8_t *p;
	uint64_t *copy;

	for (size_t i = 0; i < n; i++) {
		errs[i] = frame(f, gfns[i]) && !bad ? 0 : -EFAULT;
		bad |= errs[i] != 0;
	}
	if (bad)
		return NULL;
	p = malloc(n * FB_PAGE_SIZE);
	copy = malloc(n * sizeof(*gfns));
	CU_ASSERT_FATAL(p && copy);
	for (size_t i = 0; i < n; i++)
		memcpy(p + i * FB_PAGE_SIZE, frame(f, gfns[i]), FB_PAGE_SIZE);
	memcpy(copy, gfns, n * sizeof(*gfns));
	*m = (struct fb_map){ .p = p, .gfns = copy, .n = n, .writable = writable };
	f->live++;
	if (n > f->max_map_frames)
		f->max_map_frames = n;
	return p;
}

static int fb_unmap(void *priv, void *p, size_t n)
{
	struct fake_build *f = priv;

	f->unmaps++;
	for (size_t i = 0; i < FB_MAX_MAPS; i++) {
		struct fb_map *m = &f->map[i];

		if (m->p != p)
			continue;
		if (m->n != n)
			return -EINVAL;
		for (size_t j = 0; j < n && m->writable; j++)
			memcpy(frame(f, m->gfns[j]), (uint8_t *)p + j * FB_PAGE_SIZE, FB_PAGE_SIZE);
		free(m->gfns);
		free(m->p);
		*m = (struct fb_map){ 0 };
		f->live--;
		return 0;
	}
	return -EINVAL;
}

static const struct ctl_backend fb_backend = {
	.hypercall = fb_hypercall,
	.map_foreign = fb_map,
	.unmap_foreign = fb_unmap,
};

struct fake_build *fb_new(uint32_t domid, uint64_t ram_mib)
{
	struct fake_build *f = calloc(1, sizeof(*f));
	char *err = NULL;

	CU_ASSERT_FATAL(f != NULL);
	f->domid = domid;
	f->next_port = FB_FIRST_PORT;
	region_init(&f->ram, CTL_GUEST_RAM0_BASE >> FB_PAGE_SHIFT,
		    ram_mib * 1024 * 1024 / FB_PAGE_SIZE, 0);
	region_init(&f->magic, CTL_GUEST_MAGIC_BASE >> FB_PAGE_SHIFT, CTL_NR_MAGIC_PAGES,
		    FB_MAGIC_GARBAGE);
	CU_ASSERT_EQUAL_FATAL(ctl_open_backend(&fb_backend, f, &f->h, &err), 0);
	free(err);
	return f;
}

void fb_free(struct fake_build *f)
{
	if (!f)
		return;
	ctl_close(f->h);
	for (size_t i = 0; i < FB_MAX_MAPS; i++) {
		free(f->map[i].p);
		free(f->map[i].gfns);
	}
	free(f->ram.mem);
	free(f->ram.populated);
	free(f->magic.mem);
	free(f->magic.populated);
	free(f);
}

const uint8_t *fb_guest(const struct fake_build *f, uint64_t gaddr, uint64_t len)
{
	const struct fb_region *r = &f->ram;
	uint64_t start = r->gfn0 * FB_PAGE_SIZE;

	if (gaddr < start || gaddr - start + len > r->nr * FB_PAGE_SIZE) {
		r = &f->magic;
		start = r->gfn0 * FB_PAGE_SIZE;
		if (gaddr < start || gaddr - start + len > r->nr * FB_PAGE_SIZE)
			return NULL;
	}
	return r->mem + (gaddr - start);
}

bool fb_populated(struct fake_build *f, uint64_t gaddr)
{
	return frame(f, gaddr >> FB_PAGE_SHIFT) != NULL;
}
