/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A fake hypervisor behind ctl_open_backend(): records every hypercall (a
 * copy of the struct the library built) and answers like the hypervisor
 * would, with errors injected on demand. Shared by the libctl test suites.
 */
#ifndef TEST_CTL_FAKE_H
#define TEST_CTL_FAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <public/domctl.h>
#include <public/event_channel.h>
#include <public/memory.h>

#include "ctl_backend.h"

#define FAKE_MAX_CALLS 64
#define FAKE_MAX_DOMS  16
#define FAKE_ANY       0xffffffffU
#define FAKE_PORT      42     /* what the fake evtchn device binds */
#define FAKE_UNBOUND   7      /* what alloc_unbound answers */
#define FAKE_MAX_GNT   8      /* live grant mappings */

struct fake_call {
	unsigned int nr;                  /* __HYPERVISOR_* */
	uint64_t args[CTL_HCALL_ARGS];
	union {
		struct ctl_domctl domctl;
		struct ctl_sysctl sysctl;
		struct xen_memory_reservation res;
		struct evtchn_alloc_unbound unbound;
	} u;
	uint64_t first_gfn, last_gfn;     /* memory_op: the extent array's ends */
};

struct fake {
	struct ctl_handle *h;
	size_t ncalls;
	struct fake_call calls[FAKE_MAX_CALLS];
	/* Injection: the call number fail_at (0-based), or every call matching fail_nr/fail_cmd. */
	long fail_rc;
	unsigned int fail_nr;             /* __HYPERVISOR_*, FAKE_ANY */
	uint32_t fail_cmd;                /* domctl/sysctl/memory_op cmd, FAKE_ANY */
	size_t fail_at;                   /* SIZE_MAX: not by position */
	/* State */
	uint16_t doms[FAKE_MAX_DOMS];     /* ascending */
	size_t ndoms;
	uint64_t populate_limit;          /* extents populate_physmap still grants */
	uint64_t populated;               /* extents currently given */
	struct vcpu_state_v1 ctx;
	const char *console;
	/* Foreign maps */
	size_t map_fail_index;            /* SIZE_MAX: none */
	int map_fail_err;
	bool map_fail_all;                /* return NULL with every frame failed */
	int maps, unmaps;
	/* evtchn device: a socketpair; peer is the test's end */
	int evtchn_peer;
	unsigned long last_ioctl;
	unsigned int ioctl_arg[2];
	int ioctl_rc;                     /* injected error for the next ioctl */
	/* gntdev: page i of a mapping starts with the string "d<domid> ref <refs[i]>" */
	uint32_t gnt_fail_ref;            /* this ref fails with gnt_fail_err; FAKE_ANY: none */
	int gnt_fail_err;
	int gnt_open_err;                 /* the device does not open: this -errno */
	void *gnt_p[FAKE_MAX_GNT];        /* live mappings, gnt_n[i] pages each */
	size_t gnt_n[FAKE_MAX_GNT];
	int gnt_live;
	bool gnt_writable;                /* of the last mapping */
};

/* Opens f->h over the fake (asserts); f is reset first. */
void fake_open(struct fake *f);
/* Closes f->h; asserts no grant mapping was left (and unmaps it). */
void fake_close(struct fake *f);
const struct fake_call *fake_last(const struct fake *f);
/* The backend alone, for tests that build their own handle. */
extern const struct ctl_backend fake_backend;

#endif /* TEST_CTL_FAKE_H */
