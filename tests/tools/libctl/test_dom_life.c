// SPDX-License-Identifier: GPL-2.0-only
/* Teardown, lookup, shutdown requests, waiting and the lifecycle monitor. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_dom.h"

#define WAIT_MS 100

static uint32_t create(struct dom_env *e, const char *name, const char *extra,
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

static void test_teardown(void)
{
	struct dom_env e;
	unsigned int nodes;
	uint32_t domid;

	if (!env_start(&e))
		return;
	nodes = env_count_nodes(&e);
	domid = create(&e, "web", NULL, 0);
	CU_ASSERT_TRUE(env_count_nodes(&e) > nodes);
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.h, domid), 0);
	CU_ASSERT_EQUAL(fake_nr_domains(&e.fake), 0);
	CU_ASSERT_EQUAL(env_count_nodes(&e), nodes);
	CU_ASSERT_FALSE(env_state_exists(&e, domid));
	/* Idempotent; dom0 refused. */
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.h, domid), 0);
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.h, 0), -EINVAL);
	env_stop(&e);
}

static void test_lookup(void)
{
	char name[CTL_NAME_LEN], tiny[3];
	struct dom_env e;
	uint32_t domid, found = DOMID_INVALID;

	if (!env_start(&e))
		return;
	domid = create(&e, "web", NULL, 0);
	CU_ASSERT_EQUAL(ctl_domain_lookup(e.h, "web", &found), 0);
	CU_ASSERT_EQUAL(found, domid);
	CU_ASSERT_EQUAL(ctl_domain_lookup(e.h, "1", &found), 0);
	CU_ASSERT_EQUAL(found, 1);
	CU_ASSERT_EQUAL(ctl_domain_lookup(e.h, "Domain-0", &found), 0);
	CU_ASSERT_EQUAL(found, 0);
	CU_ASSERT_EQUAL(ctl_domain_lookup(e.h, "0", &found), 0);
	CU_ASSERT_EQUAL(found, 0);
	CU_ASSERT_EQUAL(ctl_domain_lookup(e.h, "db", &found), -ESRCH);
	CU_ASSERT_STRING_EQUAL(ctl_errmsg(e.h), "db: no such domain");
	CU_ASSERT_EQUAL(ctl_domain_lookup(e.h, "7", &found), -ESRCH);
	CU_ASSERT_STRING_EQUAL(ctl_errmsg(e.h), "7: no such domain");
	CU_ASSERT_EQUAL(ctl_domain_lookup(e.h, "99999999999", &found), -ESRCH);
	CU_ASSERT_EQUAL(ctl_domain_name(e.h, domid, name, sizeof(name)), 0);
	CU_ASSERT_STRING_EQUAL(name, "web");
	CU_ASSERT_EQUAL(ctl_domain_name(e.h, 0, name, sizeof(name)), 0);
	CU_ASSERT_STRING_EQUAL(name, "Domain-0");
	CU_ASSERT_EQUAL(ctl_domain_name(e.h, domid, tiny, sizeof(tiny)), -ERANGE);
	CU_ASSERT_EQUAL(ctl_domain_name(e.h, 7, name, sizeof(name)), -ESRCH);
	env_stop(&e);
}

static void test_request(void)
{
	char path[64];
	struct dom_env e;
	uint32_t domid;

	if (!env_start(&e))
		return;
	domid = create(&e, "web", NULL, 0);
	snprintf(path, sizeof(path), "/local/domain/%u/control/shutdown", domid);
	CU_ASSERT_EQUAL(ctl_domain_request(e.h, domid, "poweroff"), 0);
	CU_ASSERT_STRING_EQUAL(env_read(&e, path), "poweroff");
	CU_ASSERT_EQUAL(ctl_domain_request(e.h, domid, "reboot"), 0);
	CU_ASSERT_STRING_EQUAL(env_read(&e, path), "reboot");
	CU_ASSERT_EQUAL(ctl_domain_request(e.h, domid, "halt"), -EINVAL);
	CU_ASSERT_STRING_EQUAL(env_read(&e, path), "reboot");
	CU_ASSERT_EQUAL(ctl_domain_request(e.h, 7, "poweroff"), -ESRCH);
	CU_ASSERT_STRING_EQUAL(env_read(&e, "/local/domain/7"), "<errno 2>");
	env_stop(&e);
}

