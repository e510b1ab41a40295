/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared by the libctl CUnit tests. */
#ifndef LIBCTL_TEST_H
#define LIBCTL_TEST_H

#include <CUnit/CUnit.h>
#include <stdlib.h>
#include "ctl_config.h"

#include "../tt_suite.h"

extern const struct tt_suite lt_syntax_suite;
extern const struct tt_suite lt_errors_suite;
extern const struct tt_suite lt_devices_suite;
extern const struct tt_suite lt_json_suite;
extern const struct tt_suite lt_ctl_handle_suite;
extern const struct tt_suite lt_ctl_domctl_suite;
extern const struct tt_suite lt_ctl_vcpu_suite;
extern const struct tt_suite lt_ctl_memory_suite;
extern const struct tt_suite lt_ctl_evtchn_suite;
extern const struct tt_suite lt_ctl_gntdev_suite;
extern const struct tt_suite lt_xs_ops_suite;
extern const struct tt_suite lt_xs_watch_suite;

/* Parse @text as "guest.cfg"; asserts success, returns the config. */
struct ctl_domain_config *lt_parse(const char *text);
/* Parse @text as "guest.cfg"; asserts failure with exactly @msg. */
void lt_parse_fails(const char *text, const char *msg);

/* Asserts that @msg is exactly @want, printing both if not. */
void lt_msg_is(const char *msg, const char *want);

#define MINIMAL "name = \"g\"\nkernel = \"/boot/Image\"\n"

#endif
