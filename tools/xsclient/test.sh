#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
# Checks the xenstore client against a real xenstored on a temporary socket.
#   test.sh CLIENT XENSTORED
# Last line "xsclient: N passed, N failed"; non-zero exit on failure.
set -u
client=$1
daemon=$2
dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
[ -x "$daemon" ] || { echo "xsclient: no xenstored at $daemon (make -C tools/xenstored)"; exit 1; }
XENSTORED_PATH=$dir/socket
export XENSTORED_PATH
"$daemon" --socket "$XENSTORED_PATH" &
pid=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do [ -S "$XENSTORED_PATH" ] && break; sleep 0.2; done
for n in read write rm list ls chmod exists; do ln -s "$client" "$dir/xenstore-$n"; done

passed=0
failed=0
# expect NAME WANTED COMMAND...: COMMAND's stdout and status must be WANTED
expect() {
	local name=$1 want=$2 got
	shift 2
	got=$("$@" 2>&1; echo "rc=$?")
	if [ "$got" = "$want" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		printf 'FAIL %s:\n--- wanted\n%s\n--- got\n%s\n' "$name" "$want" "$got"
	fi
}

expect write "rc=0" "$dir/xenstore-write" /a/b 1 /a/c "two words"
expect read "1
two words
rc=0" "$dir/xenstore-read" /a/b /a/c
expect multicall "1
rc=0" "$client" read /a/b
expect list "b
c
rc=0" "$dir/xenstore-list" /a
expect ls '/a/b = "1"
/a/c = "two words"
rc=0' "$dir/xenstore-ls" -f /a
expect exists "rc=0" "$dir/xenstore-exists" /a/b /a/c
expect exists-not "rc=1" "$dir/xenstore-exists" /a/b /a/nothing
expect chmod "rc=0" "$dir/xenstore-chmod" /a/b n0 r5
expect chmod-bad "xenstore-chmod: bad arguments
rc=1" "$dir/xenstore-chmod" /a/b
if "$dir/xenstore-chmod" /a/b q7 >/dev/null 2>&1; then
	failed=$((failed + 1))
	echo "FAIL chmod-invalid: the perm q7 was accepted"
else
	passed=$((passed + 1))
fi
expect rm "rc=0" "$dir/xenstore-rm" /a/b
expect read-gone "xenstore-read: $("$dir/xenstore-read" /a/b 2>&1 | sed 's/^xenstore-read: //')
rc=1" "$dir/xenstore-read" /a/b
expect odd-write "xenstore-write: bad arguments
rc=1" "$dir/xenstore-write" /a/b
expect usage-rc "$( "$client" 2>&1 )
rc=2" "$client"
# a missing node is an error that names it (the library's message)
if "$dir/xenstore-read" /nowhere 2>&1 | grep -q "nowhere"; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	echo "FAIL read-missing: message does not name the path"
fi
echo "xsclient: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
