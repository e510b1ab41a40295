# SPDX-License-Identifier: GPL-2.0-only
# Paravirtual disks and network interfaces (issue 6): dom0's init runs
# dom0-drivers/checks/pv-checks.sh, whose guests use xen-blkfront and
# xen-netfront against dom0's xen-blkback and xen-netback: a file written in
# the guest is intact in its image; a read-only disk refuses writes; a disk and
# a vif come and go on a running guest; DHCP and ping through dom0's bridge;
# 64 MiB over TCP to dom0; two guests talk to each other; and a guest
# destroyed while it writes to a block device. That device is a scratch disk
# made here (BEFORE, dom0's /dev/vdb), which is checked here once QEMU has
# exited (AFTER): e2fsck repairs it and the file the guest synced is intact.
. "$top/tools/qemu/dom0.sh"
. "$top/dom0-drivers/qemu-devices.sh"
DOM0_DIR=${DOM0_DIR:-$top/build/dom0}
PV_SCRATCH=$OUTDIR/pv-devices.scratch.img
PV_SCRATCH_SIZE=32M
PV_SYNCED_LINES=100000   # the guest's synced.txt is `seq 1 100000` (guest-test.sh)
SMP=2
MEM=2G
BOOTARGS="dom0_mem=512M dom0_max_vcpus=2"
mapfile -t QEMU_EXTRA < <(dom0_loader_args "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz"
	dom0_qemu_devices "$DOM0_DIR/disk.img"
	dom0_scratch_disk "$PV_SCRATCH")
DT_EDIT() {
	dom0_dt_nodes "$1" "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz" \
		"console=hvc0 pvtest dom0halt"
}

# A new, empty ext4 file system for every run: dom0 copies it for the image
# files and gives the disk itself to the guest it destroys.
BEFORE() {
	command -v mkfs.ext4 >/dev/null || { echo "mkfs.ext4 not found: run 'make deps' (e2fsprogs)"; return 1; }
	rm -f "$PV_SCRATCH" && truncate -s "$PV_SCRATCH_SIZE" "$PV_SCRATCH" &&
		mkfs.ext4 -q -F -L pvscratch "$PV_SCRATCH"
}

# pv_brief E2FSCK_OUTPUT: its first two lines after the version, on one line.
pv_brief() { grep -v '^e2fsck [0-9]' <<<"$1" | head -n 2 | tr '\n' ' '; }

# The destroyed guest's disk, checked on a copy (the disk stays as the guest
# left it): e2fsck has to recover it (it was mounted and being written), must
# leave it clean, and synced.txt must have survived.
AFTER() {
	local img=$PV_SCRATCH.fsck out rc want got
	cp "$PV_SCRATCH" "$img" || return 1
	out=$(e2fsck -fy "$img" 2>&1)
	rc=$?
	case $rc in
	0) echo "e2fsck -fy found the destroyed guest's disk clean: was it writing when destroyed?"; return 1 ;;
	1) ;;
	*) echo "e2fsck -fy could not repair the destroyed guest's disk (exit $rc): $(pv_brief "$out")"; return 1 ;;
	esac
	if ! out=$(e2fsck -fn "$img" 2>&1); then
		echo "the destroyed guest's disk is not clean after e2fsck -fy: $(pv_brief "$out")"
		return 1
	fi
	want=$(seq 1 "$PV_SYNCED_LINES" | md5sum | cut -d' ' -f1)
	got=$(debugfs -R "cat /synced.txt" "$img" 2>/dev/null | md5sum | cut -d' ' -f1)
	if [ "$got" != "$want" ]; then
		echo "synced.txt on the destroyed guest's disk after e2fsck: md5 $got, not that of seq 1 $PV_SYNCED_LINES"
		return 1
	fi
	rm -f "$img"
}

EXPECT=(
	"\(d0\) dom0-init: running the paravirtual device checks"
	"\(d0\) PVCHECK PASS disk-write"
	"\(d0\) PVCHECK PASS read-only"
	"\(d0\) PVCHECK PASS hotplug"
	"\(d0\) PVCHECK PASS destroy-mid-write"
	"\(d0\) PVCHECK PASS net-ping"
	"\(d0\) PVCHECK PASS tcp-64m"
	"\(d0\) PVCHECK PASS two-guests"
	"\(d0\) PVCHECK DONE passed=7 failed=0"
	"d0: shut down: poweroff"
)
REJECT=("PVCHECK FAIL" "Panic" "unexpected exception" "\(d0\).*Kernel panic" "BUG:" "Oops")
TIMEOUT=900   # about 2 min alone; 8-9 min seen with another QEMU run beside it
