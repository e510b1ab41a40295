#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# `make bench`: boots the hypervisor with benchmark guests under QEMU with
# -icount shift=0, so the guests' counter counts executed instructions and the
# figures are deterministic; then, on the wall clock, dom0's boot, guest
# creation from dom0 and a guest's paravirtual disk and network; and prints
# them as tables next to Xen 4.17's figures and the targets
# (docs/performance.md).
#   run.sh [-k IMAGE] [-g GUEST_DIR] [-o OUTDIR]
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tools/qemu/machine.sh"
. "$top/tests/integration/lib.sh"
. "$top/tools/qemu/dom0.sh"
. "$top/dom0-drivers/qemu-devices.sh"

image=$top/build/xen/xen.bin
GUEST_DIR=$top/build/guest
DOM0_DIR=$top/build/dom0
DOM0_RUNS=${DOM0_RUNS:-3}
out=$top/build/bench
while getopts "k:g:o:" opt; do
	case $opt in
	k) image=$OPTARG ;;
	g) GUEST_DIR=$OPTARG ;;
	o) out=$OPTARG ;;
	*) echo "usage: run.sh [-k IMAGE] [-g GUEST_DIR] [-o OUTDIR]" >&2; exit 2 ;;
	esac
done
mkdir -p "$out"
BENCH_TIMEOUT=600

# boot NAME SMP DOMAINS...: DOMAINS are "guest:vcpus:bootargs"; waits for all to be destroyed.
boot() {
	local name=$1 smp=$2 log=$out/$1.log dtb=$out/$1.dtb i=0 spec extra=() args pid rc
	shift 2
	qemu_dumpdtb "$smp" 1G "$dtb" || return 1
	for spec in "$@"; do
		IFS=: read -r g cpus bargs <<<"$spec"
		dom0less_add "$dtb" $i "$g" "$cpus" 65536 "$bargs" || return 1
		mapfile -t -O ${#extra[@]} extra < <(guest_module $i "$g")
		i=$((i + 1))
	done
	mapfile -t args < <(qemu_args "$smp" 1G "$dtb")
	: >"$log"
	"$QEMU" "${args[@]}" -icount shift=0 "${extra[@]}" -serial "file:$log" -kernel "$image" \
		</dev/null >"$log.qemu" 2>&1 &
	pid=$!
	wait_for "$log" "All domains destroyed" $pid $BENCH_TIMEOUT
	rc=$?
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ $rc -eq 0 ] || { echo "bench: $name did not finish (log: $log)" >&2; return 1; }
}

# time_to_init LOG CMD...: runs CMD (a QEMU writing its serial console to
# LOG) and prints the milliseconds until Linux says it runs its init.
time_to_init() {
	local log=$1 start pid ms
	shift
	: >"$log"
	start=$(date +%s%N)
	"$@" </dev/null >"$log.qemu" 2>&1 &
	pid=$!
	while ! grep -q "Run /init as init process" "$log" 2>/dev/null; do
		kill -0 $pid 2>/dev/null || break
		[ $(( $(date +%s%N) - start )) -lt $((BENCH_TIMEOUT * 1000000000)) ] || break
		sleep 0.02
	done
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	grep -q "Run /init as init process" "$log" || { echo "bench: no init in $log" >&2; return 1; }
	echo "$ms"
}

# dom0_boot_once N: wall-clock milliseconds from QEMU's start to dom0's
# kernel starting its init ("Run /init as init process"), 2 vCPUs, 512 MiB,
# no -icount: what a user waits.
dom0_boot_once() {
	local log=$out/dom0-boot-$1.log dtb=$out/dom0-boot.dtb args
	dom0_machine "$dtb" 2 1G "dom0_mem=512M dom0_max_vcpus=2" "$DOM0_DIR" "console=hvc0" \
		>"$dtb.args" || return 1
	mapfile -t args <"$dtb.args"
	time_to_init "$log" "$QEMU" "${args[@]}" -serial "file:$log" -kernel "$image"
}

# native_boot_once N: the same kernel, initramfs and devices on the same
# machine without the hypervisor (the floor any hypervisor adds to).
native_boot_once() {
	local log=$out/native-boot-$1.log args extra
	mapfile -t args < <(qemu_args 2 512M)
	mapfile -t extra < <(dom0_qemu_devices "$DOM0_DIR/disk.img")
	time_to_init "$log" "$QEMU" "${args[@]}" "${extra[@]}" -kernel "$DOM0_DIR/Image" \
		-initrd "$DOM0_DIR/initramfs.cpio.gz" -append "console=ttyAMA0" -serial "file:$log"
}

