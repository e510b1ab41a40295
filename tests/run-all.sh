#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# `make test`: every test stage in turn, each stage's own output kept, then a
# closing "test: N passed, N failed" line over all of them. A build counts as
# one test; the unit and integration stages report their own counts.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
cd "$top" || exit 2
passed=0
failed=0

# stage NAME CMD...: runs CMD, tees its output, adds its "N passed, N failed" (or 1 for the exit code).
stage() {
	local name=$1 out rc counts
	shift
	echo "=== $name"
	out=$(mktemp)
	"$@" 2>&1 | tee "$out"
	rc=${PIPESTATUS[0]}
	counts=$(grep -E '^[a-z]+: [0-9]+ passed, [0-9]+ failed' "$out" | tail -n1)
	rm -f "$out"
	if [ -n "$counts" ]; then
		passed=$((passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$counts")))
		failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$counts")))
		[ "$rc" -eq 0 ] || grep -qE ' [1-9][0-9]* failed' <<<"$counts" || failed=$((failed + 1))
	elif [ "$rc" -eq 0 ]; then
		passed=$((passed + 1))
	else
		echo "FAIL $name (exit $rc)"
		failed=$((failed + 1))
	fi
}

stage "build: hypervisor with gcc (warnings are errors)" make --no-print-directory xen
stage "build: hypervisor with clang (warnings are errors)" make --no-print-directory xen-clang
stage "build: bare-metal test guests" make --no-print-directory guests
stage "build: dom0 kernel, initramfs (toolstack, example guest) and test disk" \
	make --no-print-directory dom0
stage "unit: CUnit suites under ASan and UBSan" make --no-print-directory unit
stage "build: toolstack for the host (warnings are errors)" make --no-print-directory tools
stage "unit: libctl (config parser, domctl wrappers, xenstore client) under ASan and UBSan" \
	make --no-print-directory -C tools/libctl test
stage "unit: xenstored (store and wire protocol) under ASan and UBSan" \
	make --no-print-directory -C tools/xenstored test
stage "unit: consoled (ring, kept output, attach protocol) under ASan and UBSan" \
	make --no-print-directory -C tools/consoled test
stage "unit: ctl (formats, parsers, argument errors) under ASan and UBSan" \
	make --no-print-directory -C tools/cli test
stage "unit: xenstore-* client against a real xenstored" \
	make --no-print-directory -C tools/xsclient test
stage "integration: QEMU scenarios" \
	tests/integration/run.sh -k "$build/xen/xen.bin" -o "$build/integration" -g "$build/guest"

echo "test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
