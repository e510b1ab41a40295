#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=dash
#
# The toolstack's benchmark, run in dom0 (installed as /usr/bin/toolstack-bench;
# init runs it when the kernel command line has `toolstackbench`). For RUNS
# guests of the example configuration, wall-clock milliseconds in dom0:
#   create_ms  `ctl create guest.cfg` start to its return
#   init_ms    `ctl create` start to the guest's init saying "GUEST-INIT: up"
#              in its console log (its first script line: a little after the
#              kernel's "Run /init", which the guest's quiet kernel does not print)
# One line per run and a last line with the medians:
#   TOOLBENCH run=N create_ms=A init_ms=B
#   TOOLBENCH median create_ms=A init_ms=B

IMAGES=${IMAGES:-/var/lib/ctl/images}
LOG_DIR=/var/log/ctl/console
RUNS=${RUNS:-3}
INIT_WAIT_MS=60000
MARK="GUEST-INIT: up"

# now_ms: dom0's uptime in ms (10 ms steps; busybox date has no %N).
now_ms() {
	local up _ cs
	read -r up _ </proc/uptime
	cs=${up#*.}
	echo $((${up%.*} * 1000 + ${cs#0} * 10))
}

# one_run N: prints "create_ms init_ms" or fails.
one_run() {
	local name=bench$1 t0 t1 t2 log=$LOG_DIR/guest-bench$1.log
	rm -f "$log"
	t0=$(now_ms)
	ctl create -q "$IMAGES/guest.cfg" name="$name" >/dev/null || return 1
	t1=$(now_ms)
	until grep -q "$MARK" "$log" 2>/dev/null; do
		[ $(($(now_ms) - t0)) -lt $INIT_WAIT_MS ] || return 1
		sleep 0.01
	done
	t2=$(now_ms)
	ctl destroy "$name" >/dev/null 2>&1
	echo "$((t1 - t0)) $((t2 - t0))"
}

median() { sort -n | sed -n "$(((RUNS + 1) / 2))p"; }

i=0
: >/tmp/toolbench
while [ "$i" -lt "$RUNS" ]; do
	if ! r=$(one_run "$i"); then
		echo "TOOLBENCH FAILED run=$i"
		exit 1
	fi
	set -- $r
	echo "TOOLBENCH run=$i create_ms=$1 init_ms=$2"
	echo "$r" >>/tmp/toolbench
	i=$((i + 1))
done
echo "TOOLBENCH median create_ms=$(cut -d' ' -f1 /tmp/toolbench | median)" \
	"init_ms=$(cut -d' ' -f2 /tmp/toolbench | median)"
