// SPDX-License-Identifier: GPL-2.0-only
/*
 * AArch64 vCPUs: initial state, and the context switch of everything a
 * vCPU owns on a CPU: EL1 system registers, the virtual timer, the vGIC's
 * virtual CPU interface and the stage-2 context.
 */
#include <asm/gicv3.h>
#include <asm/mmu.h>
#include <asm/percpu.h>
#include <asm/vcpu.h>
#include <xen/domain.h>
#include <xen/errno.h>
#include <xen/lib.h>
#include <xen/timer.h>

#define P2M_IPA_BITS_MAX  40      /* covers QEMU virt's memory map, high PCIe included */

#define GUEST_HCR  (HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO | HCR_AMO | HCR_BSU_INNER | \
		    HCR_TWI | HCR_TWE | HCR_TID3 | HCR_TSC | HCR_TSW | HCR_RW)

/* The guest IPA size: what the CPU's physical address range allows, at most 40 bits. */
unsigned int arch_p2m_ipa_bits(void)
{
	unsigned int bits = cpu_pa_bits();

	return bits ? MIN(bits, P2M_IPA_BITS_MAX) : P2M_IPA_BITS_MAX;
}

unsigned int arch_nr_lrs(void)
{
	return gicv3_facts()->list_regs;
}

static uint64_t vtcr_value(const struct p2m *p2m)
{
	uint64_t sl0 = 2 - p2m->root_level;

	return VTCR_T0SZ(p2m->ipa_bits) | (sl0 << VTCR_SL0_SHIFT) | VTCR_IRGN0_WBWA |
	       VTCR_ORGN0_WBWA | VTCR_SH0_INNER | VTCR_TG0_4K | (cpu_parange_4k() << VTCR_PS_SHIFT) |
	       (cpu_has_vmid16() ? VTCR_VS_16BIT : 0) | VTCR_RES1;
}

int arch_domain_create(struct domain *d)
{
	d->arch.vtcr = vtcr_value(&d->p2m);
	d->arch.vttbr = pa_val(d->p2m.root) | ((uint64_t)d->p2m.vmid << VTTBR_VMID_SHIFT);
	for (unsigned int i = 0; i < NR_CPUS; i++)
		d->arch.last_vcpu_ran[i] = NO_VCPU_RAN;
	return 0;
}

void arch_domain_destroy(struct domain *d)
{
	if (d->p2m.vmid)
		arch_p2m_flush_vmid(d->p2m.vmid);
}

void arch_vcpu_create(struct vcpu *v)
{
	v->arch.vmpidr = MPIDR_RES1 | vgic_vcpu_affinity(v->id);
	v->arch.hcr = GUEST_HCR;
	v->arch.sys.sctlr = SCTLR_EL1_RES1;
	timer_init(&v->arch.vtimer_wake, vtimer_wake_fn, v);
	timer_init(&v->arch.ptimer.timer, ptimer_fire_fn, v);
}

void arch_vcpu_destroy(struct vcpu *v)
{
	timer_stop(&v->arch.vtimer_wake);
	timer_stop(&v->arch.ptimer.timer);
}

void vcpu_reset(struct vcpu *v, uint64_t pc, uint64_t x0)
{
	memset(&v->arch.regs, 0, sizeof(v->arch.regs));
	memset(&v->arch.sys, 0, sizeof(v->arch.sys));
	v->arch.regs.elr = pc;
	v->arch.regs.x[0] = x0;
	v->arch.regs.spsr = SPSR_EL1H | SPSR_DAIF;
	v->arch.sys.sctlr = SCTLR_EL1_RES1;
	v->arch.vtimer = (struct vtimer){ 0 };
	v->initialised = true;
}

