// SPDX-License-Identifier: GPL-2.0-only
/*
 * Lazy FP/SIMD switching: a vCPU starts each stint on a CPU with
 * CPTR_EL2.TFP set; its first FP instruction traps (EC 0x07), its registers
 * are loaded and the trap is lifted. Switching away saves them again.
 */
#include <asm/vcpu.h>

_Static_assert(__builtin_offsetof(struct fpsimd_state, fpsr) == 16 * 32, "fpsimd.S layout");

void fpsimd_trap(struct vcpu *v)
{
	write_sysreg(read_sysreg(cptr_el2) & ~CPTR_TFP, cptr_el2);
	isb();
	fpsimd_load_regs(&v->arch.fp);
	v->arch.fp_loaded = true;
}

void fpsimd_save(struct vcpu *v)
{
	if (!v->arch.fp_loaded)
		return;
	fpsimd_save_regs(&v->arch.fp);
	write_sysreg(read_sysreg(cptr_el2) | CPTR_TFP, cptr_el2);
	isb();
	v->arch.fp_loaded = false;
}
