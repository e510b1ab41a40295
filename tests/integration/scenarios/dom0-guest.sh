# SPDX-License-Identifier: GPL-2.0-only
# What `make run` does (dom0guest): dom0 starts xenstored and consoled and runs
# `ctl create -c` on the example guest; the guest reaches its shell on hvc0,
# `poweroff` typed there ends it, and dom0 gets its shell back.
. "$top/tools/qemu/dom0.sh"
. "$top/dom0-drivers/qemu-devices.sh"
DOM0_DIR=${DOM0_DIR:-$top/build/dom0}
SMP=2
MEM=1G
BOOTARGS="dom0_mem=512M dom0_max_vcpus=2"
mapfile -t QEMU_EXTRA < <(dom0_loader_args "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz"
	dom0_qemu_devices "$DOM0_DIR/disk.img")
DT_EDIT() {
	dom0_dt_nodes "$1" "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz" "console=hvc0 dom0guest"
}
INPUT='poweroff\n'
INPUT_AFTER="GUEST-INIT: up"
EXPECT=(
	"dom0-init: xenstored: running"
	"dom0-init: consoled: running"
	"dom0-init: dom0guest: ctl create"
	"GUEST-INIT: up"
	"GUEST-INIT: shutting down"
	"dom0-init: dom0guest: ctl exited"
	"root shell on /dev/hvc0"
)
REJECT=("Panic" "Kernel panic" "BUG:" "Oops")
TIMEOUT=300
