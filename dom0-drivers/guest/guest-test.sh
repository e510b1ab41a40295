#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=dash
#
# The example guest's side of dom0's paravirtual-device checks and benchmark
# (dom0-drivers/checks/pv-checks.sh, pv-bench.sh). Installed as
# /usr/bin/guest-test; rcS runs `guest-test NAME` in the background when the
# kernel command line has `guesttest=NAME`. Other words it reads there:
#   guestpeer=ADDR   the host to talk to (default 10.0.2.15, dom0)
#   guestport=N      its TCP port (default 5001)
#   guestmb=N        MiB to send or to write (default 64)
#   guestruns=N      bench: how many times to measure each figure (default 3)
# It prints on hvc0, which dom0 reads from the guest's console log:
#   GUEST-TEST <name> <event> [key=value ...]
#   GUEST-TEST <name> PASS                  what the guest could check itself
#   GUEST-TEST <name> FAIL: <why>
# dom0 checks the rest (checksums, the image after the guest has gone).
#
# NAME is one of:
#   disk-write         mount /dev/xvda, write known.txt (`seq 1 200000`) and
#                      random.bin (4 MiB of /dev/urandom), sync, unmount, power off
#   destroy-mid-write  mount /dev/xvda, write synced.txt (`seq 1 100000`),
#                      sync, then rewrite 1 MiB files with fsync until destroyed
#   read-only          /dev/xvda (attached read-only): a raw write must fail,
#                      a read-only mount must show known.txt; power off
#   hotplug            report /dev/xvdb and eth1 appearing and disappearing
#   net-ping           DHCP on eth0, ping the peer
#   tcp                DHCP, send guestmb MiB of /dev/urandom to peer:port with nc
#   listen             DHCP, receive one nc transfer on guestport, print its md5
#   send               DHCP, ping the peer, send `seq 1 100000` to peer:port
#   bench              /dev/xvda sequential write and read, TCP to the peer,
#                      ping round trip back to back and 1 s apart (figures
#                      for pv-bench)

PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH

NAME=${1:-}
PEER=10.0.2.15
PORT=5001
MB=64
RUNS=3
MNT=/mnt/test
DHCP_TRIES=20        # udhcpc discover attempts, 3 s apart
CONNECT_TRIES=50     # nc connection attempts, 0.2 s apart
HOTPLUG_WATCH=600    # seconds the hotplug watcher runs
DHCP_SCRIPT=/etc/udhcpc/default.script

say() { echo "GUEST-TEST $NAME $*"; }
pass() { say PASS; }
fail() { say "FAIL: $*"; }

# cmdline_words: the peer, port, size and run count from the kernel command line.
cmdline_words() {
	local word
	for word in $(cat /proc/cmdline); do
		case $word in
		guestpeer=*) PEER=${word#guestpeer=} ;;
		guestport=*) PORT=${word#guestport=} ;;
		guestmb=*) MB=${word#guestmb=} ;;
		guestruns=*) RUNS=${word#guestruns=} ;;
		esac
	done
}

