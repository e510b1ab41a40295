// SPDX-License-Identifier: GPL-2.0-only
/*
 * Exceptions the hypervisor takes from itself. Synchronous ones go through a
 * table indexed by ESR_EL2.EC whose default is the crash report; the report
 * stops only the faulting CPU.
 */
#include <arch/cpu.h>
#include <asm/percpu.h>
#include <asm/regs.h>
#include <asm/sysregs.h>
#include <xen/console.h>
#include <xen/lib.h>

#define BACKTRACE_MAX 32

typedef void (*hyp_sync_fn)(struct cpu_regs *regs);

extern char _start_image[], _etext[];

/* Exception classes by name (Arm ARM D24.2.40, ESR_ELx.EC). */
static const char *const ec_names[ESR_EC_MAX + 1] = {
	[0x00] = "unknown reason",
	[0x01] = "WFI/WFE",
	[0x07] = "SVE/SIMD/FP access",
	[0x0e] = "illegal execution state",
	[0x15] = "SVC (AArch64)",
	[0x16] = "HVC (AArch64)",
	[0x17] = "SMC (AArch64)",
	[0x18] = "MSR/MRS/system instruction",
	[0x19] = "SVE access",
	[0x20] = "instruction abort, lower EL",
	[0x21] = "instruction abort, same EL",
	[0x22] = "PC alignment fault",
	[0x24] = "data abort, lower EL",
	[0x25] = "data abort, same EL",
	[0x26] = "SP alignment fault",
	[0x2f] = "SError",
	[0x30] = "breakpoint, lower EL",
	[0x31] = "breakpoint, same EL",
	[0x3c] = "BRK instruction",
};

static const char *const vec_names[VEC_COUNT] = {
	"synchronous, current EL with SP_EL0", "IRQ, current EL with SP_EL0",
	"FIQ, current EL with SP_EL0", "SError, current EL with SP_EL0",
	"synchronous, current EL", "IRQ, current EL",
	"FIQ, current EL", "SError, current EL",
	"synchronous, lower EL (AArch64)", "IRQ, lower EL (AArch64)",
	"FIQ, lower EL (AArch64)", "SError, lower EL (AArch64)",
	"synchronous, lower EL (AArch32)", "IRQ, lower EL (AArch32)",
	"FIQ, lower EL (AArch32)", "SError, lower EL (AArch32)",
};

static const char *ec_name(uint64_t esr)
{
	const char *n = ec_names[(esr >> ESR_EC_SHIFT) & ESR_EC_MASK];

	return n ? n : "reserved/unhandled class";
}

/* Abort syndromes (Arm ARM D24.2.40, ISS for EC 0x20/0x21/0x24/0x25). */
#define ISS_FSC_MASK    0x3fUL
#define ISS_WNR         (1UL << 6)
#define FSC_TYPE(fsc)   ((fsc) >> 2)
#define FSC_LEVEL(fsc)  ((fsc) & 3)
#define FSC_ALIGNMENT   0x21
#define FSC_EXTERNAL    0x10
#define EC_IABT_LOW     0x20
#define EC_IABT_CUR     0x21
#define EC_DABT_LOW     0x24
#define EC_DABT_CUR     0x25

static const char *const fsc_kinds[] = {
	"address size fault", "translation fault", "access flag fault", "permission fault",
};

static void describe_abort(uint64_t esr)
{
	uint64_t ec = (esr >> ESR_EC_SHIFT) & ESR_EC_MASK, fsc = esr & ISS_FSC_MASK;
	bool data = ec == EC_DABT_LOW || ec == EC_DABT_CUR;

	if (ec != EC_IABT_LOW && ec != EC_IABT_CUR && !data)
		return;
	if (FSC_TYPE(fsc) < ARRAY_SIZE(fsc_kinds))
		printk("Abort: %s, level %lu%s\n", fsc_kinds[FSC_TYPE(fsc)],
		       (unsigned long)FSC_LEVEL(fsc),
		       data ? ((esr & ISS_WNR) ? ", on a write" : ", on a read") : ", on a fetch");
	else
		printk("Abort: %s (FSC 0x%02lx)\n",
		       fsc == FSC_ALIGNMENT ? "alignment fault" :
		       fsc == FSC_EXTERNAL ? "synchronous external abort" : "other fault",
		       (unsigned long)fsc);
}