/* ICH_LR<n>_EL2 by index: each is its own system register (GICv3 12.5.9). */
#define LR_CASE(n, crm, op2)                                                  \
	case n:                                                               \
		if (write)                                                    \
			write_sysreg(*val, S3_4_C12_##crm##_##op2);           \
		else                                                          \
			*val = read_sysreg(S3_4_C12_##crm##_##op2);           \
		break

static void lr_access(unsigned int i, uint64_t *val, bool write)
{
	switch (i) {
		LR_CASE(0, C12, 0); LR_CASE(1, C12, 1); LR_CASE(2, C12, 2); LR_CASE(3, C12, 3);
		LR_CASE(4, C12, 4); LR_CASE(5, C12, 5); LR_CASE(6, C12, 6); LR_CASE(7, C12, 7);
		LR_CASE(8, C13, 0); LR_CASE(9, C13, 1); LR_CASE(10, C13, 2); LR_CASE(11, C13, 3);
		LR_CASE(12, C13, 4); LR_CASE(13, C13, 5); LR_CASE(14, C13, 6); LR_CASE(15, C13, 7);
	default:
		break;
	}
}

static bool lrs_empty(const struct vcpu *v)
{
	for (unsigned int i = 0; i < v->vgic.nr_lr; i++)
		if (v->vgic.lr[i])
			return false;
	return true;
}

void vgic_hw_save_lrs_full(struct vcpu *v)
{
	for (unsigned int i = 0; i < v->vgic.nr_lr; i++)
		lr_access(i, &v->vgic.lr[i], false);
	vgic_sync_lrs(v);
}

void vgic_hw_load_lrs_full(struct vcpu *v)
{
	vgic_flush_lrs(v);
	for (unsigned int i = 0; i < v->vgic.nr_lr; i++)
		lr_access(i, &v->vgic.lr[i], true);
	write_sysreg(v->vgic.hcr | ICH_HCR_EN, ICH_HCR_EL2);
	v->arch.lrs_live = !lrs_empty(v);
}

#define SYSREG_SAVE(f, r)   (s->f = read_sysreg(r))
#define SYSREG_LOAD(f, r)   write_sysreg(s->f, r)
#define EL1_SYSREGS(X)                                                       \
	X(sctlr, sctlr_el1); X(actlr, actlr_el1); X(cpacr, cpacr_el1);           \
	X(ttbr0, ttbr0_el1); X(ttbr1, ttbr1_el1); X(tcr, tcr_el1);               \
	X(esr, esr_el1); X(afsr0, afsr0_el1); X(afsr1, afsr1_el1);               \
	X(far, far_el1); X(mair, mair_el1); X(amair, amair_el1);                 \
	X(vbar, vbar_el1); X(contextidr, contextidr_el1);                        \
	X(tpidr_el0, tpidr_el0); X(tpidrro_el0, tpidrro_el0);                    \
	X(tpidr_el1, tpidr_el1); X(sp_el0, sp_el0); X(sp_el1, sp_el1);           \
	X(elr_el1, elr_el1); X(spsr_el1, spsr_el1); X(par, par_el1);             \
	X(cntkctl, cntkctl_el1); X(mdscr, mdscr_el1); X(csselr, csselr_el1)

static void save_el1(struct vcpu *v)
{
	struct el1_sysregs *s = &v->arch.sys;

	EL1_SYSREGS(SYSREG_SAVE);
}

static void load_el1(struct vcpu *v)
{
	struct el1_sysregs *s = &v->arch.sys;

	EL1_SYSREGS(SYSREG_LOAD);
}

static void save_vgic_cpuif(struct vcpu *v)
{
	v->vgic.vmcr = read_sysreg(ICH_VMCR_EL2);
	v->vgic.ap1r[0] = read_sysreg(ICH_AP1R0_EL2);
	write_sysreg(0, ICH_HCR_EL2);
}

static void load_vgic_cpuif(struct vcpu *v)
{
	write_sysreg(v->vgic.vmcr, ICH_VMCR_EL2);
	write_sysreg(v->vgic.ap1r[0], ICH_AP1R0_EL2);
	for (unsigned int i = 0; i < v->vgic.nr_lr; i++)
		lr_access(i, &v->vgic.lr[i], true);
	write_sysreg(v->vgic.hcr | ICH_HCR_EN, ICH_HCR_EL2);
	v->arch.lrs_live = !lrs_empty(v);
}

static void load_stage2(struct vcpu *v)
{
	struct domain *d = v->domain;

	write_sysreg(d->arch.vtcr, vtcr_el2);
	write_sysreg(d->arch.vttbr, vttbr_el2);
	write_sysreg(v->arch.vmpidr, vmpidr_el2);
	write_sysreg(v->arch.hcr, hcr_el2);
	write_sysreg(CPTR_RES1 | CPTR_TZ | CPTR_TFP | CPTR_TTA | CPTR_TAM, cptr_el2);
	write_sysreg((read_sysreg(mdcr_el2) & MDCR_HPMN_MASK) | MDCR_TPM | MDCR_TPMCR, mdcr_el2);
	write_sysreg(d->arch.cntvoff, cntvoff_el2);
}

/* See struct arch_domain: TLB entries another vCPU of the domain left here go first. */
static void flush_if_other_vcpu_ran(struct vcpu *v, unsigned int cpu)
{
	int16_t *last = &v->domain->arch.last_vcpu_ran[cpu];

	if (*last == (int16_t)v->id)
		return;
	if (*last != NO_VCPU_RAN) {
		isb();       /* VTTBR_EL2 names v's VMID for the TLBI */
		asm volatile("tlbi vmalle1\n\tdsb nsh" : : : "memory");
	}
	*last = (int16_t)v->id;
}

/* Saves everything of v that lives on this CPU; v stays runnable elsewhere. */
static void vcpu_save(struct vcpu *v)
{
	save_el1(v);
	vtimer_save(v);
	save_vgic_cpuif(v);
	fpsimd_save(v);
	/* Publishes the saved state: another pCPU may be waiting to load it. */
	__atomic_store_n(&v->arch.loaded, false, __ATOMIC_RELEASE);
}

static void vcpu_load(struct vcpu *v)
{
	struct pcpu *p = this_pcpu();

	/*
	 * The scheduler may hand v over while the pCPU it left is still saving
	 * it (between sched_schedule and arch_context_switch there): wait.
	 */
	while (__atomic_load_n(&v->arch.loaded, __ATOMIC_ACQUIRE))
		asm volatile("yield");
	load_stage2(v);
	flush_if_other_vcpu_ran(v, p->id);
	load_el1(v);
	load_vgic_cpuif(v);
	vtimer_load(v);
	isb();
	v->arch.pcpu = p->id;
	v->arch.loaded = true;
	p->cur = v;
	p->guest_regs = &v->arch.regs;
}

void arch_context_switch(struct vcpu *prev, struct vcpu *next)
{
	struct pcpu *p = this_pcpu();

	if (prev == next && (!next || next->arch.loaded))
		return;
	if (prev && prev->arch.loaded)
		vcpu_save(prev);
	p->cur = NULL;
	p->guest_regs = NULL;
	if (!next) {
		write_sysreg(HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO, hcr_el2);
		isb();
		return;
	}
	vcpu_load(next);
}

bool arch_vcpu_on_cpu(const struct vcpu *v)
{
	return __atomic_load_n(&v->arch.loaded, __ATOMIC_ACQUIRE) ||
	       __atomic_load_n(&v->sched.running, __ATOMIC_ACQUIRE);
}

void arch_vcpu_kick(struct vcpu *v)
{
	send_sgi(v->arch.pcpu, SGI_KICK);
}
