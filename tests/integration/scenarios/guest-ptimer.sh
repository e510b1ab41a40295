# SPDX-License-Identifier: GPL-2.0-only
# The ptimer test guest (EL1 physical timer, emulated) (tests/guest/ptimer.c) as a dom0less domain with 1 vCPU(s).
SMP=4
QEMU_EXTRA=($(guest_module 0 ptimer))
DT_EDIT() { dom0less_add "$1" 0 ptimer 1 65536 ""; }
EXPECT=(
	"dom0less: d1 'domU1': 1 vCPU\(s\), 64 MiB"
	"\(d1\) GUEST ptimer: PASS"
	"d1: shut down: poweroff"
)
REJECT=("GUEST ptimer: FAIL" "Panic" "unexpected exception")
TIMEOUT=90
