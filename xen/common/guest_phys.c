// SPDX-License-Identifier: GPL-2.0-only
/* A domain's RAM by guest-physical address (see xen/guest_phys.h). */
#include <arch/mm.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/guest_phys.h>
#include <xen/lib.h>

void *guest_phys_page(struct domain *d, gfn_t gfn)
{
	enum p2m_type t;
	mfn_t mfn;

	t = p2m_lookup(&d->p2m, gfn, &mfn, NULL);
	if (t != P2M_RAM_RW && t != P2M_MAGIC)
		return NULL;
	return arch_pa_to_va(mfn_to_pa(mfn));
}

int guest_phys_write(struct domain *d, uint64_t ipa, const void *src, size_t len, bool clean)
{
	const uint8_t *s = src;

	while (len) {
		size_t n = MIN(len, (size_t)(PAGE_SIZE - (ipa & ~PAGE_MASK)));
		uint8_t *page = guest_phys_page(d, ipa_to_gfn(ipa_init(ipa)));
		uint8_t *dst;

		if (!page)
			return -EFAULT;
		dst = page + (ipa & ~PAGE_MASK);
		memcpy(dst, s, n);
		if (clean)
			arch_clean_dcache(dst, n);
		ipa += n;
		s += n;
		len -= n;
	}
	return 0;
}
