// SPDX-License-Identifier: GPL-2.0-only
/*
 * Cost of the operations a hypervisor traps or emulates, in CNTVCT_EL0
 * ticks: iters= (default 10000) calls of each after a few untimed ones,
 * minus the same loop calling an empty function, divided by iters.
 *   trap xen_version      HVC #0xEA1 xen_version(XENVER_version) (hypervisor only)
 *   trap psci_version     PSCI_VERSION over HVC #0
 *   trap gicd_typer_read  a 32-bit read of GICD_TYPER
 *   trap id_aa64pfr0_read MRS ID_AA64PFR0_EL1
 *   trap sgi1r_write      ICC_SGI1R_EL1 write of a disabled SGI to this vCPU
 */
#include "lib/guest.h"
#include "lib/measure.h"

#define DEFAULT_ITERS  10000
#define GICD_TYPER     0x0004        /* IHI 0069H, GICD_TYPER */
#define BENCH_SGI      15            /* disabled throughout, so never delivered */

const char guest_name[] = "bench";

static uint64_t gicd_typer_addr;
static uint64_t sgi1r_self;

static void op_empty(void)
{
	barrier();
}

static void op_xen_version(void)
{
	xen_hypercall(HYPERVISOR_xen_version, XENVER_version, 0, 0);
}

/* Only measured with the HVC conduit. */
static void op_psci_version(void)
{
	psci_version();
}

static void op_gicd_typer_read(void)
{
	mmio_read32(gicd_typer_addr);
}

static void op_id_aa64pfr0_read(void)
{
	read_sysreg(id_aa64pfr0_el1);
}

static void op_sgi1r_write(void)
{
	gic_write_sgi1r(sgi1r_self);
}

static void bench(const char *metric, measure_fn op, uint64_t iters, uint64_t empty)
{
	uint64_t t = measure_ticks(op, iters);

	guest_bench("trap", metric, t > empty ? (t - empty) / iters : 0, "ticks");
}

/* The writes leave the disabled SGI pending (IRQs stay masked throughout): clear it. */
static void sgi_cleanup(void)
{
	guest_info("SGI %u %s pending after the writes", BENCH_SGI,
		   gic_is_pending(BENCH_SGI) ? "is" : "is not");
	gic_clear_pending(BENCH_SGI);
}

void guest_main(void)
{
	uint64_t iters = bootarg_u64("iters", DEFAULT_ITERS), empty;

	if (!iters)
		guest_fail("iters=0");
	gicd_typer_addr = platform.gicd.base + GICD_TYPER;
	sgi1r_self = gic_sgi1r_value(BENCH_SGI, this_cpu());
	gic_disable_irq(BENCH_SGI);
	empty = measure_ticks(op_empty, iters);
	guest_info("%lu iterations each, CNTFRQ %lu Hz, empty loop %lu ticks", iters,
		   timer_freq(), empty);
	if (platform.xen)
		bench("xen_version", op_xen_version, iters, empty);
	else
		guest_info("no hypervisor node: xen_version skipped");
	if (platform.psci == PSCI_CONDUIT_HVC)
		bench("psci_version", op_psci_version, iters, empty);
	else
		guest_info("PSCI conduit is not HVC: psci_version skipped");
	bench("gicd_typer_read", op_gicd_typer_read, iters, empty);
	bench("id_aa64pfr0_read", op_id_aa64pfr0_read, iters, empty);
	bench("sgi1r_write", op_sgi1r_write, iters, empty);
	sgi_cleanup();
}
