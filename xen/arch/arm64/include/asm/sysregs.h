/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Typed system-register access and the register fields the hypervisor uses.
 * Field positions cite the Arm ARM (DDI 0487K.a) register descriptions in
 * chapter D24 (AArch64 system registers) and the GICv3 spec (IHI 0069H).
 */
#ifndef ASM_SYSREGS_H
#define ASM_SYSREGS_H

#ifndef __ASSEMBLER__
#include <xen/types.h>

#define read_sysreg(r)                                                        \
	({                                                                    \
		uint64_t __rv;                                                \
		asm volatile("mrs %0, " STRINGIFY(r) : "=r"(__rv));           \
		__rv;                                                         \
	})

#define write_sysreg(v, r)                                                    \
	do {                                                                  \
		uint64_t __v = (uint64_t)(v);                                 \
		asm volatile("msr " STRINGIFY(r) ", %x0" : : "rZ"(__v));      \
	} while (0)

#define isb()      asm volatile("isb" : : : "memory")
#define dsb(opt)   asm volatile("dsb " #opt : : : "memory")
#define dmb(opt)   asm volatile("dmb " #opt : : : "memory")
#define wfi()      asm volatile("wfi" : : : "memory")
#define wfe()      asm volatile("wfe" : : : "memory")
#define sev()      asm volatile("sev" : : : "memory")
#endif

/* GICv3 CPU-interface registers by encoding (GICv3 spec, 12.1). */
#define ICC_IAR1_EL1    S3_0_C12_C12_0
#define ICC_EOIR1_EL1   S3_0_C12_C12_1
#define ICC_DIR_EL1     S3_0_C12_C11_1
#define ICC_PMR_EL1     S3_0_C4_C6_0
#define ICC_BPR1_EL1    S3_0_C12_C12_3
#define ICC_CTLR_EL1    S3_0_C12_C12_4
#define ICC_SRE_EL1     S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_SGI1R_EL1   S3_0_C12_C11_5
#define ICC_SRE_EL2     S3_4_C12_C9_5
#define ICH_VTR_EL2     S3_4_C12_C11_1
#define ICH_HCR_EL2     S3_4_C12_C11_0

#define ICH_VMCR_EL2    S3_4_C12_C11_7
#define ICH_MISR_EL2    S3_4_C12_C11_2
#define ICH_AP1R0_EL2   S3_4_C12_C9_0
#define ICH_AP1R1_EL2   S3_4_C12_C9_1
#define ICH_AP1R2_EL2   S3_4_C12_C9_2
#define ICH_AP1R3_EL2   S3_4_C12_C9_3

/* EL2 physical timer (D24.9). */
#define CNTHP_CTL_EL2   S3_4_C14_C2_1
#define CNTHP_CVAL_EL2  S3_4_C14_C2_2

/* CurrentEL.EL, bits [3:2]. */
#define CURRENTEL_EL2   (2 << 2)

/* SCTLR_EL2 with HCR_EL2.E2H == 0 (D24.2.175). */
#define SCTLR_M         (1UL << 0)   /* stage-1 MMU enable */
#define SCTLR_A         (1UL << 1)   /* alignment check */
#define SCTLR_C         (1UL << 2)   /* data cacheability */
#define SCTLR_SA        (1UL << 3)   /* SP alignment check */
#define SCTLR_I         (1UL << 12)  /* instruction cacheability */
#define SCTLR_WXN       (1UL << 19)  /* writable implies execute-never */
#define SCTLR_EL2_RES1  0x30c50830UL /* bits 4,5,11,16,18,22,23,28,29 */

/* HCR_EL2 (D24.2.48). */
#define HCR_FMO         (1UL << 3)   /* physical FIQ routed to EL2 */
#define HCR_IMO         (1UL << 4)   /* physical IRQ routed to EL2 */
#define HCR_AMO         (1UL << 5)   /* physical SError routed to EL2 */
#define HCR_VM          (1UL << 0)   /* stage-2 translation on */
#define HCR_SWIO        (1UL << 1)
#define HCR_FB          (1UL << 9)   /* broadcast TLB/cache maintenance */
#define HCR_BSU_INNER   (1UL << 10)
#define HCR_TWI         (1UL << 13)  /* trap WFI */
#define HCR_TWE         (1UL << 14)  /* trap WFE */
#define HCR_TID3        (1UL << 18)  /* trap ID group 3 registers */
#define HCR_TSC         (1UL << 19)  /* trap SMC */
#define HCR_TSW         (1UL << 22)  /* trap data cache set/way maintenance */
#define HCR_RW          (1UL << 31)  /* EL1 is AArch64 */
#define HCR_TGE         (1UL << 27)
#define HCR_E2H         (1UL << 34)

