#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=dash
#
# dom0's self-checks (installed as /usr/bin/dom0-checks; init runs it when the
# kernel command line has `dom0test`). One line per check:
#   DOM0CHECK PASS <name>
#   DOM0CHECK FAIL <name>: <why>
# and a last line
#   DOM0CHECK DONE passed=N failed=M
# Exit status: 0 when nothing failed.

EXPECT_DIR=/etc/dom0/disk   # what the test disk must hold (hello.txt)
DISK=/dev/vda
MNT=/mnt/disk

passed=0
failed=0
pass() {
	echo "DOM0CHECK PASS $1"
	passed=$((passed + 1))
}
fail() {
	echo "DOM0CHECK FAIL $1: $2"
	failed=$((failed + 1))
}

# last_line TEXT: the last non-empty line of TEXT, for failure reasons.
last_line() { printf '%s\n' "$1" | sed '/^$/d' | tail -n 1; }

check_capabilities() {
	local f=/proc/xen/capabilities
	if [ ! -e "$f" ]; then
		fail xen-capabilities "$f missing (xenfs not mounted; not on Xen?)"
	elif grep -qw control_d "$f"; then
		pass xen-capabilities
	else
		fail xen-capabilities "$f has '$(cat "$f")', no control_d"
	fi
}

check_xen_dev() {
	local f=/dev/xen/"$1"
	if [ -c "$f" ]; then
		pass "xen-dev-$1"
	elif [ -e "$f" ]; then
		fail "xen-dev-$1" "$f is not a character device"
	else
		fail "xen-dev-$1" "$f missing (module xen-$1 not loaded?)"
	fi
}

check_disk() {
	local drv out
	if [ ! -b "$DISK" ]; then
		fail disk-mount "$DISK missing (virtio_blk not loaded or no virtio disk)"
		fail disk-read "no disk"
		return
	fi
	drv=$(basename "$(readlink /sys/block/vda/device/driver 2>/dev/null)" 2>/dev/null)
	mkdir -p "$MNT"
	if ! out=$(mount -t ext4 -o ro "$DISK" "$MNT" 2>&1); then
		fail disk-mount "mount -t ext4 -o ro $DISK: $(last_line "$out")"
		fail disk-read "not mounted"
		return
	fi
	if [ "$drv" = virtio_blk ]; then
		pass disk-mount
	else
		fail disk-mount "$DISK is driven by '${drv:-nothing}', not virtio_blk"
	fi
	if [ ! -f "$MNT/hello.txt" ]; then
		fail disk-read "no hello.txt on $DISK"
	elif ! cmp -s "$MNT/hello.txt" "$EXPECT_DIR/hello.txt"; then
		fail disk-read "hello.txt reads '$(head -c 80 "$MNT/hello.txt")', not the expected text"
	elif ! out=$(cd "$MNT" && sha256sum -c SHA256SUMS 2>&1); then
		fail disk-read "sha256sum -c SHA256SUMS: $(last_line "$out")"
	else
		pass disk-read
	fi
	umount "$MNT" || fail disk-umount "umount $MNT failed"
}

check_nic() {
	local dev nic='' drv flags carrier state i
	for dev in /sys/class/net/*; do
		[ "${dev##*/}" = lo ] && continue
		[ -e "$dev" ] && nic=${dev##*/} && break
	done
	if [ -z "$nic" ]; then
		fail net-up "no network interface besides lo"
		return
	fi
	drv=$(basename "$(readlink "/sys/class/net/$nic/device/driver" 2>/dev/null)" 2>/dev/null)
	if [ "$drv" != virtio_net ]; then
		fail net-up "$nic is driven by '${drv:-nothing}', not virtio_net"
		return
	fi
	# operstate follows carrier through the link watcher: give it 3 s.
	i=0
	while :; do
		flags=$(cat "/sys/class/net/$nic/flags")
		carrier=$(cat "/sys/class/net/$nic/carrier" 2>/dev/null)
		state=$(cat "/sys/class/net/$nic/operstate")
		[ "$state" = up ] || [ $i -ge 30 ] && break
		i=$((i + 1))
		sleep 0.1
	done
	if [ $((flags & 1)) -eq 0 ]; then
		fail net-up "$nic is administratively down (flags $flags)"
	elif [ "$carrier" != 1 ]; then
		fail net-up "$nic has no carrier (operstate $state)"
	elif [ "$state" != up ]; then
		fail net-up "$nic operstate is $state"
	else
		pass net-up
	fi
}

check_cpus() {
	local n=0 d want online np
	for d in /sys/devices/system/cpu/cpu[0-9]*; do
		[ -d "$d" ] && n=$((n + 1))
	done
	if [ $n -eq 0 ]; then
		fail cpus-online "no cpu nodes under /sys/devices/system/cpu"
		return
	fi
	if [ $n -eq 1 ]; then want=0; else want=0-$((n - 1)); fi
	online=$(cat /sys/devices/system/cpu/online)
	np=$(nproc)
	if [ "$online" != "$want" ]; then
		fail cpus-online "online is '$online', want '$want' for $n CPUs"
	elif [ "$np" != "$n" ]; then
		fail cpus-online "nproc says $np, $n CPUs online"
	else
		pass cpus-online
	fi
}

# run_xentest NAME TEST: xentest TEST as check NAME; output kept for the reason.
run_xentest() {
	local out
	if out=$(xentest "$2" 2>&1); then
		pass "$1"
	else
		fail "$1" "$(last_line "$out")"
	fi
	# the steps, when there is more to show than the reason above
	[ "$(printf '%s\n' "$out" | wc -l)" -gt 1 ] && printf '%s\n' "$out" | sed 's/^/    /'
	return 0
}

check_capabilities
for d in evtchn gntdev gntalloc privcmd; do
	check_xen_dev $d
done
check_disk
check_nic
check_cpus
run_xentest evtchn-loopback evtchn
run_xentest grant-map grant
run_xentest domctl-lifecycle domctl
run_xentest domu-boot boot

echo "DOM0CHECK DONE passed=$passed failed=$failed"
[ $failed -eq 0 ]
