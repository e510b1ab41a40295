// SPDX-License-Identifier: GPL-2.0-only
/*
 * PSCI 1.1 and SMCCC 1.1 for guests (Arm DEN 0022F.b, DEN 0028): function ID
 * in x0, arguments in x1-x3, result in x0. Over hvc #0 or a trapped smc #0.
 */
#include <asm/vcpu.h>
#include <xen/lib.h>
#include <xen/timer.h>

#define PSCI_VERSION            0x84000000U
#define PSCI_CPU_SUSPEND        0xc4000001U
#define PSCI_CPU_OFF            0x84000002U
#define PSCI_CPU_ON             0xc4000003U
#define PSCI_AFFINITY_INFO      0xc4000004U
#define PSCI_MIGRATE_INFO_TYPE  0x84000006U
#define PSCI_SYSTEM_OFF         0x84000008U
#define PSCI_SYSTEM_RESET       0x84000009U
#define PSCI_FEATURES           0x8400000aU
#define SMCCC_VERSION           0x80000000U
#define SMCCC_ARCH_FEATURES     0x80000001U

#define PSCI_VERSION_1_1        0x00010001U
#define SMCCC_VERSION_1_1       0x00010001U
#define PSCI_RET_SUCCESS        0
#define PSCI_RET_NOT_SUPPORTED  (-1)
#define PSCI_RET_INVALID_PARAMS (-2)
#define PSCI_RET_ALREADY_ON     (-4)
#define PSCI_RET_INVALID_ADDR   (-9)
#define AFFINITY_ON             0
#define AFFINITY_OFF            1
#define MIGRATE_NOT_REQUIRED    2      /* "Trusted OS not present or does not require migration" */
#define FN_32BIT_MASK           0xffffffffUL

static struct vcpu *vcpu_by_mpidr(struct domain *d, uint64_t mpidr)
{
	uint64_t aff = mpidr & MPIDR_AFF_MASK;

	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		if ((d->vcpus[i]->arch.vmpidr & MPIDR_AFF_MASK) == aff)
			return d->vcpus[i];
	return NULL;
}

static int64_t cpu_on(struct vcpu *v, uint64_t mpidr, uint64_t entry, uint64_t ctx)
{
	struct vcpu *t = vcpu_by_mpidr(v->domain, mpidr);

	if (!t)
		return PSCI_RET_INVALID_PARAMS;
	if (t->online)
		return PSCI_RET_ALREADY_ON;
	if (entry & 3)
		return PSCI_RET_INVALID_ADDR;
	vcpu_reset(t, entry, ctx);
	vcpu_set_online(t, true);
	return PSCI_RET_SUCCESS;
}

static int64_t affinity_info(struct vcpu *v, uint64_t mpidr, uint64_t level)
{
	struct vcpu *t = vcpu_by_mpidr(v->domain, mpidr);

	if (!t || level != 0)
		return PSCI_RET_INVALID_PARAMS;
	return t->online ? AFFINITY_ON : AFFINITY_OFF;
}

static int64_t features(uint64_t fn)
{
	switch ((uint32_t)fn) {
	case PSCI_VERSION: case PSCI_CPU_OFF: case PSCI_CPU_ON: case PSCI_AFFINITY_INFO:
	case PSCI_MIGRATE_INFO_TYPE: case PSCI_SYSTEM_OFF: case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES: case SMCCC_VERSION:
		return PSCI_RET_SUCCESS;
	default:
		return PSCI_RET_NOT_SUPPORTED;
	}
}

static int64_t dispatch(struct vcpu *v, uint64_t *x)
{
	switch ((uint32_t)x[0]) {
	case PSCI_VERSION:
		return PSCI_VERSION_1_1;
	case PSCI_CPU_ON:
		return cpu_on(v, x[1], x[2], x[3]);
	case PSCI_CPU_OFF:
		vcpu_set_online(v, false);
		return PSCI_RET_SUCCESS;
	case PSCI_AFFINITY_INFO:
		return affinity_info(v, x[1], x[2]);
	case PSCI_MIGRATE_INFO_TYPE:
		return MIGRATE_NOT_REQUIRED;
	case PSCI_SYSTEM_OFF:
		domain_shutdown(v->domain, SHUTDOWN_POWEROFF);
		return PSCI_RET_SUCCESS;
	case PSCI_SYSTEM_RESET:
		domain_shutdown(v->domain, SHUTDOWN_REBOOT);
		return PSCI_RET_SUCCESS;
	case PSCI_FEATURES:
		return features(x[1]);
	case SMCCC_VERSION:
		return SMCCC_VERSION_1_1;
	default:
		return PSCI_RET_NOT_SUPPORTED;   /* includes SMCCC_ARCH_FEATURES queries */
	}
}

void vpsci_call(struct vcpu *v)
{
	uint64_t *x = v->arch.regs.x;
	int64_t ret = dispatch(v, x);

	/* SMCCC: a 32-bit function (bit 30 clear) returns a 32-bit result. */
	x[0] = (x[0] & (1UL << 30)) ? (uint64_t)ret : ((uint64_t)ret & FN_32BIT_MASK);
}
