/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The domain-layer tests (test_dom_*.c): a fake hypervisor behind
 * ctl_backend.h, the real xenstored on a temporary socket, a synthetic
 * kernel and a temporary state directory.
 */
#ifndef TEST_DOM_H
#define TEST_DOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctl_backend.h"
#include "ctl_domain.h"
#include "ctl_xs.h"
#include "libctl_test.h"

extern const struct tt_suite lt_dom_create_suite;
extern const struct tt_suite lt_dom_life_suite;

#define FAKE_MAX_DOMS   32      /* domids 0 .. 31; dom0 is slot 0 */
#define FAKE_MAX_VCPUS  8
#define FAKE_MAX_PLAN   16
#define FAKE_NR_HVM     40      /* HVM_NR_PARAMS */

struct fake_dom {
	bool used;
	char name[CTL_NAME_LEN];
	uint32_t flags;                 /* CTL_DOMINF_* */
	uint32_t shutdown_code;
	unsigned int max_vcpus;
	uint64_t max_mem_kb, pages;
	uint64_t affinity[FAKE_MAX_VCPUS];
	bool vcpu0_started;
	uint64_t hvm[FAKE_NR_HVM];
};

struct fake {
	struct fake_dom doms[FAKE_MAX_DOMS];
	uint32_t next_domid;
	uint32_t next_port;
	int populate_rc;                /* injected: populate_physmap fails with it */
	unsigned int nr_created;
	char created_names[FAKE_MAX_DOMS][CTL_NAME_LEN];
	/* Shutdown reasons the next unpaused domains take at once (a guest's reply). */
	unsigned int plan[FAKE_MAX_PLAN];
	size_t nr_plan, plan_next;
	bool plan_repeat;               /* the last reason for ever after */
};

/* test_dom_fake.c */
void fake_init(struct fake *f);
extern const struct ctl_backend fake_backend_ops;
unsigned int fake_nr_domains(const struct fake *f);   /* besides dom0 */

/* test_dom_env.c: one test's world. */
struct dom_env {
	struct fake fake;
	struct ctl_backend be;
	struct ctl_handle *h;
	struct ctl_xs *xs;
	char dir[64];                   /* mkdtemp */
	char sock[96], state[96], kernel[96];
	int xsd_pid;
};

/* Starts xenstored and opens the handle; false (with a test failure) if it cannot. */
bool env_start(struct dom_env *e);
void env_stop(struct dom_env *e);
/* A parsed configuration with the env's kernel, name and extra lines. */
struct ctl_domain_config *env_config(struct dom_env *e, const char *name, const char *extra);
/* Nodes in the whole store. */
unsigned int env_count_nodes(struct dom_env *e);
/* The value at path, "<ENOENT>" style "<errno N>" on failure; static buffer. */
const char *env_read(struct dom_env *e, const char *path);
/* The permissions of path as "n0,r3" (a raw GET_PERMS); static buffer. */
const char *env_perms(struct dom_env *e, const char *path);
bool env_state_exists(struct dom_env *e, uint32_t domid);

#endif
