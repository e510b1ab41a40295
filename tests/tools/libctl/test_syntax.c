// SPDX-License-Identifier: GPL-2.0-only
/* Every key and value type, lists, +=, comments, overrides, warnings. */
#include <stdio.h>
#include <string.h>
#include "libctl_test.h"

static void test_every_key(void)
{
	struct ctl_domain_config *c = lt_parse(
		"name = 'web-1'\n"
		"uuid = \"6B5A1C3E-0000-4000-8000-00000000000A\"\n"
		"memory = 512\nmaxmem = 0x400\n"
		"vcpus = 2; maxvcpus = 04\n"
		"cpus = \"0-3,^1\"\n"
		"kernel = \"/boot/Image\"\nramdisk = \"/boot/initrd\"\n"
		"cmdline = \"console=hvc0\"\n"
		"on_poweroff = 'preserve'\non_reboot = 'rename-restart'\n"
		"on_crash = 'coredump-restart'\n"
		"gic_version = 'v3'\nmax_grant_frames = 32\n"
		"max_event_channels = 2047\n");

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(c->name, "web-1");
	CU_ASSERT_TRUE(c->has_uuid);
	CU_ASSERT_EQUAL(c->uuid[0], 0x6b);
	CU_ASSERT_EQUAL(c->uuid[15], 0x0a);
	CU_ASSERT_EQUAL(c->memory, 512);
	CU_ASSERT_EQUAL(c->maxmem, 1024);
	CU_ASSERT_EQUAL(c->vcpus, 2);
	CU_ASSERT_EQUAL(c->maxvcpus, 4);
	CU_ASSERT_STRING_EQUAL(c->cpus, "0-3,^1");
	CU_ASSERT_EQUAL(c->cpumap[0], 0xd);
	CU_ASSERT_STRING_EQUAL(c->ramdisk, "/boot/initrd");
	CU_ASSERT_STRING_EQUAL(c->cmdline, "console=hvc0");
	CU_ASSERT_EQUAL(c->on_poweroff, CTL_ACTION_PRESERVE);
	CU_ASSERT_EQUAL(c->on_reboot, CTL_ACTION_RENAME_RESTART);
	CU_ASSERT_EQUAL(c->on_crash, CTL_ACTION_COREDUMP_RESTART);
	CU_ASSERT_EQUAL(c->gic_version, CTL_GIC_V3);
	CU_ASSERT_EQUAL(c->max_grant_frames, 32);
	CU_ASSERT_EQUAL(c->max_event_channels, 2047);
	CU_ASSERT_EQUAL(c->nr_warnings, 0);
	ctl_config_free(c);
}

static void test_defaults(void)
{
	struct ctl_domain_config *c = lt_parse(MINIMAL);

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(c->memory, 128);
	CU_ASSERT_EQUAL(c->maxmem, 128);
	CU_ASSERT_EQUAL(c->vcpus, 1);
	CU_ASSERT_EQUAL(c->maxvcpus, 1);
	CU_ASSERT_PTR_NULL(c->cpus);
	CU_ASSERT_FALSE(c->has_uuid);
	CU_ASSERT_EQUAL(c->on_poweroff, CTL_ACTION_DESTROY);
	CU_ASSERT_EQUAL(c->on_reboot, CTL_ACTION_RESTART);
	CU_ASSERT_EQUAL(c->on_crash, CTL_ACTION_DESTROY);
	CU_ASSERT_EQUAL(c->gic_version, CTL_GIC_DEFAULT);
	CU_ASSERT_EQUAL(c->max_grant_frames, 64);
	CU_ASSERT_EQUAL(c->max_event_channels, 1023);
	CU_ASSERT_EQUAL(c->nr_disks, 0);
	CU_ASSERT_PTR_NULL(c->cmdline);
	ctl_config_free(c);
}

static void test_comments_lists_append(void)
{
	struct ctl_domain_config *c = lt_parse(
		"# a guest\n"
		"name = \"g\"   # trailing comment\n"
		"kernel = \"/boot/Image\"\n"
		"extra = \"console=hvc0\"\n"
		"extra += ' quiet'\n"
		"disk = [ '/img/a,raw,xvda,rw',   # first\n"
		"         '/img/b,,xvdb',\n"
		"]\n"
		"disk += [ 'vdev=xvdc, target=/img/c', ]\n"
		"name = \"last\"\n");

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(c->name, "last");
	CU_ASSERT_STRING_EQUAL(c->extra, "console=hvc0 quiet");
	CU_ASSERT_STRING_EQUAL(c->cmdline, "console=hvc0 quiet");
	CU_ASSERT_EQUAL_FATAL(c->nr_disks, 3);
	CU_ASSERT_STRING_EQUAL(c->disks[2].target, "/img/c");
	ctl_config_free(c);
}

static void test_escapes_and_root(void)
{
	struct ctl_domain_config *c = lt_parse(
		MINIMAL "root = \"/dev/xvda1 ro\"\nextra='a\\'b \\\"c\\\\'\n");

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(c->extra, "a'b \"c\\");
	CU_ASSERT_STRING_EQUAL(c->cmdline, "root=/dev/xvda1 ro a'b \"c\\");
	ctl_config_free(c);
}

