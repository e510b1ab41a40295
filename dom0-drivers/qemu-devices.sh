# SPDX-License-Identifier: GPL-2.0-only
# dom0's devices on the reference machine. Source this file; it defines no side
# effects.
#
# dom0_qemu_devices DISK_IMG: the QEMU arguments, one per line, for dom0's disk
# (DISK_IMG as a read-only virtio-blk-pci device, /dev/vda in dom0) and NIC (a
# virtio-net-pci device on QEMU's user network, restricted: no traffic leaves
# the host; dom0 is 10.0.2.15/24, the gateway 10.0.2.2). DISK_IMG must not
# contain a comma.
#   mapfile -t devs < <(dom0_qemu_devices build/dom0/disk.img)
#   qemu-system-aarch64 ... "${devs[@]}"
dom0_qemu_devices() {
	local disk=$1
	printf '%s\n' \
		-drive "file=$disk,if=none,format=raw,id=dom0disk,readonly=on" \
		-device virtio-blk-pci,drive=dom0disk \
		-netdev user,id=dom0net,restrict=on \
		-device virtio-net-pci,netdev=dom0net,mac=52:54:00:d0:00:01
}
