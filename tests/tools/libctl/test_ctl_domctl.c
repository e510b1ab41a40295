// SPDX-License-Identifier: GPL-2.0-only
/* Domain domctls: the structs the library builds, results, errors and messages. */
#include <errno.h>
#include <string.h>

#include "libctl_test.h"
#include "test_ctl_fake.h"

static void check_domctl(const struct fake_call *c, uint32_t cmd, uint32_t domid)
{
	CU_ASSERT_EQUAL(c->nr, __HYPERVISOR_domctl);
	CU_ASSERT_EQUAL(c->u.domctl.cmd, cmd);
	CU_ASSERT_EQUAL(c->u.domctl.version, CTL_INTERFACE_VERSION);
	CU_ASSERT_EQUAL(c->u.domctl.domid, domid);
}

static void test_create(void)
{
	struct ctl_create_args a = { .name = "guest1", .max_vcpus = 2, .max_mem_kb = 524288,
				     .max_evtchn = 1023 };
	const struct ctl_domctl_create *c;
	struct fake f;
	uint32_t domid = 0;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_domain_create(f.h, &a, &domid), 0);
	CU_ASSERT_EQUAL(domid, 1);
	check_domctl(fake_last(&f), CTL_DOMCTL_create, DOMID_SELF);
	c = &fake_last(&f)->u.domctl.u.create;
	CU_ASSERT_EQUAL(c->max_vcpus, 2);
	CU_ASSERT_EQUAL(c->max_mem_kb, 524288);
	CU_ASSERT_EQUAL(c->max_evtchn, 1023);
	CU_ASSERT_EQUAL(c->max_grant_frames, 0);
	CU_ASSERT_EQUAL(c->nr_spis, 32);
	CU_ASSERT_EQUAL(c->gic_version, 3);
	CU_ASSERT_STRING_EQUAL(c->name, "guest1");
	fake_close(&f);
}

static void test_create_errors(void)
{
	char longname[CTL_NAME_LEN + 1];
	struct ctl_create_args a = { .name = longname, .max_vcpus = 1 };
	struct fake f;
	uint32_t domid = 0;

	memset(longname, 'x', CTL_NAME_LEN);
	longname[CTL_NAME_LEN] = '\0';
	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_domain_create(f.h, &a, &domid), -EINVAL);
	CU_ASSERT_EQUAL(f.ncalls, 0);
	lt_msg_is(ctl_errmsg(f.h), "domctl create: name missing or over 63 bytes");
	a.name = "g";
	f.fail_rc = -ENOSPC;
	CU_ASSERT_EQUAL(ctl_domain_create(f.h, &a, &domid), -ENOSPC);
	lt_msg_is(ctl_errmsg(f.h), "domctl create 'g': No space left on device");
	fake_close(&f);
}

static void test_simple_ops(void)
{
	struct fake f;

	fake_open(&f);
	CU_ASSERT_EQUAL(ctl_domain_pause(f.h, 7), 0);
	check_domctl(fake_last(&f), CTL_DOMCTL_pause, 7);
	CU_ASSERT_EQUAL(ctl_domain_unpause(f.h, 7), 0);
	check_domctl(fake_last(&f), CTL_DOMCTL_unpause, 7);
	CU_ASSERT_EQUAL(ctl_domain_destroy(f.h, 8), 0);
	check_domctl(fake_last(&f), CTL_DOMCTL_destroy, 8);
	CU_ASSERT_EQUAL(ctl_domain_shutdown(f.h, 9, 1), 0);
	check_domctl(fake_last(&f), CTL_DOMCTL_shutdown, 9);
	CU_ASSERT_EQUAL(fake_last(&f)->u.domctl.u.shutdown_reason, 1);
	CU_ASSERT_EQUAL(ctl_domain_set_max_mem(f.h, 9, 1048576), 0);
	check_domctl(fake_last(&f), CTL_DOMCTL_max_mem, 9);
	CU_ASSERT_EQUAL(fake_last(&f)->u.domctl.u.max_mem_kb, 1048576);
	CU_ASSERT_EQUAL(f.ncalls, 5);
	fake_close(&f);
}

static void test_error_names_op_and_domain(void)
{
	struct fake f;

	fake_open(&f);
	f.fail_rc = -ESRCH;
	CU_ASSERT_EQUAL(ctl_domain_pause(f.h, 7), -ESRCH);
	lt_msg_is(ctl_errmsg(f.h), "domctl pause d7: No such process");
	f.fail_rc = -EINVAL;
	CU_ASSERT_EQUAL(ctl_domain_destroy(f.h, 0), -EINVAL);
	lt_msg_is(ctl_errmsg(f.h), "domctl destroy d0: Invalid argument");
	fake_close(&f);
}

