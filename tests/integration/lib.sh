# SPDX-License-Identifier: GPL-2.0-only
# Helpers for integration scenarios and the bench: waiting on a QEMU log, and
# dom0less domains running the test guests of tests/guest (docs/specs/dom0less.md).

# wait_for LOG REGEX PID TIMEOUT: 0 when REGEX shows up, 1 on timeout, 2 if QEMU died.
wait_for() {
	local log=$1 re=$2 pid=$3 deadline=$((SECONDS + $4))
	while [ $SECONDS -lt $deadline ]; do
		grep -qE -- "$re" "$log" 2>/dev/null && return 0
		kill -0 "$pid" 2>/dev/null || { grep -qE -- "$re" "$log" && return 0; return 2; }
		sleep 0.2
	done
	return 1
}

# Guest images are loaded from this address up, 1 MiB apart per domain.
GUEST_LOAD_BASE=0x50000000
GUEST_LOAD_STRIDE=0x100000

# guest_addr INDEX: the load address of the INDEX-th guest (0-based).
guest_addr() {
	printf '0x%x' $((GUEST_LOAD_BASE + $1 * GUEST_LOAD_STRIDE))
}

# guest_module INDEX NAME: QEMU arguments loading build/guest/NAME.bin for domain INDEX.
guest_module() {
	printf '%s\n' -device "loader,file=$GUEST_DIR/$2.bin,addr=$(guest_addr "$1"),force-raw=on"
}

# dom0less_add DTB INDEX NAME CPUS MEM_KIB BOOTARGS [WEIGHT CAP AFFINITY]:
# adds /chosen/domU<INDEX+1> running guest NAME.
dom0less_add() {
	local dtb=$1 idx=$2 name=$3 cpus=$4 kib=$5 args=$6 weight=${7:-} cap=${8:-} aff=${9:-}
	local node=/chosen/domU$((idx + 1)) addr size
	addr=$(guest_addr "$idx")
	size=$(stat -c %s "$GUEST_DIR/$name.bin") || return 1
	fdtput -t u "$dtb" /chosen '#address-cells' 2 &&
	fdtput -t u "$dtb" /chosen '#size-cells' 2 &&
	fdtput -c "$dtb" "$node" &&
	fdtput -t s "$dtb" "$node" compatible xen,domain &&
	fdtput -t u "$dtb" "$node" '#address-cells' 2 &&
	fdtput -t u "$dtb" "$node" '#size-cells' 2 &&
	fdtput -t u "$dtb" "$node" cpus "$cpus" &&
	fdtput -t u "$dtb" "$node" memory 0 "$kib" &&
	fdtput -c "$dtb" "$node/module@${addr#0x}" &&
	fdtput -t s "$dtb" "$node/module@${addr#0x}" compatible multiboot,kernel multiboot,module &&
	fdtput -t x "$dtb" "$node/module@${addr#0x}" reg 0 "$addr" 0 "$(printf %x "$size")" &&
	fdtput -t s "$dtb" "$node/module@${addr#0x}" bootargs "$args" || return 1
	[ -z "$weight" ] || fdtput -t u "$dtb" "$node" sched-weight "$weight" || return 1
	[ -z "$cap" ] || fdtput -t u "$dtb" "$node" sched-cap "$cap" || return 1
	[ -z "$aff" ] || fdtput -t u "$dtb" "$node" cpu-affinity "$aff" || return 1
}

# bench_value LOG DOMID NAME METRIC: the value of "(dN) BENCH NAME METRIC VALUE UNIT".
bench_value() {
	sed -nE "s/.*\(d$2\) BENCH $3 $4 ([0-9]+) .*/\1/p" "$1" | tail -n1
}

# shutdown_permille LOG DOMID: the share of one pCPU the domain used, from its shutdown line.
shutdown_permille() {
	sed -nE "s/.*d$2: shut down: .* ([0-9]+) permille of one pCPU.*/\1/p" "$1" | tail -n1
}

# domid_of LOG NAME: the ID the hypervisor gave dom0less domain NAME (e.g. domU2).
domid_of() {
	sed -nE "s/.*dom0less: d([0-9]+) '$2'.*/\1/p" "$1" | head -n1
}

# boot_scenario N: the hypervisor alone on N CPUs up to its banner: memory map,
# allocator, GIC, every CPU online and its timer ticking.
boot_scenario() {
	SMP=$1
	EXPECT=(
		"Hypervisor [0-9]+\.[0-9]+\.[0-9]+ \(Xen 4\.17 guest ABI\), aarch64"
		"Memory map:"
		"RAM +0x0000000040000000 - 0x0000000080000000"
		"image +0x[0-9a-f]+ - 0x[0-9a-f]+ .*hypervisor"
		"free +0x"
		"Page allocator: [1-9][0-9]* pages free of [1-9][0-9]* managed"
		"GICv3: distributor 0x8000000, [0-9]+ SPIs"
		"GICv3: 1 redistributor region\(s\) from 0x80a0000, maintenance INTID 25, 4 list registers"
		"CPUs online: $1 of $1"
		"Timer: EL2 physical timer INTID 26, interrupt seen on $1 of $1 online CPUs"
		"Boot complete: $1 of $1 CPUs online\."
	)
	REJECT=("Panic" "unexpected exception" "did not come online" "stopped during")
	TIMEOUT=60
}
