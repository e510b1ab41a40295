# SPDX-License-Identifier: GPL-2.0-only
# Reserved memory and boot modules from the DT stay out of the page allocator.
SMP=1
DT_EDIT() {
	local dtb=$1
	fdtput -c "$dtb" /reserved-memory &&
	fdtput -t u "$dtb" /reserved-memory '#address-cells' 2 &&
	fdtput -t u "$dtb" /reserved-memory '#size-cells' 2 &&
	fdtput -c "$dtb" /reserved-memory/blob@50000000 &&
	fdtput -t x "$dtb" /reserved-memory/blob@50000000 reg 0 0x50000000 0 0x100000 &&
	fdtput -t u "$dtb" /chosen '#address-cells' 2 &&
	fdtput -t u "$dtb" /chosen '#size-cells' 2 &&
	fdtput -c "$dtb" /chosen/module@60000000 &&
	fdtput -t s "$dtb" /chosen/module@60000000 compatible multiboot,ramdisk multiboot,module &&
	fdtput -t x "$dtb" /chosen/module@60000000 reg 0 0x60000000 0 0x200000
}
EXPECT=(
	"Memory map:"
	"reserved +0x0000000050000000 - 0x0000000050100000"
	"module +0x0000000060000000 - 0x0000000060200000 .*ramdisk"
	"free +0x[0-9a-f]+ - 0x0000000050000000"
	"free +0x0000000050100000 - 0x0000000060000000"
	"free +0x0000000060200000 - 0x0000000080000000"
	"Boot complete: 1 of 1 CPUs online\."
)
REJECT=("Panic" "unexpected exception")
