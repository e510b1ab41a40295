#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Installs everything the build, `make run` and `make test` need on a Debian 12
# machine, idempotently. Packages already present are not touched; arm64
# packages are cached in $CACHE_DIR and not downloaded again.
#
# Usage: install-deps.sh [--arm64-only|--host-only]
set -euo pipefail

TOP=$(cd "$(dirname "$0")/../.." && pwd)
CACHE_DIR=${CACHE_DIR:-$TOP/.cache}
DEB_DIR=$CACHE_DIR/debs
QEMU_MIN_MAJOR=10
BACKPORTS=bookworm-backports

HOST_PKGS=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross
	clang lld llvm make libfdt-dev libyajl-dev libxml2-dev libcunit1-dev
	device-tree-compiler cpio xz-utils zstd file kmod libc6-dev openssh-client
	e2fsprogs util-linux)
# The kernel and busybox for dom0 and the guests; libfdt and libyajl (headers
# and static libraries) for the arm64 sysroot the dom0 toolstack links against
# (arm64-sysroot.sh).
ARM64_PKGS=(linux-image-arm64 busybox-static libfdt-dev libfdt1 libyajl-dev libyajl2)

die() {
	echo "install-deps: error: $*" >&2
	exit 1
}

log() { echo "install-deps: $*"; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_update() {
	[ $apt_updated -eq 1 ] && return 0
	log "apt-get update"
	as_root apt-get update -qq || die "apt-get update failed"
	apt_updated=1
}

pkg_installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# The Debian mirror the machine already uses (no host name lives in this project).
debian_mirror() {
	local uri=""
	if [ -f /etc/apt/sources.list.d/debian.sources ]; then
		uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources)
	fi
	if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
		uri=$(awk '$1=="deb" && $3 ~ /^bookworm(-updates)?$/ {print $2; exit}' \
			/etc/apt/sources.list)
	fi
	[ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list{,.d/debian.sources}"
	echo "$uri"
}

ensure_backports() {
	if grep -rqs "$BACKPORTS" /etc/apt/sources.list /etc/apt/sources.list.d/; then
		return 0
	fi
	local mirror
	mirror=$(debian_mirror)
	log "adding $BACKPORTS from $mirror to apt's sources"
	as_root tee /etc/apt/sources.list.d/$BACKPORTS.sources >/dev/null <<SRC
Types: deb
URIs: $mirror
Suites: $BACKPORTS
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	apt_updated=0
}

qemu_major() {
	command -v qemu-system-aarch64 >/dev/null || { echo 0; return; }
	qemu-system-aarch64 --version | sed -n 's/.*version \([0-9]*\)\..*/\1/p' | head -n1
}

install_host() {
	local missing=() p
	for p in "${HOST_PKGS[@]}"; do
		pkg_installed "$p" || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		apt_update
		log "installing ${missing[*]}"
		DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" \
			>/dev/null || die "could not install: ${missing[*]}"
	fi
	if [ "$(qemu_major)" -lt $QEMU_MIN_MAJOR ]; then
		ensure_backports
		apt_update
		log "installing qemu-system-arm from $BACKPORTS"
		DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq -t $BACKPORTS \
			qemu-system-arm qemu-utils >/dev/null ||
			die "could not install qemu-system-arm (>= $QEMU_MIN_MAJOR) from $BACKPORTS"
	fi
	[ "$(qemu_major)" -ge $QEMU_MIN_MAJOR ] ||
		die "qemu-system-aarch64 $(qemu_major).x found, need >= $QEMU_MIN_MAJOR"
}

ensure_arm64_arch() {
	if ! dpkg --print-foreign-architectures | grep -qx arm64; then
		log "adding the arm64 architecture to dpkg"
		as_root dpkg --add-architecture arm64
		apt_updated=0
	fi
}

# Resolves a metapackage (linux-image-arm64) to the versioned image it depends on.
resolve_arm64() {
	local p=$1 dep
	if [ "$p" = linux-image-arm64 ]; then
		dep=$(apt-cache depends "$p:arm64" 2>/dev/null |
			awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
		[ -n "$dep" ] || die "cannot resolve $p:arm64 to a kernel image package"
		echo "${dep%:arm64}"
	else
		echo "$p"
	fi
}

have_cached() {
	compgen -G "$DEB_DIR/$1_*_arm64.deb" >/dev/null
}

install_arm64() {
	mkdir -p "$DEB_DIR"
	local p real need=0
	for p in "${ARM64_PKGS[@]}"; do
		[ -f "$DEB_DIR/.$p.name" ] && have_cached "$(cat "$DEB_DIR/.$p.name")" && continue
		need=1
	done
	[ $need -eq 1 ] || return 0
	ensure_arm64_arch
	apt_update
	for p in "${ARM64_PKGS[@]}"; do
		real=$(resolve_arm64 "$p")
		if ! have_cached "$real"; then
			log "downloading $real:arm64 into $DEB_DIR"
			(cd "$DEB_DIR" && apt-get download -qq -o APT::Sandbox::User=root "$real:arm64") ||
				die "could not download $real:arm64"
		fi
		echo "$real" >"$DEB_DIR/.$p.name"
	done
}

main() {
	case "${1:-all}" in
	--host-only) install_host ;;
	--arm64-only) install_arm64 ;;
	all) install_host && install_arm64 ;;
	*) die "usage: $0 [--host-only|--arm64-only]" ;;
	esac
}

main "$@"
