// SPDX-License-Identifier: GPL-2.0-only
/*
 * Detaching, listing and finding devices: the xenbus walk Closing ->
 * Closed answered by the fake backend, the timeout without force, the
 * forced close on the guest's behalf, the kept JSON following along.
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
#define MAC     "00:16:3e:0a:0b:0c"

/* Domain 1 with xvdb (an image file) and a vif with MAC, attached after create. */
static bool setup(struct dev_env *e, unsigned int backend)
{
	struct ctl_disk disk;
	struct ctl_vif vif;
	char spec[256], *err = NULL;
	bool ok;

	if (!dev_env_start(e, backend))
		return false;
	snprintf(spec, sizeof(spec), "%s,raw,xvdb,rw", dev_env_file(e, "disk.img", "x"));
	ok = dev_env_domain(e, "web", NULL) == 1 && !ctl_disk_spec_parse(spec, &disk, &err) &&
	     !ctl_vif_spec_parse("mac=" MAC, &vif, &err);
	CU_ASSERT_TRUE_FATAL(ok);
	CU_ASSERT_EQUAL(ctl_disk_attach(e->dom.h, 1, &disk), 0);
	CU_ASSERT_EQUAL(ctl_nic_attach(e->dom.h, 1, &vif, NULL), 0);
	ctl_disk_clear(&disk);
	ctl_vif_clear(&vif);
	dev_env_file(e, "scripts.log", NULL);
	dev_env_file(e, "backend.log", "");   /* the backend appends to the same file */
	return true;
}

static void expect_kept(struct dev_env *e, size_t disks, size_t vifs)
{
	struct ctl_domain_config *kept = NULL;

	CU_ASSERT_EQUAL_FATAL(ctl_domain_config_load(e->dom.h, 1, &kept), 0);
	CU_ASSERT_EQUAL(kept->nr_disks, disks);
	CU_ASSERT_EQUAL(kept->nr_vifs, vifs);
	if (disks == 1 && kept->nr_disks == 1) {
		lt_msg_is(kept->disks[0].vdev, "xvdb");
		CU_ASSERT_EQUAL(kept->disks[0].vdev_number, 51728);
	}
	if (vifs == 1 && kept->nr_vifs == 1)
		lt_msg_is(kept->vifs[0].mac, MAC);
	ctl_config_free(kept);
}

static void test_kept(void)
{
	struct dev_env e;

	if (!setup(&e, DEVBE_ALL))
		return;
	expect_kept(&e, 1, 1);
	CU_ASSERT_EQUAL(ctl_disk_detach(e.dom.h, 1, "xvdb", false), 0);
	expect_kept(&e, 0, 1);
	CU_ASSERT_EQUAL(ctl_nic_detach(e.dom.h, 1, 0, false), 0);
	expect_kept(&e, 0, 0);
	dev_env_stop(&e);
}

/* Closing, the backend's Closed, the script, every node gone. */
static void test_detach_walk(void)
{
	struct dev_env e;

	if (!setup(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL(ctl_disk_detach(e.dom.h, 1, "xvdb", false), 0);
	CU_ASSERT_EQUAL(ctl_nic_detach(e.dom.h, 1, 0, false), 0);
	lt_msg_is(dev_env_slurp(&e, "backend.log"),
		  "closed " VBD_B " online=0\nclosed " VIF_B " online=0\n");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "block 1 remove " VBD_B " vbd 1 51728 none /dev/null\n"
		  "vif-bridge 1 remove " VIF_B " vif 1 0 vif1.0 /dev/null\n");
	lt_msg_is(dev_env_children(&e, "/local/domain/0/backend/vbd"), "");
	lt_msg_is(dev_env_children(&e, "/local/domain/0/backend/vif"), "");
	lt_msg_is(dev_env_children(&e, "/local/domain/1/device"), "");
	dev_env_stop(&e);
}

/* The guest does not answer: -ETIMEDOUT, the device left Closing; then -f. */
static void test_detach_timeout(void)
{
	struct dev_env e;

	if (!setup(&e, DEVBE_INITWAIT))
		return;
	setenv(CTL_BACKEND_WAIT_ENV, "200", 1);
	CU_ASSERT_EQUAL(ctl_disk_detach(e.dom.h, 1, "xvdb", false), -ETIMEDOUT);
	lt_msg_is(ctl_errmsg(e.dom.h),
		  "xvdb: the guest did not release the device in 200 ms; use -f to force");
	lt_msg_is(env_read(&e.dom, VBD_B "/state"), "5");
	lt_msg_is(env_read(&e.dom, VBD_B "/online"), "0");
	lt_msg_is(env_read(&e.dom, VBD_F "/state"), "1");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"), "");
	expect_kept(&e, 1, 1);
	dev_backend_stop(&e);
	dev_backend_start(&e, DEVBE_FORCE);
	CU_ASSERT_EQUAL(ctl_disk_detach(e.dom.h, 1, "51728", true), 0);
	lt_msg_is(dev_env_slurp(&e, "backend.log"), "forced " VBD_B " online=0\n");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "block 1 remove " VBD_B " vbd 1 51728 none /dev/null\n");
	lt_msg_is(env_read(&e.dom, VBD_B), "<errno 2>");
	expect_kept(&e, 0, 1);
	dev_env_stop(&e);
}

