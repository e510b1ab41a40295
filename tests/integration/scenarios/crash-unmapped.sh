# SPDX-License-Identifier: GPL-2.0-only
# A read of an unmapped address is reported as a translation fault on that CPU only.
SMP=4
BOOTARGS="debug_crash_cpu=3 debug_crash=unmapped"
EXPECT=(
	"unexpected exception on CPU3"
	"FAR_EL2 0x0000000000000008"
	"Abort: translation fault, level [0-3], on a read"
	"CPU3 stopped; other CPUs carry on"
	"Boot complete: 3 of 4 CPUs online\."
)
REJECT=("Panic")
