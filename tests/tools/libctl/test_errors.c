// SPDX-License-Identifier: GPL-2.0-only
/* Every error: exact "file:line:col: key: message", no config, no leak. */
#include "libctl_test.h"

#define K "kernel = '/k'\n"

static const struct {
	const char *text, *msg;
} errors[] = {
	{ "name = 'g'\n" K "memory = abc\n", "guest.cfg:3:10: memory: expected a number" },
	{ "name = 'g'\n" K "memory = \"512M\"\n", "guest.cfg:3:10: memory: expected a number" },
	{ "name = 'g'\n" K "memory = 0\n", "guest.cfg:3:10: memory: 0 is out of range 1-1048576" },
	{ "name = 'g'\n" K "vcpus = 65\n", "guest.cfg:3:9: vcpus: 65 is out of range 1-64" },
	{ "name = 'g'\n" K "vcpus = [1]\n", "guest.cfg:3:9: vcpus: expected a number" },
	{ "name = 'g'\n" K "memory = 512\nmaxmem = 256\n",
	  "guest.cfg:4:10: maxmem: 256 is below memory (512)" },
	{ "name = 'g'\n" K "vcpus = 4\nmaxvcpus = 2\n",
	  "guest.cfg:4:12: maxvcpus: 2 is below vcpus (4)" },
	{ K, "guest.cfg: name: required" },
	{ "name = 'g'\n", "guest.cfg: kernel: required" },
	{ "name = 'a b'\n" K, "guest.cfg:1:8: name: invalid name 'a b' (1-63 of A-Z a-z 0-9 _ . -, not all digits)" },
	{ "name = '123'\n" K, "guest.cfg:1:8: name: invalid name '123' (1-63 of A-Z a-z 0-9 _ . -, not all digits)" },
	{ "name = g\n" K, "guest.cfg:1:8: name: expected a string" },
	{ "name = 'g\n" K, "guest.cfg:1:8: name: unterminated string" },
	{ "name = 'g\\q'\n" K, "guest.cfg:1:11: name: invalid escape in a string" },
	{ "name 'g'\n", "guest.cfg:1:6: name: expected '=' or '+=' after the key" },
	{ "= 'g'\n", "guest.cfg:1:1: expected a key" },
	{ "name =\n", "guest.cfg:1:7: name: expected a value" },
	{ "name = 'g' 'h'\n", "guest.cfg:1:12: name: unexpected text after the value" },
	{ "name = 'g'\ndisk = [ 'a'\n", "guest.cfg:2:8: disk: unterminated list" },
	{ "name = 'g'\ndisk = [ 'a' 'b' ]\n", "guest.cfg:2:14: disk: expected ',' or ']' in the list" },
	{ "name = 'g'\nname += 1\n", "guest.cfg:2:9: name: '+=' needs a string or a list on both sides" },
	{ "name = 'g'\n" K "on_crash = 'explode'\n",
	  "guest.cfg:3:12: on_crash: unknown action 'explode' (destroy, restart, rename-restart, preserve, coredump-destroy, coredump-restart)" },
	{ "name = 'g'\n" K "gic_version = 'v4'\n",
	  "guest.cfg:3:15: gic_version: unknown GIC version 'v4' (v2, v3, default)" },
	{ "name = 'g'\n" K "uuid = '1234'\n", "guest.cfg:3:8: uuid: invalid UUID '1234'" },
	{ "name = 'g'\n" K "cpus = '0-'\n",
	  "guest.cfg:3:8: cpus: invalid CPU list '0-' (all, or N, N-M, ^N joined by ',', CPUs below 256)" },
	{ "name = 'g'\n" K "cpus = '1,^1'\n", "guest.cfg:3:8: cpus: CPU list '1,^1' leaves no CPU" },
	{ "name = 'g'\n" K "max_event_channels = 5000\n",
	  "guest.cfg:3:22: max_event_channels: 5000 is out of range 1-4096" },
	{ "name = 'g'\n" K "disk = '/a,,xvda'\n", "guest.cfg:3:8: disk: expected a list" },
	{ "name = 'g'\n" K "disk = [ '/a,qcow2,xvda' ]\n",
	  "guest.cfg:3:10: disk: unsupported format (only raw) 'qcow2' in '/a,qcow2,xvda'" },
	{ "name = 'g'\n" K "disk = [ '/a,vmdk,xvda' ]\n",
	  "guest.cfg:3:10: disk: unknown format 'vmdk' in '/a,vmdk,xvda'" },
	{ "name = 'g'\n" K "disk = [ '/a,,vda' ]\n", "guest.cfg:3:10: disk: invalid vdev 'vda' in '/a,,vda'" },
	{ "name = 'g'\n" K "disk = [ '/a,,hde' ]\n", "guest.cfg:3:10: disk: invalid vdev 'hde' in '/a,,hde'" },
	{ "name = 'g'\n" K "disk = [ '/a' ]\n", "guest.cfg:3:10: disk: no vdev in '/a'" },
	{ "name = 'g'\n" K "disk = [ 'vdev=xvda' ]\n", "guest.cfg:3:10: disk: no target in 'vdev=xvda'" },
	{ "name = 'g'\n" K "disk = [ '/a,,xvda,x' ]\n",
	  "guest.cfg:3:10: disk: invalid access (r, ro, w, rw) 'x' in '/a,,xvda,x'" },
	{ "name = 'g'\n" K "disk = [ '/a,,xvda,rw,extra' ]\n",
	  "guest.cfg:3:10: disk: too many positional parameters at 'extra' in '/a,,xvda,rw,extra'" },
	{ "name = 'g'\n" K "disk = [ 'vdev=xvda,/a,vdev=xvdb' ]\n",
	  "guest.cfg:3:10: disk: parameter given twice: 'vdev' in 'vdev=xvda,/a,vdev=xvdb'" },
	{ "name = 'g'\n" K "disk = [ '/a,,xvda', '/b,,xvda' ]\n",
	  "guest.cfg:3:22: disk: vdev 'xvda' is used twice" },
	{ "name = 'g'\n" K "disk = [ 'cache=none,/a,,xvda' ]\n",
	  "guest.cfg:3:10: disk: unknown disk parameter 'cache' in 'cache=none,/a,,xvda'" },
	{ "name = 'g'\n" K "vif = [ 'mac=00:16:3e:0:1:2' ]\n",
	  "guest.cfg:3:9: vif: invalid unicast MAC '00:16:3e:0:1:2' in 'mac=00:16:3e:0:1:2'" },
	{ "name = 'g'\n" K "vif = [ 'mac=01:16:3e:00:01:02' ]\n",
	  "guest.cfg:3:9: vif: invalid unicast MAC '01:16:3e:00:01:02' in 'mac=01:16:3e:00:01:02'" },
	{ "name = 'g'\n" K "vif = [ 'ip=10.0.0.300' ]\n",
	  "guest.cfg:3:9: vif: invalid IP address list '10.0.0.300' in 'ip=10.0.0.300'" },
	{ "name = 'g'\n" K "vif = [ 'rate=10Mb' ]\n",
	  "guest.cfg:3:9: vif: invalid rate (e.g. 10Mb/s@20ms) '10Mb' in 'rate=10Mb'" },
	{ "name = 'g'\n" K "vif = [ 'mtu=20' ]\n",
	  "guest.cfg:3:9: vif: invalid mtu (68-65535) '20' in 'mtu=20'" },
	{ "name = 'g'\n" K "vif = [ 'vifname=a-very-long-interface' ]\n",
	  "guest.cfg:3:9: vif: invalid vifname 'a-very-long-interface' in 'vifname=a-very-long-interface'" },
	{ "name = 'g'\n" K "vif = [ 'model=e1000' ]\n",
	  "guest.cfg:3:9: vif: unknown vif parameter 'model' in 'model=e1000'" },
	{ "name = 'g'\n" K "vif = [ 'xenbr0' ]\n",
	  "guest.cfg:3:9: vif: expected key=value, not 'xenbr0' in 'xenbr0'" },
};

static void test_errors(void)
{
	size_t i;

	for (i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		lt_parse_fails(errors[i].text, errors[i].msg);
}

static const struct tt_case cases[] = {
	{ "every error message", test_errors },
	{ NULL, NULL },
};

const struct tt_suite lt_errors_suite = { "errors", cases };
