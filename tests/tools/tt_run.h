/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The host tools' test runner, for each test program's main.c alone: runs
 * the suites verbosely and ends with "<tool>: N passed, N failed".
 */
#ifndef TT_RUN_H
#define TT_RUN_H

#include <CUnit/Basic.h>
#include <stddef.h>
#include <stdio.h>

#include "tt_suite.h"

static int tt_add_suite(const struct tt_suite *s)
{
	CU_pSuite cs = CU_add_suite(s->name, NULL, NULL);
	const struct tt_case *c;

	if (!cs)
		return -1;
	for (c = s->cases; c->name; c++)
		if (!CU_add_test(cs, c->name, c->fn))
			return -1;
	return 0;
}

/* 0 if every test passed, 1 if any failed, 2 if CUnit could not be set up. */
static int tt_run(const char *tool, const struct tt_suite *const *suites, size_t n)
{
	unsigned int run, failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	for (size_t i = 0; i < n; i++)
		if (tt_add_suite(suites[i]))
			return 2;
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	run = CU_get_number_of_tests_run();
	failed = CU_get_number_of_tests_failed() + CU_get_number_of_suites_failed();
	printf("%s: %u passed, %u failed\n", tool, run - CU_get_number_of_tests_failed(), failed);
	CU_cleanup_registry();
	return failed ? 1 : 0;
}

#endif /* TT_RUN_H */
