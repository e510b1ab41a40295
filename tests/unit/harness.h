/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Unit-test harness: each test file declares its suite with UT_SUITE and it
 * registers itself at start-up, so test files never touch a shared list.
 */
#ifndef UNIT_HARNESS_H
#define UNIT_HARNESS_H

#include <CUnit/CUnit.h>
#include <stddef.h>

struct ut_case {
	const char *name;
	CU_TestFunc fn;
};

struct ut_suite {
	const char *name;
	CU_InitializeFunc init;
	CU_CleanupFunc cleanup;
	const struct ut_case *cases;
};

void ut_register(const struct ut_suite *suite);

/* Directory holding the DTBs dumped from QEMU (virt-1cpu.dtb, ...). */
const char *ut_dtb_dir(void);

/* Reads a whole file into a malloc'd buffer; NULL on failure. */
void *ut_read_file(const char *path, size_t *len);

#define UT_CASE(fn) { #fn, fn }

#define UT_SUITE(var, sname, sinit, sclean, ...)                               \
	static const struct ut_case var##_cases[] = { __VA_ARGS__, { NULL, NULL } }; \
	static const struct ut_suite var = { sname, sinit, sclean, var##_cases };  \
	__attribute__((constructor)) static void var##_register(void)          \
	{                                                                      \
		ut_register(&var);                                             \
	}

#endif /* UNIT_HARNESS_H */
