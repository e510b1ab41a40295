# SPDX-License-Identifier: GPL-2.0-only
# The hello test guest (tests/guest/hello.c) as a dom0less domain with 1 vCPU(s).
SMP=4
QEMU_EXTRA=($(guest_module 0 hello))
DT_EDIT() { dom0less_add "$1" 0 hello 1 65536 ""; }
EXPECT=(
	"dom0less: d1 'domU1': 1 vCPU\(s\), 64 MiB"
	"\(d1\) GUEST hello: PASS"
	"d1: shut down: poweroff"
)
REJECT=("GUEST hello: FAIL" "Panic" "unexpected exception")
TIMEOUT=90
