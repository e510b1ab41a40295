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

/*
 * The device tests (test_dev_*.c): a domain env plus fake hotplug scripts
 * in a temporary CTL_SCRIPT_DIR (test_dev_env.c), which log each run to
 * scripts.log and fail or hang when a control file says so, and a fake
 * dom0 backend driver (test_dev_backend.c): a child process on its own
 * xenstore connection that answers as xen-blkback and xen-netback would,
 * logging to backend.log.
 */
extern const struct tt_suite lt_dev_attach_suite;
extern const struct tt_suite lt_dev_detach_suite;
extern const struct tt_suite lt_dev_create_suite;
extern const struct tt_suite lt_dev_spec_suite;

#define DEVBE_INITWAIT  (1u << 0)   /* backend Initialising -> InitWait (the driver's probe) */
#define DEVBE_CLOSE     (1u << 1)   /* backend Closing -> Closed (the guest let go) */
#define DEVBE_FORCE     (1u << 2)   /* frontend Closed -> backend Closed (disconnect) */
#define DEVBE_REFUSE    (1u << 3)   /* Initialising -> Closed with an error (a bad device) */
#define DEVBE_ERROR     "opening physical-device 7:0: No such device"
#define DEVBE_ALL       (DEVBE_INITWAIT | DEVBE_CLOSE | DEVBE_FORCE)

struct dev_env {
	struct dom_env dom;
	char dir[96];                   /* <dom.dir>/dev: scripts, logs, disk images */
	char scripts[112];              /* $CTL_SCRIPT_DIR */
	int backend_pid;
};

/* dom env, scripts, the fake backend with flags (0: none); false if it cannot. */
bool dev_env_start(struct dev_env *e, unsigned int backend);
void dev_env_stop(struct dev_env *e);
/* A domain created paused from env_config(name, extra); DOMID_INVALID on failure. */
uint32_t dev_env_domain(struct dev_env *e, const char *name, const char *extra);
/* e->dir/name with text (the path, static buffer); text NULL removes it. */
const char *dev_env_file(struct dev_env *e, const char *name, const char *text);
/* The content of e->dir/name, "" if none; static buffer. */
const char *dev_env_slurp(struct dev_env *e, const char *name);
/* The children of path, sorted, comma-separated, "<errno N>" on failure; static buffer. */
const char *dev_env_children(struct dev_env *e, const char *path);

/* test_dev_backend.c */
void dev_backend_start(struct dev_env *e, unsigned int flags);
void dev_backend_stop(struct dev_env *e);

#endif
