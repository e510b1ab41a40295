# SPDX-License-Identifier: GPL-2.0-only
# The CPU and firmware a guest sees: hidden features, -ENOSYS for unknown
# hypercalls, NOT_SUPPORTED for unknown SMCCC calls, undefined for a bad hvc.
SMP=2
QEMU_EXTRA=($(guest_module 0 features))
DT_EDIT() { dom0less_add "$1" 0 features 1 32768 ""; }
EXPECT=(
	"\(d1\) GUEST features: INFO ID registers hide"
	"\(d1\) GUEST features: INFO unknown hypercalls"
	"\(d1\) GUEST features: PASS"
	"d1: shut down: poweroff"
)
REJECT=("GUEST features: FAIL" "Panic" "unexpected exception")
