#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=dash
#
# The toolstack's checks, run in dom0 (installed as /usr/bin/toolstack-checks;
# init runs it when the kernel command line has `toolstacktest`). They drive
# `ctl` as a user would: boot a Linux guest to its shell on hvc0, list it,
# shut it down and reboot it, run four at once, refuse a bad configuration,
# and create and destroy domains 200 times without losing memory or
# xenstore nodes. One line per check:
#   TOOLCHECK PASS <name>
#   TOOLCHECK FAIL <name>: <why>
# and a last line
#   TOOLCHECK DONE passed=N failed=M

IMAGES=${IMAGES:-/var/lib/ctl/images}
GUEST_CFG=$IMAGES/guest.cfg
LOG_DIR=/var/log/ctl/console
WORK=/tmp/toolstack-checks
BOOT_WAIT=90          # seconds for a guest to reach its shell
GONE_WAIT=60          # seconds for a guest to power off or restart
CYCLES=${CYCLES:-200}
CYCLE_KERNEL=${CYCLE_KERNEL:-$IMAGES/tiny.bin}

passed=0
failed=0
pass() {
	echo "TOOLCHECK PASS $1"
	passed=$((passed + 1))
}
fail() {
	echo "TOOLCHECK FAIL $1: $2"
	failed=$((failed + 1))
}

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

# show_logs NAME: the daemons' and NAME's last log lines, after a failure.
show_logs() {
	local f
	for f in /var/log/ctl/consoled.log /var/log/ctl/xenstored.log \
		/var/log/ctl/monitor-"$1".log "$LOG_DIR/guest-$1.log"; do
		[ -f "$f" ] || continue
		echo "TOOLCHECK LOG $f:"
		tail -n 8 "$f" | sed 's/^/TOOLCHECK LOG   /'
	done
}

# log_has NAME TEXT: the guest's console log holds TEXT.
log_has() { grep -q "$2" "$LOG_DIR/guest-$1.log" 2>/dev/null; }

# nr_in_log NAME TEXT: how many lines of the guest's console log hold TEXT.
nr_in_log() { grep -c "$2" "$LOG_DIR/guest-$1.log" 2>/dev/null || echo 0; }

# domid_of NAME: the domain's ID, empty if there is none.
domid_of() { ctl domid "$1" 2>/dev/null; }

# list_row NAME: NAME's row of `ctl list`, empty if it is not listed.
list_row() { ctl list 2>/dev/null | awk -v n="$1" '$1 == n'; }

gone() { [ -z "$(list_row "$1")" ]; }

# xs_nodes: how many nodes the store holds (xenstore-ls prints one per line).
xs_nodes() { xenstore-ls -f / 2>/dev/null | wc -l; }

# free_pages: the hypervisor's free memory in pages (xentest reads physinfo).
free_pages() { xentest freepages 2>/dev/null; }

check_daemons() {
	local row
	row=$(list_row Domain-0)
	if [ -z "$row" ]; then
		fail daemons "ctl list has no Domain-0 row: $(last_line "$(ctl list 2>&1)")"
	elif [ ! -S /run/xenstored/socket ] || [ ! -S /run/ctl/consoled.sock ]; then
		fail daemons "xenstored or consoled socket missing"
	elif [ "$(xenstore-read /local/domain/0/name 2>&1)" != Domain-0 ]; then
		fail daemons "/local/domain/0/name is not Domain-0"
	else
		pass daemons
	fi
}

# The guest boots to its shell and a command typed on hvc0 runs there.
check_console() {
	local out
	out=$({
		wait_for "$BOOT_WAIT" log_has guest "GUEST-INIT: up"
		sleep 1
		echo 'echo "console says $((6 * 7))"'
		sleep 2
	} | ctl create -c "$GUEST_CFG" 2>&1)
	if ! log_has guest "GUEST-INIT: up"; then
		fail create-console "guest did not reach its init in ${BOOT_WAIT}s: $(last_line "$out")"
	elif printf '%s\n' "$out" | grep -q "console says 42"; then
		pass create-console
	else
		fail create-console "no answer from the guest's shell: $(last_line "$out")"
	fi
}

