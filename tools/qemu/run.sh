#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# `make run`: boots the hypervisor on the reference machine with the serial
# console on this terminal. Ctrl-A goes to the hypervisor (three of them
# switch its input between dom0 and the debug keys), so QEMU's escape is
# Ctrl-]: quit QEMU with Ctrl-] X, Ctrl-] C for its monitor.
#   run.sh IMAGE [SMP] [MEM] [XEN_BOOTARGS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/machine.sh"

image=${1:?usage: run.sh IMAGE [SMP] [MEM] [XEN_BOOTARGS]}
smp=${2:-4}
mem=${3:-1G}
bootargs=${4:-}
[ -f "$image" ] || { echo "run.sh: no hypervisor image at $image (run make)" >&2; exit 1; }

dtb_args=()
if [ -n "$bootargs" ]; then
	dtb=$(mktemp --suffix=.dtb)
	trap 'rm -f "$dtb"' EXIT
	qemu_dumpdtb "$smp" "$mem" "$dtb"
	fdtput -t s "$dtb" /chosen xen,xen-bootargs "$bootargs"
	dtb_args=(-dtb "$dtb")
fi
mapfile -t args < <(qemu_args "$smp" "$mem")
echo "run.sh: booting $image on $QEMU_MACHINE, $smp CPUs, $mem; quit with Ctrl-] X"
exec "$QEMU" "${args[@]}" "${dtb_args[@]}" -chardev stdio,id=con,mux=on,signal=off \
	-serial chardev:con -mon chardev=con -echr 0x1d -kernel "$image"
