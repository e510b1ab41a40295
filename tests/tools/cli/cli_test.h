/* SPDX-License-Identifier: GPL-2.0-only */
/* ctl's unit tests: one suite per file. */
#ifndef CLI_TEST_H
#define CLI_TEST_H

#include <CUnit/CUnit.h>

struct clt_case {
	const char *name;
	void (*fn)(void);
};

struct clt_suite {
	const char *name;
	const struct clt_case *cases;    /* ends with { NULL, NULL } */
};

extern const struct clt_suite clt_fmt_suite, clt_parse_suite, clt_run_suite;

#endif /* CLI_TEST_H */
