# SPDX-License-Identifier: GPL-2.0-only
# The smp test guest (tests/guest/smp.c) as a dom0less domain with 4 vCPU(s).
SMP=4
QEMU_EXTRA=($(guest_module 0 smp))
DT_EDIT() { dom0less_add "$1" 0 smp 4 65536 ""; }
EXPECT=(
	"dom0less: d1 'domU1': 4 vCPU\(s\), 64 MiB"
	"\(d1\) GUEST smp: PASS"
	"d1: shut down: poweroff"
)
REJECT=("GUEST smp: FAIL" "Panic" "unexpected exception")
TIMEOUT=90
