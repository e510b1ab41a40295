// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_event_channel_op(cmd, arg) (docs/specs/event-channels.md).
 * Every argument struct starts with its IN fields and ends with its OUT
 * fields: the IN part is read, the OUT part written back on success. If
 * that write faults, a port the operation took is closed again, so -EFAULT
 * leaves the tables as they were.
 */
#include <arch/guest_access.h>
#include <xen/errno.h>
#include <xen/lib.h>

#include "private.h"

union evtchn_arg {
	struct evtchn_alloc_unbound alloc_unbound;
	struct evtchn_bind_interdomain bind_interdomain;
	struct evtchn_bind_virq bind_virq;
	struct evtchn_bind_ipi bind_ipi;
	struct evtchn_close close;
	struct evtchn_send send;
	struct evtchn_status status;
	struct evtchn_bind_vcpu bind_vcpu;
	struct evtchn_unmask unmask;
	struct evtchn_reset reset;
};

struct evtchn_op {
	size_t size;        /* of the argument struct */
	size_t in_len;      /* its leading IN fields; the rest is OUT */
	int (*fn)(struct domain *caller, union evtchn_arg *arg);
	void (*undo)(struct domain *caller, const union evtchn_arg *arg);
};

static int op_alloc_unbound(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_alloc_unbound(c, &arg->alloc_unbound);
}

static void undo_alloc_unbound(struct domain *c, const union evtchn_arg *arg)
{
	struct domain *d;

	if (!evtchn_target(c, arg->alloc_unbound.dom, &d))
		evtchn_close_port(d, arg->alloc_unbound.port);
}

static int op_bind_interdomain(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_bind_interdomain(c, &arg->bind_interdomain);
}

static void undo_bind_interdomain(struct domain *c, const union evtchn_arg *arg)
{
	evtchn_close_port(c, arg->bind_interdomain.local_port);
}

static int op_bind_virq(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_bind_virq(c, &arg->bind_virq);
}

static void undo_bind_virq(struct domain *c, const union evtchn_arg *arg)
{
	evtchn_close_port(c, arg->bind_virq.port);
}

static int op_bind_ipi(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_bind_ipi(c, &arg->bind_ipi);
}

static void undo_bind_ipi(struct domain *c, const union evtchn_arg *arg)
{
	evtchn_close_port(c, arg->bind_ipi.port);
}

static int op_close(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_close_port(c, arg->close.port);
}

static int op_send(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_send(c, arg->send.port);
}

static int op_status(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_status(c, &arg->status);
}

static int op_bind_vcpu(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_bind_vcpu(c, arg->bind_vcpu.port, arg->bind_vcpu.vcpu);
}

static int op_unmask(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_unmask(c, arg->unmask.port);
}

static int op_reset(struct domain *c, union evtchn_arg *arg)
{
	return evtchn_op_reset(c, arg->reset.dom);
}

#define IN_ONLY(type)          sizeof(struct type), sizeof(struct type)
#define IN_OUT(type, first_out) sizeof(struct type), offsetof(struct type, first_out)

/*
 * Commands left out give -ENOSYS: bind_pirq (no physical IRQs are given to
 * guests) and the FIFO ABI's init_control, expand_array and set_priority
 * (Linux then stays on the 2-level ABI).
 */
static const struct evtchn_op ops[] = {
	[EVTCHNOP_alloc_unbound] = { IN_OUT(evtchn_alloc_unbound, port),
				     op_alloc_unbound, undo_alloc_unbound },
	[EVTCHNOP_bind_interdomain] = { IN_OUT(evtchn_bind_interdomain, local_port),
					op_bind_interdomain, undo_bind_interdomain },
	[EVTCHNOP_bind_virq] = { IN_OUT(evtchn_bind_virq, port), op_bind_virq, undo_bind_virq },
	[EVTCHNOP_bind_ipi] = { IN_OUT(evtchn_bind_ipi, port), op_bind_ipi, undo_bind_ipi },
	[EVTCHNOP_close] = { IN_ONLY(evtchn_close), op_close, NULL },
	[EVTCHNOP_send] = { IN_ONLY(evtchn_send), op_send, NULL },
	[EVTCHNOP_status] = { IN_OUT(evtchn_status, status), op_status, NULL },
	[EVTCHNOP_bind_vcpu] = { IN_ONLY(evtchn_bind_vcpu), op_bind_vcpu, NULL },
	[EVTCHNOP_unmask] = { IN_ONLY(evtchn_unmask), op_unmask, NULL },
	[EVTCHNOP_reset] = { IN_ONLY(evtchn_reset), op_reset, NULL },
	[EVTCHNOP_reset_cont] = { IN_ONLY(evtchn_reset), op_reset, NULL },
};

/* EVTCHNOP_send is what backends and frontends call all the time: straight through. */
static long send_op(struct vcpu *v, uint64_t arg)
{
	struct evtchn_send s;

	if (copy_from_guest(v, &s, arg, sizeof(s)))
		return -EFAULT;
	return evtchn_send(v->domain, s.port);
}

long do_event_channel_op(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	const struct evtchn_op *op;
	union evtchn_arg arg = { 0 };   /* OUT padding never carries stack bytes to the guest */
	int rc;

	if (a[0] == EVTCHNOP_send)
		return send_op(v, a[1]);
	if (a[0] >= ARRAY_SIZE(ops) || !ops[a[0]].fn)
		return -ENOSYS;
	op = &ops[a[0]];
	if (copy_from_guest(v, &arg, a[1], op->in_len))
		return -EFAULT;
	rc = op->fn(v->domain, &arg);
	if (rc || op->in_len == op->size)
		return rc;
	if (copy_to_guest(v, a[1] + op->in_len, (const char *)&arg + op->in_len,
			  op->size - op->in_len)) {
		if (op->undo)
			op->undo(v->domain, &arg);
		return -EFAULT;
	}
	return 0;
}
