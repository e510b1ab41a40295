# SPDX-License-Identifier: GPL-2.0-only
# The sgi test guest (tests/guest/sgi.c) as a dom0less domain with 2 vCPU(s).
SMP=4
QEMU_EXTRA=($(guest_module 0 sgi))
DT_EDIT() { dom0less_add "$1" 0 sgi 2 65536 ""; }
EXPECT=(
	"dom0less: d1 'domU1': 2 vCPU\(s\), 64 MiB"
	"\(d1\) GUEST sgi: PASS"
	"d1: shut down: poweroff"
)
REJECT=("GUEST sgi: FAIL" "Panic" "unexpected exception")
TIMEOUT=90
