#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=dash
#
# The paravirtual devices' checks, run in dom0 (installed as /usr/bin/pv-checks;
# init runs it when the kernel command line has `pvtest`). Guests of the
# example configuration get disks and vifs from `ctl`, served by dom0's
# xen-blkback and xen-netback to their xen-blkfront and xen-netfront; each
# guest runs one action of its /usr/bin/guest-test (guesttest=NAME on its
# command line, dom0-drivers/guest/guest-test.sh) and prints `GUEST-TEST`
# lines that this script reads from its console log. One line per check:
#   PVCHECK PASS <name>
#   PVCHECK FAIL <name>: <why>
# and a last line
#   PVCHECK DONE passed=N failed=M
#
# Disks: image files are copies, in /tmp, of the empty ext4 file system the
# host made on the scratch disk (SCRATCH, /dev/vdb); destroy-mid-write uses
# the scratch disk itself as a block-device target, and the scenario checks
# it on the host (e2fsck, debugfs) after QEMU has exited.

IMAGES=${IMAGES:-/var/lib/ctl/images}
LOG_DIR=/var/log/ctl/console
WORK=/tmp/pv-checks
SCRATCH=${SCRATCH:-/dev/vdb}
BLANK=$WORK/blank.img
MNT=$WORK/mnt
BOOT_WAIT=180        # seconds from `ctl create` to the guest's first test line
STEP_WAIT=120        # seconds for each further step of a guest
TCP_WAIT=300         # seconds for the 64 MiB transfer
GONE_WAIT=60         # seconds for a guest to power off
RELEASE_WAIT=10      # seconds for a loop device or vif to go after a detach
TCP_PORT=5001
PEER_PORT=5002
# A loaded host (2 cores shared by several QEMUs) can take longer than the
# default 10 s for a backend to answer.
CTL_BACKEND_WAIT_MS=${CTL_BACKEND_WAIT_MS:-30000}
export CTL_BACKEND_WAIT_MS

passed=0
failed=0
pass() {
	echo "PVCHECK PASS $1"
	passed=$((passed + 1))
}
fail() {
	echo "PVCHECK FAIL $1: $2"
	failed=$((failed + 1))
}
info() { echo "PVCHECK INFO $*"; }

# last_line TEXT: the last non-empty line of TEXT, for failure reasons.
last_line() { printf '%s\n' "$1" | sed '/^$/d' | tail -n 1; }

# wait_for SECONDS COMMAND...: runs COMMAND every half second until it succeeds.
wait_for() {
	local tries=$(($1 * 2))
	shift
	while [ "$tries" -gt 0 ]; do
		"$@" && return 0
		sleep 0.5
		tries=$((tries - 1))
	done
	return 1
}

md5_of() { md5sum "$1" | cut -d' ' -f1; }
seq_md5() { seq 1 "$1" | md5sum | cut -d' ' -f1; }

# ---- guests ----

# guest_cfg NAME TEST DISK VIF WORDS: writes WORK/NAME.cfg, the example guest
# running guest-test TEST with one disk spec and one vif spec (either may be
# empty) and more command line WORDS. A guest that powers off is kept until
# powered_off destroys it: the lifecycle monitor's teardown, which would
# start at once, can overwrite the vbd backend's Closed with Closing while
# the backend is still closing and then wait CTL_BACKEND_WAIT_MS for a
# Closed that never comes (libctl's close_tx, dev_nodes.c).
guest_cfg() {
	local disk='' vif=''
	[ -z "$3" ] || disk="\"$3\""
	[ -z "$4" ] || vif="\"$4\""
	cat >"$WORK/$1.cfg" <<EOF
name = "$1"
memory = 128
vcpus = 1
kernel = "$IMAGES/Image"
ramdisk = "$IMAGES/guest-initramfs.cpio.gz"
extra = "console=hvc0 quiet guesttest=$2 $5"
disk = [ $disk ]
vif = [ $vif ]
on_poweroff = "preserve"
on_reboot = "destroy"
on_crash = "destroy"
EOF
}

# start_guest NAME TEST DISK VIF [WORDS]: creates it (its console log starts
# empty); false with the reason in $why.
start_guest() {
	local out
	rm -f "$LOG_DIR/guest-$1.log"
	guest_cfg "$1" "$2" "$3" "$4" "${5:-}"
	if ! out=$(ctl create -q "$WORK/$1.cfg" 2>&1); then
		why="ctl create $1: $(last_line "$out")"
		return 1
	fi
}

