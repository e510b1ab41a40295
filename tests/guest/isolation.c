// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reads and writes guest-physical addresses outside the guest's RAM and
 * devices: each access must end in a synchronous data abort taken to the
 * guest at EL1 (ESR EC 0x25, FAR = the address unless ESR says FnV), and the
 * guest must carry on. The guest's own stage 1 maps every probe (Device-nGnRE, checked with
 * AT S1E1R), so the abort cannot come from it.
 *
 * probe=<addr>,<addr>... overrides the default list, which suits the
 * hypervisor: 0, the end of RAM, the end of RAM + 1 GiB and 1 << 39.
 */
#include "lib/guest.h"

#define MAX_PROBES         8
#define HIGH_IPA_SHIFT     39
#define BEYOND_RAM_GAP     GiB(1)
#define PROBE_WRITE_VALUE  0x5a5a5a5aU
#define PROBE_READ_MARK    0xa5a5a5a5U

const char guest_name[] = "isolation";

static unsigned int default_probes(uint64_t *probes)
{
	const struct mem_region *ram = platform_ram_at(GUEST_LINK_ADDR);
	uint64_t end = ram->base + ram->size;

	probes[0] = 0;
	probes[1] = end;
	probes[2] = end + BEYOND_RAM_GAP;
	probes[3] = 1UL << HIGH_IPA_SHIFT;
	return 4;
}

/* Maps addr's page at stage 1; false if it is beyond the guest's PA size. */
static bool map_probe(uint64_t addr)
{
	uint64_t pa;
	int ret;

	if (platform_ram_at(addr))
		guest_fail("probe 0x%lx is RAM", addr);
	ret = mmu_map(addr, PAGE_SIZE, MEM_DEVICE);
	if (ret == -ERANGE)
		return false;
	if (ret)
		guest_fail("probe 0x%lx: cannot map it at stage 1: error %d", addr, ret);
	if (!mmu_translate(addr, &pa) || pa != addr)
		guest_fail("probe 0x%lx: AT S1E1R does not translate it to itself", addr);
	return true;
}

static bool access_faults(uint64_t addr, bool write, struct fault_info *fi, uint32_t *val)
{
	uint32_t v = PROBE_READ_MARK;

	fault_expect();
	if (write)
		asm volatile("str %w0, [%1]" : : "r"(PROBE_WRITE_VALUE), "r"(addr) : "memory");
	else
		asm volatile("ldr %w0, [%1]" : "+r"(v) : "r"(addr) : "memory");
	*val = v;
	return fault_taken(fi);
}

/* One access; true if it faulted as it must. */
static bool probe(uint64_t addr, bool write)
{
	const char *what = write ? "write" : "read";
	struct fault_info fi;
	uint32_t val;

	if (!access_faults(addr, write, &fi, &val)) {
		if (write)
			guest_info("probe 0x%lx write: no fault", addr);
		else
			guest_info("probe 0x%lx read: no fault, read 0x%x", addr, val);
		return false;
	}
	guest_info("probe 0x%lx %s: ESR 0x%lx (EC 0x%x, DFSC 0x%lx, WnR %d) FAR 0x%lx", addr, what,
		   fi.esr, esr_ec(fi.esr), FIELD_GET(fi.esr, ESR_ISS_DFSC_SHIFT, ESR_ISS_DFSC_BITS),
		   !!(fi.esr & ESR_ISS_WNR), fi.far);
	/* ISS beyond FnV is not checked: Xen, for one, injects these aborts with ISS = 0. */
	if (esr_ec(fi.esr) != ESR_EC_DABT_CUR)
		return false;
	return (fi.esr & ESR_ISS_FNV) || fi.far == addr;
}

static void check_ram_still_works(void)
{
	static volatile uint64_t word;

	word = PROBE_WRITE_VALUE;
	if (word != PROBE_WRITE_VALUE)
		guest_fail("RAM no longer reads back what was written");
}

void guest_main(void)
{
	uint64_t probes[MAX_PROBES];
	int n = bootarg_u64_list("probe", probes, MAX_PROBES);
	unsigned int good = 0, tried = 0;

	if (n < 0)
		n = (int)default_probes(probes);
	for (int i = 0; i < n; i++) {
		if (!map_probe(probes[i])) {
			guest_info("probe 0x%lx: beyond the PA size, skipped", probes[i]);
			continue;
		}
		good += probe(probes[i], false) + probe(probes[i], true);
		tried += 2;
	}
	check_ram_still_works();
	guest_info("%u of %u accesses gave a data abort at EL1", good, tried);
	if (!tried || good != tried)
		guest_fail("%u of %u accesses outside RAM did not fault as expected", tried - good,
			   tried);
}
