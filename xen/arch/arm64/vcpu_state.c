// SPDX-License-Identifier: GPL-2.0-only
/*
 * A vCPU's state as a versioned record (public/vcpu_state.h). Both ways need
 * the vCPU off every pCPU (its domain paused), so everything is in memory.
 */
#include <asm/vcpu.h>
#include <xen/errno.h>
#include <xen/lib.h>

#define COPY_SYS(X)                                                             \
	X(sctlr) X(actlr) X(cpacr) X(ttbr0) X(ttbr1) X(tcr) X(esr) X(afsr0) X(afsr1) \
	X(far) X(mair) X(amair) X(vbar) X(contextidr) X(tpidr_el0) X(tpidrro_el0)    \
	X(tpidr_el1) X(par) X(cntkctl) X(mdscr) X(csselr)
#define TO_REC(f)   r->f = v->arch.sys.f;
#define FROM_REC(f) v->arch.sys.f = r->f;


static void save_fp(const struct vcpu *v, struct vcpu_state_v1 *r)
{
	for (unsigned int i = 0; i < 32; i++) {
		r->vreg[i][0] = (uint64_t)v->arch.fp.q[i];
		r->vreg[i][1] = (uint64_t)(v->arch.fp.q[i] >> 64);
	}
	r->fpsr = v->arch.fp.fpsr;
	r->fpcr = v->arch.fp.fpcr;
}

int vcpu_state_save(struct vcpu *v, struct vcpu_state_v1 *r)
{
	if (v->arch.loaded)
		return -EBUSY;
	memset(r, 0, sizeof(*r));
	r->version = VCPU_STATE_VERSION;
	r->flags = (v->online ? VCPU_STATE_F_ONLINE : 0) |
		   (v->initialised ? VCPU_STATE_F_INITIALISED : 0);
	memcpy(r->x, v->arch.regs.x, sizeof(r->x));
	r->pc = v->arch.regs.elr;
	r->pstate = v->arch.regs.spsr;
	r->sp_el0 = v->arch.sys.sp_el0;
	r->sp_el1 = v->arch.sys.sp_el1;
	r->elr_el1 = v->arch.sys.elr_el1;
	r->spsr_el1 = v->arch.sys.spsr_el1;
	COPY_SYS(TO_REC)
	r->vtimer_ctl = v->arch.vtimer.ctl;
	r->vtimer_cval = v->arch.vtimer.cval;
	r->ptimer_ctl = v->arch.ptimer.ctl;
	r->ptimer_cval = v->arch.ptimer.cval;
	save_fp(v, r);
	return 0;
}

/* Only AArch64 EL0t, EL1t and EL1h (SPSR.M[4] = 0, M[3:0] = 0, 4 or 5). */
static bool pstate_ok(uint64_t pstate)
{
	uint64_t m = pstate & 0x1f;

	return m == SPSR_EL0T || m == SPSR_EL1T || m == SPSR_EL1H;
}

static void load_fp(struct vcpu *v, const struct vcpu_state_v1 *r)
{
	for (unsigned int i = 0; i < 32; i++)
		v->arch.fp.q[i] = ((__uint128_t)r->vreg[i][1] << 64) | r->vreg[i][0];
	v->arch.fp.fpsr = r->fpsr;
	v->arch.fp.fpcr = r->fpcr;
}

int vcpu_state_load(struct vcpu *v, const struct vcpu_state_v1 *r)
{
	if (v->arch.loaded)
		return -EBUSY;
	if (r->version != VCPU_STATE_VERSION || !pstate_ok(r->pstate) ||
	    (r->flags & ~(VCPU_STATE_F_ONLINE | VCPU_STATE_F_INITIALISED)))
		return -EINVAL;
	memcpy(v->arch.regs.x, r->x, sizeof(r->x));
	v->arch.regs.elr = r->pc;
	v->arch.regs.spsr = r->pstate;
	v->arch.sys.sp_el0 = r->sp_el0;
	v->arch.sys.sp_el1 = r->sp_el1;
	v->arch.sys.elr_el1 = r->elr_el1;
	v->arch.sys.spsr_el1 = r->spsr_el1;
	COPY_SYS(FROM_REC)
	v->arch.vtimer.ctl = r->vtimer_ctl;
	v->arch.vtimer.cval = r->vtimer_cval;
	v->arch.ptimer.ctl = r->ptimer_ctl;
	v->arch.ptimer.cval = r->ptimer_cval;
	load_fp(v, r);
	v->initialised = r->flags & VCPU_STATE_F_INITIALISED;
	v->online = r->flags & VCPU_STATE_F_ONLINE;
	return 0;
}

#define WIPE_PATTERN 0xa5

/*
 * Test aid (debug_pause): saves v's vCPU and vGIC records, wipes the live
 * state, loads the records back and checks a second save matches the first.
 * The guest then goes on from the loaded state. 0, or -EIO on a mismatch.
 */
int arch_vcpu_state_roundtrip(struct vcpu *v)
{
	static struct vcpu_state_v1 a, b;
	static struct vgic_vcpu_state ga, gb;
	int rc = vcpu_state_save(v, &a);

	if (rc)
		return rc;
	vgic_save_vcpu(v, &ga);
	memset(&v->arch.regs, WIPE_PATTERN, sizeof(v->arch.regs));
	memset(&v->arch.sys, WIPE_PATTERN, sizeof(v->arch.sys));
	memset(&v->arch.fp, WIPE_PATTERN, sizeof(v->arch.fp));
	rc = vcpu_state_load(v, &a);
	rc = rc ? rc : vgic_load_vcpu(v, &ga);
	if (rc)
		return rc;
	v->vgic.priv[VGIC_VTIMER_INTID].hw_intid = VGIC_VTIMER_INTID;   /* not in the record */
	v->arch.lrs_live = true;      /* LR images are stale now: take the full path once */
	vcpu_state_save(v, &b);
	vgic_save_vcpu(v, &gb);
	return memcmp(&a, &b, sizeof(a)) || memcmp(&ga, &gb, sizeof(ga)) ? -EIO : 0;
}
