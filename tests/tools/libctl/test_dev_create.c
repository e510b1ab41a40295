// SPDX-License-Identifier: GPL-2.0-only
/*
 * Devices in a domain's life: create attaches every disk= and vif= before
 * the guest runs, a failing one undoes the whole create, teardown removes
 * them before the domain is destroyed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl_device.h"
#include "test_dom.h"

#define VBD_B(id)  "/local/domain/0/backend/vbd/1/" #id
#define VIF_B(id)  "/local/domain/0/backend/vif/1/" #id

/* disk = [ xvda, xvdb: two images ], vif = [ two ] */
static const char *devices(struct dev_env *e)
{
	static char extra[1024];
	char a[256];

	snprintf(a, sizeof(a), "%s", dev_env_file(e, "a.img", "a"));
	snprintf(extra, sizeof(extra),
		 "disk = [ '%s,raw,xvda,rw', '%s,raw,xvdb,ro' ]\n"
		 "vif = [ 'mac=00:16:3e:00:00:01,bridge=br1', '' ]\n",
		 a, dev_env_file(e, "b.img", "b"));
	return extra;
}

static int create(struct dev_env *e, const char *extra, uint32_t *domid)
{
	struct ctl_domain_config *cfg = env_config(&e->dom, "web", extra);
	int rc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(cfg);
	*domid = DOMID_INVALID;
	rc = ctl_domain_create_cfg(e->dom.h, cfg, 0, domid);
	ctl_config_free(cfg);
	return rc;
}

static void test_create_attaches(void)
{
	struct ctl_domain_config *kept = NULL;
	struct dev_env e;
	uint32_t domid;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	CU_ASSERT_EQUAL_FATAL(create(&e, devices(&e), &domid), 0);
	CU_ASSERT_EQUAL(domid, 1);
	CU_ASSERT_EQUAL(e.dom.fake.doms[1].flags, CTL_DOMINF_running);
	lt_msg_is(dev_env_children(&e, "/local/domain/0/backend/vbd/1"), "51712,51728");
	lt_msg_is(dev_env_children(&e, "/local/domain/0/backend/vif/1"), "0,1");
	lt_msg_is(env_read(&e.dom, VBD_B(51728) "/mode"), "r");
	lt_msg_is(env_read(&e.dom, VIF_B(0) "/bridge"), "br1");
	lt_msg_is(env_read(&e.dom, VIF_B(0) "/mac"), "00:16:3e:00:00:01");
	lt_msg_is(env_read(&e.dom, "/local/domain/1/device/vif/1/handle"), "1");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "block 1 add " VBD_B(51712) " vbd 1 51712 none /dev/null\n"
		  "block 1 add " VBD_B(51728) " vbd 1 51728 none /dev/null\n"
		  "vif-bridge 1 add " VIF_B(0) " vif 1 0 vif1.0 /dev/null\n"
		  "vif-bridge 1 add " VIF_B(1) " vif 1 1 vif1.1 /dev/null\n");
	/* Kept once, with the MAC the create made up for the second vif. */
	CU_ASSERT_EQUAL_FATAL(ctl_domain_config_load(e.dom.h, 1, &kept), 0);
	CU_ASSERT_EQUAL(kept->nr_disks, 2);
	CU_ASSERT_EQUAL_FATAL(kept->nr_vifs, 2);
	lt_msg_is(kept->vifs[1].mac, env_read(&e.dom, VIF_B(1) "/mac"));
	ctl_config_free(kept);
	dev_env_stop(&e);
}