# tests_of NAME: the guest's GUEST-TEST lines without that word (a shell
# prompt may precede it on the same line).
tests_of() { tr -d '\r' <"$LOG_DIR/guest-$1.log" 2>/dev/null | sed -n 's/.*GUEST-TEST //p'; }

# said NAME REGEX: the first GUEST-TEST line of NAME matching REGEX.
said() { tests_of "$1" | grep -m 1 -E -- "$2"; }

# guest_says NAME TEST EVENT SECONDS: waits until guest NAME says "TEST EVENT..."
# (EVENT a regex); the line in $line. False with $why when it says FAIL first
# or nothing in time.
guest_says() {
	local re="^$2 ($3|FAIL:)"
	if ! wait_for "$4" said "$1" "$re" >/dev/null; then
		why="$1: no '$2 $3' from the guest in $4 s (its last line: '$(last_line \
			"$(sed 's/\r//g' "$LOG_DIR/guest-$1.log" 2>/dev/null)")')"
		return 1
	fi
	line=$(said "$1" "$re")
	case $line in
	"$2 FAIL:"*) why="$1: the guest says: ${line#"$2 "}"; return 1 ;;
	esac
	line=${line#"$2 "}
}

# field KEY LINE: the value of KEY=value in LINE.
field() { printf '%s\n' "$2" | sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

listed() { ctl list 2>/dev/null | awk -v n="$1" '$1 == n' | grep -q .; }
gone() { ! listed "$1"; }

# shut_down NAME: its state in `ctl list` says shut down (---s--).
shut_down() { ctl list 2>/dev/null | awk -v n="$1" '$1 == n { print $5 }' | grep -q '^...s'; }

# powered_off NAME: waits for the guest to shut down, then destroys it.
powered_off() { wait_for "$GONE_WAIT" shut_down "$1" && ctl destroy "$1" >/dev/null 2>&1 && gone "$1"; }

# destroy NAME: destroys it if it is still there.
destroy() { listed "$1" && ctl destroy "$1" >/dev/null 2>&1; }

# ---- dom0's side of the devices ----

# loop_of FILE: the loop devices whose backing file is FILE.
loop_of() {
	local f
	for f in /sys/block/loop*/loop/backing_file; do
		[ -f "$f" ] && [ "$(cat "$f")" = "$1" ] && { f=${f%/loop/backing_file}; echo "${f##*/}"; }
	done
}
no_loop() { [ -z "$(loop_of "$1")" ]; }

# vifs_of DOMID: the domain's backend interfaces in dom0.
vifs_of() {
	local f
	for f in /sys/class/net/vif"$1".*; do
		[ -e "$f" ] && echo "${f##*/}"
	done
}
no_vifs() { [ -z "$(vifs_of "$1")" ]; }

# listed_dev KIND NAME ID: `ctl KIND-list NAME` has a row for ID (its first column).
listed_dev() { ctl "$1-list" "$2" 2>/dev/null | awk -v id="$3" 'NR > 1 && $1 == id' | grep -q .; }
unlisted_dev() { ! listed_dev "$@"; }

# new_image NAME: a copy of the blank ext4 file system, WORK/NAME.img.
new_image() { cp "$BLANK" "$WORK/$1.img" && echo "$WORK/$1.img"; }

# ---- the checks ----

# The guest writes files on its xvda (an image file) and powers off; dom0
# finds them intact in the image.
check_disk_write() {
	local img known random
	img=$(new_image disk-write) || { fail disk-write "cannot copy $BLANK"; return; }
	if ! start_guest dw disk-write "$img,raw,xvda,w" "" ||
		! guest_says dw disk-write written "$BOOT_WAIT"; then
		fail disk-write "$why"
		destroy dw
		return
	fi
	if ! powered_off dw; then
		fail disk-write "dw did not power off"
		destroy dw
	elif ! wait_for "$RELEASE_WAIT" no_loop "$img"; then
		fail disk-write "$(loop_of "$img") still holds $img after the guest is gone"
	elif ! mount -t ext4 -o ro,loop "$img" "$MNT"; then
		fail disk-write "dom0 cannot mount $img"
	else
		known=$(md5_of "$MNT/known.txt" 2>&1)
		random=$(md5_of "$MNT/random.bin" 2>&1)
		umount "$MNT"
		if [ "$known" != "$(seq_md5 200000)" ]; then
			fail disk-write "known.txt in the image: md5 '$known', not that of seq 1 200000"
		elif [ "$random" != "$(field random "$line")" ]; then
			fail disk-write "random.bin in the image: md5 '$random', the guest wrote $(field random "$line")"
		else
			pass disk-write
		fi
	fi
	rm -f "$img"
}

# A read-only disk (mode r, a loop device made read-only): writes from the
# guest fail, a read-only mount reads the file, the image is unchanged.
check_read_only() {
	local img before
	img=$(new_image read-only) || { fail read-only "cannot copy $BLANK"; return; }
	if ! mount -t ext4 -o loop "$img" "$MNT"; then
		fail read-only "dom0 cannot mount $img"
		return
	fi
	seq 1 50000 >"$MNT/known.txt"
	umount "$MNT"
	before=$(md5_of "$img")
	if ! start_guest ro read-only "$img,raw,xvda,r" "" ||
		! guest_says ro read-only "write" "$BOOT_WAIT"; then
		fail read-only "$why"
	elif [ "${line#write refused}" = "$line" ]; then
		fail read-only "the guest could write to its read-only xvda: $line"
	elif ! guest_says ro read-only PASS "$STEP_WAIT"; then
		fail read-only "$why"
	elif said ro "^read-only mount writable" >/dev/null; then
		fail read-only "the guest could create a file on its read-only mount"
	elif [ "$(field md5 "$(said ro '^read-only read md5=')")" != "$(seq_md5 50000)" ]; then
		fail read-only "the guest read known.txt as '$(said ro '^read-only read')', not seq 1 50000"
	elif ! powered_off ro; then
		fail read-only "ro did not power off"
	elif [ "$(md5_of "$img")" != "$before" ]; then
		fail read-only "$img changed while attached read-only"
	else
		pass read-only
		info "read-only: $(said ro '^read-only write refused')"
	fi
	destroy ro
	wait_for "$RELEASE_WAIT" no_loop "$img"
	rm -f "$img"
}

# The guest writes to its xvda (the scratch disk, a block device) with fsync
# in a loop and is destroyed meanwhile. The host checks the disk afterwards.
check_destroy_mid_write() {
	local domid out
	[ -b "$SCRATCH" ] || { fail destroy-mid-write "no $SCRATCH (the scenario's scratch disk)"; return; }
	if ! start_guest dmw destroy-mid-write "$SCRATCH,raw,xvda,w" "" ||
		! guest_says dmw destroy-mid-write synced "$BOOT_WAIT"; then
		fail destroy-mid-write "$why"
		destroy dmw
		return
	fi
	if [ "$(field md5 "$line")" != "$(seq_md5 100000)" ]; then
		fail destroy-mid-write "the guest's synced.txt has md5 $(field md5 "$line"), not that of seq 1 100000"
		destroy dmw
		return
	fi
	if ! guest_says dmw destroy-mid-write writing "$STEP_WAIT"; then
		fail destroy-mid-write "$why"
		destroy dmw
		return
	fi
	sleep 1   # a few more fsync'd writes under way
	domid=$(ctl domid dmw)
	if ! out=$(ctl destroy dmw 2>&1); then
		fail destroy-mid-write "ctl destroy dmw: $(last_line "$out")"
	elif ! gone dmw; then
		fail destroy-mid-write "dmw still listed after ctl destroy"
	elif said dmw "^destroy-mid-write FAIL" >/dev/null; then
		fail destroy-mid-write "the guest stopped writing before: $(said dmw FAIL)"
	elif xenstore-exists "/local/domain/0/backend/vbd/$domid" 2>/dev/null; then
		fail destroy-mid-write "d$domid's vbd backend is still in xenstore"
	else
		pass destroy-mid-write
		info "destroy-mid-write: d$domid destroyed while writing to $SCRATCH; the host checks it"
	fi
}

# hotplug_disk NAME IMG: attach IMG as xvdb, the guest sees it and reads it,
# detach it, the guest sees it go, no loop device left. False with $why.
hotplug_disk() {
	local out
	if ! out=$(ctl block-attach "$1" "$2,raw,xvdb,w" 2>&1); then
		why="block-attach: $(last_line "$out")"
	elif ! listed_dev block "$1" 51728; then
		why="block-list $1 has no row for xvdb (51728) after block-attach"
	elif no_loop "$2"; then
		why="no loop device for $2 after block-attach"
	elif ! guest_says "$1" hotplug "xvdb present.*read=ok" "$STEP_WAIT"; then
		:
	elif ! out=$(ctl block-detach "$1" xvdb 2>&1); then
		why="block-detach: $(last_line "$out")"
	elif ! guest_says "$1" hotplug "xvdb absent" "$STEP_WAIT"; then
		:
	elif listed_dev block "$1" 51728; then
		why="block-list $1 still has xvdb (51728) after block-detach"
	elif ! wait_for "$RELEASE_WAIT" no_loop "$2"; then
		why="$(loop_of "$2") still holds $2 after block-detach"
	else
		return 0
	fi
	return 1
}

# hotplug_nic NAME DOMID: a second vif, eth1 in the guest, in dom0's bridge;
# detached again, eth1 goes and so does dom0's vif. False with $why.
hotplug_nic() {
	local out
	if ! out=$(ctl network-attach "$1" bridge=xenbr0 2>&1); then
		why="network-attach: $(last_line "$out")"
	elif ! listed_dev network "$1" 1; then
		why="network-list $1 has no row for index 1 after network-attach"
	elif [ ! -e "/sys/class/net/xenbr0/brif/vif$2.1" ]; then
		why="vif$2.1 is not in xenbr0 after network-attach"
	elif ! guest_says "$1" hotplug "eth1 present" "$STEP_WAIT"; then
		:
	elif ! out=$(ctl network-detach "$1" 1 2>&1); then
		why="network-detach: $(last_line "$out")"
	elif ! guest_says "$1" hotplug "eth1 absent" "$STEP_WAIT"; then
		:
	elif listed_dev network "$1" 1; then
		why="network-list $1 still has index 1 after network-detach"
	elif ! wait_for "$RELEASE_WAIT" eval "[ ! -e /sys/class/net/vif$2.1 ]"; then
		why="vif$2.1 is still in dom0 after network-detach"
	else
		return 0
	fi
	return 1
}

# A running guest gets a disk and a vif and loses them again.
check_hotplug() {
	local img domid
	img=$(new_image hotplug) || { fail hotplug "cannot copy $BLANK"; return; }
	if ! start_guest hp hotplug "" bridge=xenbr0 ||
		! guest_says hp hotplug watching "$BOOT_WAIT"; then
		fail hotplug "$why"
	else
		domid=$(ctl domid hp)
		if ! hotplug_disk hp "$img" || ! hotplug_nic hp "$domid"; then
			fail hotplug "$why"
		elif ! ctl destroy hp >/dev/null 2>&1 || ! wait_for "$RELEASE_WAIT" no_vifs "$domid"; then
			fail hotplug "d$domid destroyed, but dom0 still has $(vifs_of "$domid")"
		else
			pass hotplug
		fi
	fi
	destroy hp
	rm -f "$img"
}

# DHCP through the bridge, the guest pings dom0 and dom0 the guest.
check_net_ping() {
	local addr out
	if ! start_guest np net-ping "" bridge=xenbr0 || ! guest_says np net-ping PASS "$BOOT_WAIT"; then
		fail net-ping "$why"
		destroy np
		return
	fi
	addr=$(field ip "$(said np '^net-ping address')")
	line=$(said np '^net-ping ping')
	line=${line#net-ping ping }
	case $addr in
	10.0.2.1[0-9][0-9]) ;;
	*) fail net-ping "address '$addr' is not from QEMU's DHCP range (10.0.2.100 up)"; destroy np; return ;;
	esac
	if [ "$(field received "$line")" != 4 ]; then
		fail net-ping "the guest's 4 pings of 10.0.2.15: $line"
	elif ! out=$(ping -c 2 -W 5 "$addr" 2>&1); then
		fail net-ping "dom0 cannot ping the guest at $addr: $(last_line "$out")"
	else
		pass net-ping
		info "net-ping: guest $addr, round trip $(field rtt_us "$line") us"
	fi
	destroy np
}

