// SPDX-License-Identifier: GPL-2.0-only
/*
 * The p2m's arch hooks: TLB maintenance by VMID (Arm ARM D8.16: TLBI
 * VMALLS12E1IS for a whole VMID; TLBI IPAS2E1IS, then VMALLE1IS for combined
 * stage 1+2 entries, for one IPA). TLBI operates on the VMID in VTTBR_EL2,
 * so the target VMID is loaded for the operation, interrupts masked.
 */
#include <arch/cpu.h>
#include <asm/sysregs.h>
#include <xen/p2m.h>

static uint64_t enter_vmid(uint16_t vmid)
{
	uint64_t old = read_sysreg(vttbr_el2);

	write_sysreg((uint64_t)vmid << VTTBR_VMID_SHIFT, vttbr_el2);
	isb();
	return old;
}

static void leave_vmid(uint64_t old)
{
	write_sysreg(old, vttbr_el2);
	isb();
}

void arch_p2m_flush_vmid(uint16_t vmid)
{
	unsigned long flags = arch_irq_save();
	uint64_t old = enter_vmid(vmid);

	dsb(ishst);
	asm volatile("tlbi vmalls12e1is" : : : "memory");
	dsb(ish);
	leave_vmid(old);
	arch_irq_restore(flags);
}

void arch_p2m_flush_ipa(uint16_t vmid, ipa_t ipa)
{
	unsigned long flags = arch_irq_save();
	uint64_t old = enter_vmid(vmid);

	dsb(ishst);
	asm volatile("tlbi ipas2e1is, %0" : : "r"(ipa_val(ipa) >> PAGE_SHIFT) : "memory");
	dsb(ish);
	asm volatile("tlbi vmalle1is" : : : "memory");
	dsb(ish);
	leave_vmid(old);
	arch_irq_restore(flags);
}

void arch_p2m_sync(void)
{
	dsb(ishst);
}
