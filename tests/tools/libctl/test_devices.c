// SPDX-License-Identifier: GPL-2.0-only
/* disk and vif specs: positional and keyed forms, vdev numbers, MACs. */
#include <stdio.h>
#include <string.h>
#include "libctl_test.h"

static struct ctl_domain_config *disks(const char *list)
{
	char text[1024];

	snprintf(text, sizeof(text), MINIMAL "disk = [ %s ]\n", list);
	return lt_parse(text);
}

static void test_vdev_numbers(void)
{
	static const struct {
		const char *vdev;
		uint32_t number;
	} v[] = {
		{ "xvda", 51712 }, { "xvdb", 51728 }, { "xvdp", 51952 },
		{ "xvdz", 1u << 28 | 25 << 8 }, { "xvdaa", 1u << 28 | 26 << 8 },
		{ "xvda1", 51713 }, { "xvdb16", 1u << 28 | 1 << 8 | 16 },
		{ "hda", 768 }, { "hdb", 832 }, { "hdc", 5632 }, { "hdd1", 5697 },
		{ "sda", 2048 }, { "sdb", 2064 }, { "sdb2", 2066 },
	};
	struct ctl_domain_config *c;
	char spec[64];
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(spec, sizeof(spec), "'/img,raw,%s'", v[i].vdev);
		c = disks(spec);
		CU_ASSERT_PTR_NOT_NULL_FATAL(c);
		CU_ASSERT_STRING_EQUAL(c->disks[0].vdev, v[i].vdev);
		CU_ASSERT_EQUAL(c->disks[0].vdev_number, v[i].number);
		ctl_config_free(c);
	}
}

/* The equivalent forms of xl-disk-configuration give the same disk. */
static void test_disk_forms(void)
{
	struct ctl_domain_config *c;
	size_t i;

	c = disks("'/dev/vg/g,,hda', 'raw:/dev/vg/h,hdb,w', 'phy:/x,xvda,r',"
		  "'format=raw, vdev=xvdb, access=ro, target=/p,with,commas'");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL_FATAL(c->nr_disks, 4);
	for (i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(c->disks[i].format, CTL_DISK_FORMAT_RAW);
	CU_ASSERT_STRING_EQUAL(c->disks[0].target, "/dev/vg/g");
	CU_ASSERT_EQUAL(c->disks[0].access, CTL_DISK_RW);
	CU_ASSERT_STRING_EQUAL(c->disks[1].target, "/dev/vg/h");
	CU_ASSERT_STRING_EQUAL(c->disks[1].vdev, "hdb");
	CU_ASSERT_EQUAL(c->disks[1].access, CTL_DISK_RW);
	CU_ASSERT_EQUAL(c->disks[2].access, CTL_DISK_RO);
	CU_ASSERT_STRING_EQUAL(c->disks[3].target, "/p,with,commas");
	CU_ASSERT_EQUAL(c->disks[3].access, CTL_DISK_RO);
	ctl_config_free(c);
}

static void test_cdrom(void)
{
	struct ctl_domain_config *c = disks(
		"'/root/a.iso,,hdc,cdrom', '/root/b.iso,,hdd,,cdrom',"
		"'/root/c.iso,raw,xvdc,devtype=cdrom', 'raw:/root/d.iso,xvdd:cdrom,ro',"
		"',,xvde,cdrom'");
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL_FATAL(c->nr_disks, 5);
	for (i = 0; i < 5; i++) {
		CU_ASSERT_EQUAL(c->disks[i].devtype, CTL_DISK_DEVTYPE_CDROM);
		CU_ASSERT_EQUAL(c->disks[i].access, CTL_DISK_RO);
	}
	CU_ASSERT_STRING_EQUAL(c->disks[3].vdev, "xvdd");
	CU_ASSERT_PTR_NULL(c->disks[4].target);
	ctl_config_free(c);
}

static void test_vif(void)
{
	struct ctl_domain_config *c = lt_parse(MINIMAL
		"vif = [ 'mac=00:16:3E:AA:bb:01, bridge=xenbr0, ip=10.0.0.2 fe80::1,"
		" vifname=vif-web, rate=10Mb/s@20ms, mtu=9000', '', 'bridge=br1,' ]\n");
	char *err = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL_FATAL(c->nr_vifs, 3);
	CU_ASSERT_STRING_EQUAL(c->vifs[0].mac, "00:16:3e:aa:bb:01");
	CU_ASSERT_STRING_EQUAL(c->vifs[0].bridge, "xenbr0");
	CU_ASSERT_STRING_EQUAL(c->vifs[0].ip, "10.0.0.2 fe80::1");
	CU_ASSERT_STRING_EQUAL(c->vifs[0].vifname, "vif-web");
	CU_ASSERT_STRING_EQUAL(c->vifs[0].rate, "10Mb/s@20ms");
	CU_ASSERT_EQUAL(c->vifs[0].mtu, 9000);
	CU_ASSERT_PTR_NULL(c->vifs[1].mac);
	CU_ASSERT_PTR_NULL(c->vifs[1].bridge);
	CU_ASSERT_STRING_EQUAL(c->vifs[2].bridge, "br1");
	CU_ASSERT_EQUAL(ctl_config_generate_macs(c, &err), 0);
	CU_ASSERT_STRING_EQUAL(c->vifs[0].mac, "00:16:3e:aa:bb:01");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c->vifs[1].mac);
	CU_ASSERT_EQUAL(strncmp(c->vifs[1].mac, "00:16:3e:", 9), 0);
	CU_ASSERT_EQUAL(strlen(c->vifs[1].mac), 17);
	CU_ASSERT_STRING_NOT_EQUAL(c->vifs[1].mac, c->vifs[2].mac);
	ctl_config_free(c);
}

static const struct tt_case cases[] = {
	{ "vdev numbers", test_vdev_numbers },
	{ "disk forms", test_disk_forms },
	{ "cdrom", test_cdrom },
	{ "vif", test_vif },
	{ NULL, NULL },
};

const struct tt_suite lt_devices_suite = { "devices", cases };
