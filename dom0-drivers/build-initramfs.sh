#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Builds what dom0 boots from (`make dom0`), out of the Debian arm64 kernel and
# busybox-static packages cached by tools/setup/install-deps.sh and the
# toolstack cross-built by build-tools.sh:
#
#   OUT/Image               the kernel (uncompressed arm64 Image)
#   OUT/initramfs.cpio.gz   two concatenated newc archives: first, uncompressed,
#                           the toolstack (xenstored, consoled, ctl, xenstore);
#                           then, gzip -9, busybox, the modules of modules.list
#                           and all they depend on, /init, the hotplug scripts
#                           (scripts/, in /etc/ctl/scripts), the dom0,
#                           toolstack and paravirtual-device checks and
#                           benchmarks, and xentest
#   OUT/guest-initramfs.cpio.gz  the example guest's initramfs (guest/)
#   OUT/disk.img            an ext4 image for the dom0 disk check, and in its
#                           images/ the example guest (the same Image,
#                           guest-initramfs.cpio.gz, guest.cfg, tiny.bin), which
#                           dom0 sees as /var/lib/ctl/images
#
# Usage: build-initramfs.sh [OUT]   (default build/dom0)
# TOOLS_OUT (default build/arm64) is where build-tools.sh builds the toolstack;
# TOOLS_PREBUILT=1 (make dom0, after make tools-arm64) skips running it.
#
# Nothing is rebuilt while the inputs (this directory, the packages, the
# compiler, the toolstack's binaries) are unchanged: their fingerprint is kept
# in OUT/.inputs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$here/.." && pwd)
OUT=${1:-$TOP/build/dom0}
CACHE_DIR=${CACHE_DIR:-$TOP/.cache}
DEB_DIR=$CACHE_DIR/debs
CROSS=${CROSS:-aarch64-linux-gnu-}
TOOLS_OUT=${TOOLS_OUT:-$TOP/build/arm64}
TOOLS=(xenstored:usr/sbin consoled:usr/sbin ctl:usr/bin xenstore:usr/bin)   # NAME:where in dom0
XS_LINKS=(xenstore-read xenstore-write xenstore-rm xenstore-list xenstore-ls xenstore-chmod xenstore-exists)   # to xenstore
IMAGES=var/lib/ctl/images   # the example guest's files in dom0: a link to
IMAGES_LINK=disk/images     # the test disk's images/, which /init mounts on var/lib/ctl/disk
EPOCH=${SOURCE_DATE_EPOCH:-0}   # every file's mtime, for repeatable images
DISK_SIZE=64M   # hello.txt and images/ (the 32 MB Image)
DISK_UUID=0d0d0d0d-0000-4000-8000-000000000001

die() {
	echo "dom0: error: $*" >&2
	exit 1
}
log() { echo "dom0: $*"; }
# shellcheck source-path=SCRIPTDIR source=initramfs-lib.sh
. "$here/initramfs-lib.sh"

# cached_deb PKG: the cached .deb that install-deps.sh recorded for PKG.
cached_deb() {
	local name f
	name=$(cat "$DEB_DIR/.$1.name" 2>/dev/null) || return 1
	f=$(compgen -G "$DEB_DIR/${name}_*_arm64.deb" | head -n1) || return 1
	[ -n "$f" ] && echo "$f"
}

for tool in dpkg-deb depmod modprobe cpio gzip mkfs.ext4 file sha256sum "${CROSS}gcc" "${CROSS}objcopy"; do
	command -v "$tool" >/dev/null || die "$tool not found: run 'make deps'"
done
if ! cached_deb linux-image-arm64 >/dev/null || ! cached_deb busybox-static >/dev/null; then
	log "arm64 packages not cached yet: running install-deps.sh --arm64-only"
	"$TOP/tools/setup/install-deps.sh" --arm64-only
