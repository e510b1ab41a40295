# SPDX-License-Identifier: GPL-2.0-only
# Two domains pinned to one pCPU use FP/SIMD with different patterns and yield
# to each other: the lazily switched registers must never leak or get lost.
SMP=2
QEMU_EXTRA=($(guest_module 0 fpsimd) $(guest_module 1 fpsimd))
DT_EDIT() {
	dom0less_add "$1" 0 fpsimd 1 32768 "seed=4096 seconds=3" 256 0 1 &&
	dom0less_add "$1" 1 fpsimd 1 32768 "seed=1048576 seconds=3" 256 0 1
}
EXPECT=(
	"Domains started from the device tree: 2"
	"All domains destroyed"
)
REJECT=("GUEST fpsimd: FAIL" "Panic" "unexpected exception")
TIMEOUT=90
CHECK() {
	[ "$(grep -cE 'GUEST fpsimd: PASS' "$1")" -eq 2 ] || { echo "not both passed"; return 1; }
}