# toolstack_bench: dom0 (2 vCPUs, 512 MiB) runs dom0-drivers/checks/toolstack-bench.sh:
# wall-clock ms of `ctl create` returning and of the guest reaching its init,
# medians of 3 guests. Prints "CREATE_MS INIT_MS".
toolstack_bench() {
	local log=$out/toolstack-bench.log dtb=$out/toolstack-bench.dtb args pid line
	dom0_machine "$dtb" 2 1G "dom0_mem=512M dom0_max_vcpus=2" "$DOM0_DIR" \
		"console=hvc0 toolstackbench dom0halt" >"$dtb.args" || return 1
	mapfile -t args <"$dtb.args"
	: >"$log"
	"$QEMU" "${args[@]}" -serial "file:$log" -kernel "$image" </dev/null >"$log.qemu" 2>&1 &
	pid=$!
	wait_for "$log" "TOOLBENCH (median|FAILED)" $pid $BENCH_TIMEOUT
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	line=$(grep -o "TOOLBENCH median create_ms=[0-9]* init_ms=[0-9]*" "$log") ||
		{ echo "bench: toolstack benchmark failed (log: $log)" >&2; return 1; }
	line=${line#TOOLBENCH median create_ms=}
	echo "${line% init_ms=*} ${line#* init_ms=}"
}

# pv_bench: dom0 (2 vCPUs, 512 MiB) with a scratch disk (/dev/vdb, 64 MiB,
# made here) runs dom0-drivers/checks/pv-bench.sh: a guest with that disk as
# its xvda and a vif in xenbr0 measures sequential write and read of 32 MiB,
# TCP to dom0 (32 MiB) and the ping round trip, back to back and 1 s apart.
# Prints "WRITE_KIB_S READ_KIB_S TCP_KIB_S PING_US PING_IDLE_US" (medians of
# 3; the pings averages of 20 and 10).
pv_bench() {
	local log=$out/pv-bench.log dtb=$out/pv-bench.dtb scratch=$out/pv-bench.scratch.img args pid line
	rm -f "$scratch" && truncate -s 64M "$scratch" || return 1
	dom0_machine "$dtb" 2 1G "dom0_mem=512M dom0_max_vcpus=2" "$DOM0_DIR" \
		"console=hvc0 pvbench dom0halt" >"$dtb.args" || return 1
	dom0_scratch_disk "$scratch" >>"$dtb.args"
	mapfile -t args <"$dtb.args"
	: >"$log"
	"$QEMU" "${args[@]}" -serial "file:$log" -kernel "$image" </dev/null >"$log.qemu" 2>&1 &
	pid=$!
	wait_for "$log" "PVBENCH (median|FAILED)" $pid $BENCH_TIMEOUT
	kill $pid 2>/dev/null
	wait $pid 2>/dev/null
	rm -f "$scratch"
	line=$(grep -oE "PVBENCH median disk_write_kib_s=[0-9]+ disk_read_kib_s=[0-9]+ tcp_kib_s=[0-9]+ ping_us=[0-9]+ ping_idle_us=[0-9]+" "$log") ||
		{ echo "bench: paravirtual device benchmark failed: $(grep -o 'PVBENCH FAILED.*' "$log" |
			head -n 1) (log: $log)" >&2; return 1; }
	sed -E 's/[a-z_]+=//g; s/^PVBENCH median //' <<<"$line"
}

# mib_s KIB_S: KiB/s as MiB/s with one decimal.
mib_s() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# us_ms US: microseconds as milliseconds with two decimals.
us_ms() { awk -v u="$1" 'BEGIN { printf "%.2f", u / 1000 }'; }

# boot_ms FN: the median of DOM0_RUNS runs of FN.
boot_ms() {
	local i t all=()
	for ((i = 0; i < DOM0_RUNS; i++)); do
		t=$($1 $i) || return 1
		all+=("$t")
	done
	printf '%s\n' "${all[@]}" | sort -n | sed -n "$(((DOM0_RUNS + 1) / 2))p"
}

# row LABEL VALUE XEN TARGET
row() {
	local verdict="-"
	if [ -n "$2" ] && [ -n "$4" ]; then
		[ "$2" -le "$4" ] && verdict=met || verdict=missed
	fi
	printf '| %-44s | %12s | %10s | %10s | %-6s |\n' "$1" "${2:-n/a}" "${3:--}" "${4:--}" "$verdict"
}

main() {
	local b s t p d0 nat tc ti pw pr pt pp pi
	boot traps 1 "bench:1:iters=10000" || exit 1
	boot sgi 2 "sgi:2:rounds=1000" || exit 1
	boot timer 1 "timer:1:ticks=500" || exit 1
	boot pv 1 "pvbench:1:iters=10000 domid=1" || exit 1
	d0=$(boot_ms dom0_boot_once) || exit 1
	nat=$(boot_ms native_boot_once) || exit 1
	read -r tc ti < <(toolstack_bench) || exit 1
	read -r pw pr pt pp pi < <(pv_bench) || exit 1
	b=$out/traps.log s=$out/sgi.log t=$out/timer.log p=$out/pv.log
	echo "Trap-path costs in guest instructions (QEMU -icount shift=0; lower is better)"
	printf '| %-44s | %12s | %10s | %10s | %-6s |\n' "operation" "ours" "Xen 4.17" "target" "target"
	printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" \
		"--------------" "------------" "------------" "--------"
	row "null hypercall (xen_version)" "$(bench_value "$b" 1 trap xen_version)" 416 208
	row "PSCI_VERSION over hvc #0" "$(bench_value "$b" 1 trap psci_version)" 470 235
	row "emulated GICD_TYPER read" "$(bench_value "$b" 1 trap gicd_typer_read)" 598 299
	row "trapped ID_AA64PFR0_EL1 read" "$(bench_value "$b" 1 trap id_aa64pfr0_read)" 432 216
	row "ICC_SGI1R_EL1 write" "$(bench_value "$b" 1 trap sgi1r_write)" 523 261
	row "SGI round trip between two vCPUs" "$(bench_value "$s" 1 sgi roundtrip_avg)" "" ""
	row "virtual timer interrupt latency (max)" "$(bench_value "$t" 1 timer latency_max)" "" ""
	row "EVTCHNOP_send, port bound to itself" "$(bench_value "$p" 1 pv evtchn_send)" 816 400
	row "GNTTABOP_copy of one 4 KiB page" "$(bench_value "$p" 1 pv grant_copy)" "" ""
	echo
	echo "Dom0 boot, wall-clock ms from QEMU start to dom0's init (2 vCPUs, 512 MiB; median of $DOM0_RUNS)"
	printf '| %-44s | %12s | %10s | %10s | %-6s |\n' "operation" "ours" "Xen 4.17" "target" "target"
	printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" \
		"--------------" "------------" "------------" "--------"
	row "QEMU start to dom0 /init" "$d0" "2000-2600" 2000
	row "same kernel without a hypervisor (floor)" "$nat" "" ""
	echo
	echo "Guest creation from dom0, wall-clock ms (128 MiB, 1 vCPU, Debian kernel; median of 3)"
	printf '| %-44s | %12s | %10s | %10s | %-6s |\n' "operation" "ours" "Xen 4.17" "target" "target"
	printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" \
		"--------------" "------------" "------------" "--------"
	row "ctl create returns" "$tc" "~1000" 1000
	row "ctl create start to the guest's /init" "$ti" "2500-3000" 2500
	echo
	echo "Guest paravirtual devices, guest's clock (TCG: emulation-bound; 32 MiB, median of 3; pings: averages)"
	printf '| %-44s | %12s | %10s | %10s | %-6s |\n' "operation" "ours" "Xen 4.17" "target" "target"
	printf '|%s|%s|%s|%s|%s|\n' "----------------------------------------------" \
		"--------------" "------------" "------------" "--------"
	row "disk sequential write, MiB/s (conv=fsync)" "$(mib_s "$pw")" "" ""
	row "disk sequential read, MiB/s (caches dropped)" "$(mib_s "$pr")" "" ""
	row "TCP guest to dom0, MiB/s (busybox nc)" "$(mib_s "$pt")" "" ""
	row "ping guest to dom0, ms (back to back, 20)" "$(us_ms "$pp")" "" ""
	row "ping guest to dom0, ms (1 s apart, 10)" "$(us_ms "$pi")" "" ""
}

main "$@"