static long long elapsed_ms(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000LL + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Force writes the frontend's Closed, which the backend answers at once. */
static void test_force(void)
{
	struct timespec t0;
	struct dev_env e;

	if (!setup(&e, DEVBE_INITWAIT | DEVBE_FORCE))
		return;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CU_ASSERT_EQUAL(ctl_nic_detach(e.dom.h, 1, 0, true), 0);
	CU_ASSERT(elapsed_ms(&t0) < 2000);
	lt_msg_is(dev_env_slurp(&e, "backend.log"), "forced " VIF_B " online=0\n");
	lt_msg_is(env_read(&e.dom, VIF_F), "<errno 2>");
	dev_env_stop(&e);
}

/* Nobody answers a forced detach: after the wait it carries on. */
static void test_force_no_answer(void)
{
	struct timespec t0;
	struct dev_env e;

	if (!setup(&e, DEVBE_INITWAIT))
		return;
	setenv(CTL_BACKEND_WAIT_ENV, "200", 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	CU_ASSERT_EQUAL(ctl_disk_detach(e.dom.h, 1, "xvdb", true), 0);
	CU_ASSERT(elapsed_ms(&t0) >= 200);
	lt_msg_is(env_read(&e.dom, VBD_B), "<errno 2>");
	lt_msg_is(env_read(&e.dom, VBD_F), "<errno 2>");
	dev_env_stop(&e);
}

static void test_not_attached(void)
{
	struct dev_env e;
	uint32_t devid = 99;

	if (!setup(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL(ctl_disk_detach(e.dom.h, 1, "xvdc", false), -ENODEV);
	lt_msg_is(ctl_errmsg(e.dom.h), "xvdc: no such disk on d1");
	CU_ASSERT_EQUAL(ctl_disk_detach(e.dom.h, 1, "floppy", false), -EINVAL);
	lt_msg_is(ctl_errmsg(e.dom.h), "floppy: not a virtual disk name or number");
	CU_ASSERT_EQUAL(ctl_nic_detach(e.dom.h, 1, 5, false), -ENODEV);
	lt_msg_is(ctl_errmsg(e.dom.h), "vif5: no such network interface on d1");
	CU_ASSERT_EQUAL(ctl_nic_lookup(e.dom.h, 1, "00:16:3E:0A:0B:0C", &devid), 0);
	CU_ASSERT_EQUAL(devid, 0);
	CU_ASSERT_EQUAL(ctl_nic_lookup(e.dom.h, 1, "0", &devid), 0);
	CU_ASSERT_EQUAL(ctl_nic_lookup(e.dom.h, 1, "1", &devid), -ENODEV);
	lt_msg_is(ctl_errmsg(e.dom.h), "vif1: no such network interface on d1");
	CU_ASSERT_EQUAL(ctl_nic_lookup(e.dom.h, 1, "00:16:3e:00:00:01", &devid), -ENODEV);
	lt_msg_is(ctl_errmsg(e.dom.h), "00:16:3e:00:00:01: no such network interface on d1");
	dev_env_stop(&e);
}

static void test_list(void)
{
	struct ctl_dev_info *d = NULL;
	struct dev_env e;
	size_t n = 0;

	if (!setup(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL(ctl_xs_write(e.dom.xs, 0, VBD_F "/event-channel", "7"), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.dom.xs, 0, VBD_F "/ring-ref", "8"), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.dom.xs, 0, VIF_F "/tx-ring-ref", "9"), 0);
	CU_ASSERT_EQUAL(ctl_xs_write(e.dom.xs, 0, VIF_F "/rx-ring-ref", "10"), 0);
	CU_ASSERT_EQUAL(ctl_xs_mkdir(e.dom.xs, 0, "/local/domain/0/backend/vbd/1/5632"), 0);
	CU_ASSERT_EQUAL(ctl_device_list(e.dom.h, 1, CTL_DEV_VBD, &d, &n), 0);
	CU_ASSERT_EQUAL_FATAL(n, 2);
	CU_ASSERT_EQUAL(d[0].devid, 5632);          /* sorted, every value missing */
	CU_ASSERT_EQUAL(d[0].backend_state, -1);
	CU_ASSERT_EQUAL(d[0].frontend_state, -1);
	CU_ASSERT_EQUAL(d[0].evtchn, -1);
	lt_msg_is(d[0].name, "");
	CU_ASSERT_EQUAL(d[1].devid, 51728);
	CU_ASSERT_EQUAL(d[1].kind, CTL_DEV_VBD);
	CU_ASSERT_EQUAL(d[1].backend_domid, 0);
	CU_ASSERT_EQUAL(d[1].backend_state, 2);
	CU_ASSERT_EQUAL(d[1].frontend_state, 1);
	CU_ASSERT_EQUAL(d[1].evtchn, 7);
	CU_ASSERT_EQUAL(d[1].ring_ref, 8);
	CU_ASSERT_EQUAL(d[1].rx_ring_ref, -1);
	lt_msg_is(d[1].name, "xvdb");
	lt_msg_is(d[1].backend, VBD_B);
	free(d);
	CU_ASSERT_EQUAL(ctl_device_list(e.dom.h, 1, CTL_DEV_VIF, &d, &n), 0);
	CU_ASSERT_EQUAL_FATAL(n, 1);
	CU_ASSERT_EQUAL(d[0].evtchn, -1);
	CU_ASSERT_EQUAL(d[0].ring_ref, 9);
	CU_ASSERT_EQUAL(d[0].rx_ring_ref, 10);
	lt_msg_is(d[0].name, MAC);
	free(d);
	CU_ASSERT_EQUAL(ctl_device_list(e.dom.h, 2, CTL_DEV_VIF, &d, &n), 0);
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_PTR_NULL(d);
	dev_env_stop(&e);
}

/* remove_all: every device, forced, the kept JSON left alone; none is a no-op. */
static void test_remove_all(void)
{
	struct dev_env e;
	unsigned int nodes;

	if (!setup(&e, DEVBE_INITWAIT | DEVBE_FORCE))
		return;
	CU_ASSERT_EQUAL(ctl_device_remove_all(e.dom.h, 1), 0);
	lt_msg_is(dev_env_slurp(&e, "backend.log"),
		  "forced " VIF_B " online=0\nforced " VBD_B " online=0\n");
	lt_msg_is(dev_env_children(&e, "/local/domain/0/backend/vbd"), "");
	lt_msg_is(dev_env_children(&e, "/local/domain/0/backend/vif"), "");
	lt_msg_is(dev_env_children(&e, "/local/domain/1/device"), "");
	expect_kept(&e, 1, 1);
	nodes = env_count_nodes(&e.dom);
	CU_ASSERT_EQUAL(ctl_device_remove_all(e.dom.h, 1), 0);
	CU_ASSERT_EQUAL(ctl_device_remove_all(e.dom.h, 7), 0);
	CU_ASSERT_EQUAL(env_count_nodes(&e.dom), nodes);
	dev_env_stop(&e);
}

static const struct tt_case cases[] = {
	{ "kept JSON follows attach and detach", test_kept },
	{ "detach: Closing, Closed, script, nodes gone", test_detach_walk },
	{ "detach: guest silent is ETIMEDOUT, then -f", test_detach_timeout },
	{ "force: frontend closed on the guest's behalf", test_force },
	{ "force: a silent backend is not an error", test_force_no_answer },
	{ "not attached: ENODEV; nic lookup", test_not_attached },
	{ "list: values, missing ones, order", test_list },
	{ "remove_all: every device, idempotent", test_remove_all },
	{ NULL, NULL },
};

const struct tt_suite lt_dev_detach_suite = { "device detach", cases };
