// SPDX-License-Identifier: GPL-2.0-only
/* Runs the libctl suites; last line "libctl: N passed, N failed". */
#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>
#include "libctl_test.h"
#include "../tt_run.h"
#include "test_build.h"
#include "test_dom.h"

static const struct tt_suite *const suites[] = {
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
	&lt_dev_spec_suite,
	&lt_dev_attach_suite,
	&lt_dev_detach_suite,
	&lt_dev_create_suite,
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

int main(void)
{
	return tt_run("libctl", suites, sizeof(suites) / sizeof(suites[0]));
}
