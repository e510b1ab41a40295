#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Cross-builds dom0's toolstack as static arm64 binaries, against the arm64
# sysroot of tools/setup/arm64-sysroot.sh (libfdt, libyajl):
#
#   OUT/libctl/libctl.a     tools/libctl
#   OUT/xenstored/          tools/xenstored
#   OUT/consoled/           tools/consoled
#   OUT/cli/                tools/cli
#   OUT/xsclient/           tools/xsclient
#   OUT/bin/{xenstored,consoled,ctl,xenstore}   the programs, stripped: what
#                           build-initramfs.sh puts into dom0's initramfs
#                           (xenstore as xenstore-read, -write, -rm, -list, -ls, -chmod, -exists)
#
# Usage: build-tools.sh [OUT]   (default build/arm64)
# Each component's own Makefile decides what is out of date; a component
# whose directory is missing is an error.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$here/.." && pwd)
OUT=${1:-$TOP/build/arm64}
CROSS=${CROSS:-aarch64-linux-gnu-}
SYSROOT=${ARM64_SYSROOT:-$TOP/build/arm64-sysroot}
JOBS=${JOBS:-$(nproc)}

die() {
	echo "build-tools: error: $*" >&2
	exit 1
}

# component NAME: make in tools/NAME for arm64, output in OUT/NAME.
component() {
	local name=$1 dir=$TOP/tools/$1
	[ -d "$dir" ] || die "tools/$name does not exist: dom0's toolstack needs it"
	[ -f "$dir/Makefile" ] || die "tools/$name has no Makefile"
	make --no-print-directory -s -j"$JOBS" -C "$dir" \
		CC="${CROSS}gcc" AR="${CROSS}ar" O="$OUT/$name" LIBCTL="$OUT/libctl/libctl.a" \
		EXTRA_CFLAGS="-I$SYSROOT/usr/include" \
		EXTRA_LDFLAGS="-L$SYSROOT/usr/lib/aarch64-linux-gnu -static" ||
		die "cross build of tools/$name failed"
}

# install_bin NAME FILE: OUT/bin/NAME, stripped, when FILE is a static arm64 program.
install_bin() {
	local name=$1 f=$2 desc
	[ -f "$f" ] || die "tools build made no $f"
	desc=$(file -b "$f")
	case $desc in
	*"ARM aarch64"*) ;;
	*) die "$f is not an arm64 program: $desc" ;;
	esac
	case $desc in
	*"statically linked"* | *"static-pie linked"*) ;;
	*) die "$f is not statically linked: $desc" ;;
	esac
	"${CROSS}strip" -o "$OUT/bin/$name.tmp" "$f"
	if cmp -s "$OUT/bin/$name.tmp" "$OUT/bin/$name"; then
		rm -f "$OUT/bin/$name.tmp"   # unchanged: keep its time stamp
	else
		mv "$OUT/bin/$name.tmp" "$OUT/bin/$name"
	fi
}

main() {
	local t
	for t in "${CROSS}gcc" "${CROSS}ar" "${CROSS}strip" make file; do
		command -v "$t" >/dev/null || die "$t not found: run 'make deps'"
	done
	"$TOP/tools/setup/arm64-sysroot.sh" "$SYSROOT"
	mkdir -p "$OUT/bin"
	component libctl
	[ -f "$OUT/libctl/libctl.a" ] || die "tools/libctl made no $OUT/libctl/libctl.a"
	component xenstored
	component consoled
	component cli
	component xsclient
	install_bin xenstored "$OUT/xenstored/xenstored"
	install_bin consoled "$OUT/consoled/consoled"
	install_bin ctl "$OUT/cli/ctl"
	install_bin xenstore "$OUT/xsclient/xenstore"
}

main "$@"
