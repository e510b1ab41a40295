// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_xen_version: who we are and what guests may rely on. */
#include <arch/guest_access.h>
#include <public/xen.h>
#include <xen/errno.h>
#include <xen/hypercall.h>
#include <xen/lib.h>
#include <xen/setup.h>

#define PAGE_SIZE_4K 4096

static uint32_t features(const struct domain *d, uint32_t idx)
{
	uint32_t f = BIT(XENFEAT_auto_translated_physmap) | BIT(XENFEAT_ARM_SMCCC_supported);

	if (d == hardware_domain)
		f |= BIT(XENFEAT_dom0);
	f |= d->cfg.direct_mapped ? BIT(XENFEAT_direct_mapped) : BIT(XENFEAT_not_direct_mapped);
	return idx == 0 ? f : 0;
}

static long copy_string(struct vcpu *v, uint64_t gva, const char *s, size_t field)
{
	char buf[XEN_COMPILE_INFO_LEN] = { 0 };

	memcpy(buf, s, MIN(strlen(s), field - 1));
	return copy_to_guest(v, gva, buf, field) ? -EFAULT : 0;
}

static long get_features(struct vcpu *v, uint64_t gva)
{
	struct xen_feature_info fi;

	if (copy_from_guest(v, &fi, gva, sizeof(fi)))
		return -EFAULT;
	fi.submap = features(v->domain, fi.submap_idx);
	return copy_to_guest(v, gva, &fi, sizeof(fi)) ? -EFAULT : 0;
}

long do_xen_version(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	switch (a[0]) {
	case XENVER_version:
		return (XEN_VERSION_MAJOR << 16) | XEN_VERSION_MINOR;
	case XENVER_extraversion:
		return copy_string(v, a[1], "." HV_VERSION_STRING, XEN_EXTRAVERSION_LEN);
	case XENVER_capabilities:
		return copy_string(v, a[1], "xen-3.0-aarch64 ", XEN_CHANGESET_LEN);
	case XENVER_changeset:
		return copy_string(v, a[1], "unavailable", XEN_CHANGESET_LEN);
	case XENVER_get_features:
		return get_features(v, a[1]);
	case XENVER_pagesize:
		return PAGE_SIZE_4K;
	default:
		return -ENOSYS;
	}
}
