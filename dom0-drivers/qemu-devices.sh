# SPDX-License-Identifier: GPL-2.0-only
# dom0's devices on the reference machine. Source this file; it defines no side
# effects.
#
# dom0_qemu_devices DISK_IMG: the QEMU arguments, one per line, for dom0's disk
# (DISK_IMG as a read-only virtio-blk-pci device, /dev/vda in dom0) and NIC (a
# virtio-net-pci device on QEMU's user network, restricted: no traffic leaves
# the host; dom0 is 10.0.2.15/24 on its bridge xenbr0, the gateway 10.0.2.2).
# Guests' vifs are in that bridge too: QEMU's DHCP server answers them with
# 10.0.2.100 onwards, away from dom0's static address. DISK_IMG must not
# contain a comma.
#   mapfile -t devs < <(dom0_qemu_devices build/dom0/disk.img)
#   qemu-system-aarch64 ... "${devs[@]}"
dom0_qemu_devices() {
	local disk=$1
	printf '%s\n' \
		-drive "file=$disk,if=none,format=raw,id=dom0disk,readonly=on" \
		-device virtio-blk-pci,drive=dom0disk \
		-netdev user,id=dom0net,restrict=on,dhcpstart=10.0.2.100 \
		-device virtio-net-pci,netdev=dom0net,mac=52:54:00:d0:00:01
}

# dom0_scratch_disk IMG: the QEMU arguments, one per line, for a second,
# writable disk (IMG as virtio-blk-pci, /dev/vdb in dom0 after the test disk):
# a block device for dom0's guests that a test on the host can check once QEMU
# has exited (tests/integration/scenarios/pv-devices.sh). IMG must not
# contain a comma.
dom0_scratch_disk() {
	printf '%s\n' \
		-drive "file=$1,if=none,format=raw,id=dom0scratch" \
		-device virtio-blk-pci,drive=dom0scratch
}
