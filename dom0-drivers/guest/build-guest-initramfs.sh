#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The example guest's initramfs: busybox-static with busybox init (this
# directory's inittab, rcS and rcK) and the modules of modules.list with what
# they depend on. dom0's build-initramfs.sh calls it and puts the result under
# /var/lib/ctl/images/ in dom0.
#
# Usage: build-guest-initramfs.sh OUT KERNEL_TREE KVER BUSYBOX_DEB
#   OUT           the archive to write (newc cpio, gzip -9, root-owned entries)
#   KERNEL_TREE   the extracted kernel package, with its modules.dep (depmod -b)
#   KVER          the kernel's version (lib/modules/KVER)
#   BUSYBOX_DEB   the busybox-static arm64 package
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
EPOCH=${SOURCE_DATE_EPOCH:-0}

die() {
	echo "guest-initramfs: error: $*" >&2
	exit 1
}

# newc_entry NAME MODE RDEVMAJOR RDEVMINOR: one empty newc entry (a device node
# or the trailer), made without root or fakeroot.
newc_entry() {
	local name=$1 mode=$2 maj=$3 min=$4 namesize hdr pad
	namesize=$((${#name} + 1))
	hdr=$(printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		0 "$mode" 0 0 1 "$EPOCH" 0 0 0 "$maj" "$min" "$namesize" 0)
	pad=$(((4 - (110 + namesize) % 4) % 4))
	printf '%s%s\0' "$hdr" "$name"
	head -c "$pad" /dev/zero
}

# tree ROOT BUSYBOX_DEB: busybox, init's files, /etc.
tree() {
	local root=$1 bdeb=$2 a
	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,run,tmp,root,etc/init.d,etc/guest}
	chmod 1777 "$root/tmp"
	chmod 0700 "$root/root"
	dpkg-deb --fsys-tarfile "$bdeb" | tar -xO ./bin/busybox >"$root/bin/busybox" ||
		die "no ./bin/busybox in $bdeb"
	chmod 0755 "$root/bin/busybox"
	# What must work before rcS runs `busybox --install -s`: the kernel's
	# /init, init's shell, and the power commands (orderly_poweroff runs
	# /sbin/poweroff).
	ln -s bin/busybox "$root/init"
	ln -s busybox "$root/bin/sh"
	for a in init poweroff reboot halt; do
		ln -s ../bin/busybox "$root/sbin/$a"
	done
	install -m 0644 "$here/inittab" "$root/etc/inittab"
	install -m 0755 "$here/rcS" "$root/etc/init.d/rcS"
	install -m 0755 "$here/rcK" "$root/etc/init.d/rcK"
	install -m 0644 "$here/modules.list" "$root/etc/guest/modules.list"
	printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
	printf 'root:x:0:\n' >"$root/etc/group"
	cat >"$root/etc/profile" <<'EOF'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root
PS1='guest:\w# '
cd "$HOME"
EOF
}

# modules ROOT KX KVER: the list's modules and their closure, with a modules.dep.
modules() {
	local root=$1 kx=$2 kver=$3 noconf mod deps kind path _ rel
	local -A files=()
	noconf=$(mktemp -d)
	mkdir -p "$root/lib/modules/$kver"
	while read -r mod _; do
		case $mod in '' | '#'*) continue ;; esac
		deps=$(modprobe -C "$noconf" -d "$kx" -S "$kver" --show-depends --ignore-install "$mod" 2>&1) ||
			die "module $mod: $deps"
		while read -r kind path _; do
			case $kind in
			insmod) files[${path#"$kx"/}]=1 ;;
			builtin) ;;
			*) die "module $mod: unexpected modprobe output: $kind $path" ;;
			esac
		done <<<"$deps"
	done <"$here/modules.list"
	for rel in "${!files[@]}"; do
		install -D -m 0644 "$kx/$rel" "$root/$rel"
	done
	cp "$kx/lib/modules/$kver"/modules.{order,builtin,builtin.modinfo} "$root/lib/modules/$kver/"
	depmod -C "$noconf" -b "$root" "$kver"
	rm -rf "$noconf"
	echo "${#files[@]}"
}

main() {
	local out=${1:-} kx=${2:-} kver=${3:-} bdeb=${4:-} root nmods
	[ $# -eq 4 ] || die "usage: build-guest-initramfs.sh OUT KERNEL_TREE KVER BUSYBOX_DEB"
	[ -f "$kx/lib/modules/$kver/modules.dep" ] || die "no modules.dep in $kx/lib/modules/$kver"
	[ -f "$bdeb" ] || die "no busybox package at $bdeb"
	root=$out.root
	rm -rf "$root"
	tree "$root" "$bdeb"
	nmods=$(modules "$root" "$kx" "$kver")
	find "$root" -exec touch -h -d "@$EPOCH" {} +
	{
		(cd "$root" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
			cpio --quiet -o -H newc -R 0:0 --reproducible)
		newc_entry dev/console $((0020600)) 5 1
		newc_entry 'TRAILER!!!' 0 0 0
	} | gzip -9 -n >"$out.tmp"
	mv "$out.tmp" "$out"
	rm -rf "$root"
	echo "guest-initramfs: $out ($(du -k "$out" | cut -f1) KiB, $nmods modules)"
}

main "$@"
