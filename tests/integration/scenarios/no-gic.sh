# SPDX-License-Identifier: GPL-2.0-only
# A device tree without the GIC node ends in a clear panic, not a hang.
SMP=2
DT_EDIT() { fdtput -r "$1" /intc@8000000; }
EXPECT=(
	"Panic on CPU 0"
	"device tree: no GICv3 interrupt controller"
	"Backtrace"
	"xen.elf \+0x[0-9a-f]+"
)
REJECT=("Boot complete" "unexpected exception")
TIMEOUT=30
