# SPDX-License-Identifier: GPL-2.0-only
# The reference machine, shared by `make run`, the integration tests and the
# unit tests' DTB dumps. Source this file; it defines no side effects.

QEMU=${QEMU:-qemu-system-aarch64}
QEMU_MACHINE="virt,virtualization=on,gic-version=3,iommu=smmuv3"
QEMU_GLOBALS=(-global arm-smmuv3.stage=2)
QEMU_CPU=max

# qemu_args SMP MEM [DTB]: the common arguments (no -kernel, no serial set-up).
qemu_args() {
	local smp=$1 mem=$2 dtb=${3:-}
	printf '%s\n' -M "$QEMU_MACHINE" "${QEMU_GLOBALS[@]}" -cpu "$QEMU_CPU" \
		-smp "$smp" -m "$mem" -display none -monitor none
	if [ -n "$dtb" ]; then printf '%s\n' -dtb "$dtb"; fi
}

# qemu_dumpdtb SMP MEM OUT: the DTB QEMU would hand the hypervisor.
qemu_dumpdtb() {
	"$QEMU" -M "$QEMU_MACHINE,dumpdtb=$3" "${QEMU_GLOBALS[@]}" -cpu "$QEMU_CPU" \
		-smp "$1" -m "$2" -display none >/dev/null
}
