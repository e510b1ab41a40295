// SPDX-License-Identifier: GPL-2.0-only
/* Runs every registered CUnit suite; exits non-zero if anything failed. */
#include "harness.h"
#include <CUnit/Basic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SUITES 64

static const struct ut_suite *suites[MAX_SUITES];
static unsigned int nr_suites;

void ut_register(const struct ut_suite *suite)
{
	if (nr_suites == MAX_SUITES) {
		fprintf(stderr, "harness: more than %d suites\n", MAX_SUITES);
		exit(2);
	}
	suites[nr_suites++] = suite;
}

const char *ut_dtb_dir(void)
{
	const char *d = getenv("UT_DTB_DIR");

	return d ? d : "build/unit/dtb";
}

void *ut_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)n + 1);
		if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(f);
	return buf;
}

static int add_suite(const struct ut_suite *s)
{
	CU_pSuite cs = CU_add_suite(s->name, s->init, s->cleanup);

	if (!cs)
		return -1;
	for (const struct ut_case *c = s->cases; c->name; c++)
		if (!CU_add_test(cs, c->name, c->fn))
			return -1;
	return 0;
}

/* UT_SUITES="evtchn,gnttab" runs only the suites whose names start with one of these. */
static bool selected(const struct ut_suite *s)
{
	const char *sel = getenv("UT_SUITES");
	size_t n;

	if (!sel || !*sel)
		return true;
	while (*sel) {
		n = strcspn(sel, ",");
		if (n && !strncmp(s->name, sel, n))
			return true;
		sel += n + (sel[n] == ',');
	}
	return false;
}

int main(void)
{
	unsigned int failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	for (unsigned int i = 0; i < nr_suites; i++)
		if (selected(suites[i]) && add_suite(suites[i])) {
			fprintf(stderr, "harness: cannot add suite %s\n", suites[i]->name);
			return 2;
		}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_tests_failed() + CU_get_number_of_suites_failed();
	printf("unit: %u passed, %u failed\n", CU_get_number_of_tests_run() - CU_get_number_of_tests_failed(),
	       CU_get_number_of_tests_failed());
	CU_cleanup_registry();
	return failed ? 1 : 0;
}
