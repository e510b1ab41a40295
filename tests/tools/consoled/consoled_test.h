/* SPDX-License-Identifier: GPL-2.0-only */
/* The console daemon's unit tests: one suite per file. */
#ifndef CONSOLED_TEST_H
#define CONSOLED_TEST_H

#include <CUnit/CUnit.h>

#include "../tt_suite.h"

extern const struct tt_suite ct_ring_suite, ct_history_suite, ct_proto_suite;

#endif /* CONSOLED_TEST_H */
