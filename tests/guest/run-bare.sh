#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Self-test of the guest runtime without the hypervisor: builds the guests,
# boots each on plain QEMU at EL1 (QEMU's own PSCI over HVC, GICv3 and PL011,
# its own DT) with a hard timeout and checks that it prints exactly one
# "GUEST <name>: PASS|FAIL" line, that it is PASS and that the guest then
# powered QEMU off. One PASS/FAIL line per run, then "bare: N passed, N failed".
#
#   run-bare.sh [-o OUTDIR] [-t gcc|clang] [-n] [GUEST ...]   (default: every run below)
#     -o  build and log directory (default build/guest)
#     -t  toolchain for the build (default gcc)
#     -n  do not build first
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$top/build/guest
toolchain=gcc
build=1
QEMU=${QEMU:-qemu-system-aarch64}
TIMEOUT=${TIMEOUT:-60}
SMP=4
MEM_MB=512
RAM_BASE=$((0x40000000))
RAM_END=$((RAM_BASE + MEM_MB * 1024 * 1024))

while getopts "o:t:n" opt; do
	case $opt in
	o) out=$OPTARG ;;
	t) toolchain=$OPTARG ;;
	n) build=0 ;;
	*) echo "usage: run-bare.sh [-o OUTDIR] [-t gcc|clang] [-n] [GUEST ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))

# "name|bootargs", one QEMU run each. On bare QEMU the flash at 0 and the PCIe
# window at 1 << 39 are readable, so isolation gets probes that are holes here:
# the end of RAM, a gap below 4 GiB and 1 TiB (above virt's high MMIO).
RUNS=(
	"hello|"
	"smp|"
	"smp|cpu_off=1"
	"timer|"
	"sgi|"
	"isolation|probe=$(printf '0x%x' "$RAM_END"),0xa0000000,0x10000000000"
	"fairness|seconds=1"
	"lifecycle|seconds=2"
	"bench|"
)

if [ "$build" -eq 1 ]; then
	make --no-print-directory -C "$here" O="$out" TOOLCHAIN="$toolchain" >/dev/null || exit 2
fi
mkdir -p "$out"

# wanted NAME: true if NAME was asked for (or nothing was).
wanted() {
	local g
	[ $# -eq 1 ] && return 0
	for g in "${@:2}"; do [ "$g" = "$1" ] && return 0; done
	return 1
}

# run_one NAME BOOTARGS: prints PASS/FAIL; returns 0 on PASS.
run_one() {
	local name=$1 args=$2 label log rc results
	label=$name${args:+ ($args)}
	log=$out/bare-$name${args:+-$(printf '%s' "$args" | tr -c 'a-zA-Z0-9=' '_')}.log
	if [ ! -f "$out/$name.bin" ]; then
		echo "FAIL $label: no $out/$name.bin"
		return 1
	fi
	timeout "$TIMEOUT" "$QEMU" -M virt,gic-version=3 -cpu max -smp "$SMP" -m "${MEM_MB}M" \
		-nographic -kernel "$out/$name.bin" -append "$args" </dev/null >"$log" 2>&1
	rc=$?
	results=$(tr -d '\r' <"$log" | grep -E "^GUEST $name: (PASS|FAIL)")
	if [ "$(grep -c . <<<"$results")" -ne 1 ]; then
		echo "FAIL $label: $(grep -c . <<<"$results") result lines (log: $log)"
	elif [ "$results" != "GUEST $name: PASS" ]; then
		echo "FAIL $label: ${results#GUEST $name: } (log: $log)"
	elif [ "$rc" -ne 0 ]; then
		echo "FAIL $label: QEMU did not power off (exit $rc; log: $log)"
	else
		echo "PASS $label"
		return 0
	fi
	return 1
}

passed=0
failed=0
for run in "${RUNS[@]}"; do
	name=${run%%|*}
	wanted "$name" "$@" || continue
	if run_one "$name" "${run#*|}"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "bare: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
