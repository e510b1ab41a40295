# SPDX-License-Identifier: GPL-2.0-only
# Eight domains at once on four pCPUs; one is paused, taken through its
# save records (state saved, wiped, restored) and unpaused, and goes on; all
# shut down, are destroyed, and every page and heap byte they used comes back.
SMP=4
BOOTARGS="debug_pause=3"
QEMU_EXTRA=()
for i in 0 1 2 3 4 5 6 7; do QEMU_EXTRA+=($(guest_module $i lifecycle)); done
DT_EDIT() {
	for i in 0 1 2 3 4 5 6 7; do
		dom0less_add "$1" $i lifecycle 1 16384 "seconds=4" || return 1
	done
}
EXPECT=(
	"Domains started from the device tree: 8"
	"d3: paused \(debug_pause\)"
	"d3v0: state saved, wiped and restored from its records: identical \(0\)"
	"d3: unpaused \(debug_pause\)"
	"\(d3\) GUEST lifecycle: PASS"
	"All domains destroyed"
)
REJECT=("GUEST lifecycle: FAIL" "Panic" "unexpected exception" "not started" "MISMATCH")
TIMEOUT=150
CHECK() {
	local n line
	n=$(grep -cE '\(d[1-8]\) GUEST lifecycle: PASS' "$1")
	[ "$n" -eq 8 ] || { echo "$n of 8 domains passed"; return 1; }
	n=$(grep -cE 'd[1-8]: destroyed' "$1")
	[ "$n" -eq 8 ] || { echo "$n of 8 domains destroyed"; return 1; }
	line=$(grep -E 'All domains destroyed' "$1")
	[[ "$line" =~ ([0-9]+)\ pages\ free\ or\ in\ the\ heap.s\ slabs\ \(([0-9]+)\ before.*\ ([0-9]+)\ bytes.*\(([0-9]+)\ before ]] ||
		{ echo "no totals in: $line"; return 1; }
	[ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ] ||
		{ echo "pages leaked: ${BASH_REMATCH[1]} free vs ${BASH_REMATCH[2]} before"; return 1; }
	[ "${BASH_REMATCH[3]}" = "${BASH_REMATCH[4]}" ] ||
		{ echo "heap leaked: ${BASH_REMATCH[3]} vs ${BASH_REMATCH[4]} bytes"; return 1; }
}
