# SPDX-License-Identifier: GPL-2.0-only
# Debian's arm64 kernel boots as dom0 from the /chosen multiboot modules, with
# 2 vCPUs, 512 MiB direct-mapped, the virtio disk and NIC passed through; its
# init runs the checks of dom0-drivers/checks/dom0-checks.sh and powers off.
. "$top/tools/qemu/dom0.sh"
. "$top/dom0-drivers/qemu-devices.sh"
DOM0_DIR=${DOM0_DIR:-$top/build/dom0}
SMP=2
MEM=1G
BOOTARGS="dom0_mem=512M dom0_max_vcpus=2"
mapfile -t QEMU_EXTRA < <(dom0_loader_args "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz"
	dom0_qemu_devices "$DOM0_DIR/disk.img")
DT_EDIT() {
	dom0_dt_nodes "$1" "$DOM0_DIR/Image" "$DOM0_DIR/initramfs.cpio.gz" \
		"console=hvc0 dom0test dom0halt"
}
EXPECT=(
	"dom0: 7 MMIO ranges and 38 SPIs passed through"
	"dom0: 2 vCPU\(s\), 512 MiB"
	"\(d0\) .*Xen .* support found"
	"\(d0\) .*xen:events: Using 2-level ABI"
	"\(d0\) DOM0CHECK PASS xen-capabilities"
	"\(d0\) DOM0CHECK PASS xen-dev-evtchn"
	"\(d0\) DOM0CHECK PASS xen-dev-gntdev"
	"\(d0\) DOM0CHECK PASS xen-dev-gntalloc"
	"\(d0\) DOM0CHECK PASS xen-dev-privcmd"
	"\(d0\) DOM0CHECK PASS disk-mount"
	"\(d0\) DOM0CHECK PASS disk-read"
	"\(d0\) DOM0CHECK PASS net-up"
	"\(d0\) DOM0CHECK PASS cpus-online"
	"\(d0\) DOM0CHECK PASS evtchn-loopback"
	"\(d0\) DOM0CHECK PASS grant-map"
	"\(d0\) DOM0CHECK PASS domctl-lifecycle"
	"d[1-9][0-9]*: shut down: poweroff"
	"\(d0\) DOM0CHECK PASS domu-boot"
	"\(d0\) DOM0CHECK DONE passed=13 failed=0"
	"d0: shut down: poweroff"
)
REJECT=("DOM0CHECK FAIL" "Panic" "unexpected exception" "Kernel panic" "BUG:" "Oops" "WARNING:")
TIMEOUT=300
