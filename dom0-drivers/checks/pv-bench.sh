#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=dash
#
# The paravirtual devices' benchmark, run in dom0 (installed as
# /usr/bin/pv-bench; init runs it when the kernel command line has `pvbench`).
# One guest of the example configuration (128 MiB, 1 vCPU) with the scratch
# disk SCRATCH (/dev/vdb, a raw block device: xen-blkback submits straight to
# virtio-blk) as its xvda and a vif in xenbr0 runs `guest-test bench`
# (dom0-drivers/guest/guest-test.sh), which measures on its own clock (10 ms
# steps), RUNS times each:
#   disk_write_kib_s  dd of MB MiB of zeros to /dev/xvda, bs=1M conv=fsync
#   disk_read_kib_s   the same read back, bs=1M, after drop_caches
#   tcp_kib_s         MB MiB of zeros to dom0 over TCP (busybox nc; dom0's nc
#                     discards them), until dom0 has closed the connection
#   ping_us           the guest's pings of dom0 back to back (`ping -A`),
#                     average round trip of 20
#   ping_idle_us      the same 1 s apart (the guest and dom0 idle between
#                     them: their wake-up is in it), average of 10
# Lines:
#   PVBENCH run=N disk_write_kib_s=A disk_read_kib_s=B tcp_kib_s=C
#   PVBENCH median disk_write_kib_s=A disk_read_kib_s=B tcp_kib_s=C ping_us=D
#     ping_idle_us=E   (one line)
#   PVBENCH FAILED <why>

IMAGES=${IMAGES:-/var/lib/ctl/images}
LOG_DIR=/var/log/ctl/console
WORK=/tmp/pv-bench
SCRATCH=${SCRATCH:-/dev/vdb}
RUNS=${RUNS:-3}
MB=${MB:-32}
PORT=5003
NAME=pvbench
BENCH_WAIT=600       # seconds for the guest's whole run
CTL_BACKEND_WAIT_MS=${CTL_BACKEND_WAIT_MS:-30000}
export CTL_BACKEND_WAIT_MS

failed() {
	echo "PVBENCH FAILED $*"
	exit 1
}

# results: the guest's GUEST-TEST bench lines, without that prefix.
results() { sed -n 's/.*GUEST-TEST bench //p' "$LOG_DIR/guest-$NAME.log" 2>/dev/null | tr -d '\r'; }

finished() { results | grep -qE '^(done|FAIL:)'; }

# field KEY LINE: the value of KEY=value in LINE.
field() { printf '%s\n' "$2" | sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

# median KEY PREFIX: the median of KEY over the result lines starting PREFIX.
median() {
	results | grep "^$2 " | sed -n "s/.*$1=\([0-9]*\).*/\1/p" | sort -n |
		sed -n "$(((RUNS + 1) / 2))p"
}

# listener: dom0's end of the TCP runs, one connection each, data discarded;
# its stdin is a FIFO held open both ways, so only the guest ends a transfer.
listener() {
	local i=0
	while [ "$i" -lt "$RUNS" ]; do
		nc -l -p "$PORT" <>"$WORK/ctl.fifo" >/dev/null
		i=$((i + 1))
	done
}

guest_cfg() {
	cat >"$WORK/$NAME.cfg" <<EOF
name = "$NAME"
memory = 128
vcpus = 1
kernel = "$IMAGES/Image"
ramdisk = "$IMAGES/guest-initramfs.cpio.gz"
extra = "console=hvc0 quiet guesttest=bench guestport=$PORT guestmb=$MB guestruns=$RUNS"
disk = [ "$SCRATCH,raw,xvda,w" ]
vif = [ "bridge=xenbr0" ]
on_poweroff = "destroy"
EOF
}

main() {
	local out i line tcp
	[ -b "$SCRATCH" ] || failed "no $SCRATCH (the bench's scratch disk)"
	mkdir -p "$WORK"
	rm -f "$WORK/ctl.fifo" "$LOG_DIR/guest-$NAME.log"
	mkfifo "$WORK/ctl.fifo" || failed "mkfifo $WORK/ctl.fifo"
	listener &
	guest_cfg
	out=$(ctl create -q "$WORK/$NAME.cfg" 2>&1) || failed "ctl create: $out"
	i=0
	until finished; do
		i=$((i + 1))
		[ "$i" -lt $((BENCH_WAIT * 2)) ] || break
		sleep 0.5
	done
	ctl destroy "$NAME" >/dev/null 2>&1
	finished || failed "the guest did not finish in $BENCH_WAIT s: $(results | tail -n 1)"
	line=$(results | grep '^FAIL:') && failed "the guest says: $line"
	i=1
	while [ "$i" -le "$RUNS" ]; do
		line=$(results | grep "^disk run=$i ")
		tcp=$(field kib_s "$(results | grep "^tcp run=$i ")")
		echo "PVBENCH run=$i disk_write_kib_s=$(field write_kib_s "$line")" \
			"disk_read_kib_s=$(field read_kib_s "$line") tcp_kib_s=$tcp"
		i=$((i + 1))
	done
	echo "PVBENCH median disk_write_kib_s=$(median write_kib_s disk)" \
		"disk_read_kib_s=$(median read_kib_s disk) tcp_kib_s=$(median kib_s tcp)" \
		"ping_us=$(field rtt_us "$(results | grep '^ping ')")" \
		"ping_idle_us=$(field rtt_us "$(results | grep '^ping-idle ')")"
}

main