fi
KDEB=$(cached_deb linux-image-arm64) || die "no cached kernel package in $DEB_DIR"
BDEB=$(cached_deb busybox-static) || die "no cached busybox-static package in $DEB_DIR"
KNAME=$(cat "$DEB_DIR/.linux-image-arm64.name")
KVER=${KNAME#linux-image-}

# ---- the toolstack (its own Makefiles decide what is out of date) ----
[ "${TOOLS_PREBUILT:-}" = 1 ] || "$here/build-tools.sh" "$TOOLS_OUT"
tool_bins=()
for t in "${TOOLS[@]}"; do
	tool_bins+=("$TOOLS_OUT/bin/${t%%:*}")
	[ -f "${tool_bins[-1]}" ] || die "${tool_bins[-1]} missing: run dom0-drivers/build-tools.sh"
done

# ---- up to date? ----
fingerprint=$(
	cd "$here"
	find . -type f ! -name '*~' | LC_ALL=C sort | xargs sha256sum
	sha256sum ../xen/include/public/*.h     # xentest speaks the guest ABI
	sha256sum "${tool_bins[@]}"
	stat -c '%n %s %Y' "$KDEB" "$BDEB"
	"${CROSS}gcc" --version | head -n1
	echo "epoch $EPOCH"
)
fingerprint=$(sha256sum <<<"$fingerprint" | cut -d' ' -f1)
if [ -f "$OUT/.inputs" ] && [ "$(cat "$OUT/.inputs")" = "$fingerprint" ] &&
	[ -f "$OUT/Image" ] && [ -f "$OUT/initramfs.cpio.gz" ] && [ -f "$OUT/disk.img" ] &&
	[ -f "$OUT/guest-initramfs.cpio.gz" ]; then
	log "up to date ($OUT)"
	exit 0
fi
rm -f "$OUT/.inputs"
mkdir -p "$OUT"

# ---- the kernel package, extracted once, with a modules.dep of its own ----
KX=$CACHE_DIR/dom0/${KDEB##*/}
KX=${KX%.deb}
if [ ! -f "$KX/.done" ]; then
	log "extracting ${KDEB##*/}"
	rm -rf "$CACHE_DIR/dom0"
	mkdir -p "$KX"
	dpkg-deb -x "$KDEB" "$KX"
	depmod -b "$KX" "$KVER"
	touch "$KX/.done"
fi
MODDIR=lib/modules/$KVER

# ---- Image ----
kimg=$KX/boot/vmlinuz-$KVER
case $(file -b "$kimg") in
*"ARM64 boot executable Image"*) cp "$kimg" "$OUT/Image" ;;
gzip*) zcat "$kimg" >"$OUT/Image" ;;
*) die "$kimg: not an arm64 Image: $(file -b "$kimg")" ;;
esac
file -b "$OUT/Image" | grep -q "ARM64 boot executable Image" || die "$OUT/Image is not an arm64 Image"

# ---- the initramfs tree ----
ROOT=$OUT/root
rm -rf "$ROOT"
mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,dev,proc,sys,run,tmp,root,mnt/disk,etc/dom0/disk,"$MODDIR"} \
	"$ROOT"/{run/ctl,run/xenstored,var/log/ctl,var/lib/ctl/disk,etc/ctl/scripts}
ln -s "$IMAGES_LINK" "$ROOT/$IMAGES"
chmod 1777 "$ROOT/tmp"
chmod 0700 "$ROOT/root"

dpkg-deb --fsys-tarfile "$BDEB" | tar -xO ./bin/busybox >"$ROOT/bin/busybox"
chmod 0755 "$ROOT/bin/busybox"
ln -s busybox "$ROOT/bin/sh"   # the rest of the applet links: `busybox --install -s` in /init

