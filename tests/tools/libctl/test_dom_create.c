// SPDX-License-Identifier: GPL-2.0-only
/* ctl_domain_create_cfg over the fake hypervisor and the real xenstored. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <public/hvm.h>

#include "test_dom.h"

#define UUID      "5c1f4a0e-3b2d-4e8f-9a61-0d2c3b4a5f60"
#define FULL_CFG  "uuid = \"" UUID "\"\nvcpus = 2\nmaxvcpus = 3\ncpus = \"1\"\nmaxmem = 128\n"
#define MAGIC_KIB 16          /* CTL_NR_MAGIC_PAGES 4 KiB pages */
#define SLACK_KIB 1024        /* LIBXL_MAXMEM_CONSTANT */

/* The value of /local/domain/<domid>/<rel>. */
static const char *dom_read(struct dom_env *e, uint32_t domid, const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "/local/domain/%u/%s", domid, rel);
	return env_read(e, path);
}

static const char *dom_perms(struct dom_env *e, uint32_t domid, const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "/local/domain/%u%s%s", domid, *rel ? "/" : "", rel);
	return env_perms(e, path);
}

static uint32_t create_ok(struct dom_env *e, const char *name, const char *extra,
			  unsigned int flags)
{
	struct ctl_domain_config *cfg = env_config(e, name, extra);
	uint32_t domid = DOMID_INVALID;
	int rc = ctl_domain_create_cfg(e->h, cfg, flags, &domid);

	if (rc)
		fprintf(stderr, "\n  create: %s\n", ctl_errmsg(e->h));
	CU_ASSERT_EQUAL(rc, 0);
	ctl_config_free(cfg);
	return domid;
}

static void check_hypervisor(struct dom_env *e, uint32_t domid)
{
	struct fake_dom *d = &e->fake.doms[domid];

	CU_ASSERT_TRUE_FATAL(d->used);
	CU_ASSERT_STRING_EQUAL(d->name, "web");
	CU_ASSERT_EQUAL(d->flags, CTL_DOMINF_running);
	CU_ASSERT_EQUAL(d->max_vcpus, 3);
	CU_ASSERT_EQUAL(d->max_mem_kb, 128 * 1024 + MAGIC_KIB + SLACK_KIB);
	for (int v = 0; v < 3; v++)
		CU_ASSERT_EQUAL(d->affinity[v], 1ULL << 1);
	CU_ASSERT_TRUE(d->vcpu0_started);
}

static void check_values(struct dom_env *e, uint32_t domid, const struct fake_dom *d)
{
	char num[32];

	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "name"), "web");
	snprintf(num, sizeof(num), "%u", domid);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "domid"), num);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "vm"), "/vm/" UUID);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "memory/target"), "65536");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "memory/static-max"), "131072");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "cpu/0/availability"), "online");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "cpu/1/availability"), "online");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "cpu/2/availability"), "offline");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "cpu/3/availability"), "<errno 2>");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "console/type"), "xenconsoled");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "console/limit"), "1048576");
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "console/output"), "pty");
	snprintf(num, sizeof(num), "%llu", (unsigned long long)d->hvm[HVM_PARAM_CONSOLE_EVTCHN]);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "console/port"), num);
	snprintf(num, sizeof(num), "%llu", (unsigned long long)d->hvm[HVM_PARAM_CONSOLE_PFN]);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "console/ring-ref"), num);
	snprintf(num, sizeof(num), "%llu", (unsigned long long)d->hvm[HVM_PARAM_STORE_EVTCHN]);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "store/port"), num);
	snprintf(num, sizeof(num), "%llu", (unsigned long long)d->hvm[HVM_PARAM_STORE_PFN]);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "store/ring-ref"), num);
	CU_ASSERT_STRING_EQUAL(dom_read(e, domid, "control/shutdown"), "");
	CU_ASSERT_STRING_EQUAL(env_read(e, "/vm/" UUID "/uuid"), UUID);
	CU_ASSERT_STRING_EQUAL(env_read(e, "/vm/" UUID "/name"), "web");
}

static void check_perms(struct dom_env *e, uint32_t domid)
{
	char ro[32], rw[32];

	snprintf(ro, sizeof(ro), "n0,r%u", domid);
	snprintf(rw, sizeof(rw), "n%u", domid);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, ""), ro);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, "name"), ro);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, "device"), ro);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, "console/ring-ref"), ro);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, "control"), ro);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, "control/shutdown"), rw);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, "control/feature-poweroff"), rw);
	CU_ASSERT_STRING_EQUAL(dom_perms(e, domid, "data"), rw);
	CU_ASSERT_STRING_EQUAL(env_perms(e, "/vm/" UUID), ro);
	CU_ASSERT_STRING_EQUAL(env_perms(e, "/vm/" UUID "/start_time"), ro);
}

