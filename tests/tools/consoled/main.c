// SPDX-License-Identifier: GPL-2.0-only
/* Runs the console daemon's suites; last line "consoled: N passed, N failed". */

#include "consoled_test.h"
#include "../tt_run.h"

static const struct tt_suite *const suites[] = {
	&ct_ring_suite, &ct_history_suite, &ct_proto_suite,
};

int main(void)
{
	return tt_run("consoled", suites, sizeof(suites) / sizeof(suites[0]));
}
