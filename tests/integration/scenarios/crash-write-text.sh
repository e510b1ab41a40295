# SPDX-License-Identifier: GPL-2.0-only
# A write to the hypervisor's own code faults (W^X); the report names it and
# only the faulting CPU stops: the others come online and boot completes.
SMP=4
BOOTARGS="debug_crash_cpu=2 debug_crash=write-text"
EXPECT=(
	"unexpected exception on CPU2: synchronous, current EL"
	"ESR_EL2 0x[0-9a-f]+  EC 0x25 \(data abort, same EL\)"
	"FAR_EL2 0x"
	"Abort: permission fault, level 3, on a write"
	"ELR_EL2 0x[0-9a-f]+  \(xen\.elf \+0x[0-9a-f]+\)"
	"x0  0x"
	"x30 0x[0-9a-f]+  sp  0x"
	"Backtrace"
	"CPU2 stopped; other CPUs carry on"
	"CPUs online: 3 of 4"
	"CPU2 MPIDR 0x2 stopped"
	"Boot complete: 3 of 4 CPUs online\."
)
REJECT=("Panic")
