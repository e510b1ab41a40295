// SPDX-License-Identifier: GPL-2.0-only
/* The boot vCPU's path from start.S to the guest's test (guest_main). */
#include <xen/lib.h>
#include "console.h"
#include "gic.h"
#include "mmu.h"
#include "platform.h"
#include "report.h"
#include "smp.h"
#include "timer.h"

static void print_environment(void)
{
	const struct mem_region *ram = platform_ram_at(GUEST_LINK_ADDR);

	guest_info("%u vCPU(s), RAM 0x%lx-0x%lx, %s console, CNTFRQ %lu Hz, bootargs \"%s\"",
		   nr_cpus(), ram->base, ram->base + ram->size - 1,
		   platform.xen ? "hypervisor" : "PL011", timer_freq(), platform.bootargs);
}

/* MMU off, IRQs masked, on the boot vCPU's stack, BSS clear. */
void boot_main(uint64_t dtb_addr)
{
	if (!platform_probe_console(dtb_addr))
		park();
	console_init();
	platform_probe();
	mmu_init();
	console_enable_locking();
	gic_init();
	print_environment();
	guest_main();
	guest_pass();
}