/* -EACCES is the versioning contract: the message says the interfaces differ. */
static void test_version_mismatch(void)
{
	struct ctl_sysctl_physinfo pi;
	struct fake f;

	fake_open(&f);
	f.fail_rc = -EACCES;
	CU_ASSERT_EQUAL(ctl_domain_unpause(f.h, 2), -EACCES);
	lt_msg_is(ctl_errmsg(f.h), "domctl unpause d2: the hypervisor's toolstack interface "
		  "version differs from libctl's (CTL_INTERFACE_VERSION 0x00010000): use a "
		  "toolstack built for this hypervisor");
	CU_ASSERT_EQUAL(ctl_physinfo(f.h, &pi), -EACCES);
	CU_ASSERT_PTR_NOT_NULL(strstr(ctl_errmsg(f.h), "sysctl physinfo: the hypervisor's "
				      "toolstack interface version differs"));
	fake_close(&f);
}

static void test_info(void)
{
	struct ctl_domctl_info info;
	struct fake f;

	fake_open(&f);
	f.doms[0] = 0, f.doms[1] = 1, f.doms[2] = 3, f.ndoms = 3;
	CU_ASSERT_EQUAL(ctl_domain_info(f.h, 3, &info), 0);
	check_domctl(fake_last(&f), CTL_DOMCTL_getinfo, 3);
	CU_ASSERT_EQUAL(info.domid, 3);
	CU_ASSERT_STRING_EQUAL(info.name, "dom3");
	/* getinfo answers the next domain (3): d2 does not exist. */
	CU_ASSERT_EQUAL(ctl_domain_info(f.h, 2, &info), -ESRCH);
	lt_msg_is(ctl_errmsg(f.h), "domctl getinfo d2: no such domain");
	CU_ASSERT_EQUAL(ctl_domain_info(f.h, 4, &info), -ESRCH);
	lt_msg_is(ctl_errmsg(f.h), "domctl getinfo d4: no such domain");
	fake_close(&f);
}

static void test_list_walks_domains(void)
{
	static const uint16_t doms[] = { 0, 1, 3, 9 };
	static const uint16_t asked[] = { 0, 1, 2, 4, 10 };
	struct ctl_domctl_info *v = NULL;
	struct fake f;
	size_t n = 0;

	fake_open(&f);
	memcpy(f.doms, doms, sizeof(doms));
	f.ndoms = 4;
	CU_ASSERT_EQUAL_FATAL(ctl_domain_list(f.h, &v, &n), 0);
	CU_ASSERT_EQUAL_FATAL(n, 4);
	for (size_t i = 0; i < n; i++)
		CU_ASSERT_EQUAL(v[i].domid, doms[i]);
	CU_ASSERT_EQUAL(f.ncalls, 5);
	for (size_t i = 0; i < 5; i++)
		check_domctl(&f.calls[i], CTL_DOMCTL_getinfo, asked[i]);
	free(v);
	fake_close(&f);
}

static void test_list_many_and_failure(void)
{
	struct ctl_domctl_info *v = NULL;
	struct fake f;
	size_t n = 99;

	fake_open(&f);
	for (uint16_t i = 0; i < FAKE_MAX_DOMS; i++)
		f.doms[i] = (uint16_t)(2 * i);
	f.ndoms = FAKE_MAX_DOMS;
	CU_ASSERT_EQUAL(ctl_domain_list(f.h, &v, &n), 0);
	CU_ASSERT_EQUAL(n, FAKE_MAX_DOMS);
	CU_ASSERT_EQUAL(v[FAKE_MAX_DOMS - 1].domid, 2 * (FAKE_MAX_DOMS - 1));
	free(v);
	f.ncalls = 0;
	f.fail_rc = -EPERM;
	f.fail_at = 2;
	CU_ASSERT_EQUAL(ctl_domain_list(f.h, &v, &n), -EPERM);
	CU_ASSERT_PTR_NULL(v);
	CU_ASSERT_EQUAL(n, 0);
	lt_msg_is(ctl_errmsg(f.h), "domctl getinfo d3: Operation not permitted");
	fake_close(&f);
}

static const struct tt_case cases[] = {
	{ "create", test_create },
	{ "create errors", test_create_errors },
	{ "pause unpause destroy shutdown max_mem", test_simple_ops },
	{ "errors name op and domain", test_error_names_op_and_domain },
	{ "EACCES is a version mismatch", test_version_mismatch },
	{ "info", test_info },
	{ "list walks getinfo", test_list_walks_domains },
	{ "list many, failure", test_list_many_and_failure },
	{ NULL, NULL },
};

const struct tt_suite lt_ctl_domctl_suite = { "ctl_domctl", cases };
