# SPDX-License-Identifier: GPL-2.0-only
# Executing the hypervisor's data faults (W^X: data is execute-never).
SMP=2
BOOTARGS="debug_crash_cpu=1 debug_crash=exec-data"
EXPECT=(
	"unexpected exception on CPU1: synchronous, current EL"
	"EC 0x21 \(instruction abort, same EL\)"
	"Abort: permission fault, level 3, on a fetch"
	"CPU1 stopped; other CPUs carry on"
	"Boot complete: 1 of 2 CPUs online\."
)
REJECT=("Panic")