# 64 MiB from the guest to dom0 over TCP (busybox nc both ends); dom0's md5 of
# what arrived is the guest's of what it sent.
check_tcp() {
	local data=$WORK/tcp.data ctlf=$WORK/tcp.ctl ncpid sent
	rm -f "$data" "$ctlf" "$WORK/tcp.md5"
	mkfifo "$data" "$ctlf" || { fail tcp-64m "mkfifo in $WORK"; return; }
	md5sum <"$data" >"$WORK/tcp.md5" &
	# nc's stdin is a FIFO held open both ways: it never ends, so nc stops
	# only when the guest closes the connection.
	nc -l -p "$TCP_PORT" <>"$ctlf" >"$data" &
	ncpid=$!
	if ! start_guest tcp tcp "" bridge=xenbr0 "guestport=$TCP_PORT guestmb=64" ||
		! guest_says tcp tcp "sent" "$((BOOT_WAIT + TCP_WAIT))"; then
		fail tcp-64m "$why"
	elif ! wait_for 30 eval "[ -s $WORK/tcp.md5 ]"; then
		fail tcp-64m "dom0's nc did not see the connection end"
	else
		sent=$(field md5 "$line")
		if [ "$(field bytes "$line")" != 67108864 ]; then
			fail tcp-64m "the guest sent $(field bytes "$line") bytes, not 64 MiB"
		elif [ "$(cut -d' ' -f1 "$WORK/tcp.md5")" != "$sent" ]; then
			fail tcp-64m "received md5 $(cut -d' ' -f1 "$WORK/tcp.md5"), sent $sent"
		else
			pass tcp-64m
			info "tcp-64m: 64 MiB in $(field ms "$line") ms"
		fi
	fi
	kill "$ncpid" 2>/dev/null
	destroy tcp
	wait
}