static void test_cmdline_wins(void)
{
	struct ctl_domain_config *c = lt_parse(
		MINIMAL "root = '/dev/xvda'\ncmdline = 'x'\n");

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(c->cmdline, "x");
	CU_ASSERT_EQUAL_FATAL(c->nr_warnings, 1);
	CU_ASSERT_STRING_EQUAL(c->warnings[0],
			       "guest.cfg:4:11: cmdline: set, so root and extra are ignored");
	ctl_config_free(c);
}

static void test_unknown_key_warns(void)
{
	struct ctl_domain_config *c = lt_parse(
		MINIMAL "type = \"pvh\"\n  on_watchdog = 'destroy'\n");

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL_FATAL(c->nr_warnings, 2);
	CU_ASSERT_STRING_EQUAL(c->warnings[0], "guest.cfg:3:1: type: unknown key, ignored");
	CU_ASSERT_STRING_EQUAL(c->warnings[1],
			       "guest.cfg:4:3: on_watchdog: unknown key, ignored");
	ctl_config_free(c);
}

static void test_overrides(void)
{
	const char *ov[] = { "memory=1024", "name=other", "extra+=' b'",
			     "vif=['bridge=xenbr1']", "maxmem = 2048" };
	struct ctl_domain_config *c = NULL;
	char *err = NULL;
	int rc = ctl_config_parse_string_args(MINIMAL "memory = 256\nextra = 'a'\n",
					      "guest.cfg", ov, 5, &c, &err);

	CU_ASSERT_EQUAL_FATAL(rc, 0);
	CU_ASSERT_EQUAL(c->memory, 1024);
	CU_ASSERT_EQUAL(c->maxmem, 2048);
	CU_ASSERT_STRING_EQUAL(c->name, "other");
	CU_ASSERT_STRING_EQUAL(c->extra, "a b");
	CU_ASSERT_EQUAL_FATAL(c->nr_vifs, 1);
	CU_ASSERT_STRING_EQUAL(c->vifs[0].bridge, "xenbr1");
	ctl_config_free(c);
}

static void test_override_errors(void)
{
	const char *ov[] = { "memory=1024", "vcpus=many" };
	const char *ov2[] = { "memory" };
	struct ctl_domain_config *c = NULL;
	char *err = NULL;

	CU_ASSERT_EQUAL(ctl_config_parse_string_args(MINIMAL, "guest.cfg", ov, 2,
						     &c, &err), -22);
	CU_ASSERT_PTR_NULL(c);
	CU_ASSERT_STRING_EQUAL(err, "<command line>:2:7: vcpus: expected a number");
	free(err);
	CU_ASSERT_EQUAL(ctl_config_parse_string_args(MINIMAL, "guest.cfg", ov2, 1,
						     &c, &err), -22);
	CU_ASSERT_STRING_EQUAL(err, "<command line>:1:7: memory: expected '=' or '+=' after the key");
	free(err);
}

static void test_file(void)
{
	const char *path = "/tmp/libctl-test-guest.cfg";
	const char *ov[] = { "vcpus=2" };
	struct ctl_domain_config *c = NULL;
	char *err = NULL;
	FILE *f = fopen(path, "w");

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(MINIMAL "memory = 64\n", f);
	fclose(f);
	CU_ASSERT_EQUAL_FATAL(ctl_config_parse_file_args(path, ov, 1, &c, &err), 0);
	CU_ASSERT_EQUAL(c->memory, 64);
	CU_ASSERT_EQUAL(c->vcpus, 2);
	ctl_config_free(c);
	remove(path);
	CU_ASSERT_EQUAL(ctl_config_parse_file(path, &c, &err), -2);
	CU_ASSERT_STRING_EQUAL(err, "/tmp/libctl-test-guest.cfg: cannot read: No such file or directory");
	free(err);
}

static void test_uuid_generate(void)
{
	struct ctl_domain_config *c = lt_parse(MINIMAL);
	char *err = NULL, buf[37];

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(ctl_config_generate_uuid(c, &err), 0);
	CU_ASSERT_TRUE(c->has_uuid);
	ctl_uuid_format(c->uuid, buf);
	CU_ASSERT_EQUAL(buf[14], '4');
	CU_ASSERT_EQUAL(strlen(buf), 36);
	ctl_config_free(c);
}

static const struct tt_case cases[] = {
	{ "every key", test_every_key },
	{ "defaults", test_defaults },
	{ "comments, lists, +=", test_comments_lists_append },
	{ "escapes, root+extra", test_escapes_and_root },
	{ "cmdline wins", test_cmdline_wins },
	{ "unknown key warns", test_unknown_key_warns },
	{ "overrides", test_overrides },
	{ "override errors", test_override_errors },
	{ "file", test_file },
	{ "uuid generate", test_uuid_generate },
	{ NULL, NULL },
};

const struct tt_suite lt_syntax_suite = { "syntax", cases };