# ctl list: name, 128 MiB, 1 vCPU, running or blocked, some CPU time.
check_list() {
	local row
	row=$(list_row guest)
	set -- $row
	if [ $# -lt 6 ]; then
		fail list "no row for guest: '$row'"
	elif [ "$3" != 128 ] || [ "$4" != 1 ]; then
		fail list "memory $3 vcpus $4, expected 128 and 1: '$row'"
	elif ! printf '%s' "$5" | grep -qE '^(r-----|-b----)$'; then
		fail list "state '$5' is not running or blocked: '$row'"
	elif ! printf '%s' "$6" | grep -qE '^[0-9]+\.[0-9]$'; then
		fail list "time '$6' is not seconds: '$row'"
	else
		pass list
	fi
}

# ctl reboot: the guest restarts (a new domain ID) and reaches its shell again.
check_reboot() {
	local old new out
	old=$(domid_of guest)
	if ! out=$(ctl reboot guest 2>&1); then
		fail reboot "$(last_line "$out")"
		return
	fi
	restarted() { new=$(domid_of guest); [ -n "$new" ] && [ "$new" != "$old" ]; }
	booted_twice() { [ "$(nr_in_log guest 'GUEST-INIT: up')" -ge 2 ]; }
	if ! wait_for "$GONE_WAIT" restarted; then
		fail reboot "guest (d$old) did not come back with a new ID"
	elif ! wait_for "$BOOT_WAIT" booted_twice; then
		fail reboot "guest d$new did not reach its init again"
		show_logs guest
	else
		pass reboot
	fi
}

# ctl shutdown -w: the guest powers off cleanly and is gone.
check_shutdown() {
	local out
	if ! out=$(ctl shutdown -w guest 2>&1); then
		fail shutdown "$(last_line "$out")"
	elif ! wait_for "$GONE_WAIT" gone guest; then
		fail shutdown "guest still listed after powering off"
	elif ! log_has guest "reboot: Power down"; then
		fail shutdown "guest's log has no orderly power-down"
	else
		pass shutdown
	fi
}

check_four() {
	local i out up
	for i in 1 2 3 4; do
		if ! out=$(ctl create "$GUEST_CFG" name=four$i 2>&1); then
			fail four-guests "create four$i: $(last_line "$out")"
			return
		fi
	done
	all_up() {
		for i in 1 2 3 4; do log_has four$i "GUEST-INIT: up" || return 1; done
	}
	up=$(ctl list | grep -c '^four')
	if ! wait_for "$BOOT_WAIT" all_up; then
		fail four-guests "not all four reached their init"
	elif [ "$up" != 4 ]; then
		fail four-guests "ctl list shows $up of them"
	else
		pass four-guests
	fi
	for i in 1 2 3 4; do ctl destroy four$i >/dev/null 2>&1; done
}

check_bad_cfg() {
	local before after out
	before=$(ctl list | wc -l)
	printf 'name = "bad"\nmemory = 64\nvcpus = "two"\nkernel = "%s"\n' \
		"$IMAGES/Image" >"$WORK/bad.cfg"
	if out=$(ctl create "$WORK/bad.cfg" 2>&1); then
		fail bad-cfg "ctl create accepted it"
		return
	fi
	after=$(ctl list | wc -l)
	if ! printf '%s\n' "$out" | grep -q "bad.cfg:3:[0-9]*: vcpus"; then
		fail bad-cfg "message does not name line 3 and vcpus: $(last_line "$out")"
	elif [ "$before" != "$after" ]; then
		fail bad-cfg "ctl list went from $before to $after lines"
	else
		pass bad-cfg
	fi
}

# CYCLES create/destroy cycles of a small paused domain.
check_cycles() {
	local mem0 nodes0 mem1 nodes1 i out
	printf 'name = "cycle"\nmemory = 16\nvcpus = 2\nkernel = "%s"\n' \
		"$CYCLE_KERNEL" >"$WORK/cycle.cfg"
	mem0=$(free_pages)
	nodes0=$(xs_nodes)
	i=0
	while [ "$i" -lt "$CYCLES" ]; do
		if ! out=$(ctl create -p -q "$WORK/cycle.cfg" 2>&1) ||
			! out=$(ctl destroy cycle 2>&1); then
			fail create-destroy-cycles "cycle $i: $(last_line "$out")"
			return
		fi
		i=$((i + 1))
	done
	mem1=$(free_pages)
	nodes1=$(xs_nodes)
	if [ -z "$mem0" ] || [ "$mem0" != "$mem1" ]; then
		fail create-destroy-cycles "free pages $mem0 before, $mem1 after"
	elif [ "$nodes0" != "$nodes1" ]; then
		fail create-destroy-cycles "xenstore nodes $nodes0 before, $nodes1 after"
	else
		pass create-destroy-cycles
		echo "TOOLCHECK INFO $CYCLES cycles: free $mem1 pages, $nodes1 xenstore nodes"
	fi
}

mkdir -p "$WORK"
check_daemons
check_bad_cfg
check_console
check_list
check_reboot
check_shutdown
check_four
check_cycles
echo "TOOLCHECK DONE passed=$passed failed=$failed"
[ "$failed" -eq 0 ]
