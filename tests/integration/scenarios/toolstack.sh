# SPDX-License-Identifier: GPL-2.0-only
# The toolstack in dom0 (issue 5): init starts xenstored and the console
# daemon, then dom0-drivers/checks/toolstack-checks.sh drives `ctl`: a Linux
# guest boots to its shell on hvc0, is listed, reboots and shuts down; four
# guests of 128 MiB run at once; a bad configuration is refused with its
# line number; 200 create/destroy cycles lose no memory and no xenstore node.
. "$top/tools/qemu/dom0.sh"
. "$top/dom0-drivers/qemu-devices.sh"
DOM0_DIR=${DOM0_DIR:-$top/build/dom0}
SMP=2
MEM=2G
BOOTARGS="dom0_mem=512M dom0_max_vcpus=2"
mapfile -t QEMU_EXTRA < <(dom0_loader_args "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz"
	dom0_qemu_devices "$DOM0_DIR/disk.img")
DT_EDIT() {
	dom0_dt_nodes "$1" "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz" \
		"console=hvc0 toolstacktest dom0halt"
}
EXPECT=(
	"\(d0\) TOOLCHECK PASS daemons"
	"\(d0\) TOOLCHECK PASS bad-cfg"
	"\(d0\) TOOLCHECK PASS create-console"
	"\(d0\) TOOLCHECK PASS list"
	"d[1-9][0-9]*: shut down: reboot"
	"\(d0\) TOOLCHECK PASS reboot"
	"d[1-9][0-9]*: shut down: poweroff"
	"\(d0\) TOOLCHECK PASS shutdown"
	"\(d0\) TOOLCHECK PASS four-guests"
	"\(d0\) TOOLCHECK PASS create-destroy-cycles"
	"\(d0\) TOOLCHECK DONE passed=8 failed=0"
	"d0: shut down: poweroff"
)
REJECT=("TOOLCHECK FAIL" "Panic" "unexpected exception" "\(d0\).*Kernel panic" "BUG:" "Oops")
TIMEOUT=900
