// SPDX-License-Identifier: GPL-2.0-only
/* ctl_config_to_json() and back: equal configs, stable text, errors. */
#include <string.h>
#include "libctl_test.h"

static const char full[] =
	"name = 'web'\nuuid = '6b5a1c3e-0000-4000-8000-00000000000a'\n"
	"memory = 512\nmaxmem = 1024\nvcpus = 2\nmaxvcpus = 4\ncpus = '0-3,^1'\n"
	"kernel = '/boot/Image'\nramdisk = '/boot/initrd'\nroot = '/dev/xvda'\n"
	"extra = 'quiet'\non_poweroff = 'preserve'\non_reboot = 'destroy'\n"
	"on_crash = 'coredump-destroy'\ngic_version = 'v2'\n"
	"max_grant_frames = 16\nmax_event_channels = 511\n"
	"disk = [ '/img/a,,xvda', 'raw:/root/x.iso,hdc:cdrom', ',,xvdb,cdrom',"
	" 'vdev=xvdaa, access=ro, target=/a,b' ]\n"
	"vif = [ 'mac=00:16:3e:01:02:03,bridge=xenbr0,ip=10.0.0.2 10.0.0.3,"
	"vifname=v1,rate=1GB/s,mtu=1500', '' ]\n";

static void test_round_trip(void)
{
	struct ctl_domain_config *a = lt_parse(full), *b = NULL;
	char *ja = NULL, *jb = NULL, *err = NULL;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL_FATAL(ctl_config_to_json(a, &ja, &err), 0);
	CU_ASSERT_EQUAL_FATAL(ctl_config_from_json(ja, &b, &err), 0);
	CU_ASSERT_EQUAL_FATAL(ctl_config_to_json(b, &jb, &err), 0);
	CU_ASSERT_STRING_EQUAL(ja, jb);
	CU_ASSERT_STRING_EQUAL(b->cmdline, "root=/dev/xvda quiet");
	CU_ASSERT_EQUAL(b->nr_warnings, 0);
	CU_ASSERT_EQUAL(b->disks[3].vdev_number, 1u << 28 | 26 << 8);
	CU_ASSERT_STRING_EQUAL(b->disks[3].target, "/a,b");
	CU_ASSERT_PTR_NULL(b->disks[2].target);
	CU_ASSERT_EQUAL(b->cpumap[0], a->cpumap[0]);
	CU_ASSERT_EQUAL(memcmp(a->uuid, b->uuid, 16), 0);
	CU_ASSERT_EQUAL(b->vifs[0].mtu, 1500);
	CU_ASSERT_PTR_NULL(b->vifs[1].mac);
	free(ja);
	free(jb);
	ctl_config_free(a);
	ctl_config_free(b);
}

static void test_key_order(void)
{
	struct ctl_domain_config *a = lt_parse(MINIMAL);
	char *j = NULL, *err = NULL;
	static const char *const order[] = {
		"\"name\"", "\"uuid\"", "\"memory\"", "\"maxmem\"", "\"vcpus\"",
		"\"maxvcpus\"", "\"cpus\"", "\"kernel\"", "\"ramdisk\"",
		"\"cmdline\"", "\"extra\"", "\"root\"", "\"on_poweroff\"",
		"\"on_reboot\"", "\"on_crash\"", "\"gic_version\"",
		"\"max_grant_frames\"", "\"max_event_channels\"", "\"disk\"",
		"\"vif\"",
	};
	const char *p;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_EQUAL_FATAL(ctl_config_to_json(a, &j, &err), 0);
	p = j;
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		p = strstr(p, order[i]);
		CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	}
	CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"uuid\": null"));
	CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"on_reboot\": \"restart\""));
	free(j);
	ctl_config_free(a);
}

static void json_fails(const char *json, const char *msg)
{
	struct ctl_domain_config *c = NULL;
	char *err = NULL;

	CU_ASSERT_NOT_EQUAL(ctl_config_from_json(json, &c, &err), 0);
	CU_ASSERT_PTR_NULL(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(err);
	CU_ASSERT_STRING_EQUAL(err, msg);
	free(err);
}

static void test_json_errors(void)
{
	json_fails("[1]", "json: not an object");
	json_fails("{\"name\": \"g\", \"kernel\": \"/k\", \"memory\": \"x\"}",
		   "json: memory: expected a number");
	json_fails("{\"name\": \"g\", \"kernel\": \"/k\", \"memory\": -1}",
		   "json: memory: expected a number");
	json_fails("{\"kernel\": \"/k\"}", "json: name: required");
	json_fails("{\"name\": \"g\", \"kernel\": \"/k\", \"disk\": [{\"vdev\": \"xvda\", \"target\": \"/a\", \"format\": \"qcow2\"}]}",
		   "json: disk: unsupported format (only raw) 'qcow2' in 'vdev=xvda,format=qcow2,target=/a'");
}

static void test_json_minimal(void)
{
	struct ctl_domain_config *c = NULL;
	char *err = NULL;

	CU_ASSERT_EQUAL_FATAL(ctl_config_from_json(
		"{\"name\": \"g\", \"kernel\": \"/k\", \"uuid\": null, \"future\": 1}",
		&c, &err), 0);
	CU_ASSERT_EQUAL(c->memory, 128);
	CU_ASSERT_EQUAL_FATAL(c->nr_warnings, 1);
	CU_ASSERT_STRING_EQUAL(c->warnings[0], "json: future: unknown key, ignored");
	ctl_config_free(c);
}

static const struct tt_case cases[] = {
	{ "round trip", test_round_trip },
	{ "key order", test_key_order },
	{ "errors", test_json_errors },
	{ "minimal", test_json_minimal },
	{ NULL, NULL },
};

const struct tt_suite lt_json_suite = { "json", cases };
