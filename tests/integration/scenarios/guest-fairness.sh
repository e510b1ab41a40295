# SPDX-License-Identifier: GPL-2.0-only
# Proportional share: two spinning domains of weight 256 and 512 pinned to
# pCPU 0 get CPU in a 1:2 ratio (within 10%); a domain capped at 25% of a
# pCPU, alone on pCPU 1, uses no more than that (within 10%).
SMP=4
QEMU_EXTRA=($(guest_module 0 fairness) $(guest_module 1 fairness) $(guest_module 2 fairness))
DT_EDIT() {
	dom0less_add "$1" 0 fairness 1 32768 "seconds=6" 256 0 1 &&
	dom0less_add "$1" 1 fairness 1 32768 "seconds=6" 512 0 1 &&
	dom0less_add "$1" 2 fairness 1 32768 "seconds=6" 256 25 2
}
EXPECT=(
	"Domains started from the device tree: 3"
	"All domains destroyed"
)
REJECT=("GUEST fairness: FAIL" "Panic" "unexpected exception")
TIMEOUT=120
CHECK() {
	local a b cap d1 d2 d3
	d1=$(domid_of "$1" domU1) d2=$(domid_of "$1" domU2) d3=$(domid_of "$1" domU3)
	[ "$(grep -cE 'GUEST fairness: PASS' "$1")" -eq 3 ] || { echo "not all 3 passed"; return 1; }
	a=$(bench_value "$1" "$d1" fairness iterations)
	b=$(bench_value "$1" "$d2" fairness iterations)
	cap=$(shutdown_permille "$1" "$d3")
	[ -n "$a" ] && [ -n "$b" ] && [ -n "$cap" ] || { echo "missing figures"; return 1; }
	# b / a must be within 10% of 2: 1.8 <= b/a <= 2.2
	if [ $((b * 10)) -lt $((a * 18)) ] || [ $((b * 10)) -gt $((a * 22)) ]; then
		echo "weight 512 vs 256 got $b vs $a iterations (ratio not within 10% of 2)"
		return 1
	fi
	if [ "$cap" -gt 275 ]; then
		echo "domain capped at 25% used $cap permille of a pCPU"
		return 1
	fi
	echo "ratio $b/$a, capped domain $cap permille"
}
