#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The arm64 sysroot dom0's toolstack links against statically: the headers and
# static libraries of Debian's arm64 libfdt and libyajl packages (cached in
# .cache/debs by install-deps.sh), extracted with dpkg-deb -x. Only these
# packages are in it: the C library comes from the cross compiler's own
# (libc6-dev-arm64-cross), never the host's /usr/include.
#
#   OUT/usr/include                        libfdt.h, fdt.h, yajl/*.h
#   OUT/usr/lib/aarch64-linux-gnu          libfdt.a, libyajl_s.a and libyajl.a
#                                          (a link to libyajl_s.a, so -lyajl
#                                          finds it with -static)
#
# Usage: arm64-sysroot.sh [OUT]   (default build/arm64-sysroot)
# Prints nothing but errors when OUT is already made from the same packages.
set -euo pipefail

TOP=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$TOP/build/arm64-sysroot}
CACHE_DIR=${CACHE_DIR:-$TOP/.cache}
DEB_DIR=$CACHE_DIR/debs
PKGS=(libfdt-dev libfdt1 libyajl-dev libyajl2)
LIBDIR=usr/lib/aarch64-linux-gnu

die() {
	echo "arm64-sysroot: error: $*" >&2
	exit 1
}

# cached_deb PKG: the cached .deb that install-deps.sh recorded for PKG.
cached_deb() {
	local name f
	name=$(cat "$DEB_DIR/.$1.name" 2>/dev/null) || return 1
	f=$(compgen -G "$DEB_DIR/${name}_*_arm64.deb" | head -n1) || return 1
	[ -n "$f" ] && echo "$f"
}

# debs: the cached package files, fetching them first if one is missing.
debs() {
	local p missing=0
	for p in "${PKGS[@]}"; do
		cached_deb "$p" >/dev/null || missing=1
	done
	if [ $missing -eq 1 ]; then
		echo "arm64-sysroot: arm64 packages not cached yet: running install-deps.sh --arm64-only" >&2
		"$TOP/tools/setup/install-deps.sh" --arm64-only >&2
	fi
	for p in "${PKGS[@]}"; do
		cached_deb "$p" || die "no cached $p:arm64 package in $DEB_DIR (run 'make deps')"
	done
}

# check: the files the toolstack's build needs are in OUT.
check() {
	local f
	for f in usr/include/libfdt.h usr/include/fdt.h usr/include/yajl/yajl_gen.h \
		usr/include/yajl/yajl_tree.h "$LIBDIR/libfdt.a" "$LIBDIR/libyajl_s.a" "$LIBDIR/libyajl.a"; do
		[ -e "$OUT/$f" ] || die "$OUT/$f missing after extracting ${PKGS[*]}"
	done
}

main() {
	local files stamp f
	command -v dpkg-deb >/dev/null || die "dpkg-deb not found (Debian's dpkg package)"
	mapfile -t files < <(debs)
	stamp=$(for f in "${files[@]}"; do echo "${f##*/}"; done)
	if [ -f "$OUT/.packages" ] && [ "$(cat "$OUT/.packages")" = "$stamp" ]; then
		check
		return 0
	fi
	rm -rf "$OUT"
	mkdir -p "$OUT"
	for f in "${files[@]}"; do
		dpkg-deb -x "$f" "$OUT"
	done
	ln -sf libyajl_s.a "$OUT/$LIBDIR/libyajl.a"
	check
	echo "$stamp" >"$OUT/.packages"
	echo "arm64-sysroot: $OUT (${PKGS[*]})"
}

main "$@"
