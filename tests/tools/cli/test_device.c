// SPDX-License-Identifier: GPL-2.0-only
/* block-list and network-list lines, compared exactly with xl's. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cli_test.h"

static char buf[512];

static struct ctl_dev_info dev(enum ctl_dev_kind kind, uint32_t devid, const char *name,
			       int state, int evtchn, int ring, int rx_ring, const char *be)
{
	struct ctl_dev_info d = { 0 };

	d.kind = kind;
	d.devid = devid;
	d.backend_state = 4;
	d.frontend_state = state;
	d.evtchn = evtchn;
	d.ring_ref = ring;
	d.rx_ring_ref = rx_ring;
	snprintf(d.name, sizeof(d.name), "%s", name);
	snprintf(d.backend, sizeof(d.backend), "%s", be);
	return d;
}

static void test_vbd(void)
{
	struct ctl_dev_info d = dev(CTL_DEV_VBD, 51712, "xvda", 4, 13, 8, -1,
				    "/local/domain/0/backend/vbd/10/51712");

	cli_fmt_vbd_header(buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Vdev  BE  handle state evt-ch ring-ref "
			       "BE-path                       ");
	cli_fmt_vbd_row(buf, sizeof(buf), 10, &d);
	CU_ASSERT_STRING_EQUAL(buf, "51712 0   10     4     13     8        "
			       "/local/domain/0/backend/vbd/10/51712");
	d = dev(CTL_DEV_VBD, 268441856, "xvdz", -1, -1, -1, -1, "/local/domain/0/backend/vbd/241/"
		"268441856");
	cli_fmt_vbd_row(buf, sizeof(buf), 241, &d);
	CU_ASSERT_STRING_EQUAL(buf, "268441856 0   241    -1    -1     -1       "
			       "/local/domain/0/backend/vbd/241/268441856");
}

static void test_vif(void)
{
	struct ctl_dev_info d = dev(CTL_DEV_VIF, 0, "00:16:3e:12:ab:37", 4, 14, 768, 769,
				    "/local/domain/0/backend/vif/10/0");

	cli_fmt_vif_header(buf, sizeof(buf));
	CU_ASSERT_STRING_EQUAL(buf, "Idx BE Mac Addr.         handle state evt-ch   "
			       "tx-/rx-ring-ref BE-path                       ");
	cli_fmt_vif_row(buf, sizeof(buf), &d);
	CU_ASSERT_STRING_EQUAL(buf, "0   0  00:16:3e:12:ab:37     0     4     14   768/769"
			       "         /local/domain/0/backend/vif/10/0");
	d = dev(CTL_DEV_VIF, 1, "00:16:3e:47:7a:dd", 1, -1, -1, -1,
		"/local/domain/0/backend/vif/10/1");
	cli_fmt_vif_row(buf, sizeof(buf), &d);
	CU_ASSERT_STRING_EQUAL(buf, "1   0  00:16:3e:47:7a:dd     1     1     -1    -1/-1"
			       "          /local/domain/0/backend/vif/10/1");
}

static void test_vif_name(void)
{
	CU_ASSERT(cli_is_vif_name("0"));
	CU_ASSERT(cli_is_vif_name("12"));
	CU_ASSERT(cli_is_vif_name("00:16:3e:12:AB:37"));
	CU_ASSERT(!cli_is_vif_name(""));
	CU_ASSERT(!cli_is_vif_name("-1"));
	CU_ASSERT(!cli_is_vif_name("1x"));
	CU_ASSERT(!cli_is_vif_name("12345678901"));
	CU_ASSERT(!cli_is_vif_name("00:16:3e:12:ab"));
	CU_ASSERT(!cli_is_vif_name("00:16:3e:12:ab:3g"));
	CU_ASSERT(!cli_is_vif_name("00-16-3e-12-ab-37"));
	CU_ASSERT(!cli_is_vif_name("vif5.0"));
}

static const struct tt_case cases[] = {
	{ "block-list lines", test_vbd },
	{ "network-list lines", test_vif },
	{ "network-detach names", test_vif_name },
	{ NULL, NULL },
};

const struct tt_suite clt_device_suite = { "device lists", cases };
