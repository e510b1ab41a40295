// SPDX-License-Identifier: GPL-2.0-only
/*
 * ctl_disk_attach and ctl_nic_attach against the real xenstored, the fake
 * hotplug scripts and the fake backend driver: the nodes and permissions,
 * the scripts' environment, and every failure leaving nothing behind.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl_device.h"
#include "test_dom.h"

#define VBD_B   "/local/domain/0/backend/vbd/1/51728"
#define VBD_F   "/local/domain/1/device/vbd/51728"
#define VIF_B   "/local/domain/0/backend/vif/1/0"
#define VIF_F   "/local/domain/1/device/vif/0"

struct kv {
	const char *key, *value;   /* value NULL: any */
};

/* root's children are exactly keys (sorted), with these values and perms everywhere. */
static void expect_nodes(struct dev_env *e, const char *root, const struct kv *kv, size_t n,
			 const char *perms)
{
	char path[256], keys[1024] = "";
	size_t at = 0;

	for (size_t i = 0; i < n; i++) {
		at += (size_t)snprintf(keys + at, sizeof(keys) - at, "%s%s", i ? "," : "",
				       kv[i].key);
		snprintf(path, sizeof(path), "%s/%s", root, kv[i].key);
		if (kv[i].value)
			lt_msg_is(env_read(&e->dom, path), kv[i].value);
		lt_msg_is(env_perms(&e->dom, path), perms);
	}
	lt_msg_is(dev_env_children(e, root), keys);
	lt_msg_is(env_perms(&e->dom, root), perms);
}

static int attach_disk(struct dev_env *e, uint32_t domid, const char *spec)
{
	struct ctl_disk disk;
	char *err = NULL;
	int rc = ctl_disk_spec_parse(spec, &disk, &err);

	CU_ASSERT_EQUAL_FATAL(rc, 0);
	rc = ctl_disk_attach(e->dom.h, domid, &disk);
	ctl_disk_clear(&disk);
	free(err);
	return rc;
}

static int attach_vif(struct dev_env *e, uint32_t domid, const char *spec, uint32_t *devid)
{
	struct ctl_vif vif;
	char *err = NULL;
	int rc = ctl_vif_spec_parse(spec, &vif, &err);

	CU_ASSERT_EQUAL_FATAL(rc, 0);
	rc = ctl_nic_attach(e->dom.h, domid, &vif, devid);
	ctl_vif_clear(&vif);
	free(err);
	return rc;
}

/* "<image>,raw,xvdb,<access>" for a new image file. */
static const char *image_spec(struct dev_env *e, const char *rest)
{
	static char spec[512];

	snprintf(spec, sizeof(spec), "%s,%s", dev_env_file(e, "disk.img", "data"), rest);
	return spec;
}

static void test_disk_nodes(void)
{
	struct dev_env e;
	char img[256];

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	snprintf(img, sizeof(img), "%s", dev_env_file(&e, "disk.img", "data"));
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb,rw")), 0);
	const struct kv be[] = {
		{ "bootable", "1" }, { "dev", "xvdb" }, { "device-type", "disk" },
		{ "frontend", VBD_F }, { "frontend-id", "1" }, { "mode", "w" }, { "online", "1" },
		{ "params", img }, { "removable", "1" }, { "state", "2" }, { "type", "phy" },
	};
	const struct kv fe[] = {
		{ "backend", VBD_B }, { "backend-id", "0" }, { "device-type", "disk" },
		{ "state", "1" }, { "virtual-device", "51728" },
	};
	expect_nodes(&e, VBD_B, be, sizeof(be) / sizeof(be[0]), "n0,r1");
	expect_nodes(&e, VBD_F, fe, sizeof(fe) / sizeof(fe[0]), "n1,r0");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"), "block 1 add " VBD_B " vbd 1 51728 none /dev/null\n");
	lt_msg_is(dev_env_slurp(&e, "backend.log"), "initwait " VBD_B "\n");
	dev_env_stop(&e);
}

static void test_cdrom_nodes(void)
{
	const char *b = "/local/domain/0/backend/vbd/1/5632";
	struct dev_env e;
	char path[128];

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, ",,hdc,cdrom"), 0);
	snprintf(path, sizeof(path), "%s/params", b);
	lt_msg_is(env_read(&e.dom, path), "");
	snprintf(path, sizeof(path), "%s/mode", b);
	lt_msg_is(env_read(&e.dom, path), "r");
	snprintf(path, sizeof(path), "%s/device-type", b);
	lt_msg_is(env_read(&e.dom, path), "cdrom");
	lt_msg_is(env_read(&e.dom, "/local/domain/1/device/vbd/5632/device-type"), "cdrom");
	lt_msg_is(env_read(&e.dom, "/local/domain/1/device/vbd/5632/virtual-device"), "5632");
	dev_env_stop(&e);
}

