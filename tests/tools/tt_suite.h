/* SPDX-License-Identifier: GPL-2.0-only */
/* A CUnit suite as the host tools' tests list them (tt_run.h runs them). */
#ifndef TT_SUITE_H
#define TT_SUITE_H

struct tt_case {
	const char *name;
	void (*fn)(void);
};

struct tt_suite {
	const char *name;
	const struct tt_case *cases;    /* ends with { NULL, NULL } */
};

#endif /* TT_SUITE_H */
