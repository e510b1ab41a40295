/* SPDX-License-Identifier: MIT */
/*
 * The toolstack interface: HYPERVISOR_domctl (36) and HYPERVISOR_sysctl (35),
 * our own, versioned (docs/specs/domctl.md). x0 = guest address of the
 * struct below; only the hardware domain may call them (-EPERM). A version
 * other than CTL_INTERFACE_VERSION is refused with -EACCES, so a toolstack
 * built for another hypervisor fails clearly instead of misreading fields.
 */
#ifndef PUBLIC_DOMCTL_H
#define PUBLIC_DOMCTL_H

#include <public/xen.h>

#define CTL_INTERFACE_VERSION   0x00010000U   /* major 1, minor 0 */
#define CTL_NAME_LEN            64

/* domctl commands */
#define CTL_DOMCTL_create       1
#define CTL_DOMCTL_destroy      2
#define CTL_DOMCTL_pause        3
#define CTL_DOMCTL_unpause      4
#define CTL_DOMCTL_getinfo      5
#define CTL_DOMCTL_max_mem      6
#define CTL_DOMCTL_sched_credit 7
#define CTL_DOMCTL_vcpu_affinity 8
#define CTL_DOMCTL_shutdown     9
#define CTL_DOMCTL_vcpu_start   10
#define CTL_DOMCTL_getvcpucontext 11
#define CTL_DOMCTL_setvcpucontext 12
#define CTL_DOMCTL_get_hvm_param 13
#define CTL_DOMCTL_set_hvm_param 14
#define CTL_DOMCTL_getvcpuinfo  15

/*
 * get/setvcpucontext: the vCPU's struct vcpu_state_v1 (public/vcpu_state.h,
 * docs/specs/vcpu-state.md) at guest address buffer; size must be its size.
 * The domain must be paused (-EBUSY otherwise).
 */
struct ctl_domctl_vcpu_context {
	uint32_t vcpu;
	uint32_t size;
	uint64_t buffer;
};

/* get/set_hvm_param: index is HVM_PARAM_* (public/hvm.h). */
struct ctl_domctl_hvm_param {
	uint32_t index;
	uint32_t pad;
	uint64_t value;
};

#define CTL_VCPUINF_online   (1U << 0)
#define CTL_VCPUINF_blocked  (1U << 1)   /* waiting for an event (WFI, poll, block) */
#define CTL_VCPUINF_running  (1U << 2)   /* on a pCPU now */

/* getvcpuinfo: IN vcpu; OUT the rest. */
struct ctl_domctl_vcpu_info {
	uint32_t vcpu;
	uint32_t flags;               /* CTL_VCPUINF_* */
	uint32_t cpu;                 /* the pCPU it runs or last ran on */
	uint32_t pad;
	uint64_t cpu_time_ns;
	uint64_t cpumap;              /* affinity, bit n = pCPU n */
};

/* Starts an offline vCPU of a paused domain at pc, x0 = arg (Linux: the DT), EL1h, MMU off. */
struct ctl_domctl_vcpu_start {
	uint32_t vcpu;
	uint32_t pad;
	uint64_t pc;
	uint64_t x0;
};

#define CTL_GET 0
#define CTL_SET 1

struct ctl_domctl_sched_credit {
	uint32_t op;                  /* CTL_GET or CTL_SET */
	uint16_t weight;              /* 1..65535 (default 256) */
	uint16_t cap;                 /* percent of one pCPU, 0 = none */
};

struct ctl_domctl_vcpu_affinity {
	uint32_t op;                  /* CTL_GET or CTL_SET */
	uint32_t vcpu;
	uint64_t cpumap;              /* bit n = pCPU n */
};

struct ctl_domctl_create {
	uint32_t max_vcpus;
	uint32_t max_evtchn;          /* 0: the default (4096) */
	uint32_t max_grant_frames;    /* 0: the default (64) */
	uint32_t max_maptrack;        /* 0: the default */
	uint64_t max_mem_kb;          /* RAM limit (0: none) */
	uint32_t nr_spis;             /* virtual SPIs (multiple of 32, <= 960) */
	uint32_t gic_version;         /* 3 (the only one) */
	char name[CTL_NAME_LEN];      /* NUL-terminated */
};

#define CTL_DOMINF_running   (1U << 0)
#define CTL_DOMINF_paused    (1U << 1)
#define CTL_DOMINF_shutdown  (1U << 2)
#define CTL_DOMINF_dying     (1U << 3)
#define CTL_DOMINF_hvm_dom0  (1U << 4)   /* the hardware domain */

struct ctl_domctl_info {
	domid_t domid;                /* OUT */
	uint16_t pad;
	uint32_t flags;               /* CTL_DOMINF_* */
	uint32_t shutdown_code;       /* SHUTDOWN_* when flags has shutdown */
	uint32_t nr_vcpus;
	uint32_t nr_online_vcpus;
	uint32_t pad2;
	uint64_t tot_pages;           /* RAM pages mapped */
	uint64_t max_pages;
	uint64_t cpu_time_ns;         /* all vCPUs */
	char name[CTL_NAME_LEN];
	uint64_t created_ns;          /* hypervisor time (ns since boot) at create */
};

/* Both structs start with the command and the version word. */
struct ctl_domctl {
	uint32_t cmd;                 /* CTL_DOMCTL_* */
	uint32_t version;             /* CTL_INTERFACE_VERSION */
	domid_t domid;                /* create: DOMID_SELF picks one, and it is written back */
	uint16_t pad[3];
	union {
		struct ctl_domctl_create create;
		struct ctl_domctl_info info;     /* getinfo: the first domain >= domid */
		uint64_t max_mem_kb;             /* max_mem */
		struct ctl_domctl_sched_credit sched;
		struct ctl_domctl_vcpu_affinity affinity;
		uint32_t shutdown_reason;        /* shutdown: SHUTDOWN_* */
		struct ctl_domctl_vcpu_start vcpu_start;
		struct ctl_domctl_vcpu_context context;
		struct ctl_domctl_hvm_param hvm_param;
		struct ctl_domctl_vcpu_info vcpu_info;
		uint8_t raw[192];
	} u;
};

/* sysctl commands */
#define CTL_SYSCTL_physinfo     1
#define CTL_SYSCTL_readconsole  2

struct ctl_sysctl_physinfo {
	uint32_t nr_cpus;
	uint32_t pad;
	uint64_t cpu_khz;             /* counter frequency */
	uint64_t total_pages;
	uint64_t free_pages;          /* free now, the heap's spare slab pages counted */
	uint64_t now_ns;              /* hypervisor time (ns since boot): uptimes */
};

struct ctl_sysctl_readconsole {
	uint64_t buffer;              /* guest address */
	uint32_t count;               /* IN: buffer size; OUT: bytes written */
	uint32_t pad;
};

struct ctl_sysctl {
	uint32_t cmd;
	uint32_t version;
	union {
		struct ctl_sysctl_physinfo physinfo;
		struct ctl_sysctl_readconsole readconsole;
		uint8_t raw[128];
	} u;
};

#endif /* PUBLIC_DOMCTL_H */
