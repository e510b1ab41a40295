# SPDX-License-Identifier: GPL-2.0-only
#
#   make          build the hypervisor (build/xen/xen.bin) with gcc
#   make run      install what is missing, build, boot it under QEMU with dom0, which
#                 creates the example guest and attaches its console (Ctrl-] X quits)
#   make test     install what is missing, run every test; ends with "N passed, N failed"
#   make bench    install what is missing, print the performance figures as a table
#   make deps     install the build and test dependencies only
#   make dom0     dom0's kernel, initramfs and test disk in build/dom0 (dom0-drivers/README.md)
#   make tools    the toolstack (libctl, xenstored, consoled, ctl, xenstore-*) for this machine
#   make tools-arm64  the same, static for arm64, as dom0 runs it (build/arm64/bin)
#   make tools-unit   the toolstack's unit tests
#   make clean

BUILD := $(CURDIR)/build
CROSS ?= aarch64-linux-gnu-
RUN_SMP ?= 4
RUN_MEM ?= 2G
RUN_BOOTARGS ?= dom0_mem=512M
# dom0guest: dom0's init creates the example guest with `ctl create -c` and
# attaches its console; its shell ends with the guest (dom0's shell follows).
RUN_DOM0_ARGS ?= console=hvc0 dom0guest
# The toolstack, in build order (libctl first: the others link it).
TOOLS := libctl xenstored consoled cli xsclient

.PHONY: all xen xen-clang guests unit tools tools-arm64 tools-unit integration test bench run deps \
	check-tools clean help

all: xen

help:
	@sed -n '3,13p' Makefile | sed 's/^# //'

deps:
	@tools/setup/install-deps.sh

check-tools:
	@command -v $(CROSS)gcc >/dev/null || { \
		echo "error: $(CROSS)gcc not found: run 'make deps' (installs gcc-aarch64-linux-gnu)" >&2; \
		exit 1; }

xen: check-tools
	@$(MAKE) --no-print-directory -C xen TOOLCHAIN=gcc O=$(BUILD)/xen

xen-clang: check-tools
	@$(MAKE) --no-print-directory -C xen TOOLCHAIN=clang O=$(BUILD)/xen-clang

guests: check-tools
	@$(MAKE) --no-print-directory -C tests/guest O=$(BUILD)/guest

unit:
	@$(MAKE) --no-print-directory -C tests/unit O=$(BUILD)/unit run

# The toolstack for the build machine, each component in build/tools/NAME.
tools:
	@set -e; for t in $(TOOLS); do \
		$(MAKE) --no-print-directory -C tools/$$t O=$(BUILD)/tools/$$t; done

# The toolstack as dom0 runs it: static arm64 binaries in build/arm64/bin.
tools-arm64: check-tools
	@dom0-drivers/build-tools.sh $(BUILD)/arm64

# The toolstack's host tests (make test runs each as its own stage; xsclient's
# runs the daemon that `tools` builds).
tools-unit: tools
	@set -e; for t in $(TOOLS); do \
		$(MAKE) --no-print-directory -C tools/$$t O=$(BUILD)/tools/$$t test; done

integration: xen guests dom0
	@tests/integration/run.sh -k $(BUILD)/xen/xen.bin -o $(BUILD)/integration -g $(BUILD)/guest

test: deps
	@tests/run-all.sh

bench: deps xen guests dom0
	@tests/bench/run.sh -k $(BUILD)/xen/xen.bin -g $(BUILD)/guest -o $(BUILD)/bench

run: deps xen dom0
	@tools/qemu/run.sh $(BUILD)/xen/xen.bin $(BUILD)/dom0 $(RUN_SMP) $(RUN_MEM) "$(RUN_BOOTARGS)" \
		"$(RUN_DOM0_ARGS)"

# dom0's Image, initramfs.cpio.gz (with the toolstack and the example guest)
# and disk.img; the script rebuilds only when its inputs (dom0-drivers/, the
# cached packages, the compiler, the toolstack's binaries) change.
.PHONY: dom0
dom0: check-tools tools-arm64
	@TOOLS_OUT=$(BUILD)/arm64 TOOLS_PREBUILT=1 dom0-drivers/build-initramfs.sh $(BUILD)/dom0

clean:
	rm -rf $(BUILD)
