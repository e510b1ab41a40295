// SPDX-License-Identifier: GPL-2.0-only
/* vcpu_info and runstate areas in guest memory (see xen/vcpu_area.h). */
#include <arch/guest_access.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/event.h>
#include <xen/guest_phys.h>
#include <xen/lib.h>
#include <xen/vcpu_area.h>

/* vcpu_info is 8-byte aligned in the guest's layout (it starts with bytes, then a word). */
#define VCPU_INFO_ALIGN 8

int vcpu_register_info(struct vcpu *t, uint64_t gfn, uint32_t offset)
{
	struct vcpu_info *vi;
	uint8_t *page;

	if (t->vcpu_info_registered)
		return -EINVAL;
	if (offset > PAGE_SIZE - sizeof(*vi) || offset % VCPU_INFO_ALIGN)
		return -EINVAL;
	page = guest_phys_page(t->domain, gfn_init(gfn));
	if (!page)
		return -EINVAL;
	vi = (struct vcpu_info *)(page + offset);
	*vi = *t->vcpu_info;
	/* Events may land in the old copy meanwhile: make the guest scan every word once. */
	vi->evtchn_upcall_pending = 1;
	vi->evtchn_pending_sel = ~0UL;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	t->vcpu_info = vi;
	t->vcpu_info_registered = true;
	evtchn_vcpu_info_moved(t);
	return 0;
}

/* Writes v's runstate to the guest's copy, with the update flag protocol if asked for. */
static void runstate_publish(struct vcpu *v)
{
	struct domain *d = v->domain;
	struct vcpu_runstate_info copy = v->runstate;
	uint64_t entry = copy.state_entry_time;
	uint64_t off = offsetof(struct vcpu_runstate_info, state_entry_time);

	if (!v->runstate_registered)
		return;
	if (d->runstate_update_flag) {
		uint64_t busy = entry | XEN_RUNSTATE_UPDATE;

		guest_phys_write(d, v->runstate_ipa + off, &busy, sizeof(busy), false);
		__atomic_thread_fence(__ATOMIC_RELEASE);
		copy.state_entry_time = busy;
	}
	guest_phys_write(d, v->runstate_ipa, &copy, sizeof(copy), false);
	if (d->runstate_update_flag) {
		__atomic_thread_fence(__ATOMIC_RELEASE);
		guest_phys_write(d, v->runstate_ipa + off, &entry, sizeof(entry), false);
	}
}

void vcpu_runstate_change(struct vcpu *v, int state, uint64_t now)
{
	struct vcpu_runstate_info *r = &v->runstate;

	if (r->state == state && r->state_entry_time)
		return;
	if (r->state_entry_time && now > r->state_entry_time)
		r->time[r->state] += now - r->state_entry_time;
	r->state = state;
	r->state_entry_time = now;
	runstate_publish(v);
}

int vcpu_runstate_idle_state(const struct vcpu *v)
{
	if (!v->online)
		return RUNSTATE_offline;
	return v->blocked ? RUNSTATE_blocked : RUNSTATE_runnable;
}

/*
 * The area is given by guest virtual address (Linux passes a kernel
 * address); it is translated once, here, while the caller's stage 1 is
 * loaded, and both ends must be RAM. Address 0 unregisters.
 */
int vcpu_register_runstate(struct vcpu *v, struct vcpu *t, uint64_t gva)
{
	size_t last = sizeof(struct vcpu_runstate_info) - 1;
	ipa_t first, end;

	if (!gva) {
		t->runstate_registered = false;
		return 0;
	}
	if (guest_gva_to_ipa(v, gva, true, &first) || guest_gva_to_ipa(v, gva + last, true, &end))
		return -EFAULT;
	if (ipa_val(end) != ipa_val(first) + last)
		return -EINVAL;   /* straddles two pages that are not contiguous in guest-physical space */
	if (!guest_phys_page(t->domain, ipa_to_gfn(first)) ||
	    !guest_phys_page(t->domain, ipa_to_gfn(end)))
		return -EFAULT;
	t->runstate_ipa = ipa_val(first);
	t->runstate_registered = true;
	runstate_publish(t);
	return 0;
}
