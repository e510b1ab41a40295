#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# `make run`: boots the hypervisor on the reference machine with dom0 (the
# Debian kernel and the dom0-drivers initramfs, its virtio disk and NIC) and
# the serial console on this terminal: dom0's shell on hvc0. Ctrl-A goes to
# the hypervisor (three of them switch its input between dom0 and the debug
# keys), so QEMU's escape is Ctrl-]: quit QEMU with Ctrl-] X, Ctrl-] C for
# its monitor.
#   run.sh IMAGE DOM0_DIR [SMP] [MEM] [XEN_BOOTARGS] [DOM0_BOOTARGS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$here/machine.sh"
. "$here/dom0.sh"
. "$top/dom0-drivers/qemu-devices.sh"

usage="usage: run.sh IMAGE DOM0_DIR [SMP] [MEM] [XEN_BOOTARGS] [DOM0_BOOTARGS]"
image=${1:?$usage}
dom0=${2:?$usage}
smp=${3:-4}
mem=${4:-2G}
bootargs=${5:-dom0_mem=512M}
dom0args=${6:-console=hvc0}
[ -f "$image" ] || { echo "run.sh: no hypervisor image at $image (run make)" >&2; exit 1; }
for f in Image initramfs.cpio.gz disk.img; do
	[ -f "$dom0/$f" ] || { echo "run.sh: no $dom0/$f (run make dom0)" >&2; exit 1; }
done

dtb=$(mktemp --suffix=.dtb)
trap 'rm -f "$dtb"' EXIT
dom0_machine "$dtb" "$smp" "$mem" "$bootargs" "$dom0" "$dom0args" >"$dtb.args"
mapfile -t args <"$dtb.args"
rm -f "$dtb.args"
echo "run.sh: booting $image with dom0 on $QEMU_MACHINE, $smp CPUs, $mem; quit with Ctrl-] X"
"$QEMU" "${args[@]}" -chardev stdio,id=con,mux=on,signal=off \
	-serial chardev:con -mon chardev=con -echr 0x1d -kernel "$image"
