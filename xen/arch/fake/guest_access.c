// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fake arch: a guest virtual address is a host pointer, so hypercall
 * handlers can be driven with structs on the test's stack. Address 0 and
 * anything in [fake_guest_bad_lo, fake_guest_bad_hi) fault (-EFAULT).
 */
#include <arch/guest_access.h>
#include <asm/fake.h>
#include <string.h>
#include <xen/errno.h>

uint64_t fake_guest_bad_lo;
uint64_t fake_guest_bad_hi;

static bool bad(uint64_t gva, size_t len)
{
	if (!gva)
		return true;
	return gva < fake_guest_bad_hi && gva + len > fake_guest_bad_lo;
}

int copy_from_guest(struct vcpu *v, void *dst, uint64_t gva, size_t len)
{
	(void)v;
	if (bad(gva, len))
		return -EFAULT;
	memcpy(dst, (const void *)(uintptr_t)gva, len);
	return 0;
}

int copy_to_guest(struct vcpu *v, uint64_t gva, const void *src, size_t len)
{
	(void)v;
	if (bad(gva, len))
		return -EFAULT;
	memcpy((void *)(uintptr_t)gva, src, len);
	return 0;
}

/* Identity: the test's "guest virtual" and "guest physical" addresses are the same. */
int guest_gva_to_ipa(struct vcpu *v, uint64_t gva, bool write, ipa_t *ipa)
{
	(void)v;
	(void)write;
	if (bad(gva, 1))
		return -EFAULT;
	*ipa = ipa_init(gva);
	return 0;
}
