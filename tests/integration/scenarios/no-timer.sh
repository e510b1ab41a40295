# SPDX-License-Identifier: GPL-2.0-only
# A device tree without the architected timer ends in a clear panic.
SMP=1
DT_EDIT() { fdtput -r "$1" /timer; }
EXPECT=(
	"Panic on CPU 0"
	"device tree: no timer"
)
REJECT=("Boot complete" "unexpected exception")
TIMEOUT=30
