// SPDX-License-Identifier: GPL-2.0-only
/* Runs ctl's suites; last line "cli: N passed, N failed". */

#include "cli_test.h"
#include "../tt_run.h"

static const struct tt_suite *const suites[] = {
	&clt_fmt_suite, &clt_parse_suite, &clt_device_suite, &clt_run_suite,
};

int main(void)
{
	return tt_run("cli", suites, sizeof(suites) / sizeof(suites[0]));
}