# now_ms: the guest's uptime in ms (10 ms steps; busybox date has no %N).
now_ms() {
	local up _ cs
	read -r up _ </proc/uptime
	cs=${up#*.}
	echo $((${up%.*} * 1000 + ${cs#0} * 10))
}

md5_of() { md5sum "$1" | cut -d' ' -f1; }

last_line() { printf '%s\n' "$1" | sed '/^$/d' | tail -n 1; }

# mount_disk [OPTS]: /dev/xvda on MNT, or says why not.
mount_disk() {
	local err
	mkdir -p "$MNT"
	[ -b /dev/xvda ] || { fail "no /dev/xvda"; return 1; }
	if ! err=$(mount -t ext4 ${1:+-o "$1"} /dev/xvda "$MNT" 2>&1); then
		fail "mount /dev/xvda: $(last_line "$err")"
		return 1
	fi
}

# net_up: eth0 up with an address from DHCP (DHCP_SCRIPT sets it); says
# which.
net_up() {
	local err addr
	[ -e /sys/class/net/eth0 ] || { fail "no eth0"; return 1; }
	ip link set eth0 up
	if ! err=$(udhcpc -i eth0 -n -q -t "$DHCP_TRIES" -T 3 -s "$DHCP_SCRIPT" 2>&1); then
		fail "udhcpc on eth0: $(last_line "$err")"
		return 1
	fi
	addr=$(ip -4 -o addr show dev eth0 | sed -n 's/.* inet \([0-9.]*\)\/.*/\1/p' | head -n 1)
	[ -n "$addr" ] || { fail "no address on eth0 after DHCP"; return 1; }
	say "address ip=$addr"
}

# send_to HOST PORT: stdin to HOST:PORT over TCP, retrying the connection
# while nobody listens yet.
send_to() {
	local tries=0
	while ! nc "$1" "$2"; do
		tries=$((tries + 1))
		[ "$tries" -lt "$CONNECT_TRIES" ] || return 1
		sleep 0.2
	done
}

# ping_peer COUNT [-A]: pings PEER (-A: each as soon as the last one's reply
# is in); prints "received=N rtt_us=AVG".
ping_peer() {
	local out n avg
	out=$(ping -c "$1" ${2:+"$2"} -W 5 "$PEER" 2>&1)
	n=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9]*\) packets received.*/\1/p')
	avg=$(printf '%s\n' "$out" | sed -n 's|^round-trip min/avg/max = [0-9.]*/\([0-9.]*\)/.*|\1|p')
	echo "received=${n:-0} rtt_us=$(ms_to_us "${avg:-0}")"
}

# ms_to_us 58.317: 58317 (ping's milliseconds with three decimals).
ms_to_us() {
	local whole=${1%.*} frac
	case $1 in *.*) frac=${1#*.} ;; *) frac= ;; esac
	frac=$(printf '%s000' "$frac" | cut -c1-3)
	echo $((whole * 1000 + $(echo "$frac" | sed 's/^0*//;s/^$/0/')))
}

test_disk_write() {
	local known random
	mount_disk || return
	seq 1 200000 >"$MNT/known.txt" &&
		dd if=/dev/urandom of="$MNT/random.bin" bs=64k count=64 2>/dev/null && sync ||
		{ fail "write to /dev/xvda failed"; return; }
	known=$(md5_of "$MNT/known.txt")
	random=$(md5_of "$MNT/random.bin")
	umount "$MNT" || { fail "umount /dev/xvda"; return; }
	say "written known=$known random=$random"
	pass
	poweroff
}

# Never ends by itself: dom0 destroys the guest while it writes.
test_destroy_mid_write() {
	local i=0
	mount_disk || return
	seq 1 100000 >"$MNT/synced.txt" && sync || { fail "write synced.txt"; return; }
	say "synced md5=$(md5_of "$MNT/synced.txt")"
	while :; do
		dd if=/dev/urandom of="$MNT/burst$((i % 8))" bs=64k count=16 conv=fsync 2>/dev/null ||
			{ fail "write burst$((i % 8)) failed"; return; }
		i=$((i + 1))
		[ "$i" -eq 2 ] && say "writing"
	done
}

test_read_only() {
	local err
	[ -b /dev/xvda ] || { fail "no /dev/xvda"; return; }
	if err=$(dd if=/dev/zero of=/dev/xvda bs=4k count=1 conv=fsync 2>&1); then
		say "write accepted"
	else
		say "write refused: $(echo "$err" | head -n 1)"
	fi
	mount_disk ro || return
	say "read md5=$(md5_of "$MNT/known.txt")"
	if touch "$MNT/new" 2>/dev/null; then
		say "mount writable"
	fi
	umount "$MNT"
	pass
	poweroff
}

# present PATH: "present" or "absent".
present() { [ -e "$1" ] && echo present || echo absent; }

test_hotplug() {
	local disk=absent nic=absent d n end
	end=$(($(now_ms) + HOTPLUG_WATCH * 1000))
	say watching
	while [ "$(now_ms)" -lt "$end" ]; do
		d=$(present /sys/block/xvdb)
		n=$(present /sys/class/net/eth1)
		if [ "$d" != "$disk" ]; then
			disk=$d
			if [ "$d" = present ] && sleep 0.5 &&
				dd if=/dev/xvdb of=/dev/null bs=4k count=16 2>/dev/null; then
				say "xvdb present sectors=$(cat /sys/block/xvdb/size) read=ok"
			else
				say "xvdb $d"
			fi
		fi
		if [ "$n" != "$nic" ]; then
			nic=$n
			say "eth1 $n"
		fi
		sleep 0.2
	done
	say "done"
}

test_net_ping() {
	net_up || return
	say "ping $(ping_peer 4)"
	pass
}

test_tcp() {
	local t0 t1 fifo=/tmp/tcp.fifo
	net_up || return
	rm -f "$fifo" && mkfifo "$fifo" || { fail "mkfifo $fifo"; return; }
	md5sum <"$fifo" >/tmp/tcp.md5 &
	t0=$(now_ms)
	dd if=/dev/urandom bs=1M count="$MB" 2>/dev/null | tee "$fifo" | send_to "$PEER" "$PORT" ||
		{ fail "nc $PEER $PORT failed"; return; }
	t1=$(now_ms)
	wait
	say "sent bytes=$((MB * 1048576)) md5=$(cut -d' ' -f1 /tmp/tcp.md5) ms=$((t1 - t0))"
	pass
}

test_listen() {
	local fifo=/tmp/listen.fifo
	net_up || return
	# nc's stdin never ends (a FIFO held open both ways), so it only stops
	# when the sender closes the connection.
	rm -f "$fifo" && mkfifo "$fifo" || { fail "mkfifo $fifo"; return; }
	nc -l -p "$PORT" <>"$fifo" | md5sum >/tmp/listen.md5 &
	sleep 0.5
	say "listening port=$PORT"
	wait
	say "received md5=$(cut -d' ' -f1 /tmp/listen.md5)"
	pass
}

test_send() {
	net_up || return
	say "ping $(ping_peer 3)"
	seq 1 100000 | send_to "$PEER" "$PORT" || { fail "nc $PEER $PORT failed"; return; }
	say "sent md5=$(seq 1 100000 | md5sum | cut -d' ' -f1)"
	pass
}

# kib_s BYTES MS: throughput in KiB/s.
kib_s() { echo $(($1 * 1000 / ($2 > 0 ? $2 : 1) / 1024)); }

# bench_disk RUN: one sequential write (fsync'd) and read of MB MiB of /dev/xvda.
bench_disk() {
	local t0 t1 t2 bytes=$((MB * 1048576))
	t0=$(now_ms)
	dd if=/dev/zero of=/dev/xvda bs=1M count="$MB" conv=fsync 2>/dev/null ||
		{ fail "write /dev/xvda"; return 1; }
	t1=$(now_ms)
	sync
	echo 3 >/proc/sys/vm/drop_caches
	t2=$(now_ms)
	dd if=/dev/xvda of=/dev/null bs=1M count="$MB" 2>/dev/null || { fail "read /dev/xvda"; return 1; }
	say "disk run=$1 write_kib_s=$(kib_s "$bytes" $((t1 - t0))) read_kib_s=$(kib_s "$bytes" $(($(now_ms) - t2)))"
}

# bench_tcp RUN: MB MiB of zeros to PEER:PORT (dom0 discards them).
bench_tcp() {
	local t0
	t0=$(now_ms)
	dd if=/dev/zero bs=1M count="$MB" 2>/dev/null | send_to "$PEER" "$PORT" ||
		{ fail "nc $PEER $PORT failed"; return 1; }
	say "tcp run=$1 kib_s=$(kib_s $((MB * 1048576)) $(($(now_ms) - t0)))"
}

test_bench() {
	local i
	[ -b /dev/xvda ] || { fail "no /dev/xvda"; return; }
	i=1
	while [ "$i" -le "$RUNS" ]; do
		bench_disk "$i" || return
		i=$((i + 1))
	done
	net_up || return
	i=1
	while [ "$i" -le "$RUNS" ]; do
		bench_tcp "$i" || return
		i=$((i + 1))
	done
	say "ping $(ping_peer 20 -A)"
	say "ping-idle $(ping_peer 10)"
	say "done"
}

cmdline_words
case $NAME in
disk-write) test_disk_write ;;
destroy-mid-write) test_destroy_mid_write ;;
read-only) test_read_only ;;
hotplug) test_hotplug ;;
net-ping) test_net_ping ;;
tcp) test_tcp ;;
listen) test_listen ;;
send) test_send ;;
bench) test_bench ;;
*) fail "no such test '$NAME'" ;;
esac