/* The second vif's script fails: no domain, no node, no JSON, every script undone. */
static void test_create_vif_fails(void)
{
	struct dev_env e;
	unsigned int nodes;
	uint32_t domid;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	nodes = env_count_nodes(&e.dom);
	dev_env_file(&e, "fail-vif-bridge-add", "brctl: bridge br1 does not exist\n");
	CU_ASSERT_EQUAL(create(&e, devices(&e), &domid), -EIO);
	lt_msg_is(ctl_errmsg(e.dom.h),
		  "vif0: hotplug script vif-bridge add failed: brctl: bridge br1 does not exist");
	CU_ASSERT_EQUAL(domid, DOMID_INVALID);
	CU_ASSERT_EQUAL(fake_nr_domains(&e.dom.fake), 0);
	CU_ASSERT_EQUAL(env_count_nodes(&e.dom), nodes);
	CU_ASSERT_FALSE(env_state_exists(&e.dom, 1));
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "block 1 add " VBD_B(51712) " vbd 1 51712 none /dev/null\n"
		  "block 1 add " VBD_B(51728) " vbd 1 51728 none /dev/null\n"
		  "vif-bridge 1 add " VIF_B(0) " vif 1 0 vif1.0 /dev/null\n"
		  "vif-bridge 1 remove " VIF_B(0) " vif 1 0 vif1.0 /dev/null\n"
		  "block 1 remove " VBD_B(51712) " vbd 1 51712 none /dev/null\n"
		  "block 1 remove " VBD_B(51728) " vbd 1 51728 none /dev/null\n");
	dev_env_stop(&e);
}

static void test_create_target_missing(void)
{
	struct dev_env e;
	unsigned int nodes;
	uint32_t domid;

	if (!dev_env_start(&e, DEVBE_ALL))
		return;
	nodes = env_count_nodes(&e.dom);
	CU_ASSERT_EQUAL(create(&e, "disk = [ '/nonexistent.img,raw,xvda' ]\n", &domid), -ENOENT);
	lt_msg_is(ctl_errmsg(e.dom.h), "xvda: /nonexistent.img: No such file or directory");
	CU_ASSERT_EQUAL(fake_nr_domains(&e.dom.fake), 0);
	CU_ASSERT_EQUAL(env_count_nodes(&e.dom), nodes);
	dev_env_stop(&e);
}

/* Teardown: devices forced closed and removed while the domain is paused, then destroyed. */
static void test_teardown(void)
{
	struct dev_env e;
	unsigned int nodes;
	uint32_t domid;

	if (!dev_env_start(&e, DEVBE_INITWAIT | DEVBE_FORCE))
		return;
	nodes = env_count_nodes(&e.dom);
	CU_ASSERT_EQUAL_FATAL(create(&e, devices(&e), &domid), 0);
	dev_env_file(&e, "scripts.log", NULL);
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.dom.h, domid), 0);
	CU_ASSERT_EQUAL(fake_nr_domains(&e.dom.fake), 0);
	CU_ASSERT_EQUAL(env_count_nodes(&e.dom), nodes);
	lt_msg_is(dev_env_slurp(&e, "backend.log"),
		  "initwait " VBD_B(51712) "\ninitwait " VBD_B(51728) "\n"
		  "initwait " VIF_B(0) "\ninitwait " VIF_B(1) "\n"
		  "forced " VIF_B(0) " online=0\nforced " VIF_B(1) " online=0\n"
		  "forced " VBD_B(51712) " online=0\nforced " VBD_B(51728) " online=0\n");
	lt_msg_is(dev_env_slurp(&e, "scripts.log"),
		  "vif-bridge 1 remove " VIF_B(0) " vif 1 0 vif1.0 /dev/null\n"
		  "vif-bridge 1 remove " VIF_B(1) " vif 1 1 vif1.1 /dev/null\n"
		  "block 1 remove " VBD_B(51712) " vbd 1 51712 none /dev/null\n"
		  "block 1 remove " VBD_B(51728) " vbd 1 51728 none /dev/null\n");
	CU_ASSERT_EQUAL(ctl_domain_teardown(e.dom.h, domid), 0);
	dev_env_stop(&e);
}

static const struct tt_case cases[] = {
	{ "create attaches every disk and vif", test_create_attaches },
	{ "create: a failing vif leaves nothing", test_create_vif_fails },
	{ "create: a missing disk leaves nothing", test_create_target_missing },
	{ "teardown removes the devices first", test_teardown },
	{ NULL, NULL },
};

const struct tt_suite lt_dev_create_suite = { "device create", cases };