install -m 0755 "$here/init" "$ROOT/init"
install -m 0755 "$here/checks/dom0-checks.sh" "$ROOT/usr/bin/dom0-checks"
install -m 0755 "$here/checks/toolstack-checks.sh" "$ROOT/usr/bin/toolstack-checks"
install -m 0755 "$here/checks/toolstack-bench.sh" "$ROOT/usr/bin/toolstack-bench"
install -m 0755 "$here/checks/pv-checks.sh" "$ROOT/usr/bin/pv-checks"
install -m 0755 "$here/checks/pv-bench.sh" "$ROOT/usr/bin/pv-bench"
# libctl's hotplug scripts and the paravirtual-device tests' scripts, dom0's
# and the guest's (busybox sh): a syntax error would only show when a guest's
# disk or vif is attached or a test runs, so check them here.
checked_scripts=("$here"/scripts/* "$here"/checks/pv-{checks,bench}.sh
	"$here"/guest/{guest-test.sh,udhcpc.script})
for f in "${checked_scripts[@]}"; do
	err=$(sh -n "$f" 2>&1) || die "${f#"$TOP"/}: $err"
done
if command -v shellcheck >/dev/null; then
	err=$(shellcheck -S warning "${checked_scripts[@]}" 2>&1) || die "shellcheck: $err"
fi
install -m 0755 "$here"/scripts/* "$ROOT/etc/ctl/scripts/"
install -m 0644 "$here/modules.list" "$ROOT/etc/dom0/modules.list"
install -m 0644 "$here/disk/hello.txt" "$ROOT/etc/dom0/disk/hello.txt"
printf 'root:x:0:0:root:/root:/bin/sh\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\n' >"$ROOT/etc/group"
cat >"$ROOT/etc/profile" <<'EOF'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root
PS1='dom0:\w# '
cd "$HOME"
EOF

"${CROSS}gcc" -static -O2 -Wall -Wextra -Werror -s -I"$here/../xen/include" -o "$OUT/xentest" \
	"$here/checks/xentest.c" "$here/checks/xentest_domctl.c" "$here/checks/xentest_boot.c"
install -m 0755 "$OUT/xentest" "$ROOT/usr/bin/xentest"

# ---- the uncompressed archive: the toolstack ----
# The toolstack's binaries go into an uncompressed archive of their own ahead
# of the gzip one: the kernel copies them in about 3 ms, where inflating them
# would cost 35 ms of dom0's boot (guest instructions, QEMU -icount).
IROOT=$OUT/tools-root
rm -rf "$IROOT"
mkdir -p "$IROOT/usr/bin" "$IROOT/usr/sbin"
for t in "${TOOLS[@]}"; do
	install -m 0755 "$TOOLS_OUT/bin/${t%%:*}" "$IROOT/${t#*:}/${t%%:*}"
done
for t in "${XS_LINKS[@]}"; do
	ln -s xenstore "$IROOT/usr/bin/$t"
done

# ---- the example guest (on the test disk, see below) ----
"$here/guest/build-guest-initramfs.sh" "$OUT/guest-initramfs.cpio.gz" "$KX" "$KVER" "$BDEB"
# tiny.bin: a 64-byte Image header and PSCI SYSTEM_OFF, for the toolstack
# checks' create/destroy cycles.
"${CROSS}gcc" -nostdlib -c -o "$OUT/tiny.o" "$here/guest/tiny.S"
"${CROSS}objcopy" -O binary "$OUT/tiny.o" "$OUT/tiny.bin"

# ---- modules: the list's closure (modules.dep and softdeps) ----
nmods=$(module_closure "$ROOT" "$KX" "$KVER" "$here/modules.list")

# ---- the archive: newc, every entry root-owned, plus a /dev/console node ----
find "$ROOT" "$IROOT" -exec touch -h -d "@$EPOCH" {} +
# The uncompressed archive comes first: cpio pads it to 512 bytes, so the gzip
# one starts 4-byte aligned, as the kernel's unpacker needs (an uncompressed
# archive after a gzip stream of odd length is rejected).
(cd "$IROOT" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
	cpio --quiet -o -H newc -R 0:0 --reproducible) >"$OUT/initramfs.cpio.gz.tmp"
raw_size=$(stat -c %s "$OUT/initramfs.cpio.gz.tmp")
[ $((raw_size % 4)) -eq 0 ] ||
	die "the toolstack's archive is not a multiple of 4 bytes long"
{
	(cd "$ROOT" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort |
		cpio --quiet -o -H newc -R 0:0 --reproducible)
	newc_entry dev/console $((0020600)) 5 1
	newc_entry 'TRAILER!!!' 0 0 0
} | gzip -9 -n >>"$OUT/initramfs.cpio.gz.tmp"
mv "$OUT/initramfs.cpio.gz.tmp" "$OUT/initramfs.cpio.gz"
rm -rf "$IROOT"

# ---- disk.img: hello.txt and its checksum; the example guest in images/ ----
# The guest's files are on the disk, not in the initramfs: the 32 MB Image
# there made dom0 reach /init 450 ms later (wall clock: the hypervisor moves
# the initramfs, the kernel copies it out), on the disk it costs nothing
# until a guest is created (dom0-drivers/README.md).
DROOT=$OUT/disk-root
rm -rf "$DROOT"
mkdir -p "$DROOT/images"
install -m 0644 "$here/disk/hello.txt" "$DROOT/hello.txt"
(cd "$DROOT" && sha256sum hello.txt >SHA256SUMS)
install -m 0644 "$OUT/Image" "$OUT/guest-initramfs.cpio.gz" "$OUT/tiny.bin" \
	"$here/guest/guest.cfg" "$DROOT/images/"
find "$DROOT" -exec touch -h -d "@$EPOCH" {} +
rm -f "$OUT/disk.img"
truncate -s "$DISK_SIZE" "$OUT/disk.img"
mkfs.ext4 -q -F -L dom0disk -U "$DISK_UUID" \
	-E root_owner=0:0,hash_seed=$DISK_UUID -d "$DROOT" "$OUT/disk.img"
rm -rf "$DROOT/images"   # a second copy of the Image is not worth keeping

echo "$fingerprint" >"$OUT/.inputs"
log "kernel $KVER: $OUT/Image"
log "initramfs: $OUT/initramfs.cpio.gz ($(du -k "$OUT/initramfs.cpio.gz" | cut -f1) KiB, $nmods modules; $((raw_size / 1024)) KiB of it the toolstack, uncompressed)"
log "disk: $OUT/disk.img (the example guest in images/)"
