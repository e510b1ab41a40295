// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debug key 'v': a vCPU's AArch64 registers. A vCPU on no CPU is read from
 * its saved context (struct arch_vcpu). The vCPU this CPU holds has its
 * general registers in its frame (saved by the guest exit that brought us
 * here) and its EL1 system registers still in the CPU. A vCPU on another
 * CPU is only named: its saved copy is stale, and it is not stopped to be
 * read. Register names: Arm ARM (DDI 0487K.a) D24.
 */
#include <arch/cpu.h>
#include <asm/percpu.h>
#include <asm/sysregs.h>
#include <xen/domain.h>
#include <xen/lib.h>

#define GPRS_PER_LINE  3

static const char *mode_name(uint64_t spsr)
{
	switch (spsr & SPSR_MODE_MASK) {
	case SPSR_EL1H:
		return "EL1h";
	case SPSR_EL1T:
		return "EL1t";
	case SPSR_EL0T:
		return "EL0t";
	default:
		return "other";
	}
}

/* The EL1 registers printed, as they are now on this CPU. */
static void read_live_el1(struct el1_sysregs *s)
{
	s->sp_el0 = read_sysreg(sp_el0);
	s->sp_el1 = read_sysreg(sp_el1);
	s->elr_el1 = read_sysreg(elr_el1);
	s->spsr_el1 = read_sysreg(spsr_el1);
	s->esr = read_sysreg(esr_el1);
	s->far = read_sysreg(far_el1);
	s->sctlr = read_sysreg(sctlr_el1);
	s->tcr = read_sysreg(tcr_el1);
	s->ttbr0 = read_sysreg(ttbr0_el1);
	s->ttbr1 = read_sysreg(ttbr1_el1);
	s->vbar = read_sysreg(vbar_el1);
}

static void dump_gprs(const struct cpu_regs *r)
{
	for (unsigned int i = 0; i + GPRS_PER_LINE <= 30; i += GPRS_PER_LINE)
		printk("    x%-2u 0x%016lx  x%-2u 0x%016lx  x%-2u 0x%016lx\n", i,
		       (unsigned long)r->x[i], i + 1, (unsigned long)r->x[i + 1], i + 2,
		       (unsigned long)r->x[i + 2]);
	printk("    x30 0x%016lx\n", (unsigned long)r->x[30]);
}

static void dump_el1(const struct el1_sysregs *s)
{
	printk("    SP_EL0 0x%016lx  SP_EL1 0x%016lx  VBAR_EL1 0x%016lx\n",
	       (unsigned long)s->sp_el0, (unsigned long)s->sp_el1, (unsigned long)s->vbar);
	printk("    ELR_EL1 0x%016lx  SPSR_EL1 0x%08lx  ESR_EL1 0x%08lx  FAR_EL1 0x%016lx\n",
	       (unsigned long)s->elr_el1, (unsigned long)s->spsr_el1, (unsigned long)s->esr,
	       (unsigned long)s->far);
	printk("    SCTLR_EL1 0x%08lx  TCR_EL1 0x%016lx  TTBR0_EL1 0x%016lx  TTBR1_EL1 0x%016lx\n",
	       (unsigned long)s->sctlr, (unsigned long)s->tcr, (unsigned long)s->ttbr0,
	       (unsigned long)s->ttbr1);
}

/* The CPU v's state is on, if another one; NR_CPUS if none or this one. */
static unsigned int other_cpu(const struct vcpu *v, unsigned int me)
{
	if (__atomic_load_n(&v->arch.loaded, __ATOMIC_ACQUIRE))
		return v->arch.pcpu != me ? v->arch.pcpu : NR_CPUS;
	if (__atomic_load_n(&v->sched.running, __ATOMIC_ACQUIRE) && v->sched.cpu != me)
		return v->sched.cpu;   /* about to be loaded there */
	return NR_CPUS;
}

void arch_vcpu_dump(const struct vcpu *v)
{
	const struct cpu_regs *r = &v->arch.regs;
	unsigned int me = arch_cpu_id(), cpu = other_cpu(v, me);
	struct el1_sysregs live = { 0 };
	bool here = v->arch.loaded && cpu == NR_CPUS;

	if (!v->initialised) {
		printk("    never started\n");
		return;
	}
	if (cpu != NR_CPUS) {
		printk("    running on pCPU %u (not stopped to be read)\n", cpu);
		return;
	}
	printk("    pc 0x%016lx  pstate 0x%08lx (%s)  %s\n", (unsigned long)r->elr,
	       (unsigned long)r->spsr, mode_name(r->spsr),
	       here ? "on this pCPU, interrupted" : "saved context");
	dump_gprs(r);
	if (here)
		read_live_el1(&live);
	dump_el1(here ? &live : &v->arch.sys);
	printk("    last exit: ESR_EL2 0x%08lx (EC 0x%02lx)  FAR_EL2 0x%016lx\n",
	       (unsigned long)r->esr, (unsigned long)((r->esr >> ESR_EC_SHIFT) & ESR_EC_MASK),
	       (unsigned long)r->far);
}
