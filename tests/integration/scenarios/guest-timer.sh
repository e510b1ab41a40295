# SPDX-License-Identifier: GPL-2.0-only
# The timer test guest (tests/guest/timer.c) as a dom0less domain with 1 vCPU(s).
SMP=4
QEMU_EXTRA=($(guest_module 0 timer))
DT_EDIT() { dom0less_add "$1" 0 timer 1 65536 ""; }
EXPECT=(
	"dom0less: d1 'domU1': 1 vCPU\(s\), 64 MiB"
	"\(d1\) GUEST timer: PASS"
	"d1: shut down: poweroff"
)
REJECT=("GUEST timer: FAIL" "Panic" "unexpected exception")
TIMEOUT=90
