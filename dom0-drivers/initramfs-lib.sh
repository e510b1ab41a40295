# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# What dom0's and the example guest's initramfs builders share. Source it
# after defining die MESSAGE (exits) and EPOCH (the entries' time).

# newc_entry NAME MODE RDEVMAJOR RDEVMINOR: one empty newc entry (a device node
# or the trailer), made without root or fakeroot.
newc_entry() {
	local name=$1 mode=$2 maj=$3 min=$4 namesize hdr pad
	namesize=$((${#name} + 1))
	hdr=$(printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		0 "$mode" 0 0 1 "$EPOCH" 0 0 0 "$maj" "$min" "$namesize" 0)
	pad=$(((4 - (110 + namesize) % 4) % 4))
	printf '%s%s\0' "$hdr" "$name"
	head -c "$pad" /dev/zero
}

# module_closure ROOT KX KVER LIST: copies the modules LIST names (one per
# line, # comments) and everything they depend on from the extracted kernel
# package KX into ROOT, writes ROOT's modules.dep and checks it against the
# package's; prints how many modules were copied.
module_closure() {
	local root=$1 kx=$2 kver=$3 list=$4 moddir=lib/modules/$3 noconf mod deps kind path _ rel r
	local -A files=()
	noconf=$(mktemp -d)   # an empty configuration: the host's modprobe.d/depmod.d must not count
	while read -r mod _; do
		case $mod in '' | '#'*) continue ;; esac
		deps=$(modprobe -C "$noconf" -d "$kx" -S "$kver" --show-depends --ignore-install "$mod" 2>&1) ||
			die "module $mod: $deps"
		while read -r kind path _; do
			case $kind in
			insmod) files[${path#"$kx"/}]=1 ;;
			builtin) ;;
			*) die "module $mod: unexpected modprobe output: $kind $path" ;;
			esac
		done <<<"$deps"
	done <"$list"
	[ ${#files[@]} -gt 0 ] || die "$list names no module"
	for rel in "${!files[@]}"; do
		install -D -m 0644 "$kx/$rel" "$root/$rel"
	done
	mkdir -p "$root/$moddir"
	cp "$kx/$moddir"/modules.{order,builtin,builtin.modinfo} "$root/$moddir/"
	depmod -C "$noconf" -b "$root" "$kver"
	rm -rf "$noconf"
	# Each copied module must depend on exactly what it depends on in the
	# whole package (a missing provider would shorten its line).
	for rel in "${!files[@]}"; do
		r=${rel#"$moddir"/}
		[ "$(awk -v m="$r:" '$1 == m' "$kx/$moddir/modules.dep")" = \
			"$(awk -v m="$r:" '$1 == m' "$root/$moddir/modules.dep")" ] ||
			die "modules.dep of $root disagrees with the package's for $r"
	done
	echo "${#files[@]}"
}
