// SPDX-License-Identifier: GPL-2.0-only
/* Secondary CPU bring-up through PSCI CPU_ON. */
#include <arch/mm.h>
#include <arch/setup.h>
#include <arch/time.h>
#include <asm/gicv3.h>
#include <asm/irq.h>
#include <asm/mmu.h>
#include <asm/percpu.h>
#include <asm/psci.h>
#include <asm/timer.h>
#include <xen/lib.h>
#include <xen/param.h>

#define CPU_UP_TIMEOUT_S   10  /* generous: TCG on a loaded host is slow */
#define NO_CPU             0xffffffffU

extern char secondary_entry[];

static unsigned int nr_started;
static volatile bool timer_ok[NR_CPUS];

/*
 * Debug aid for the tests: CPU debug_crash_cpu faults on purpose while coming
 * up, in the way debug_crash names: "unmapped" reads an unmapped address,
 * "write-text" writes to the hypervisor's own code, "exec-data" jumps into
 * its data. The last two prove the W^X map.
 */
static uint64_t crash_cpu = NO_CPU;
static char crash_kind[PARAM_STRING_MAX] = "unmapped";
DEFINE_PARAM(crash_cpu, "debug_crash_cpu", PARAM_UINT, &crash_cpu, NULL,
	     "a CPU number that faults on purpose during bring-up");
DEFINE_PARAM(crash_kind, "debug_crash", PARAM_STRING, crash_kind, NULL,
	     "unmapped, write-text or exec-data");

#define CRASH_ADDRESS 0x8UL   /* never mapped: the first page of the address space */
#define INSN_RET      0xd65f03c0U

static uint32_t data_code[4] = { INSN_RET };

void arch_secondary_main(unsigned int idx);
void __noreturn guest_start(void);
extern volatile bool guests_go;

static void __attribute__((noinline)) deliberate_fault(void)
{
	uint64_t v, addr = CRASH_ADDRESS;

	printk("CPU%u: faulting on purpose (debug_crash=%s)\n", arch_cpu_id(), crash_kind);
	if (!strcmp(crash_kind, "write-text"))
		addr = (uintptr_t)&deliberate_fault;
	if (!strcmp(crash_kind, "exec-data"))
		((void (*)(void))(uintptr_t)data_code)();
	else if (!strcmp(crash_kind, "write-text"))
		asm volatile("str %0, [%1]" : : "r"(0UL), "r"(addr) : "memory");
	else
		asm volatile("ldr %0, [%1]" : "=r"(v) : "r"(addr) : "memory");
}

void arch_secondary_main(unsigned int idx)
{
	pcpu_init(idx);
	write_sysreg(HCR_RW | HCR_IMO | HCR_FMO | HCR_AMO, hcr_el2);
	isb();
	if (idx == crash_cpu)
		deliberate_fault();
	gicv3_cpu_init();
	irq_cpu_init_guest_ppis();
	write_sysreg(read_sysreg(midr_el1), vpidr_el2);
	timer_cpu_init();
	timer_ok[idx] = timer_selftest();
	this_pcpu()->online = true;
	dsb(sy);
	sev();
	while (!guests_go)
		wfe();
	guest_start();
}

static bool wait_for(struct pcpu *c)
{
	uint64_t start = arch_counter_read(), limit = arch_counter_freq() * CPU_UP_TIMEOUT_S;

	while (!c->online && !c->parked && arch_counter_read() - start < limit)
		arch_cpu_relax();
	return c->online;
}

static void start_cpu(unsigned int idx, uint64_t mpidr)
{
	struct pcpu *c = &pcpu_data[idx];
	int64_t rc;

	c->mpidr = mpidr;
	arch_clean_dcache(&secondary_mmu, sizeof(secondary_mmu));
	rc = psci_cpu_on(mpidr, pa_init((uintptr_t)secondary_entry), idx);
	if (rc != PSCI_SUCCESS) {
		printk_level(LOG_ERR, "CPU%u (MPIDR 0x%lx): PSCI CPU_ON failed: %s (%ld)\n", idx,
			     (unsigned long)mpidr, psci_strerror(rc), (long)rc);
		return;
	}
	if (!wait_for(c))
		printk_level(LOG_ERR, "CPU%u (MPIDR 0x%lx) %s\n", idx, (unsigned long)mpidr,
			     c->parked ? "stopped during bring-up" :
					 "did not come online in " STRINGIFY(CPU_UP_TIMEOUT_S) " s");
}

unsigned int arch_smp_boot(const struct bootinfo *bi)
{
	uint64_t self = read_sysreg(mpidr_el1) & MPIDR_AFF_MASK;
	unsigned int idx = 1, online = 1;

	psci_init(bi);
	timer_ok[0] = timer_selftest();
	pcpu_data[0].online = true;
	for (unsigned int i = 0; i < bi->nr_cpus; i++) {
		if (bi->cpu_mpidr[i] == self)
			continue;
		if (idx == NR_CPUS) {
			printk_level(LOG_WARN, "CPU with MPIDR 0x%lx and later ignored: NR_CPUS is %d\n",
				     (unsigned long)bi->cpu_mpidr[i], NR_CPUS);
			break;
		}
		start_cpu(idx, bi->cpu_mpidr[i]);
		online += pcpu_data[idx++].online;
	}
	nr_started = idx;
	return online;
}

unsigned int smp_cpus_started(void);
unsigned int smp_cpus_started(void)
{
	return nr_started;
}

bool smp_timer_ok(unsigned int idx);
bool smp_timer_ok(unsigned int idx)
{
	return timer_ok[idx];
}
