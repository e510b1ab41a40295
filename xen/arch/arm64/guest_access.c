// SPDX-License-Identifier: GPL-2.0-only
/*
 * Copies to and from the addresses a guest passes in hypercalls: guest
 * virtual addresses. Both stages are walked by the MMU itself with
 * AT S12E1R/S12E1W (Arm ARM C5.5) while the calling vCPU's EL1 context and
 * VTTBR are on this CPU, so only what the guest itself may read or write is
 * touched, and never a device it has mapped. PAR_EL1 belongs to the guest,
 * so it is preserved around each lookup.
 */
#include <arch/guest_access.h>
#include <arch/mm.h>
#include <asm/sysregs.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/lib.h>

#define PAR_F          (1UL << 0)             /* translation aborted */
#define PAR_PA_MASK    0x0000fffffffff000UL   /* PA[47:12] */

/* Runs AT <op> on gva and yields PAR_EL1, keeping the guest's own PAR_EL1. */
#define AT(op, gva)                                                            \
	({                                                                     \
		uint64_t saved_ = read_sysreg(par_el1), par_;                  \
		asm volatile("at " op ", %0" : : "r"(gva) : "memory");         \
		isb();                                                         \
		par_ = read_sysreg(par_el1);                                   \
		write_sysreg(saved_, par_el1);                                 \
		par_;                                                          \
	})

/* The IPA behind gva by the guest's own stage 1, or ~0. */
static uint64_t stage1(uint64_t gva, bool write)
{
	uint64_t par = write ? AT("s1e1w", gva) : AT("s1e1r", gva);

	if (par & PAR_F)
		return ~0UL;
	return (par & PAR_PA_MASK) | (gva & ~PAGE_MASK);
}

int guest_gva_to_ipa(struct vcpu *v, uint64_t gva, bool write, ipa_t *ipa)
{
	uint64_t a = stage1(gva, write);

	(void)v;
	if (a == ~0UL)
		return -EFAULT;
	*ipa = ipa_init(a);
	return 0;
}

/* PAR_EL1.ATTR [63:56] in MAIR format: Device memory has 0000 in [7:4] (D24.2.110). */
#define PAR_ATTR_SHIFT     56
#define PAR_ATTR_DEVICE    0xf0UL

/*
 * Host physical address behind gva, or ~0: both stages walked by the MMU
 * (AT S12E1R/W with v's VTTBR loaded), so the guest's own stage-2
 * permissions apply (a read-only grant cannot be written through a
 * hypercall either), and anything Device (MMIO) is refused.
 */
static uint64_t translate(struct vcpu *v, uint64_t gva, bool write)
{
	uint64_t par = write ? AT("s12e1w", gva) : AT("s12e1r", gva);

	(void)v;
	if ((par & PAR_F) || !((par >> PAR_ATTR_SHIFT) & PAR_ATTR_DEVICE))
		return ~0UL;
	return (par & PAR_PA_MASK) | (gva & ~PAGE_MASK);
}

#define WORD32_MASK 3UL

/* Hypercall arguments are a few bytes: copied inline, by 32-bit words when aligned. */
static void copy_bytes(uint8_t *dst, const uint8_t *src, size_t n)
{
	if (!(((uintptr_t)dst | (uintptr_t)src | n) & WORD32_MASK)) {
		for (; n; n -= sizeof(uint32_t), dst += sizeof(uint32_t), src += sizeof(uint32_t))
			*(uint32_t *)(void *)dst = *(const uint32_t *)(const void *)src;
		return;
	}
	while (n--)
		*dst++ = *src++;
}

#define SMALL_COPY 32

static int copy_guest(struct vcpu *v, uint64_t gva, void *buf, size_t len, bool to_guest)
{
	uint8_t *b = buf;

	/* The common case: a small argument inside one page. */
	if (len <= SMALL_COPY && (gva & ~PAGE_MASK) + len <= PAGE_SIZE) {
		uint64_t pa = translate(v, gva, to_guest);
		uint8_t *host;

		if (pa == ~0UL)
			return -EFAULT;
		host = arch_pa_to_va(pa_init(pa));
		copy_bytes(to_guest ? host : b, to_guest ? b : host, len);
		return 0;
	}
	while (len) {
		size_t n = MIN(len, (size_t)(PAGE_SIZE - (gva & ~PAGE_MASK)));
		uint64_t pa = translate(v, gva, to_guest);
		void *host;

		if (pa == ~0UL)
			return -EFAULT;
		host = arch_pa_to_va(pa_init(pa));
		if (to_guest)
			memcpy(host, b, n);
		else
			memcpy(b, host, n);
		gva += n;
		b += n;
		len -= n;
	}
	return 0;
}

int copy_from_guest(struct vcpu *v, void *dst, uint64_t gva, size_t len)
{
	return copy_guest(v, gva, dst, len, false);
}

int copy_to_guest(struct vcpu *v, uint64_t gva, const void *src, size_t len)
{
	return copy_guest(v, gva, (void *)src, len, true);
}
