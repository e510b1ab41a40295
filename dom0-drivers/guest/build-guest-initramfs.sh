#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The example guest's initramfs: busybox-static with busybox init (this
# directory's inittab, rcS and rcK), the modules of modules.list with what
# they depend on, and the paravirtual-device tests' guest side (guest-test.sh,
# udhcpc.script). dom0's build-initramfs.sh calls it and puts the result under
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

# shellcheck source-path=SCRIPTDIR source=../initramfs-lib.sh
. "$here/../initramfs-lib.sh"

# tree ROOT BUSYBOX_DEB: busybox, init's files, /etc.
tree() {
	local root=$1 bdeb=$2 a
	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,run,tmp,root,etc/init.d,etc/guest,etc/udhcpc}
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
	# The paravirtual-device tests' side (rcS runs it for guesttest=NAME)
	# and the DHCP client's script they use.
	install -m 0755 "$here/guest-test.sh" "$root/usr/bin/guest-test"
	install -m 0755 "$here/udhcpc.script" "$root/etc/udhcpc/default.script"
	printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
	printf 'root:x:0:\n' >"$root/etc/group"
	cat >"$root/etc/profile" <<'EOF'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root
PS1='guest:\w# '
cd "$HOME"
EOF
}

main() {
	local out=${1:-} kx=${2:-} kver=${3:-} bdeb=${4:-} root nmods
	[ $# -eq 4 ] || die "usage: build-guest-initramfs.sh OUT KERNEL_TREE KVER BUSYBOX_DEB"
	[ -f "$kx/lib/modules/$kver/modules.dep" ] || die "no modules.dep in $kx/lib/modules/$kver"
	[ -f "$bdeb" ] || die "no busybox package at $bdeb"
	root=$out.root
	rm -rf "$root"
	tree "$root" "$bdeb"
	nmods=$(module_closure "$root" "$kx" "$kver" "$here/modules.list")
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