static long long elapsed_ms(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000LL + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_wait(void)
{
	unsigned int reason = 99;
	struct timespec t0;
	struct dom_env e;
	uint32_t domid;

	if (!env_start(&e))
		return;
	domid = create(&e, "web", NULL, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CU_ASSERT_EQUAL(ctl_domain_wait_shutdown(e.h, domid, WAIT_MS, &reason), -ETIMEDOUT);
	CU_ASSERT_TRUE(elapsed_ms(&t0) >= WAIT_MS);
	CU_ASSERT_EQUAL(reason, 99);
	CU_ASSERT_EQUAL(ctl_domain_shutdown(e.h, domid, CTL_SHUTDOWN_CRASH), 0);
	CU_ASSERT_EQUAL(ctl_domain_wait_shutdown(e.h, domid, WAIT_MS, &reason), 0);
	CU_ASSERT_EQUAL(reason, CTL_SHUTDOWN_CRASH);
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.h, domid), 0);
	CU_ASSERT_EQUAL(ctl_domain_wait_shutdown(e.h, domid, WAIT_MS, &reason), -ESRCH);
	env_stop(&e);
}

/* The guest's next shutdowns: reasons in order, the last one repeated if repeat. */
static void plan(struct dom_env *e, const unsigned int *reasons, size_t n, bool repeat)
{
	memcpy(e->fake.plan, reasons, n * sizeof(*reasons));
	e->fake.nr_plan = n;
	e->fake.plan_repeat = repeat;
}

static void test_monitor_restart(void)
{
	static const unsigned int reasons[] = { CTL_SHUTDOWN_REBOOT, CTL_SHUTDOWN_POWEROFF };
	struct dom_env e;
	unsigned int nodes;
	uint32_t domid;

	if (!env_start(&e))
		return;
	nodes = env_count_nodes(&e);
	plan(&e, reasons, 2, false);
	domid = create(&e, "web", "on_reboot = \"restart\"\non_poweroff = \"destroy\"\n", 0);
	CU_ASSERT_EQUAL(ctl_domain_monitor(e.h, domid), 0);
	CU_ASSERT_EQUAL(e.fake.nr_created, 2);
	CU_ASSERT_STRING_EQUAL(e.fake.created_names[1], "web");
	CU_ASSERT_EQUAL(fake_nr_domains(&e.fake), 0);
	CU_ASSERT_EQUAL(env_count_nodes(&e), nodes);
	CU_ASSERT_FALSE(env_state_exists(&e, domid));
	CU_ASSERT_FALSE(env_state_exists(&e, domid + 1));
	env_stop(&e);
}

static void test_monitor_preserve(void)
{
	static const unsigned int reasons[] = { CTL_SHUTDOWN_CRASH };
	struct dom_env e;
	uint32_t domid;

	if (!env_start(&e))
		return;
	plan(&e, reasons, 1, false);
	domid = create(&e, "web", "on_crash = \"preserve\"\n", 0);
	CU_ASSERT_EQUAL(ctl_domain_monitor(e.h, domid), 0);
	CU_ASSERT_EQUAL(e.fake.nr_created, 1);
	CU_ASSERT_EQUAL(e.fake.doms[domid].flags, CTL_DOMINF_shutdown);
	CU_ASSERT_TRUE(env_state_exists(&e, domid));
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.h, domid), 0);
	env_stop(&e);
}

static void test_monitor_loop_guard(void)
{
	static const unsigned int reasons[] = { CTL_SHUTDOWN_REBOOT };
	struct ctl_domctl_info info;
	struct dom_env e;
	uint32_t domid, last;

	if (!env_start(&e))
		return;
	plan(&e, reasons, 1, true);
	domid = create(&e, "web", "on_reboot = \"restart\"\n", 0);
	CU_ASSERT_EQUAL(ctl_domain_monitor(e.h, domid), -ELOOP);
	CU_ASSERT_PTR_NOT_NULL(strstr(ctl_errmsg(e.h), "web: restarted"));
	CU_ASSERT_EQUAL(e.fake.nr_created, CTL_RESTART_MAX + 1);
	CU_ASSERT_EQUAL_FATAL(ctl_domain_lookup(e.h, "web", &last), 0);
	CU_ASSERT_EQUAL(ctl_domain_info(e.h, last, &info), 0);
	CU_ASSERT_TRUE(info.flags & CTL_DOMINF_shutdown);
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.h, last), 0);
	env_stop(&e);
}

static const struct tt_case cases[] = {
	{ "teardown removes everything, idempotent", test_teardown },
	{ "lookup by name and ID, names", test_lookup },
	{ "request writes control/shutdown", test_request },
	{ "wait_shutdown: timeout, reason, gone", test_wait },
	{ "monitor: reboot restarts, poweroff destroys", test_monitor_restart },
	{ "monitor: preserve leaves it shut down", test_monitor_preserve },
	{ "monitor: restart loop guard", test_monitor_loop_guard },
	{ NULL, NULL },
};

const struct tt_suite lt_dom_life_suite = { "domain lifecycle", cases };