static bool in_text(uint64_t pc)
{
	return pc >= (uintptr_t)_start_image && pc < (uintptr_t)_etext;
}

static void print_pc(const char *what, uint64_t pc)
{
	if (in_text(pc))
		printk("%s 0x%016lx  (xen.elf +0x%lx)\n", what, (unsigned long)pc,
		       (unsigned long)(pc - (uintptr_t)_start_image));
	else
		printk("%s 0x%016lx\n", what, (unsigned long)pc);
}

static void dump_registers(const struct cpu_regs *r)
{
	for (unsigned int i = 0; i < 30; i += 3)
		printk("x%-2u 0x%016lx  x%-2u 0x%016lx  x%-2u 0x%016lx\n", i,
		       (unsigned long)r->x[i], i + 1, (unsigned long)r->x[i + 1], i + 2,
		       (unsigned long)r->x[i + 2]);
	printk("x30 0x%016lx  sp  0x%016lx\n", (unsigned long)r->x[30], (unsigned long)r->sp);
}

/* Walks the AAPCS64 frame-record chain, staying inside this CPU's stack. */
static void backtrace_from(uint64_t fp, uint64_t pc)
{
	uintptr_t lo = this_pcpu()->stack_base, hi = lo + STACK_SIZE;

	printk("Backtrace (addr2line -e xen.elf OFFSET):\n");
	print_pc("   ", pc);
	for (unsigned int i = 0; i < BACKTRACE_MAX; i++) {
		const uint64_t *rec = (const uint64_t *)(uintptr_t)fp;

		if (fp < lo || fp + 16 > hi || !IS_ALIGNED(fp, 16))
			break;
		if (rec[1] == 0)
			break;
		print_pc("   ", rec[1] - 4);
		fp = rec[0];
	}
}

void arch_dump_backtrace(void)
{
	backtrace_from((uint64_t)(uintptr_t)__builtin_frame_address(0),
		       (uint64_t)(uintptr_t)&arch_dump_backtrace);
	/* No tail call: the walk starts from this function's frame record, which must stay. */
	asm volatile("" : : : "memory");
}

static void __noreturn crash_report(const struct cpu_regs *r, unsigned int vec)
{
	uint64_t esr = r->esr;

	arch_irq_disable();
	console_force_unlock();
	printk_level(LOG_ERR, "----[ unexpected exception on CPU%u: %s ]----\n", arch_cpu_id(),
		     vec_names[vec % VEC_COUNT]);
	printk("ESR_EL2 0x%08lx  EC 0x%02lx (%s)  IL %lu  ISS 0x%07lx\n", (unsigned long)esr,
	       (unsigned long)((esr >> ESR_EC_SHIFT) & ESR_EC_MASK), ec_name(esr),
	       (unsigned long)!!(esr & ESR_IL), (unsigned long)(esr & ESR_ISS_MASK));
	printk("FAR_EL2 0x%016lx  SPSR_EL2 0x%08lx\n", (unsigned long)r->far,
	       (unsigned long)r->spsr);
	describe_abort(esr);
	print_pc("ELR_EL2", r->elr);
	dump_registers(r);
	backtrace_from(r->x[29], r->elr);
	printk_level(LOG_ERR, "CPU%u stopped; other CPUs carry on.\n", arch_cpu_id());
	arch_cpu_park();
}

static void hyp_sync_unexpected(struct cpu_regs *regs)
{
	crash_report(regs, VEC_CUR_SPX_SYNC);
}

static const hyp_sync_fn hyp_sync_handlers[ESR_EC_MAX + 1] = {
	[0 ... ESR_EC_MAX] = hyp_sync_unexpected,
};

void do_hyp_sync(struct cpu_regs *regs);
void do_unexpected_exception(struct cpu_regs *regs, unsigned int vec);

void do_hyp_sync(struct cpu_regs *regs)
{
	hyp_sync_handlers[(regs->esr >> ESR_EC_SHIFT) & ESR_EC_MASK](regs);
}

void do_unexpected_exception(struct cpu_regs *regs, unsigned int vec)
{
	crash_report(regs, vec);
}
