#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Integration runner: boots the hypervisor under QEMU once per scenario with a
# hard timeout, keeps the serial log, checks the expected lines in order and
# the forbidden ones, and prints one PASS/FAIL line per scenario and a closing
# "N passed, N failed" line. Exit status 1 if anything failed.
#
#   run.sh [-k IMAGE] [-o OUTDIR] [SCENARIO ...]   (default: scenarios/*.sh)
#
# A scenario file is sourced in a subshell and sets:
#   SMP, MEM        machine size (defaults 4, 1G)
#   BOOTARGS        written to /chosen xen,xen-bootargs (optional)
#   DT_EDIT         a function run as DT_EDIT DTB to change the DTB (optional)
#   EXPECT=( ... )  extended regexes that must appear, in this order
#   REJECT=( ... )  extended regexes that must not appear anywhere
#   DONE            regex ending the run early (default: the last EXPECT)
#   TIMEOUT         seconds before QEMU is killed (default 60)
#   QEMU_EXTRA=(..) more QEMU arguments (e.g. from guest_module, see lib.sh)
#   CHECK           a function run as CHECK LOG after the run; non-zero fails the
#                   scenario with what it printed (numeric checks: shares, ratios)
#   BEFORE          a function run as BEFORE OUTDIR before QEMU starts, to make
#                   what the run needs on the host (a scratch disk image);
#                   non-zero fails the scenario with what it printed
#   AFTER           a function run as AFTER LOG OUTDIR once QEMU has exited and
#                   the log has passed, to check what the run left on the host
#                   (e2fsck of a guest's disk); non-zero fails the scenario
#                   with what it printed
#   INPUT           bytes typed on the serial console (printf %b escapes), sent
#                   once INPUT_AFTER (a regex; empty: at once) is in the log
# Scenarios may use the helpers of lib.sh (dom0less guests); GUEST_DIR is
# where the test guests are built. OUTDIR, set before a scenario is sourced,
# is the output directory (-o): the logs, and the files a scenario makes
# (named after the scenario).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tools/qemu/machine.sh"
. "$here/lib.sh"

image=$top/build/xen/xen.bin
out=$top/build/integration
export GUEST_DIR=${GUEST_DIR:-$top/build/guest}
while getopts "k:o:g:" opt; do
	case $opt in
	k) image=$OPTARG ;;
	o) out=$OPTARG ;;
	g) GUEST_DIR=$OPTARG ;;
	*) echo "usage: run.sh [-k IMAGE] [-o OUTDIR] [-g GUEST_DIR] [SCENARIO ...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ -f "$image" ] || { echo "run.sh: no hypervisor image at $image" >&2; exit 2; }
mkdir -p "$out"

# check_order LOG REGEX...: prints the first regex not found after the previous match.
check_order() {
	local log=$1 line=0 re n
	shift
	for re in "$@"; do
		n=$(tail -n +$((line + 1)) "$log" | grep -nE -m1 -- "$re" | cut -d: -f1)
		if [ -z "$n" ]; then
			echo "$re"
			return 1
		fi
		line=$((line + n))
	done
}

# make_dtb NAME: the scenario's DTB path, or nothing if QEMU's own will do.
make_dtb() {
	local dtb=$out/$1.dtb
	if [ -z "${BOOTARGS:-}" ] && ! declare -F DT_EDIT >/dev/null; then
		return 0
	fi
	qemu_dumpdtb "$SMP" "$MEM" "$dtb" || return 1
	if [ -n "${BOOTARGS:-}" ]; then
		fdtput -t s "$dtb" /chosen xen,xen-bootargs "$BOOTARGS" || return 1
	fi
	if declare -F DT_EDIT >/dev/null; then
		DT_EDIT "$dtb" || return 1
	fi
	echo "$dtb"
}

# run_scenario FILE: prints PASS/FAIL; returns 0 on PASS.
run_scenario() (
	local name log dtb pid rc why re args serial infd
	name=$(basename "$1" .sh)
	log=$out/$name.log
	SMP=4 MEM=1G TIMEOUT=60 BOOTARGS="" EXPECT=() REJECT=() DONE="" QEMU_EXTRA=()
	INPUT="" INPUT_AFTER="" OUTDIR=$out
	. "$1"
	[ -n "$DONE" ] || DONE=${EXPECT[-1]}
	dtb=$(make_dtb "$name") || { echo "FAIL $name: could not prepare its device tree"; return 1; }
	if declare -F BEFORE >/dev/null && ! re=$(BEFORE "$out" 2>&1); then
		echo "FAIL $name: before the run: ${re:-failed}"
		return 1
	fi
	mapfile -t args < <(qemu_args "$SMP" "$MEM" "$dtb")
	: >"$log"
	serial=(-serial "file:$log")
	if [ -n "$INPUT" ]; then
		# The serial input is a FIFO we hold open, so QEMU neither blocks nor sees EOF.
		rm -f "$out/$name.in" && mkfifo "$out/$name.in" && exec {infd}<>"$out/$name.in" ||
			{ echo "FAIL $name: could not make its input FIFO"; return 1; }
		serial=(-chardev "file,id=ser0,path=$log,input-path=$out/$name.in" -serial chardev:ser0)
	fi
	"$QEMU" "${args[@]}" "${QEMU_EXTRA[@]}" "${serial[@]}" -kernel "$image" \
		</dev/null >"$log.qemu" 2>&1 &
	pid=$!
	if [ -n "$INPUT" ] && wait_for "$log" "${INPUT_AFTER:-.}" "$pid" "$TIMEOUT"; then
		printf '%b' "$INPUT" >&"$infd"
	fi
	wait_for "$log" "$DONE" "$pid" "$TIMEOUT"
	rc=$?
	sleep 0.3   # let the lines after DONE arrive
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	case $rc in
	1) why="timed out after ${TIMEOUT}s waiting for /$DONE/" ;;
	2) why="QEMU exited before /$DONE/: $(head -c 300 "$log.qemu")" ;;
	*) why="" ;;
	esac
	if [ -z "$why" ] && ! re=$(check_order "$log" "${EXPECT[@]}"); then
		why="expected /$re/ (in order)"
	fi
	for re in "${REJECT[@]}"; do
		[ -z "$why" ] && grep -qE -- "$re" "$log" && why="forbidden /$re/ seen"
	done
	if [ -z "$why" ] && declare -F CHECK >/dev/null; then
		if ! re=$(CHECK "$log"); then
			why="check: ${re:-failed}"
		fi
	fi
	if [ -z "$why" ] && declare -F AFTER >/dev/null; then
		if ! re=$(AFTER "$log" "$out" 2>&1); then
			why="after the run: ${re:-failed}"
		fi
	fi
	if [ -n "$why" ]; then
		echo "FAIL $name: $why (log: $log)"
		return 1
	fi
	echo "PASS $name"
)

main() {
	local passed=0 failed=0 s
	local scenarios=("$@")
	[ ${#scenarios[@]} -gt 0 ] || scenarios=("$here"/scenarios/*.sh)
	for s in "${scenarios[@]}"; do
		if run_scenario "$s"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
		fi
	done
	echo "integration: $passed passed, $failed failed"
	[ $failed -eq 0 ]
}

main "$@"
