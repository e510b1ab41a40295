// SPDX-License-Identifier: LGPL-2.1-only
/* Per-domain and per-vCPU domctls: scheduler, affinity, vCPU state, HVM params. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "ctl_int.h"

int ctl_sched_credit_get(struct ctl_handle *h, uint32_t domid, unsigned int *weight,
			 unsigned int *cap)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_sched_credit, domid, 0, &op);

	if (rc)
		return rc;
	op->u.sched.op = CTL_GET;
	rc = ctl_domctl_do(h, op);
	if (rc)
		return rc;
	*weight = op->u.sched.weight;
	*cap = op->u.sched.cap;
	return 0;
}

int ctl_sched_credit_set(struct ctl_handle *h, uint32_t domid, unsigned int weight,
			 unsigned int cap)
{
	struct ctl_domctl *op;
	int rc;

	if (weight == 0 || weight > UINT16_MAX || cap > UINT16_MAX)
		return ctl_fail(h, -EINVAL, "domctl sched_credit d%u: weight %u (1-%u) or cap %u "
				"(0-%u) out of range", domid, weight, UINT16_MAX, cap, UINT16_MAX);
	rc = ctl_domctl_prep(h, CTL_DOMCTL_sched_credit, domid, 0, &op);
	if (rc)
		return rc;
	op->u.sched = (struct ctl_domctl_sched_credit){ .op = CTL_SET, .weight = (uint16_t)weight,
							.cap = (uint16_t)cap };
	return ctl_domctl_do(h, op);
}

static int affinity(struct ctl_handle *h, uint32_t domid, unsigned int vcpu, uint32_t what,
		    uint64_t *cpumap)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_vcpu_affinity, domid, 0, &op);

	if (rc)
		return rc;
	op->u.affinity = (struct ctl_domctl_vcpu_affinity){ .op = what, .vcpu = vcpu,
							    .cpumap = *cpumap };
	rc = ctl_domctl_do(h, op);
	if (!rc)
		*cpumap = op->u.affinity.cpumap;
	return rc;
}

int ctl_vcpu_affinity_get(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			  uint64_t *cpumap)
{
	*cpumap = 0;
	return affinity(h, domid, vcpu, CTL_GET, cpumap);
}

int ctl_vcpu_affinity_set(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			  uint64_t cpumap)
{
	return affinity(h, domid, vcpu, CTL_SET, &cpumap);
}

int ctl_vcpu_info(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
		  struct ctl_domctl_vcpu_info *out)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_getvcpuinfo, domid, 0, &op);

	if (rc)
		return rc;
	op->u.vcpu_info.vcpu = vcpu;
	rc = ctl_domctl_do(h, op);
	if (!rc)
		*out = op->u.vcpu_info;
	return rc;
}

/* get/setvcpucontext: the record travels in the locked buffer, after the struct. */
static int context(struct ctl_handle *h, uint32_t cmd, uint32_t domid, unsigned int vcpu,
		   struct ctl_domctl **op)
{
	int rc = ctl_domctl_prep(h, cmd, domid, sizeof(struct vcpu_state_v1), op);

	if (rc)
		return rc;
	(*op)->u.context = (struct ctl_domctl_vcpu_context){
		.vcpu = vcpu, .size = sizeof(struct vcpu_state_v1),
		.buffer = ctl_addr(ctl_hbuf_data(h)),
	};
	return 0;
}

int ctl_vcpu_context_get(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			 struct vcpu_state_v1 *out)
{
	struct ctl_domctl *op;
	int rc = context(h, CTL_DOMCTL_getvcpucontext, domid, vcpu, &op);

	if (!rc)
		rc = ctl_domctl_do(h, op);
	if (!rc)
		memcpy(out, ctl_hbuf_data(h), sizeof(*out));
	return rc;
}

int ctl_vcpu_context_set(struct ctl_handle *h, uint32_t domid, unsigned int vcpu,
			 const struct vcpu_state_v1 *in)
{
	struct ctl_domctl *op;
	int rc = context(h, CTL_DOMCTL_setvcpucontext, domid, vcpu, &op);

	if (rc)
		return rc;
	memcpy(ctl_hbuf_data(h), in, sizeof(*in));
	return ctl_domctl_do(h, op);
}

int ctl_vcpu_start(struct ctl_handle *h, uint32_t domid, unsigned int vcpu, uint64_t pc,
		   uint64_t arg)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_vcpu_start, domid, 0, &op);

	if (rc)
		return rc;
	op->u.vcpu_start = (struct ctl_domctl_vcpu_start){ .vcpu = vcpu, .pc = pc, .x0 = arg };
	return ctl_domctl_do(h, op);
}

int ctl_hvm_param_get(struct ctl_handle *h, uint32_t domid, unsigned int index,
		      uint64_t *value)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_get_hvm_param, domid, 0, &op);

	if (rc)
		return rc;
	op->u.hvm_param.index = index;
	rc = ctl_domctl_do(h, op);
	if (!rc)
		*value = op->u.hvm_param.value;
	return rc;
}

int ctl_hvm_param_set(struct ctl_handle *h, uint32_t domid, unsigned int index,
		      uint64_t value)
{
	struct ctl_domctl *op;
	int rc = ctl_domctl_prep(h, CTL_DOMCTL_set_hvm_param, domid, 0, &op);

	if (rc)
		return rc;
	op->u.hvm_param = (struct ctl_domctl_hvm_param){ .index = index, .value = value };
	return ctl_domctl_do(h, op);
}