/* The kept JSON loads back into the configuration that was given. */
static void check_kept(struct dom_env *e, uint32_t domid)
{
	struct ctl_domain_config *given = env_config(e, "web", FULL_CFG), *kept = NULL;
	char *a = NULL, *b = NULL, *err = NULL;

	CU_ASSERT_TRUE(env_state_exists(e, domid));
	CU_ASSERT_EQUAL_FATAL(ctl_domain_config_load(e->h, domid, &kept), 0);
	CU_ASSERT_EQUAL(ctl_config_to_json(given, &a, &err), 0);
	CU_ASSERT_EQUAL(ctl_config_to_json(kept, &b, &err), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_STRING_EQUAL(a, b);
	free(a);
	free(b);
	free(err);
	ctl_config_free(given);
	ctl_config_free(kept);
}

static void test_create(void)
{
	struct dom_env e;
	uint32_t domid;

	if (!env_start(&e))
		return;
	domid = create_ok(&e, "web", FULL_CFG, 0);
	CU_ASSERT_EQUAL_FATAL(domid, 1);
	check_hypervisor(&e, domid);
	check_values(&e, domid, &e.fake.doms[domid]);
	check_perms(&e, domid);
	check_kept(&e, domid);
	env_stop(&e);
}

static void test_create_paused(void)
{
	struct dom_env e;
	uint32_t domid;

	if (!env_start(&e))
		return;
	domid = create_ok(&e, "web", NULL, CTL_CREATE_PAUSED);
	CU_ASSERT_EQUAL(e.fake.doms[domid].flags, CTL_DOMINF_paused);
	/* No uuid given: one was made, and the kept copy has it. */
	CU_ASSERT_EQUAL(strncmp(dom_read(&e, domid, "vm"), "/vm/", 4), 0);
	CU_ASSERT_EQUAL(strlen(dom_read(&e, domid, "vm")), 4 + 36);
	env_stop(&e);
}

static void test_create_duplicate(void)
{
	struct ctl_domain_config *cfg;
	struct dom_env e;
	uint32_t domid = DOMID_INVALID;
	unsigned int nodes;

	if (!env_start(&e))
		return;
	create_ok(&e, "web", NULL, 0);
	nodes = env_count_nodes(&e);
	cfg = env_config(&e, "web", NULL);
	CU_ASSERT_EQUAL(ctl_domain_create_cfg(e.h, cfg, 0, &domid), -EEXIST);
	CU_ASSERT_STRING_EQUAL(ctl_errmsg(e.h), "a domain named web already exists (d1)");
	CU_ASSERT_EQUAL(domid, DOMID_INVALID);
	CU_ASSERT_EQUAL(fake_nr_domains(&e.fake), 1);
	CU_ASSERT_EQUAL(env_count_nodes(&e), nodes);
	CU_ASSERT_FALSE(env_state_exists(&e, 2));
	ctl_config_free(cfg);
	env_stop(&e);
}

/* A create failing at step `what` leaves nothing: no domain, no node, no JSON. */
static void create_fails(struct dom_env *e, const char *extra, int rc, const char *msg_part)
{
	struct ctl_domain_config *cfg = env_config(e, "web", extra);
	unsigned int nodes = env_count_nodes(e);
	uint32_t domid = DOMID_INVALID;

	CU_ASSERT_EQUAL(ctl_domain_create_cfg(e->h, cfg, 0, &domid), rc);
	if (!strstr(ctl_errmsg(e->h), msg_part))
		fprintf(stderr, "\n  message: %s\n", ctl_errmsg(e->h));
	CU_ASSERT_PTR_NOT_NULL(strstr(ctl_errmsg(e->h), msg_part));
	CU_ASSERT_EQUAL(fake_nr_domains(&e->fake), 0);
	CU_ASSERT_EQUAL(e->fake.nr_created, 1);
	CU_ASSERT_EQUAL(env_count_nodes(e), nodes);
	CU_ASSERT_FALSE(env_state_exists(e, 1));
	ctl_config_free(cfg);
}

static void test_create_populate_fails(void)
{
	struct dom_env e;

	if (!env_start(&e))
		return;
	e.fake.populate_rc = -ENOMEM;
	create_fails(&e, NULL, -ENOMEM, "populate");
	env_stop(&e);
}

static void test_create_bad_kernel(void)
{
	struct dom_env e;

	if (!env_start(&e))
		return;
	CU_ASSERT_EQUAL(truncate(e.kernel, 8), 0);
	create_fails(&e, NULL, -ENOEXEC, e.kernel);
	env_stop(&e);
}

static const struct tt_case cases[] = {
	{ "create: hypervisor, xenstore, perms, kept JSON", test_create },
	{ "create -p stays paused, gets a UUID", test_create_paused },
	{ "create: duplicate name is EEXIST, nothing left", test_create_duplicate },
	{ "create: populate failure leaves nothing", test_create_populate_fails },
	{ "create: bad kernel leaves nothing", test_create_bad_kernel },
	{ NULL, NULL },
};

const struct tt_suite lt_dom_create_suite = { "domain create", cases };
