# SPDX-License-Identifier: GPL-2.0-only
# Dom0's boot modules on the reference machine (docs/specs/dom0.md): QEMU
# loads the kernel and the initramfs into RAM with -device loader, and the
# device tree names them under /chosen with Xen's multiboot bindings, as a
# board's boot loader would. Source this file; it defines no side effects.

# Below the dom0less test guests (tests/integration/lib.sh, 0x50000000 up).
DOM0_KERNEL_ADDR=0x42000000
DOM0_MODULE_ALIGN=0x200000

# dom0_ramdisk_addr KERNEL: where the initramfs goes: after what the kernel
# occupies when it runs, its Image header's image_size (offset 16, 64-bit
# little-endian) or its file size if larger, 2 MiB aligned, so the hypervisor
# can run the kernel in place (docs/specs/dom0.md).
dom0_ramdisk_addr() {
	local ksize isize
	ksize=$(stat -c %s "$1") && isize=$(od -An -t u8 -j 16 -N 8 "$1" | tr -d ' ') || return 1
	[ "$isize" -gt "$ksize" ] && ksize=$isize
	printf '0x%x' $(((DOM0_KERNEL_ADDR + ksize + DOM0_MODULE_ALIGN - 1) & ~(DOM0_MODULE_ALIGN - 1)))
}

# dom0_module_node DTB KIND ADDR FILE [BOOTARGS]: /chosen/module@ADDR of KIND (kernel|ramdisk).
dom0_module_node() {
	local dtb=$1 kind=$2 addr=$3 size args=${5:-} node
	size=$(stat -c %s "$4") || return 1
	node=/chosen/module@${addr#0x}
	fdtput -t u "$dtb" /chosen '#address-cells' 2 &&
	fdtput -t u "$dtb" /chosen '#size-cells' 2 &&
	fdtput -c "$dtb" "$node" &&
	fdtput -t s "$dtb" "$node" compatible "multiboot,$kind" multiboot,module &&
	fdtput -t x "$dtb" "$node" reg 0 "$addr" 0 "$(printf %x "$size")" || return 1
	[ -z "$args" ] || fdtput -t s "$dtb" "$node" bootargs "$args"
}

# dom0_dt_nodes DTB KERNEL INITRD BOOTARGS: names both modules in DTB.
dom0_dt_nodes() {
	local raddr
	raddr=$(dom0_ramdisk_addr "$2") || return 1
	dom0_module_node "$1" kernel "$DOM0_KERNEL_ADDR" "$2" "$4" &&
	dom0_module_node "$1" ramdisk "$raddr" "$3"
}

# dom0_loader_args KERNEL INITRD: the QEMU arguments (one per line) loading both.
dom0_loader_args() {
	local raddr
	raddr=$(dom0_ramdisk_addr "$1") || return 1
	printf '%s\n' -device "loader,file=$1,addr=$DOM0_KERNEL_ADDR,force-raw=on" \
		-device "loader,file=$2,addr=$raddr,force-raw=on"
}

# dom0_machine DTB SMP MEM XEN_ARGS DOM0_DIR DOM0_ARGS: writes the reference
# machine's DTB with the hypervisor's command line and dom0's modules, and
# prints every QEMU argument (one per line, no serial, no -kernel) for it,
# dom0's disk and NIC included. Needs machine.sh and
# dom0-drivers/qemu-devices.sh sourced too.
dom0_machine() {
	local dtb=$1 smp=$2 mem=$3 hvargs=$4 dir=$5 dargs=$6
	qemu_dumpdtb "$smp" "$mem" "$dtb" &&
	fdtput -t s "$dtb" /chosen xen,xen-bootargs "$hvargs" &&
	dom0_dt_nodes "$dtb" "$dir/Image" "$dir/initramfs.cpio.gz" "$dargs" || return 1
	qemu_args "$smp" "$mem" "$dtb"
	dom0_loader_args "$dir/Image" "$dir/initramfs.cpio.gz"
	dom0_qemu_devices "$dir/disk.img"
}