/* TCR_EL2 with E2H == 0 (D24.2.190). */
#define TCR_T0SZ(bits)  ((64UL - (bits)) << 0)
#define TCR_IRGN0_WBWA  (1UL << 8)
#define TCR_ORGN0_WBWA  (1UL << 10)
#define TCR_SH0_INNER   (3UL << 12)
#define TCR_TG0_4K      (0UL << 14)
#define TCR_PS_SHIFT    16
#define TCR_EL2_RES1    ((1UL << 23) | (1UL << 31))

/* ID_AA64MMFR0_EL1.PARange, bits [3:0] (D24.2.64): encoding -> bits. */
#define MMFR0_PARANGE_MASK 0xfUL

/* MAIR_EL2 attribute indices and encodings (D24.2.98). */
#define MAIR_IDX_NORMAL     0
#define MAIR_IDX_DEVICE     1
#define MAIR_IDX_DEVICE_NE  2
#define MAIR_IDX_NORMAL_NC  3
#define MAIR_NORMAL_WB      0xffUL  /* Normal, Inner/Outer WB RW-allocate */
#define MAIR_DEVICE_nGnRE   0x04UL
#define MAIR_DEVICE_nGnRnE  0x00UL
#define MAIR_NORMAL_NC      0x44UL
#define MAIR_EL2_VALUE                                                        \
	((MAIR_NORMAL_WB << (8 * MAIR_IDX_NORMAL)) |                          \
	 (MAIR_DEVICE_nGnRE << (8 * MAIR_IDX_DEVICE)) |                       \
	 (MAIR_DEVICE_nGnRnE << (8 * MAIR_IDX_DEVICE_NE)) |                   \
	 (MAIR_NORMAL_NC << (8 * MAIR_IDX_NORMAL_NC)))

/* MPIDR_EL1 affinity fields (D24.2.101): Aff0-2 in [23:0], Aff3 in [39:32]. */
#define MPIDR_AFF_MASK  0xff00ffffffUL

/* DAIF bits as used by msr daifset/daifclr (#imm: D=8, A=4, I=2, F=1). */
#define DAIF_I          (1UL << 7)

/* VTCR_EL2 (D24.2.206), 4K granule. */
#define VTCR_T0SZ(bits)  ((64UL - (bits)) << 0)
#define VTCR_SL0_SHIFT   6          /* 0: start level 2, 1: level 1, 2: level 0 */
#define VTCR_IRGN0_WBWA  (1UL << 8)
#define VTCR_ORGN0_WBWA  (1UL << 10)
#define VTCR_SH0_INNER   (3UL << 12)
#define VTCR_TG0_4K      (0UL << 14)
#define VTCR_PS_SHIFT    16
#define VTCR_VS_16BIT    (1UL << 19)
#define VTCR_RES1        (1UL << 31)
#define VTTBR_VMID_SHIFT 48

/* CPTR_EL2 with E2H == 0 (D24.2.32). */
#define CPTR_RES1        0x000032ffUL   /* bits 13:12 (TSM as 1), 9, 7:0 */
#define CPTR_TZ          (1UL << 8)     /* trap SVE */
#define CPTR_TFP         (1UL << 10)    /* trap FP/SIMD */
#define CPTR_TTA         (1UL << 20)    /* trap trace registers */
#define CPTR_TAM         (1UL << 30)    /* trap activity monitors */

/* MDCR_EL2 (D24.2.104). */
#define MDCR_HPMN_MASK   0x1fUL
#define MDCR_TPMCR       (1UL << 5)
#define MDCR_TPM         (1UL << 6)

/* SPSR for AArch64 EL1h with D, A, I, F masked (C5.2.19). */
#define SPSR_EL1H        0x5UL
#define SPSR_DAIF        (0xfUL << 6)
#define SPSR_MODE_MASK   0xfUL
#define SPSR_EL1T        0x4UL
#define SPSR_EL0T        0x0UL

/* SCTLR_EL1 RES1 bits at reset, MMU off (D24.2.174): 11, 20, 22, 23, 28, 29. */
#define SCTLR_EL1_RES1   0x30d00800UL

/* MPIDR_EL1 bit 31 is RES1 (D24.2.101). */
#define MPIDR_RES1       (1UL << 31)

/* CNTHCTL_EL2 with E2H == 0 (D24.9.3): EL1 access to the physical counter/timer. */
#define CNTHCTL_EL1PCTEN (1UL << 0)
#define CNTHCTL_EL1PCEN  (1UL << 1)

/* CNT*_CTL (D24.9): timer control. */
#define CNT_CTL_ENABLE  (1UL << 0)
#define CNT_CTL_IMASK   (1UL << 1)
#define CNT_CTL_ISTATUS (1UL << 2)

/* ESR_ELx (D24.2.40). */
#define ESR_EC_SHIFT    26
#define ESR_EC_MASK     0x3fUL
#define ESR_IL          (1UL << 25)
#define ESR_ISS_MASK    0x1ffffffUL
#define ESR_EC_MAX      0x3f

#endif /* ASM_SYSREGS_H */
