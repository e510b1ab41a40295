// SPDX-License-Identifier: GPL-2.0-only
/* Runs the libctl suites; last line "libctl: N passed, N failed". */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>
#include "libctl_test.h"
#include "test_build.h"
#include "test_dom.h"

static const struct lt_suite *const suites[] = {
	&lt_syntax_suite,
	&lt_errors_suite,
	&lt_devices_suite,
	&lt_json_suite,
	&lt_ctl_handle_suite,
	&lt_ctl_domctl_suite,
	&lt_ctl_vcpu_suite,
	&lt_ctl_memory_suite,
	&lt_ctl_evtchn_suite,
	&lt_ctl_gntdev_suite,
	&lt_xs_ops_suite,
	&lt_xs_watch_suite,
	&lt_build_suite,
	&lt_build_dt_suite,
	&lt_build_errors_suite,
	&lt_dom_create_suite,
	&lt_dom_life_suite,
};

struct ctl_domain_config *lt_parse(const char *text)
{
	struct ctl_domain_config *cfg = NULL;
	char *err = NULL;
	int rc = ctl_config_parse_string(text, "guest.cfg", &cfg, &err);

	if (rc)
		fprintf(stderr, "\n  unexpected error: %s\n", err);
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_PTR_NULL(err);
	free(err);
	return cfg;
}

void lt_parse_fails(const char *text, const char *msg)
{
	struct ctl_domain_config *cfg = NULL;
	char *err = NULL;
	int rc = ctl_config_parse_string(text, "guest.cfg", &cfg, &err);

	CU_ASSERT_EQUAL(rc, -22);
	CU_ASSERT_PTR_NULL(cfg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(err);
	if (strcmp(err, msg))
		fprintf(stderr, "\n  expected: %s\n  got:      %s\n", msg, err);
	CU_ASSERT_STRING_EQUAL(err, msg);
	free(err);
	ctl_config_free(cfg);
}

void lt_msg_is(const char *msg, const char *want)
{
	if (strcmp(msg, want))
		fprintf(stderr, "\n  expected: %s\n  got:      %s\n", want, msg);
	CU_ASSERT_STRING_EQUAL(msg, want);
}

static int add_suite(const struct lt_suite *s)
{
	CU_pSuite cs = CU_add_suite(s->name, NULL, NULL);
	const struct lt_case *c;

	if (!cs)
		return -1;
	for (c = s->cases; c->name; c++)
		if (!CU_add_test(cs, c->name, c->fn))
			return -1;
	return 0;
}

int main(void)
{
	unsigned int run, failed;
	size_t i;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		if (add_suite(suites[i]))
			return 2;
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	run = CU_get_number_of_tests_run();
	failed = CU_get_number_of_tests_failed() + CU_get_number_of_suites_failed();
	printf("libctl: %u passed, %u failed\n", run - CU_get_number_of_tests_failed(),
	       failed);
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
