# SPDX-License-Identifier: GPL-2.0-only
# Boots with 2 CPU(s) to the banner (boot_scenario in lib.sh says what is checked).
boot_scenario 2