static void test_vif_nodes(void)
{
	struct dev_env e;
	uint32_t devid = 99;
	char script[256];

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	CU_ASSERT_EQUAL(attach_vif(&e, 1, "mac=00:16:3E:AA:BB:01, bridge=br1, ip=10.0.0.2,"
				   " vifname=web0, mtu=9000, rate=10Mb/s@20ms", &devid), 0);
	CU_ASSERT_EQUAL(devid, 0);
	snprintf(script, sizeof(script), "%s/vif-bridge", e.scripts);
	const struct kv be[] = {
		{ "bridge", "br1" }, { "frontend", VIF_F }, { "frontend-id", "1" },
		{ "handle", "0" }, { "ip", "10.0.0.2" }, { "mac", "00:16:3e:aa:bb:01" },
		{ "mtu", "9000" }, { "online", "1" }, { "rate", "25000,20000" },
		{ "script", script }, { "state", "2" }, { "type", "vif" }, { "vifname", "web0" },
	};
	const struct kv fe[] = {
		{ "backend", VIF_B }, { "backend-id", "0" }, { "handle", "0" },
		{ "mac", "00:16:3e:aa:bb:01" }, { "mtu", "9000" }, { "state", "1" },
	};
	expect_nodes(&e, VIF_B, be, sizeof(be) / sizeof(be[0]), "n0,r1");
	expect_nodes(&e, VIF_F, fe, sizeof(fe) / sizeof(fe[0]), "n1,r0");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "vif-bridge 1 add " VIF_B " vif 1 0 vif1.0 /dev/null\n");
	dev_env_stop(&e);
}

/* No MAC, no bridge: a made-up MAC in 00:16:3e, xenbr0, the next devid. */
static void test_vif_defaults(void)
{
	const char *b = "/local/domain/0/backend/vif/1/1";
	struct dev_env e;
	uint32_t devid = 99;
	char path[128];

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	CU_ASSERT_EQUAL(attach_vif(&e, 1, "bridge=br1", &devid), 0);
	CU_ASSERT_EQUAL(attach_vif(&e, 1, "", &devid), 0);
	CU_ASSERT_EQUAL(devid, 1);
	lt_msg_is(dev_env_children(&e, b),
		  "bridge,frontend,frontend-id,handle,mac,online,script,state,type");
	lt_msg_is(dev_env_children(&e, "/local/domain/1/device/vif/1"),
		  "backend,backend-id,handle,mac,state");
	snprintf(path, sizeof(path), "%s/bridge", b);
	lt_msg_is(env_read(&e.dom, path), "xenbr0");
	snprintf(path, sizeof(path), "%s/mac", b);
	CU_ASSERT_EQUAL(strncmp(env_read(&e.dom, path), "00:16:3e:", 9), 0);
	CU_ASSERT_EQUAL(strlen(env_read(&e.dom, path)), 17);
	dev_env_stop(&e);
}

/* Nothing of domain 1's devices is left, and the kept JSON has none. */
static void expect_nothing(struct dev_env *e)
{
	struct ctl_domain_config *kept = NULL;

	lt_msg_is(dev_env_children(e, "/local/domain/0/backend/vbd"), "");
	lt_msg_is(dev_env_children(e, "/local/domain/0/backend/vif"), "");
	lt_msg_is(dev_env_children(e, "/local/domain/1/device"), "");
	CU_ASSERT_EQUAL_FATAL(ctl_domain_config_load(e->dom.h, 1, &kept), 0);
	CU_ASSERT_EQUAL(kept->nr_disks, 0);
	CU_ASSERT_EQUAL(kept->nr_vifs, 0);
	ctl_config_free(kept);
}

static void test_script_fails(void)
{
	struct dev_env e;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	dev_env_file(&e, "fail-block-add", "losetup: /srv/x.img: cannot set up loop device\n");
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb")), -EIO);
	lt_msg_is(ctl_errmsg(e.dom.h),
		  "xvdb: hotplug script block add failed: losetup: /srv/x.img: cannot set up "
		  "loop device");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "block 1 add " VBD_B " vbd 1 51728 none /dev/null\n"
		  "block 1 remove " VBD_B " vbd 1 51728 none /dev/null\n");
	expect_nothing(&e);
	dev_env_file(&e, "fail-block-add", NULL);
	dev_env_file(&e, "quiet-vif-bridge-add", "");
	CU_ASSERT_EQUAL(attach_vif(&e, 1, "", NULL), -EIO);
	lt_msg_is(ctl_errmsg(e.dom.h), "vif0: hotplug script vif-bridge add exited with status 3");
	expect_nothing(&e);
	dev_env_stop(&e);
}

