// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_grant_table_op(cmd, uop, count): x0 = cmd, x1 = guest address
 * of the op structs, x2 = count (docs/specs/grant-tables.md). Batched
 * commands run every op, each reporting its own status, and return 0;
 * -EFAULT if an op cannot be read or its result written (the ops before it
 * stay done, as in Xen).
 */
#include <arch/guest_access.h>
#include <stddef.h>
#include <xen/errno.h>
#include <xen/ctl.h>
#include "private.h"

/*
 * Ops per call. Xen splits long batches with hypercall continuations; there
 * are none here, so a batch runs to its end at EL2 and is bounded instead.
 * Linux's backends batch far fewer (blkback: 11 segments per request).
 */
#define GNT_MAX_BATCH  4096U
/*
 * Xen's GNTTABOP_CONTINUATION_ARG_SHIFT: cmd bits from 12 up carry a
 * continuation argument, which this hypervisor never hands out.
 */
#define GNT_CMD_BITS   12
#define GNT_CMD_MASK   ((1U << GNT_CMD_BITS) - 1)

/* How one batched command reads, runs and answers each op. */
struct gnt_batch {
	size_t size;              /* of one op struct */
	size_t out_off;           /* what goes back to the guest */
	size_t out_len;
	void (*run)(struct domain *ld, void *op);
};

union gnt_op {
	struct gnttab_map_grant_ref map;
	struct gnttab_unmap_grant_ref unmap;
	struct gnttab_copy copy;
};

static void run_map(struct domain *ld, void *op)
{
	gnt_map_one(ld, op);
}

static void run_unmap(struct domain *ld, void *op)
{
	gnt_unmap_one(ld, op);
}

static void run_copy(struct domain *ld, void *op)
{
	gnt_copy_one(ld, op);
}

/* Map answers the whole struct (handle, dev_bus_addr); the others the status. */
static const struct gnt_batch map_batch = {
	sizeof(struct gnttab_map_grant_ref), 0, sizeof(struct gnttab_map_grant_ref), run_map,
};

static const struct gnt_batch unmap_batch = {
	sizeof(struct gnttab_unmap_grant_ref), offsetof(struct gnttab_unmap_grant_ref, status),
	sizeof(int16_t), run_unmap,
};

static const struct gnt_batch copy_batch = {
	sizeof(struct gnttab_copy), offsetof(struct gnttab_copy, status), sizeof(int16_t),
	run_copy,
};

static long run_batch(struct vcpu *v, uint64_t uop, unsigned int count, const struct gnt_batch *b)
{
	union gnt_op op;

	for (unsigned int i = 0; i < count; i++, uop += b->size) {
		if (copy_from_guest(v, &op, uop, b->size))
			return -EFAULT;
		b->run(v->domain, &op);
		if (copy_to_guest(v, uop + b->out_off, (const uint8_t *)&op + b->out_off, b->out_len))
			return -EFAULT;
	}
	return 0;
}

static long cmd_map(struct vcpu *v, uint64_t uop, unsigned int count)
{
	return run_batch(v, uop, count, &map_batch);
}

static long cmd_unmap(struct vcpu *v, uint64_t uop, unsigned int count)
{
	return run_batch(v, uop, count, &unmap_batch);
}

static long cmd_copy(struct vcpu *v, uint64_t uop, unsigned int count)
{
	return run_batch(v, uop, count, &copy_batch);
}

typedef long (*gnt_cmd_fn)(struct vcpu *v, uint64_t uop, unsigned int count);

/* Absent: dump_table, transfer, unmap_and_replace, get_status_frames, swap, cache_flush. */
static const gnt_cmd_fn cmds[] = {
	[GNTTABOP_map_grant_ref] = cmd_map,
	[GNTTABOP_unmap_grant_ref] = cmd_unmap,
	[GNTTABOP_setup_table] = gnt_setup_table,
	[GNTTABOP_copy] = cmd_copy,
	[GNTTABOP_query_size] = gnt_query_size,
	[GNTTABOP_set_version] = gnt_set_version,
	[GNTTABOP_get_version] = gnt_get_version,
};

long do_grant_table_op(struct vcpu *v, const uint64_t a[HCALL_ARGS])
{
	/* Xen's prototype takes cmd and count as unsigned int. */
	uint32_t cmd = (uint32_t)a[0];
	uint32_t count = (uint32_t)a[2];
	long rc;

	if (count > GNT_MAX_BATCH)
		return -EINVAL;
	if ((cmd & ~GNT_CMD_MASK) && (cmd & GNT_CMD_MASK) != GNTTABOP_cache_flush)
		return -EINVAL;
	if (cmd >= ARRAY_SIZE(cmds) || !cmds[cmd] || !v->domain->grant_table)
		return -ENOSYS;
	rc = cmds[cmd](v, a[1], count);
	/* An unmap may have removed a destroyed domain's last mapping. */
	domctl_reap_zombies();
	return rc;
}
