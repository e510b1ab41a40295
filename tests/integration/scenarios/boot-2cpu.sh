# SPDX-License-Identifier: GPL-2.0-only
# Boots with 2 CPU(s) to the banner: memory map, allocator, GIC, every CPU online, timer ticking.
SMP=2
EXPECT=(
	"Hypervisor [0-9]+\.[0-9]+\.[0-9]+ \(Xen 4\.17 guest ABI\), aarch64"
	"Memory map:"
	"RAM +0x0000000040000000 - 0x0000000080000000"
	"image +0x[0-9a-f]+ - 0x[0-9a-f]+ .*hypervisor"
	"free +0x"
	"Page allocator: [1-9][0-9]* pages free of [1-9][0-9]* managed"
	"GICv3: distributor 0x8000000, [0-9]+ SPIs"
	"GICv3: 1 redistributor region\(s\) from 0x80a0000, maintenance INTID 25, 4 list registers"
	"CPUs online: 2 of 2"
	"Timer: EL2 physical timer INTID 26, interrupt seen on 2 of 2 online CPUs"
	"Boot complete: 2 of 2 CPUs online\."
)
REJECT=("Panic" "unexpected exception" "did not come online" "stopped during")
TIMEOUT=60
