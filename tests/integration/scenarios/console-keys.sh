# SPDX-License-Identifier: GPL-2.0-only
# Console input with no dom0: the bytes go to the hypervisor's debug keys.
# 'h' lists them, 'q' dumps the domains, 'r' the run queues, 'v' the vCPUs'
# registers: d1 (lifecycle, pinned to pCPU 0, which takes the UART interrupt)
# from its saved or interrupted context, d2 (fairness, spinning on pCPU 1) is
# only named. Two Ctrl-A then a key: the key still works; three Ctrl-A: no
# dom0 to switch to, input stays with the keys ('x' is then unknown).
SMP=2
# The builder takes /chosen's domains last node first: domU2 becomes d1.
QEMU_EXTRA=($(guest_module 0 fairness) $(guest_module 1 lifecycle))
DT_EDIT() {
	dom0less_add "$1" 0 fairness 1 16384 "seconds=30" "" "" 2 &&
	dom0less_add "$1" 1 lifecycle 1 16384 "seconds=30" "" "" 1
}
INPUT_AFTER="\(d1\) GUEST lifecycle: INFO"
INPUT='hqrv\x01\x01h\x01\x01\x01x'
EXPECT=(
	"\*\*\* Serial input to Xen \(no dom0; 'h' lists the debug keys\)"
	"'h' pressed -> list the debug keys"
	"  'v'  dump each vCPU's registers"
	"Console input: 0 byte\(s\) queued for dom0, 0 dropped"
	"'q' pressed -> dump domains and their vCPUs"
	"Domains: 2 \(dom0: none\)"
	"d1 'domU2': running \(shutdown code 0\), pause count 0, 1 vCPU\(s\), 4096 of 4096 pages"
	"  d1v0: online"
	"d2 'domU1': running"
	"  d2v0: online, runnable, running on pCPU1"
	"'r' pressed -> dump the scheduler's run queues"
	"sched: 2 pCPUs"
	"  cpu1: 0 queued"
	"    running d2 v0"
	"'v' pressed -> dump each vCPU's registers"
	"vCPU registers \(dumped from CPU0\):"
	"^\(XEN\) d1v0:"
	"    pc 0x00000000402[0-9a-f]{5}  pstate 0x[0-9a-f]{8} \(EL1h\)"
	"    x0  0x[0-9a-f]{16}  x1  0x"
	"    SCTLR_EL1 0x[0-9a-f]{8}"
	"    last exit: ESR_EL2"
	"^\(XEN\) d2v0:"
	"    running on pCPU 1 \(not stopped to be read\)"
	"'h' pressed -> list the debug keys"
	"\*\*\* Serial input stays with Xen \(no dom0 to switch to\)"
	"'x' pressed: no such debug key"
)
REJECT=("GUEST .*: FAIL" "Panic" "unexpected exception" "not started")
TIMEOUT=90