# Two guests on the bridge: one listens, the other pings it and sends it a file.
check_two_guests() {
	local addr sent got
	if ! start_guest ga listen "" bridge=xenbr0 "guestport=$PEER_PORT" ||
		! guest_says ga listen listening "$BOOT_WAIT"; then
		fail two-guests "$why"
	elif addr=$(field ip "$(said ga '^listen address')") && [ -z "$addr" ]; then
		fail two-guests "ga said no address"
	elif ! start_guest gb send "" bridge=xenbr0 "guestpeer=$addr guestport=$PEER_PORT" ||
		! guest_says gb send PASS "$BOOT_WAIT"; then
		fail two-guests "$why"
	elif [ "$(field received "$(said gb '^send ping')")" != 3 ]; then
		fail two-guests "gb's 3 pings of ga ($addr): $(said gb '^send ping' | cut -d' ' -f3-)"
	elif ! guest_says ga listen received "$STEP_WAIT"; then
		fail two-guests "$why"
	else
		got=$(field md5 "$line")
		sent=$(field md5 "$(said gb '^send sent')")
		if [ "$sent" != "$(seq_md5 100000)" ] || [ "$got" != "$sent" ]; then
			fail two-guests "gb sent md5 $sent, ga received $got (seq 1 100000 is $(seq_md5 100000))"
		else
			pass two-guests
			info "two-guests: ga $addr, gb $(field ip "$(said gb '^send address')")," \
				"round trip $(field rtt_us "$(said gb '^send ping')") us"
		fi
	fi
	destroy gb
	destroy ga
}

# blank_image: BLANK, the host's empty ext4 file system of SCRATCH, copied
# before destroy-mid-write uses SCRATCH.
blank_image() {
	[ -b "$SCRATCH" ] || { echo "no $SCRATCH (the scenario's scratch disk)"; return 1; }
	dd if="$SCRATCH" of="$BLANK" bs=1M 2>/dev/null || { echo "cannot copy $SCRATCH"; return 1; }
}

# now_s: dom0's uptime in whole seconds.
now_s() { cut -d. -f1 /proc/uptime; }

# timed NAME FUNCTION: runs the check FUNCTION and says how long it took.
timed() {
	local t0
	t0=$(now_s)
	"$2"
	info "$1: $(($(now_s) - t0)) s"
}

mkdir -p "$WORK" "$MNT"
if err=$(blank_image); then
	timed disk-write check_disk_write
	timed read-only check_read_only
	timed hotplug check_hotplug
	timed destroy-mid-write check_destroy_mid_write
else
	for c in disk-write read-only hotplug destroy-mid-write; do fail "$c" "$err"; done
fi
rm -f "$BLANK"
timed net-ping check_net_ping
timed tcp-64m check_tcp
timed two-guests check_two_guests
echo "PVCHECK DONE passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
