/* SPDX-License-Identifier: GPL-2.0-only */
/* ctl's unit tests: one suite per file. */
#ifndef CLI_TEST_H
#define CLI_TEST_H

#include <CUnit/CUnit.h>

#include "../tt_suite.h"

extern const struct tt_suite clt_fmt_suite, clt_parse_suite, clt_device_suite, clt_run_suite;

#endif /* CLI_TEST_H */