static long long elapsed_ms(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000LL + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_script_timeout(void)
{
	struct timespec t0;
	struct dev_env e;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	setenv(CTL_SCRIPT_TIMEOUT_ENV, "300", 1);
	dev_env_file(&e, "sleep-block-add", "");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb")), -ETIMEDOUT);
	CU_ASSERT(elapsed_ms(&t0) >= 300 && elapsed_ms(&t0) < 5000);
	lt_msg_is(ctl_errmsg(e.dom.h), "xvdb: hotplug script block add timed out after 300 ms");
	expect_nothing(&e);
	dev_env_stop(&e);
}

static void test_script_missing(void)
{
	struct dev_env e;
	char want[256];

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	dev_env_file(&e, "scripts/" CTL_SCRIPT_BLOCK, NULL);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb")), -ENOENT);
	snprintf(want, sizeof(want), "xvdb: hotplug script %s/block: No such file or directory",
		 e.scripts);
	lt_msg_is(ctl_errmsg(e.dom.h), want);
	expect_nothing(&e);
	dev_env_stop(&e);
}

static void test_target_missing(void)
{
	struct dev_env e;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, "/nonexistent/x.img,raw,xvdb"), -ENOENT);
	lt_msg_is(ctl_errmsg(e.dom.h), "xvdb: /nonexistent/x.img: No such file or directory");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"), "");
	expect_nothing(&e);
	dev_env_stop(&e);
}

static void test_duplicate(void)
{
	struct dev_env e;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb")), 0);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb,ro")), -EEXIST);
	lt_msg_is(ctl_errmsg(e.dom.h), "xvdb: already attached to d1 (" VBD_B " exists)");
	lt_msg_is(env_read(&e.dom, VBD_B "/mode"), "w");
	lt_msg_is(env_read(&e.dom, VBD_B "/state"), "2");
	lt_msg_is(env_read(&e.dom, VBD_F "/state"), "1");
	dev_env_stop(&e);
}

static void test_backend_timeout(void)
{
	struct dev_env e;

	if (!dev_env_start(&e, 0))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	setenv(CTL_BACKEND_WAIT_ENV, "200", 1);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb")), -ETIMEDOUT);
	lt_msg_is(ctl_errmsg(e.dom.h),
		  "xvdb: no backend answered in 200 ms (is xen-blkback loaded in dom0?)");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "block 1 remove " VBD_B " vbd 1 51728 none /dev/null\n");
	expect_nothing(&e);
	CU_ASSERT_EQUAL(attach_vif(&e, 1, "", NULL), -ETIMEDOUT);
	lt_msg_is(ctl_errmsg(e.dom.h),
		  "vif0: no backend answered in 200 ms (is xen-netback loaded in dom0?)");
	expect_nothing(&e);
	dev_env_stop(&e);
}

static void test_backend_refuses(void)
{
	struct dev_env e;

	if (!dev_env_start(&e, DEVBE_REFUSE))
		return;
	CU_ASSERT_EQUAL_FATAL(dev_env_domain(&e, "web", NULL), 1);
	CU_ASSERT_EQUAL(attach_disk(&e, 1, image_spec(&e, "raw,xvdb")), -EIO);
	lt_msg_is(ctl_errmsg(e.dom.h),
		  "xvdb: the backend closed the device (xenbus state 6): " DEVBE_ERROR);
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "block 1 remove " VBD_B " vbd 1 51728 none /dev/null\n");
	expect_nothing(&e);
	dev_env_stop(&e);
}

static void test_no_domain(void)
{
	struct dev_env e;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL(attach_disk(&e, 7, image_spec(&e, "raw,xvdb")), -ESRCH);
	lt_msg_is(ctl_errmsg(e.dom.h), "d7: no such domain");
	CU_ASSERT_EQUAL(attach_vif(&e, 7, "", NULL), -ESRCH);
	lt_msg_is(ctl_errmsg(e.dom.h), "d7: no such domain");
	lt_msg_is(dev_env_children(&e, "/local/domain/0/backend/vbd"), "");
	dev_env_stop(&e);
}

static const struct tt_case cases[] = {
	{ "disk: backend and frontend nodes, perms, script env", test_disk_nodes },
	{ "disk: empty cdrom", test_cdrom_nodes },
	{ "vif: nodes, perms, rate, script env", test_vif_nodes },
	{ "vif: defaults, made-up MAC, next devid", test_vif_defaults },
	{ "script failure: its message, nothing left", test_script_fails },
	{ "script timeout: killed, nothing left", test_script_timeout },
	{ "script missing: its path, nothing left", test_script_missing },
	{ "missing target refused up front", test_target_missing },
	{ "duplicate vdev is EEXIST", test_duplicate },
	{ "no backend: timeout names the driver", test_backend_timeout },
	{ "backend refuses: its error reported", test_backend_refuses },
	{ "no such domain", test_no_domain },
	{ NULL, NULL },
};

const struct tt_suite lt_dev_attach_suite = { "device attach", cases };
