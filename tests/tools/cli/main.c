// SPDX-License-Identifier: GPL-2.0-only
/* Runs ctl's suites; last line "cli: N passed, N failed". */
#include <CUnit/Basic.h>
#include <stdio.h>

#include "cli_test.h"

static const struct clt_suite *const suites[] = {
	&clt_fmt_suite, &clt_parse_suite, &clt_run_suite,
};

static int add_suite(const struct clt_suite *s)
{
	CU_pSuite cs = CU_add_suite(s->name, NULL, NULL);
	const struct clt_case *c;

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
	printf("cli: %u passed, %u failed\n", run - CU_get_number_of_tests_failed(), failed);
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
