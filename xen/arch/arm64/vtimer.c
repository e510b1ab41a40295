// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest timers (Arm ARM D11). The EL1 virtual timer runs on the hardware
 * while the vCPU is on a CPU; its PPI is hardware-linked to the virtual one,
 * so the guest's deactivation deactivates the physical interrupt. Off-CPU,
 * a software timer wakes the vCPU at its deadline. The EL1 physical timer
 * is emulated with a software timer (CNTHCTL_EL2.EL1PCEN = 0 traps it).
 */
#include <arch/time.h>
#include <asm/gicv3.h>
#include <asm/vcpu.h>
#include <xen/lib.h>

#define VTIMER_INTID  VGIC_VTIMER_INTID
#define PTIMER_INTID  VGIC_PTIMER_INTID

/* Timer registers as vsysreg names them. */
#define PTIMER_CTL    0
#define PTIMER_CVAL   1
#define PTIMER_TVAL   2

static bool fires(uint64_t ctl)
{
	return (ctl & CNT_CTL_ENABLE) && !(ctl & CNT_CTL_IMASK);
}

void vtimer_save(struct vcpu *v)
{
	struct vtimer *t = &v->arch.vtimer;

	t->ctl = read_sysreg(cntv_ctl_el0);
	t->cval = read_sysreg(cntv_cval_el0);
	write_sysreg(0, cntv_ctl_el0);
	isb();
	t->irq_active = gicv3_ppi_active(VTIMER_INTID);
	if (t->irq_active)
		gicv3_ppi_set_active(VTIMER_INTID, false);
	if (fires(t->ctl))
		timer_set(&v->arch.vtimer_wake, ticks_to_ns(t->cval + v->domain->arch.cntvoff));
}

void vtimer_load(struct vcpu *v)
{
	struct vtimer *t = &v->arch.vtimer;

	timer_stop(&v->arch.vtimer_wake);
	if (t->irq_active)
		gicv3_ppi_set_active(VTIMER_INTID, true);
	write_sysreg(t->cval, cntv_cval_el0);
	write_sysreg(t->ctl, cntv_ctl_el0);
}

void vtimer_wake_fn(void *data)
{
	vcpu_kick(data);
}

/* The physical virtual-timer PPI fired while v ran: pass it on, linked to the hardware. */
void vtimer_irq(struct vcpu *v)
{
	v->vgic.priv[VTIMER_INTID].hw_intid = VTIMER_INTID;
	vgic_inject(v->domain, v, VTIMER_INTID, true);
}

/* Drives PPI 30 from the emulated timer's state, and arms the wake-up. */
static void ptimer_update(struct vcpu *v)
{
	struct ptimer *p = &v->arch.ptimer;
	bool met = (p->ctl & CNT_CTL_ENABLE) && arch_counter_read() >= p->cval;

	timer_stop(&p->timer);
	vgic_inject(v->domain, v, PTIMER_INTID, met && !(p->ctl & CNT_CTL_IMASK));
	if ((p->ctl & CNT_CTL_ENABLE) && !met)
		timer_set(&p->timer, ticks_to_ns(p->cval));
}

void ptimer_fire_fn(void *data)
{
	ptimer_update(data);
}

bool ptimer_access(struct vcpu *v, unsigned int reg, bool write, uint64_t *val)
{
	struct ptimer *p = &v->arch.ptimer;
	uint64_t now = arch_counter_read();

	switch (reg) {
	case PTIMER_CTL:
		if (write)
			p->ctl = *val & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
		else
			*val = p->ctl | ((p->ctl & CNT_CTL_ENABLE) && now >= p->cval ?
					 CNT_CTL_ISTATUS : 0);
		break;
	case PTIMER_CVAL:
		if (write)
			p->cval = *val;
		else
			*val = p->cval;
		break;
	case PTIMER_TVAL:
		if (write)
			p->cval = now + (uint64_t)(int64_t)(int32_t)*val;
		else
			*val = (uint32_t)(p->cval - now);
		break;
	default:
		return false;
	}
	if (write)
		ptimer_update(v);
	return true;
}
