// SPDX-License-Identifier: GPL-2.0-only
/* Single disk and vif specs, the rate conversion, time in messages. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dev_int.h"
#include "test_dom.h"

static void test_disk_spec(void)
{
	struct ctl_disk d;
	char *err = NULL;

	CU_ASSERT_EQUAL_FATAL(ctl_disk_spec_parse("/srv/d.img,raw,xvdb,ro", &d, &err), 0);
	CU_ASSERT_PTR_NULL(err);
	lt_msg_is(d.target, "/srv/d.img");
	lt_msg_is(d.vdev, "xvdb");
	CU_ASSERT_EQUAL(d.vdev_number, 51728);
	CU_ASSERT_EQUAL(d.access, CTL_DISK_RO);
	ctl_disk_clear(&d);
	CU_ASSERT_EQUAL_FATAL(ctl_disk_spec_parse("vdev=hdc, devtype=cdrom, target=/a,b.iso",
						  &d, &err), 0);
	lt_msg_is(d.target, "/a,b.iso");
	CU_ASSERT_EQUAL(d.devtype, CTL_DISK_DEVTYPE_CDROM);
	CU_ASSERT_EQUAL(d.access, CTL_DISK_RO);
	ctl_disk_clear(&d);
	CU_ASSERT_PTR_NULL(d.vdev);
}

static void disk_fails(const char *spec, const char *msg)
{
	struct ctl_disk d;
	char *err = NULL;

	CU_ASSERT_EQUAL(ctl_disk_spec_parse(spec, &d, &err), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(err);
	lt_msg_is(err, msg);
	CU_ASSERT_PTR_NULL(d.target);
	CU_ASSERT_PTR_NULL(d.vdev);
	free(err);
}

static void vif_fails(const char *spec, const char *msg)
{
	struct ctl_vif v;
	char *err = NULL;

	CU_ASSERT_EQUAL(ctl_vif_spec_parse(spec, &v, &err), -EINVAL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(err);
	lt_msg_is(err, msg);
	CU_ASSERT_PTR_NULL(v.mac);
	free(err);
}

static void test_spec_errors(void)
{
	disk_fails("/x,qcow9,xvdb", "disk: unknown format 'qcow9' in '/x,qcow9,xvdb'");
	disk_fails("/x", "disk: no vdev in '/x'");
	disk_fails("/x,raw,xvd", "disk: invalid vdev 'xvd' in '/x,raw,xvd'");
	disk_fails("", "disk: no vdev in ''");
	vif_fails("mac=00:16:3e:00:00:01,foo=1", "vif: unknown vif parameter 'foo' in "
		  "'mac=00:16:3e:00:00:01,foo=1'");
	vif_fails("mac=01:00:00:00:00:00", "vif: invalid unicast MAC '01:00:00:00:00:00' in "
		  "'mac=01:00:00:00:00:00'");
	vif_fails("rate=10Mb", "vif: invalid rate (e.g. 10Mb/s@20ms) '10Mb' in 'rate=10Mb'");
}

static void test_vif_spec(void)
{
	struct ctl_vif v;
	char *err = NULL;

	CU_ASSERT_EQUAL_FATAL(ctl_vif_spec_parse("mac=00:16:3E:AA:00:01, bridge=br1, mtu=1400",
						 &v, &err), 0);
	lt_msg_is(v.mac, "00:16:3e:aa:00:01");
	lt_msg_is(v.bridge, "br1");
	CU_ASSERT_EQUAL(v.mtu, 1400);
	ctl_vif_clear(&v);
	CU_ASSERT_EQUAL_FATAL(ctl_vif_spec_parse("", &v, &err), 0);
	CU_ASSERT_PTR_NULL(v.mac);
	ctl_vif_clear(&v);
}

static void test_rate(void)
{
	static const struct {
		const char *rate;
		int rc;
		uint64_t bytes;
		uint32_t usecs;
	} t[] = {
		{ "10Mb/s@20ms", 0, 25000, 20000 },     /* 1 250 000 B/s for 20 ms */
		{ "10Mb/s", 0, 62500, 50000 },          /* 50 ms by default */
		{ "1GB/s@1s", 0, 1000000000, 1000000 },
		{ "100KB/s@500us", 0, 50, 500 },
		{ "8b/s@1s", 0, 1, 1000000 },
		{ "1Kb/s@2s", 0, 250, 2000000 },
		{ "4294967295GB/s@4294967295us", -ERANGE, 0, 0 },
		{ "0Mb/s", -ERANGE, 0, 0 },
		{ "4294967296B/s", -ERANGE, 0, 0 },
		{ "10Mb/s@0ms", -ERANGE, 0, 0 },
		{ "10Mb/s@5000s", -ERANGE, 0, 0 },
		{ "10Mb", -EINVAL, 0, 0 },
		{ "10Mb/s@", -EINVAL, 0, 0 },
		{ "10Mb/s@20", -EINVAL, 0, 0 },
		{ "10Mb/s@20ms ", -EINVAL, 0, 0 },
		{ "Mb/s", -EINVAL, 0, 0 },
	};
	uint64_t bytes;
	uint32_t usecs;

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		bytes = 0;
		usecs = 0;
		int rc = dev_rate_convert(t[i].rate, &bytes, &usecs);

		if (rc != t[i].rc || (!rc && (bytes != t[i].bytes || usecs != t[i].usecs)))
			fprintf(stderr, "\n  %s: rc %d, %llu,%u\n", t[i].rate, rc,
				(unsigned long long)bytes, usecs);
		CU_ASSERT_EQUAL(rc, t[i].rc);
		if (!t[i].rc) {
			CU_ASSERT_EQUAL(bytes, t[i].bytes);
			CU_ASSERT_EQUAL(usecs, t[i].usecs);
		}
	}
}

static void test_fmt_ms(void)
{
	char buf[32];

	dev_fmt_ms(CTL_BACKEND_WAIT_MS, buf, sizeof(buf));
	lt_msg_is(buf, "10 s");
	dev_fmt_ms(250, buf, sizeof(buf));
	lt_msg_is(buf, "250 ms");
	unsetenv(CTL_BACKEND_WAIT_ENV);
	CU_ASSERT_EQUAL(dev_timeout_ms(CTL_BACKEND_WAIT_ENV, CTL_BACKEND_WAIT_MS), 10000);
	setenv(CTL_BACKEND_WAIT_ENV, "x", 1);
	CU_ASSERT_EQUAL(dev_timeout_ms(CTL_BACKEND_WAIT_ENV, CTL_BACKEND_WAIT_MS), 10000);
	setenv(CTL_BACKEND_WAIT_ENV, "120", 1);
	CU_ASSERT_EQUAL(dev_timeout_ms(CTL_BACKEND_WAIT_ENV, CTL_BACKEND_WAIT_MS), 120);
	unsetenv(CTL_BACKEND_WAIT_ENV);
}

static const struct tt_case cases[] = {
	{ "disk spec", test_disk_spec },
	{ "vif spec", test_vif_spec },
	{ "spec errors name the spec", test_spec_errors },
	{ "rate: xl's RATE/s@INTERVAL to netback's", test_rate },
	{ "timeouts and their wording", test_fmt_ms },
	{ NULL, NULL },
};

const struct tt_suite lt_dev_spec_suite = { "device specs", cases };
