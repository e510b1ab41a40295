# SPDX-License-Identifier: GPL-2.0-only
# /chosen xen,xen-bootargs is read; unknown options and bad values are named, not fatal.
SMP=1
BOOTARGS="loglvl=debug bogus_option=1 loglvl=loud"
EXPECT=(
	"Command line: loglvl=debug bogus_option=1 loglvl=loud"
	"command line: unknown option 'bogus_option=1' ignored"
	"command line: bad value in 'loglvl=loud' \(one of error, warning, info, debug\), ignored"
	"Boot complete: 1 of 1 CPUs online\."
)
REJECT=("Panic" "unexpected exception")
